/**
 * report.xlsx of an assessment cycle: a ranking sheet, then one sheet per department with
 * its tasks, its indicators and how its computed score was reached, side by side under one
 * frozen header. Rendered from the same `AssessmentReport` the API returns, so the numbers
 * agree. Written with exceljs' streaming writer: each sheet is committed as it is finished,
 * which keeps 10,000 task rows well inside the time a report job may take.
 */
import { ASSESSMENT_LABEL as L } from '../vocabulary/assessment.js';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AssessmentReport } from '../assessment/assessment-types.js';
import { BREAKDOWN_COLUMNS, INDICATOR_COLUMNS, RANKING_COLUMNS, TASK_COLUMNS, headerGroups, type Column, type ColumnKind } from './report-columns.js';
import { byRank, rankLabel, calendarDay, formatNumber, reportSubtitle, reportTitle, sheetNames, wallClock } from './report-format.js';

export const RANKING_SHEET = '排名';

/** Rows above the data: title, subtitle, column groups, column headers. Frozen together. */
export const HEADER_ROWS = 4;

/** Excel number formats by column kind; dates are real Excel dates. */
const NUMBER_FORMAT: Record<ColumnKind, string | undefined> = {
  text: undefined,
  count: '0',
  score: '0.00',
  days: '0.0',
  share: '0.0%',
  decimal: undefined,
  date: 'yyyy-mm-dd',
  dateTime: 'yyyy-mm-dd hh:mm',
};

type CellValue = string | number | Date | null;

function cellValue(kind: ColumnKind, value: string | number | null): CellValue {
  if (value === null || value === '') return null;
  if (kind === 'date') return calendarDay(String(value));
  if (kind === 'dateTime') return wallClock(String(value));
  return value;
}

/** A table of a sheet, its item type erased; a sheet sets its tables side by side, one empty column apart. */
export interface Table {
  columns: readonly Column<never>[];
  length: number;
  /** The cells of the `index`th item, one per column. */
  cells: (index: number) => CellValue[];
}

export function table<T>(columns: readonly Column<T>[], items: readonly T[]): Table {
  return {
    columns,
    length: items.length,
    cells: (index) => columns.map((column) => cellValue(column.kind, column.value(items[index]))),
  };
}

const STYLE = {
  title: { font: { bold: true, size: 14 } },
  subtitle: { font: { color: { argb: 'FF595959' } } },
  header: {
    font: { bold: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: {
      top: { style: 'thin' },
      bottom: { style: 'thin' },
      left: { style: 'thin' },
      right: { style: 'thin' },
    },
  },
} satisfies Record<string, Partial<ExcelJS.Style>>;

/**
 * The workbook as xlsx bytes. `onProgress` hears after each department sheet (done of
 * total) and is awaited, so a job can record its progress between sheets.
 */
export async function renderAssessmentWorkbook(report: AssessmentReport, onProgress?: (done: number, total: number) => void | Promise<void>): Promise<Buffer> {
  return streamWorkbook(new Date(report.asOf), async (workbook) => {
    const departments = byRank(report.departments);
    const title = reportTitle(report);
    const subtitle = reportSubtitle(report);

    writeSheet(workbook, RANKING_SHEET, [title, subtitle], [table(RANKING_COLUMNS, departments)], 2);

    const names = sheetNames(
      departments.map((d) => d.departmentName),
      [RANKING_SHEET],
    );
    for (const [index, department] of departments.entries()) {
      const scores =
        `${rankLabel(department.rank)} ｜ ${L.finalScore} ${formatNumber(department.finalScore)} ｜ ${L.computedScore} ${formatNumber(department.computedScore)}` +
        ` ｜ ${L.reviewerMean} ${formatNumber(department.reviewerMean)} ｜ ${subtitle}`;
      writeSheet(
        workbook,
        names[index],
        [`${title} · ${department.departmentName}`, scores],
        [
          table(TASK_COLUMNS, report.tasks[department.departmentCode] ?? []),
          table(INDICATOR_COLUMNS, report.indicators[department.departmentCode] ?? []),
          table(BREAKDOWN_COLUMNS, department.breakdown),
        ],
        0,
      );
      await onProgress?.(index + 1, departments.length);
    }
  });
}

/**
 * A workbook written by exceljs' streaming writer into bytes: `write` adds the sheets
 * (each committed as it is finished), then the workbook is committed. `created` is the
 * document's creation time (the data's, so the same data gives the same document).
 */
export async function streamWorkbook(created: Date, write: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  // Awaited after the sheets are written; until then a stream error must not count as unhandled.
  finished.catch(() => undefined);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: true });
  workbook.creator = 'duban';
  workbook.created = created;
  try {
    await write(workbook);
    await workbook.commit();
  } catch (error) {
    // A failed sheet or progress callback leaves the zip unfinished: release its stream.
    output.destroy();
    throw error;
  }
  await finished;
  return Buffer.concat(chunks);
}

/** Title rows, the tables' two header rows (frozen with the titles), then the tables' rows side by side. */
export function writeSheet(workbook: ExcelJS.Workbook, name: string, [title, subtitle]: [string, string], tables: Table[], frozenColumns: number): void {
  const starts: number[] = [];
  const widths: { width: number }[] = [];
  for (const { columns } of tables) {
    if (widths.length > 0) widths.push({ width: 3 });
    starts.push(widths.length + 1);
    widths.push(...columns.map((column) => ({ width: column.width })));
  }
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: HEADER_ROWS, topLeftCell: cellName(HEADER_ROWS + 1, frozenColumns + 1) }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = widths;

  const titleRow = sheet.getRow(1);
  titleRow.height = 22;
  Object.assign(titleRow.getCell(1), { value: title, style: STYLE.title });
  titleRow.commit();
  const subtitleRow = sheet.getRow(2);
  Object.assign(subtitleRow.getCell(1), { value: subtitle, style: STYLE.subtitle });
  subtitleRow.commit();

  const groupRow = sheet.getRow(HEADER_ROWS - 1);
  const headerRow = sheet.getRow(HEADER_ROWS);
  tables.forEach(({ columns }, t) => {
    columns.forEach((column, c) => {
      Object.assign(headerRow.getCell(starts[t] + c), { value: column.header, style: STYLE.header });
    });
    for (const run of headerGroups(columns)) {
      const first = starts[t] + run.first;
      Object.assign(groupRow.getCell(first), { value: run.label, style: STYLE.header });
      // The streaming writer can merge only rows it has not yet committed.
      if (!run.grouped) sheet.mergeCells(HEADER_ROWS - 1, first, HEADER_ROWS, first);
      else if (run.span > 1) sheet.mergeCells(HEADER_ROWS - 1, first, HEADER_ROWS - 1, first + run.span - 1);
    }
  });
  groupRow.commit();
  headerRow.commit();

  const formats = tables.map(({ columns }) => columns.map((column) => NUMBER_FORMAT[column.kind]));
  const rows = Math.max(0, ...tables.map(({ length }) => length));
  for (let i = 0; i < rows; i += 1) {
    const row = sheet.getRow(HEADER_ROWS + 1 + i);
    tables.forEach(({ length, cells }, t) => {
      if (i >= length) return;
      cells(i).forEach((value, c) => {
        const cell = row.getCell(starts[t] + c);
        cell.value = value;
        const format = formats[t][c];
        if (format !== undefined) cell.numFmt = format;
      });
    });
    row.commit();
  }
  sheet.commit();
}

/** `A1` notation of a 1-based row and column. */
function cellName(row: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}
