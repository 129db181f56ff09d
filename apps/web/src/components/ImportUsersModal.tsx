import { Button, Modal, Typography } from 'antd';
import { ScrollTable } from './ScrollTable';
import { useState } from 'react';
import { useDepartments } from '../hooks';
import { ROLE_LABELS, type Role } from '../lib/tasks';
import { WorkbookUpload } from './WorkbookUpload';

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
  const [done, setDone] = useState(false);
  const close = () => {
    setDone(false);
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
      <WorkbookUpload<UserImportReport>
        path="/users/import"
        template={{ path: '/users/import/template.xlsx', filename: '批量开户模板.xlsx' }}
        intro={
          <Typography.Text type="secondary">
            上传 .xlsx
            表格（列：姓名、邮箱、角色、所属部门；部门负责人和联络员须填部门）。先预览检查，无误后确认导入；每个账号获得一个临时密码，仅在导入后显示一次，本人首次登录须修改。
          </Typography.Text>
        }
        failureTitle="无法导入该文件"
        canConfirm={(report) => report.errors.length === 0 && report.rows > 0}
        finished={imported}
        onImported={(report) => setDone(imported(report))}
        summary={(report) => ({
          type: report.errors.length > 0 ? 'error' : 'success',
          title:
            report.errors.length > 0
              ? `发现 ${report.errors.length} 处问题，请修改表格后重新上传；有问题时不会创建任何账号`
              : imported(report)
                ? `已创建 ${report.created} 个账号。临时密码仅显示这一次，请逐一告知本人`
                : `共 ${report.rows} 个账号，检查无误，可以确认导入`,
        })}
      >
        {(report) => (
          <>
            {report.errors.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="user-import-errors">
                {report.errors.map((e, i) => (
                  <li key={i}>{e.message}</li>
                ))}
              </ul>
            )}
            {report.users.length > 0 && (
              <ScrollTable
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
                  ...(imported(report)
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
          </>
        )}
      </WorkbookUpload>
    </Modal>
  );
}

/** The accounts were created (not a preview): their temporary passwords are shown this once. */
function imported(report: UserImportReport): boolean {
  return !report.dryRun && report.created > 0;
}
