/**
 * Reads a 分工表 workbook into rows of cell texts: every sheet whose header row (within
 * its first rows) names the required columns, cells of vertical merges filled down from
 * their first cell. What the cells mean is worked out by planImport (import-plan.ts).
 */
import ExcelJS from 'exceljs';
import { PayloadTooLargeError } from '../common/errors.js';
import { COLUMN_LABEL, type ImportColumn, readHeaderRow } from './table-headers.js';
import { TABLE_PROBLEMS } from './excel.messages.js';

export interface TableRow {
  sheet: string;
  /** The row's number in its sheet, as Excel shows it. */
  row: number;
  /** Per column read: the cell's value (text, or a Date / number for deadlines) and its address. */
  cells: Partial<Record<ImportColumn, { value: string | number | Date; address: string; merged: boolean; unreadable?: true }>>;
}

export interface CellProblem {
  sheet: string;
  row: number;
  column: string;
  cell?: string;
  message: string;
}

export interface DutyTable {
  rows: TableRow[];
  /** Cells that cannot be read at all (formulas, error values). */
  problems: CellProblem[];
  /** Sheets read, and those skipped for having no header row. */
  sheets: string[];
  skippedSheets: string[];
}

const HEADER_SEARCH_ROWS = 10;

export async function readDutyTable(file: Buffer, maxRows: number): Promise<DutyTable> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const table: DutyTable = { rows: [], problems: [], sheets: [], skippedSheets: [] };
  for (const sheet of workbook.worksheets) {
    const header = findHeader(sheet);
    if (!header) {
      table.skippedSheets.push(sheet.name);
      continue;
    }
    table.sheets.push(sheet.name);
    for (let r = header.row + 1; r <= sheet.rowCount; r++) {
      const row: TableRow = { sheet: sheet.name, row: r, cells: {} };
      for (const [column, col] of header.columns) {
        const cell = sheet.getRow(r).getCell(col);
        // A vertical merge repeats its first cell down; a horizontal one (a heading across the row) does not.
        const source = cell.isMerged && cell.master.col === cell.col ? cell.master : cell;
        if (cell.isMerged && cell.master.col !== cell.col) continue;
        const value = cellValue(source);
        if (value === undefined) {
          table.problems.push({
            sheet: sheet.name,
            row: r,
            column: COLUMN_LABEL[column],
            cell: cell.address,
            message: TABLE_PROBLEMS.formulaCell(sheet.name, cell.address, COLUMN_LABEL[column]),
          });
          // Reported once, here: the cell is not also "empty".
          row.cells[column] = { value: '', address: cell.address, merged: cell.isMerged, unreadable: true };
          continue;
        }
        if (value === '') continue;
        row.cells[column] = { value, address: cell.address, merged: cell.isMerged };
      }
      if (Object.keys(row.cells).length === 0) continue;
      table.rows.push(row);
      if (table.rows.length > maxRows) throw new PayloadTooLargeError(TABLE_PROBLEMS.tooManyRows(maxRows));
    }
  }
  return table;
}

function findHeader(sheet: ExcelJS.Worksheet): { row: number; columns: Map<ImportColumn, number> } | null {
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const texts: string[] = [];
    sheet.getRow(r).eachCell({ includeEmpty: true }, (cell, col) => {
      texts[col - 1] = typeof cellValue(cell) === 'string' ? (cellValue(cell) as string) : '';
    });
    const columns = readHeaderRow(Array.from(texts, (t) => t ?? ''));
    if (columns) return { row: r, columns };
  }
  return null;
}

/** A cell as text (a Date or number kept for deadlines); undefined for a formula or an error value. */
export function cellValue(cell: ExcelJS.Cell): string | number | Date | undefined {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('formula' in value || 'sharedFormula' in value || 'error' in value) return undefined;
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if ('text' in value) return String(value.text).trim();
  return String(cell.text ?? '').trim();
}
