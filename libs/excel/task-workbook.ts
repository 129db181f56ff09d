/**
 * The task list as a workbook, written row by row with exceljs's streaming writer: rows
 * go out as they are added, so ten thousand tasks take the memory of one batch.
 */
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';

export interface TaskExportRow {
  code: string | null;
  title: string;
  leadDepartment: string;
  coDepartments: string;
  dueDate: string;
  status: string;
  light: string;
  daysOverdue: number;
  percent: number;
  lastReportAt: string;
  lastReport: string;
  clauseRef: string | null;
}

const COLUMNS: Array<{ header: string; key: keyof TaskExportRow; width: number }> = [
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

export interface TaskWorkbookWriter {
  add(rows: TaskExportRow[]): void;
  finish(): Promise<void>;
}

/** Opens the workbook on `out`: a frozen header row with filters on, then `add` as rows come. */
export function taskWorkbook(out: Writable): TaskWorkbookWriter {
  // Inline strings: a shared-strings table would grow with every distinct text until the end.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  workbook.creator = 'duban 督办';
  const sheet = workbook.addWorksheet('任务清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return {
    add(rows) {
      // Every text goes in as a string value, never as {formula}: `=…` in a title stays text.
      for (const row of rows) sheet.addRow(row).commit();
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
