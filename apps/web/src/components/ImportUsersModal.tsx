import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useDepartments } from '../hooks';
import { download, uploadFile } from '../lib/api';
import { errorText } from '../lib/errors';
import { ROLE_LABELS, type Role } from '../lib/tasks';

/** `POST /api/v1/users/import`'s answer. */
interface UserImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  errors: { row: number; column: string; message: string }[];
  users: { row: number; name: string; email: string; role: Role | null; departmentCode: string | null; temporaryPassword?: string }[];
}

/**
 * 批量开户: the template, a preview naming every problem by row (nothing is created while one remains), then the
 * accounts with their temporary passwords, shown this once.
 */
export function ImportUsersModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { name } = useDepartments();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<UserImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const done = report !== null && !report.dryRun && report.created > 0;
  const clean = report !== null && report.errors.length === 0 && report.rows > 0;

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      setReport(await uploadFile<UserImportReport>(`/users/import?dryRun=${dryRun}`, file, () => undefined));
    } catch (error) {
      setReport(null);
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }
  const close = () => {
    setFile(null);
    setReport(null);
    setFailure(null);
    onClose();
  };

  return (
    <Modal
      title="批量导入用户"
      open={open}
      onCancel={close}
      width={860}
      footer={<Button onClick={close}>{done ? '我已记下，关闭' : '关闭'}</Button>}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          上传 .xlsx
          表格（列：姓名、邮箱、角色、所属部门；部门负责人和联络员须填部门）。先预览检查，无误后确认导入；每个账号获得一个临时密码，仅在导入后显示一次，本人首次登录须修改。
        </Typography.Text>
        {!done && (
          <Space wrap>
            <Button onClick={() => void download('/users/import/template.xlsx', '批量开户模板.xlsx')}>下载模板</Button>
            <Upload
              accept=".xlsx"
              maxCount={1}
              beforeUpload={(picked) => {
                setFile(picked);
                setReport(null);
                setFailure(null);
                return false;
              }}
              onRemove={() => {
                setFile(null);
                setReport(null);
              }}
            >
              <Button>选择文件</Button>
            </Upload>
            <Button type="primary" disabled={!file} loading={busy && !clean} onClick={() => void send(true)}>
              预览
            </Button>
            <Button type="primary" disabled={!clean || busy} loading={busy && clean} onClick={() => void send(false)}>
              确认导入
            </Button>
          </Space>
        )}
        {failure && <Alert type="error" showIcon title="无法导入该文件" description={failure} />}
        {report && (
          <Alert
            showIcon
            type={report.errors.length > 0 ? 'error' : 'success'}
            title={
              report.errors.length > 0
                ? `发现 ${report.errors.length} 处问题，请修改表格后重新上传；有问题时不会创建任何账号`
                : done
                  ? `已创建 ${report.created} 个账号。临时密码仅显示这一次，请逐一告知本人`
                  : `共 ${report.rows} 个账号，检查无误，可以确认导入`
            }
          />
        )}
        {report && report.errors.length > 0 && (
          <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="user-import-errors">
            {report.errors.map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
        )}
        {report && report.users.length > 0 && (
          <Table
            rowKey="row"
            size="small"
            dataSource={report.users}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 700 }}
            columns={[
              { title: '行', dataIndex: 'row', width: 50 },
              { title: '姓名', dataIndex: 'name', width: 100 },
              { title: '邮箱', dataIndex: 'email' },
              { title: '角色', dataIndex: 'role', width: 100, render: (r: Role | null) => (r ? ROLE_LABELS[r] : '—') },
              { title: '所属部门', dataIndex: 'departmentCode', width: 140, render: (c: string | null) => (c ? name(c) : '—') },
              ...(done
                ? [
                    {
                      title: '临时密码',
                      dataIndex: 'temporaryPassword',
                      width: 200,
                      render: (p: string) => (
                        <Typography.Text copyable code>
                          {p}
                        </Typography.Text>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
