import { App, Button, Tag, Typography } from 'antd';
import { ScrollTable } from '../components/ScrollTable';
import { useNavigate } from 'react-router-dom';
import { PageTitle } from '../components/bits';
import { WorkbookUpload } from '../components/WorkbookUpload';
import { useDepartments, usePlan, withPlan } from '../hooks';
import { download } from '../lib/api';
import { dueDateText, REPORT_CYCLE_LABELS } from '../lib/tasks';
import { ACTION_LABELS, type ImportReport, previewRows } from '../lib/imports';

const ACTION_COLORS = { create: 'green', update: 'blue', unchanged: 'default' } as const;

/** 导入分工表: download the template, upload a table, see what it would create with every problem in its row, then confirm. */
export function ImportTasksPage() {
  const { message } = App.useApp();
  const { name } = useDepartments();
  const navigate = useNavigate();
  const { plan } = usePlan();
  return (
    <>
      <PageTitle extra={<Button onClick={() => download('/tasks/import/template.xlsx', '重点任务分工表模板.xlsx')}>下载模板</Button>}>导入分工表</PageTitle>
      <WorkbookUpload<ImportReport>
        path={withPlan('/tasks/import', plan)}
        framed
        intro={
          <Typography.Text type="secondary">
            {plan ? `导入到规划《${plan.title}》（可在页头切换规划），新任务归入该规划，「条款」列按该规划的条款核对。` : ''}
            上传 .xlsx
            分工表（模板或各单位自制的表格均可：按表头识别「重点任务」「牵头单位」「配合单位」「完成时限」等列，合并单元格、多个工作表、序号层级都能读取）。先预览检查，无误后再确认导入；重复导入同一文件不会产生重复任务。
          </Typography.Text>
        }
        failureTitle="无法读取该文件"
        canConfirm={(report) => report.errors.length === 0}
        onImported={(result) => {
          message.success(`已导入：新建 ${result.created} 项，更新 ${result.updated} 项，${result.unchanged} 项未变`);
          void navigate('/tasks');
        }}
        summary={(report) =>
          report.errors.length === 0
            ? {
                type: 'success',
                title: `共 ${report.rows} 项任务（工作表：${report.sheets.join('、')}）：将新建 ${report.created} 项，更新 ${report.updated} 项，${report.unchanged} 项不变`,
              }
            : { type: 'error', title: `发现 ${report.errors.length} 处问题，请修改表格后重新上传；有问题时不会导入任何任务` }
        }
      >
        {(report) => (
          <ScrollTable
            rowKey="key"
            size="small"
            dataSource={previewRows(report)}
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
      </WorkbookUpload>
    </>
  );
}
