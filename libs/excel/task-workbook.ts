/** The task list as a workbook (GET /tasks.xlsx), streamed. */
import type { Writable } from 'node:stream';
import { type SheetColumn, type SheetWriter, streamingSheet } from './streaming-sheet.js';

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
  { header: '编号', key: 'code', width: 16 },
  { header: '任务', key: 'title', width: 48 },
  { header: '牵头单位', key: 'leadDepartment', width: 18 },
  { header: '配合单位', key: 'coDepartments', width: 28 },
  { header: '完成时限', key: 'dueDate', width: 12 },
  { header: '状态', key: 'status', width: 10 },
  { header: '灯号', key: 'light', width: 8 },
  { header: '逾期天数', key: 'daysOverdue', width: 10 },
  { header: '进度（%）', key: 'percent', width: 10 },
  { header: '最近报送日期', key: 'lastReportAt', width: 14 },
  { header: '最近报送', key: 'lastReport', width: 48 },
  { header: '规划条款', key: 'clauseRef', width: 14 },
];

export const TASK_EXPORT_HEADERS = COLUMNS.map((c) => c.header);

/** The task list's workbook on `out` (sheet 任务清单). */
export function taskWorkbook(out: Writable): SheetWriter<TaskExportRow> {
  return streamingSheet(out, '任务清单', COLUMNS);
}
