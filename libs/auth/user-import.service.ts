import { Injectable } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, InvalidInputError } from '../common/errors.js';
import { type Actor, ALL_ROLES, DEPARTMENT_ROLES, type Role, ROLE_NAMES, roleNamed } from '../common/roles.js';
import { DepartmentRepository } from '../db/repositories/department.repository.js';
import { UserRepository } from '../db/repositories/user.repository.js';
import { Transactions } from '../db/transaction.js';
import { DepartmentMatcher } from '../excel/department-matcher.js';
import { readUserTable, USER_COLUMN_NAMES, type UserColumn, userTemplate } from '../excel/user-table.js';
import { checkWorkbookArchive } from '../excel/xlsx-guard.js';
import { hashPassword } from './password.js';
import { temporaryPassword } from './user.service.js';
import { USER_COLUMN_LABEL, USER_IMPORT_MESSAGES } from './auth.messages.js';

/** Accounts one file may open: a county's departments and their staff are a few hundred. */
const MAX_IMPORT_USERS = 2000;

export interface UserImportRow {
  row: number;
  name: string;
  email: string;
  role: Role | null;
  departmentCode: string | null;
  /** Set once the accounts exist (not on a dry run): shown this once, to be changed at the first sign-in. */
  temporaryPassword?: string;
}

export interface UserImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  errors: Array<{ row: number; column: string; message: string }>;
  users: UserImportRow[];
}

const COLUMN_LABEL: Record<UserColumn, string> = USER_COLUMN_LABEL;

/**
 * 批量开户 from a workbook (姓名, 邮箱, 角色, 所属部门): a dry run lists what would be created and every
 * problem by row; a file with any problem opens no account. Each new account gets a temporary password,
 * returned once, that its holder must change at the first sign-in.
 */
@Injectable()
export class UserImportService {
  constructor(
    private readonly users: UserRepository,
    private readonly departments: DepartmentRepository,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
  ) {}

  async template(): Promise<Buffer> {
    return userTemplate(
      ALL_ROLES.map((role) => ROLE_NAMES[role][0]),
      await this.departments.list(),
    );
  }

  async import(actor: Actor, file: Buffer, options: { dryRun: boolean; fileName?: string }): Promise<UserImportReport> {
    checkWorkbookArchive(file);
    const table = await readUserTable(file, MAX_IMPORT_USERS).catch((error: unknown) => {
      if (error instanceof DomainError) throw error;
      throw new InvalidInputError(USER_IMPORT_MESSAGES.unreadable(error instanceof Error ? error.message : String(error)));
    });
    if (!table) {
      throw new InvalidInputError(USER_IMPORT_MESSAGES.noHeaderRow(USER_COLUMN_NAMES.name[0], USER_COLUMN_NAMES.email[0], USER_COLUMN_NAMES.role[0]));
    }
    const matcher = new DepartmentMatcher(await this.departments.list());
    const errors: UserImportReport['errors'] = [];
    const problem = (row: number, column: UserColumn, message: string) =>
      errors.push({ row, column: COLUMN_LABEL[column], message: USER_IMPORT_MESSAGES.cell(row, COLUMN_LABEL[column], message) });
    const seen = new Map<string, number>();
    const users: UserImportRow[] = table.rows.map(({ row, cells }) => {
      const email = cells.email.toLowerCase();
      if (!cells.name) problem(row, 'name', USER_IMPORT_MESSAGES.missing);
      else if (cells.name.length > 200) problem(row, 'name', USER_IMPORT_MESSAGES.nameTooLong);
      if (!email) problem(row, 'email', USER_IMPORT_MESSAGES.missing);
      else if (!isEmail(email, { require_tld: false }) || email.length > 320) problem(row, 'email', USER_IMPORT_MESSAGES.badEmail(cells.email));
      else if (seen.has(email)) problem(row, 'email', USER_IMPORT_MESSAGES.repeatedEmail(seen.get(email)!, email));
      else seen.set(email, row);
      const role = cells.role ? roleNamed(cells.role) : null;
      if (!cells.role) problem(row, 'role', USER_IMPORT_MESSAGES.missing);
      else if (!role)
        problem(
          row,
          'role',
          USER_IMPORT_MESSAGES.unknownRole(
            cells.role,
            ALL_ROLES.map((r) => ROLE_NAMES[r][0]),
          ),
        );
      const departmentCode = cells.department ? matcher.match(cells.department) : null;
      if (cells.department && !departmentCode) problem(row, 'department', USER_IMPORT_MESSAGES.unknownDepartment(cells.department));
      else if (role && DEPARTMENT_ROLES.includes(role) && !departmentCode)
        problem(row, 'department', USER_IMPORT_MESSAGES.departmentRequired(ROLE_NAMES[role][0]));
      return { row, name: cells.name, email, role, departmentCode: role && DEPARTMENT_ROLES.includes(role) ? departmentCode : null };
    });
    const taken = await this.users.takenEmails([...seen.keys()]);
    for (const user of users)
      if (taken.has(user.email) && seen.get(user.email) === user.row) problem(user.row, 'email', USER_IMPORT_MESSAGES.emailTaken(user.email));
    errors.sort((a, b) => a.row - b.row);
    const report = { dryRun: options.dryRun, rows: users.length, created: 0, errors, users };
    if (options.dryRun || errors.length > 0 || users.length === 0) return report;

    // argon2 runs on libuv's threads: the hashes of a few hundred accounts in parallel, before the transaction.
    const passwords = users.map(() => temporaryPassword());
    const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
    return this.tx.run(async () => {
      // Checked again inside the transaction: the unique index would refuse a race with a 409-worthy error otherwise.
      const raced = await this.users.takenEmails(users.map((u) => u.email));
      if (raced.size > 0) throw new InvalidInputError(USER_IMPORT_MESSAGES.emailsTaken([...raced]));
      const created = [];
      for (const [i, user] of users.entries()) {
        const saved = await this.users.insert({
          email: user.email,
          name: user.name,
          role: user.role!,
          departmentCode: user.departmentCode,
          passwordHash: hashes[i],
          mustChangePassword: true,
        });
        created.push({ ...user, id: saved.id, temporaryPassword: passwords[i] });
      }
      await this.audit.recordMany([
        ...created.map((u) => ({
          actorId: actor.id,
          action: 'user.create' as const,
          entityType: 'user',
          entityId: u.id,
          after: { email: u.email, name: u.name, role: u.role, departmentCode: u.departmentCode, mustChangePassword: true },
          detail: { import: options.fileName ?? null, row: u.row },
        })),
        {
          actorId: actor.id,
          action: 'user.import',
          entityType: 'user',
          entityId: 'import',
          detail: { file: options.fileName ?? null, created: created.length },
        },
      ]);
      return { ...report, created: created.length, users: created.map(({ id: _id, ...u }) => u) };
    });
  }
}
