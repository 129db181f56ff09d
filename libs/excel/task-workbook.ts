/** The task list as a workbook (GET /tasks.xlsx), streamed. */
import type { Writable } from 'node:stream';
import { type SheetColumn, type SheetWriter, streamingSheet } from './streaming-sheet.js';
import { TASK_EXPORT_TEXT } from './excel.messages.js';

export interface TaskExportRow {
  code: string | null;
  title: string;
  leadDepartment: string;
  coDepartments: string;
  /** The date, or 长期坚持 for an open-ended task. */
  dueDate: string;
  status: string;
  light: string;
  daysOverdue: number;
  percent: number;
  lastReportAt: string;
  lastReport: string;
  clauseRef: string | null;
}

const COLUMNS: Array<SheetColumn<TaskExportRow>> = [
  { header: TASK_EXPORT_TEXT.code, key: 'code', width: 16 },
  { header: TASK_EXPORT_TEXT.title, key: 'title', width: 48 },
  { header: TASK_EXPORT_TEXT.leadDepartment, key: 'leadDepartment', width: 18 },
  { header: TASK_EXPORT_TEXT.coDepartments, key: 'coDepartments', width: 28 },
  { header: TASK_EXPORT_TEXT.dueDate, key: 'dueDate', width: 12 },
  { header: TASK_EXPORT_TEXT.status, key: 'status', width: 10 },
  { header: TASK_EXPORT_TEXT.light, key: 'light', width: 8 },
  { header: TASK_EXPORT_TEXT.daysOverdue, key: 'daysOverdue', width: 10 },
  { header: TASK_EXPORT_TEXT.percent, key: 'percent', width: 10 },
  { header: TASK_EXPORT_TEXT.lastReportAt, key: 'lastReportAt', width: 14 },
  { header: TASK_EXPORT_TEXT.lastReport, key: 'lastReport', width: 48 },
  { header: TASK_EXPORT_TEXT.clauseRef, key: 'clauseRef', width: 14 },
];

export const TASK_EXPORT_HEADERS = COLUMNS.map((c) => c.header);

/** The task list's workbook on `out` (sheet 任务清单). */
export function taskWorkbook(out: Writable): SheetWriter<TaskExportRow> {
  return streamingSheet(out, TASK_EXPORT_TEXT.sheet, COLUMNS);
}
