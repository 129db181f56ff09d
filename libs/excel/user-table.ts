/**
 * Reads an account list (批量开户表: 姓名, 邮箱, 角色, 所属部门) from a workbook: the first sheet
 * whose header row, within its first rows, names 姓名, 邮箱 and 角色. What a cell means (which
 * role, which department) is the importer's business.
 */
import ExcelJS from 'exceljs';
import { PayloadTooLargeError } from '../common/errors.js';
import { cellValue } from './duty-table.js';
import { TABLE_PROBLEMS, WORKBOOK_CREATOR } from './excel.messages.js';

export type UserColumn = 'name' | 'email' | 'role' | 'department';

export const USER_COLUMN_NAMES: Record<UserColumn, string[]> = {
  name: ['姓名', '用户名', '名字'],
  email: ['邮箱', '登录名', '电子邮箱', '邮箱（登录名）', '账号'],
  role: ['角色', '身份', '用户角色'],
  department: ['所属部门', '部门', '单位', '所属单位'],
};

export interface UserTableRow {
  /** The row's number in its sheet, as Excel shows it. */
  row: number;
  cells: Record<UserColumn, string>;
}

export interface UserTable {
  sheet: string;
  rows: UserTableRow[];
}

const HEADER_SEARCH_ROWS = 10;

/** The table's rows (blank rows skipped), or null when no sheet has the header row. */
export async function readUserTable(file: Buffer, maxRows: number): Promise<UserTable | null> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  for (const sheet of workbook.worksheets) {
    const header = findHeader(sheet);
    if (!header) continue;
    const rows: UserTableRow[] = [];
    for (let r = header.row + 1; r <= sheet.rowCount; r++) {
      const text = (column: UserColumn) => {
        const at = header.columns.get(column);
        const value = at ? cellValue(sheet.getRow(r).getCell(at)) : '';
        return value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '').trim();
      };
      const cells = { name: text('name'), email: text('email'), role: text('role'), department: text('department') };
      if (Object.values(cells).every((v) => v === '')) continue;
      rows.push({ row: r, cells });
      if (rows.length > maxRows) throw new PayloadTooLargeError(TABLE_PROBLEMS.tooManyAccounts(maxRows));
    }
    return { sheet: sheet.name, rows };
  }
  return null;
}

function findHeader(sheet: ExcelJS.Worksheet): { row: number; columns: Map<UserColumn, number> } | null {
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const columns = new Map<UserColumn, number>();
    sheet.getRow(r).eachCell((cell, col) => {
      const text = String(cellValue(cell) ?? '').replace(/\s+/g, '');
      for (const [column, names] of Object.entries(USER_COLUMN_NAMES) as Array<[UserColumn, string[]]>) {
        if (!columns.has(column) && names.includes(text)) columns.set(column, col);
      }
    });
    if (columns.has('name') && columns.has('email') && columns.has('role')) return { row: r, columns };
  }
  return null;
}

/** The template: the header row, two example rows and a sheet listing the roles and departments to choose from. */
export async function userTemplate(roles: string[], departments: Array<{ code: string; name: string }>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = WORKBOOK_CREATOR;
  const sheet = workbook.addWorksheet('账号', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '姓名', key: 'name', width: 14 },
    { header: '邮箱', key: 'email', width: 32 },
    { header: '角色', key: 'role', width: 14 },
    { header: '所属部门', key: 'department', width: 24 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({ name: '王芳', email: 'wangfang@example.gov.cn', role: '联络员', department: departments[0]?.name ?? '' });
  sheet.addRow({ name: '李明', email: 'liming@example.gov.cn', role: '督查', department: '' });
  const lists = workbook.addWorksheet('可选值');
  lists.columns = [
    { header: '角色', key: 'role', width: 14 },
    { header: '部门', key: 'department', width: 28 },
  ];
  lists.getRow(1).font = { bold: true };
  for (let i = 0; i < Math.max(roles.length, departments.length); i++) lists.addRow({ role: roles[i] ?? '', department: departments[i]?.name ?? '' });
  const last = Math.max(2, departments.length + 1);
  for (let r = 2; r <= 501; r++) {
    sheet.getCell(`C${r}`).dataValidation = { type: 'list', allowBlank: false, formulae: [`可选值!$A$2:$A$${roles.length + 1}`] };
    sheet.getCell(`D${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`可选值!$B$2:$B$${last}`] };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
