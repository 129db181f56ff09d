import type { Schemas } from './types';

/** What `POST /tasks/import` answers: the rows read, what they do, and every problem by cell. */
export type ImportProblem = Schemas['CellProblemDto'];
export type ImportPreviewRow = Schemas['ImportedTaskDto'];
export type ImportReport = Schemas['TaskImportReportDto'];

export const ACTION_LABELS: Record<ImportPreviewRow['action'], string> = { create: '新建', update: '更新', unchanged: '不变' };

/** The table's rows in sheet order, each with the problems found on it; rows that failed to become a task appear with their problems only. */
export function previewRows(
  report: ImportReport,
): Array<{ key: string; sheet: string; row: number; task: ImportPreviewRow | null; problems: ImportProblem[] }> {
  const keyOf = (sheet: string, row: number) => `${sheet}#${row}`;
  const rows = new Map<string, { key: string; sheet: string; row: number; task: ImportPreviewRow | null; problems: ImportProblem[] }>();
  for (const task of report.tasks)
    rows.set(keyOf(task.sheet, task.row), { key: keyOf(task.sheet, task.row), sheet: task.sheet, row: task.row, task, problems: [] });
  for (const problem of report.errors) {
    const key = keyOf(problem.sheet, problem.row);
    const entry = rows.get(key) ?? { key, sheet: problem.sheet, row: problem.row, task: null, problems: [] };
    entry.problems.push(problem);
    rows.set(key, entry);
  }
  const sheets = report.sheets;
  return [...rows.values()].sort((a, b) => sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) || a.row - b.row);
}
