import { Alert, App, Button, Card, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageTitle } from '../components/bits';
import { useDepartments } from '../hooks';
import { download, uploadFile } from '../lib/api';
import { errorText } from '../lib/errors';
import { dueDateText, REPORT_CYCLE_LABELS } from '../lib/tasks';
import { ACTION_LABELS, type ImportReport, previewRows } from '../lib/imports';

const ACTION_COLORS = { create: 'green', update: 'blue', unchanged: 'default' } as const;

/** 导入分工表: download the template, upload a table, see what it would create with every problem in its row, then confirm. */
export function ImportTasksPage() {
  const { message } = App.useApp();
  const { name } = useDepartments();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await uploadFile<ImportReport>(`/tasks/import?dryRun=${dryRun}`, file, () => undefined);
      setReport(result);
      if (!dryRun) {
        message.success(`已导入：新建 ${result.created} 项，更新 ${result.updated} 项，${result.unchanged} 项未变`);
        void navigate('/tasks');
      }
    } catch (error) {
      setReport(null);
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  const rows = report ? previewRows(report) : [];
  const clean = report !== null && report.errors.length === 0;
  return (
    <>
      <PageTitle extra={<Button onClick={() => download('/tasks/import/template.xlsx', '重点任务分工表模板.xlsx')}>下载模板</Button>}>导入分工表</PageTitle>
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          <Typography.Text type="secondary">
            上传 .xlsx
            分工表（模板或各单位自制的表格均可：按表头识别「重点任务」「牵头单位」「配合单位」「完成时限」等列，合并单元格、多个工作表、序号层级都能读取）。先预览检查，无误后再确认导入；重复导入同一文件不会产生重复任务。
          </Typography.Text>
          <Space wrap>
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
            <Button type="primary" disabled={!file} loading={busy && !report} onClick={() => send(true)}>
              预览
            </Button>
            <Button type="primary" danger={false} disabled={!clean || busy} loading={busy && clean} onClick={() => send(false)}>
              确认导入
            </Button>
          </Space>
        </div>
      </Card>
      {failure && <Alert type="error" showIcon title="无法读取该文件" description={failure} style={{ marginBottom: 12 }} />}
      {report && (
        <Alert
          style={{ marginBottom: 12 }}
          showIcon
          type={clean ? 'success' : 'error'}
          title={
            clean
              ? `共 ${report.rows} 项任务（工作表：${report.sheets.join('、')}）：将新建 ${report.created} 项，更新 ${report.updated} 项，${report.unchanged} 项不变`
              : `发现 ${report.errors.length} 处问题，请修改表格后重新上传；有问题时不会导入任何任务`
          }
        />
      )}
      {report && (
        <Table
          rowKey="key"
          size="small"
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          rowClassName={(r) => (r.problems.length > 0 ? 'import-row-error' : '')}
          onRow={(r) =>
            ({ style: r.problems.length > 0 ? { background: '#fff1f0' } : undefined, 'data-testid': 'import-row' }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            { title: '位置', key: 'at', width: 110, render: (_, r) => `${r.sheet} 第 ${r.row} 行` },
            {
              title: '处理',
              key: 'action',
              width: 70,
              render: (_, r) => (r.task ? <Tag color={ACTION_COLORS[r.task.action]}>{ACTION_LABELS[r.task.action]}</Tag> : null),
            },
            {
              title: '任务',
              key: 'title',
              render: (_, r) =>
                r.task && (
                  <span style={{ paddingLeft: r.task.parentRow ? 16 : 0 }}>
                    {r.task.label ? `${r.task.label} ` : ''}
                    {r.task.title}
                  </span>
                ),
            },
            { title: '牵头单位', key: 'lead', width: 130, render: (_, r) => (r.task?.leadDepartmentCode ? name(r.task.leadDepartmentCode) : '') },
            { title: '配合单位', key: 'co', width: 160, render: (_, r) => r.task?.coDepartmentCodes.map(name).join('、') },
            {
              title: '完成时限',
              key: 'due',
              width: 130,
              render: (_, r) =>
                r.task
                  ? [dueDateText(r.task.dueDate), r.task.reportEvery ? REPORT_CYCLE_LABELS[r.task.reportEvery] + '报送' : ''].filter(Boolean).join('，')
                  : '',
            },
            {
              title: '问题',
              key: 'problems',
              width: 320,
              render: (_, r) =>
                r.problems.map((p) => (
                  <div key={`${p.column}${p.message}`} style={{ color: '#cf1322' }}>
                    {p.cell ? `${p.cell} ` : ''}
                    {p.message}
                  </div>
                )),
            },
          ]}
        />
      )}
    </>
  );
}
