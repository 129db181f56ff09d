/**
 * A one-sheet workbook written row by row with exceljs's streaming writer: rows go out as
 * they are added, so ten thousand of them take the memory of one batch.
 */
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { WORKBOOK_CREATOR } from './excel.messages.js';

export interface SheetColumn<Row> {
  header: string;
  key: keyof Row & string;
  width: number;
}

export interface SheetWriter<Row> {
  add(rows: Row[]): void;
  finish(): Promise<void>;
}

/** Opens the workbook on `out`: a frozen header row with filters on, then `add` as rows come. */
export function streamingSheet<Row extends object>(out: Writable, sheetName: string, columns: Array<SheetColumn<Row>>): SheetWriter<Row> {
  // Inline strings: a shared-strings table would grow with every distinct text until the end.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  workbook.creator = WORKBOOK_CREATOR;
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
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
