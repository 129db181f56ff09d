/**
 * The 通报 as an Excel workbook: one sheet of ranked departments and one of
 * their worst tasks, Chinese headers, the header row frozen. Small (a row per
 * department, five tasks each), so it is built inside the request.
 */
import ExcelJS from 'exceljs';
import type { TaskStatus } from '../tasks/task-status.js';
import { STATUS_LABEL } from '../tasks/tasks.messages.js';
import { BULLETIN_TEXT } from './dashboard.messages.js';
import type { DashboardService } from './dashboard.service.js';

export type Bulletin = Awaited<ReturnType<DashboardService['bulletin']>>;

/** The file name people see (Content-Disposition carries it RFC 5987-encoded). */
export function bulletinFileName(asOf: string): string {
  return BULLETIN_TEXT.fileName(asOf);
}

export async function bulletinWorkbook(bulletin: Bulletin): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = BULLETIN_TEXT.creator;
  workbook.created = new Date();

  const ranking = workbook.addWorksheet(BULLETIN_TEXT.rankingSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ranking.columns = [
    { header: BULLETIN_TEXT.ranking.rank, key: 'rank', width: 8 },
    { header: BULLETIN_TEXT.ranking.code, key: 'code', width: 14 },
    { header: BULLETIN_TEXT.ranking.name, key: 'name', width: 24 },
    { header: BULLETIN_TEXT.ranking.overdue, key: 'overdue', width: 12 },
    { header: BULLETIN_TEXT.ranking.escalated, key: 'escalated', width: 14 },
    { header: BULLETIN_TEXT.ranking.overdueAndEscalated, key: 'overdueAndEscalated', width: 14 },
    { header: BULLETIN_TEXT.ranking.maxDaysOverdue, key: 'maxDaysOverdue', width: 14 },
    { header: BULLETIN_TEXT.ranking.missedReports, key: 'missedReports', width: 10 },
    { header: BULLETIN_TEXT.ranking.worst, key: 'worst', width: 60 },
  ];
  for (const item of bulletin.items) {
    ranking.addRow({ ...item, worst: item.worst.map((t) => t.title).join('；') });
  }

  const tasks = workbook.addWorksheet(BULLETIN_TEXT.tasksSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  tasks.columns = [
    { header: BULLETIN_TEXT.tasks.rank, key: 'rank', width: 8 },
    { header: BULLETIN_TEXT.tasks.department, key: 'department', width: 24 },
    { header: BULLETIN_TEXT.tasks.code, key: 'code', width: 24 },
    { header: BULLETIN_TEXT.tasks.title, key: 'title', width: 50 },
    { header: BULLETIN_TEXT.tasks.dueDate, key: 'dueDate', width: 12 },
    { header: BULLETIN_TEXT.tasks.status, key: 'status', width: 10 },
    { header: BULLETIN_TEXT.tasks.daysOverdue, key: 'daysOverdue', width: 10 },
    { header: BULLETIN_TEXT.tasks.escalated, key: 'escalated', width: 18 },
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
        escalated: task.escalated ? BULLETIN_TEXT.yes : BULLETIN_TEXT.no,
      });
    }
  }
  for (const sheet of [ranking, tasks]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
