/**
 * The 通报 as an Excel workbook: one sheet of ranked departments and one of
 * their worst tasks, Chinese headers, the header row frozen. Small (a row per
 * department, five tasks each), so it is built inside the request.
 */
import ExcelJS from 'exceljs';
import type { TaskStatus } from '../tasks/task-status.js';
import { STATUS_LABEL } from '../tasks/tasks.messages.js';
import type { DashboardService } from './dashboard.service.js';

export type Bulletin = Awaited<ReturnType<DashboardService['bulletin']>>;

/** The file name people see (Content-Disposition carries it RFC 5987-encoded). */
export function bulletinFileName(asOf: string): string {
  return `督办通报-${asOf}.xlsx`;
}

export async function bulletinWorkbook(bulletin: Bulletin): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'duban 督办';
  workbook.created = new Date();

  const ranking = workbook.addWorksheet('通报', { views: [{ state: 'frozen', ySplit: 1 }] });
  ranking.columns = [
    { header: '排名', key: 'rank', width: 8 },
    { header: '部门代码', key: 'code', width: 14 },
    { header: '部门', key: 'name', width: 24 },
    { header: '逾期任务数', key: 'overdue', width: 12 },
    { header: '已升级任务数', key: 'escalated', width: 14 },
    { header: '逾期且已升级', key: 'overdueAndEscalated', width: 14 },
    { header: '最长逾期天数', key: 'maxDaysOverdue', width: 14 },
    { header: '逾期未报', key: 'missedReports', width: 10 },
    { header: '最严重的任务', key: 'worst', width: 60 },
  ];
  for (const item of bulletin.items) {
    ranking.addRow({ ...item, worst: item.worst.map((t) => t.title).join('；') });
  }

  const tasks = workbook.addWorksheet('任务明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  tasks.columns = [
    { header: '排名', key: 'rank', width: 8 },
    { header: '部门', key: 'department', width: 24 },
    { header: '任务编号', key: 'code', width: 24 },
    { header: '任务', key: 'title', width: 50 },
    { header: '截止日期', key: 'dueDate', width: 12 },
    { header: '状态', key: 'status', width: 10 },
    { header: '逾期天数', key: 'daysOverdue', width: 10 },
    { header: '已升级至部门负责人', key: 'escalated', width: 18 },
  ];
  for (const item of bulletin.items) {
    for (const task of item.worst) {
      tasks.addRow({
        rank: item.rank,
        department: item.name,
        code: task.code ?? '',
        title: task.title,
        dueDate: task.dueDate,
        status: STATUS_LABEL[task.status as TaskStatus] ?? task.status,
        daysOverdue: task.daysOverdue,
        escalated: task.escalated ? '是' : '否',
      });
    }
  }
  for (const sheet of [ranking, tasks]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
