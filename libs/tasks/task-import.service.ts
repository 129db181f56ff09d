import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type AuditEvent, AuditService } from '../audit/audit.service.js';
import { DomainError, InvalidInputError } from '../common/errors.js';
import type { Actor } from '../common/roles.js';
import type { TaskEntity } from '../db/entities/task.entity.js';
import { DepartmentRepository } from '../db/repositories/department.repository.js';
import { PlanRepository } from '../db/repositories/plan.repository.js';
import { PlanScope } from '../plan/plan-scope.js';
import { SeedRepository } from '../db/repositories/seed.repository.js';
import { TaskRepository } from '../db/repositories/task.repository.js';
import { Transactions } from '../db/transaction.js';
import { DepartmentMatcher } from '../excel/department-matcher.js';
import { SupervisorMatcher } from '../excel/supervisor-matcher.js';
import { UserRepository } from '../db/repositories/user.repository.js';
import { Role } from '../common/roles.js';
import { type CellProblem, readDutyTable } from '../excel/duty-table.js';
import { planImport, type PlannedTask } from '../excel/import-plan.js';
import { COLUMN_LABEL, COLUMN_NAMES } from '../excel/table-headers.js';
import { checkWorkbookArchive } from '../excel/xlsx-guard.js';
import { TaskEvents } from './task-events.js';
import { restartLadder } from './task.service.js';
import { assigneeCleared } from '../audit/audit-details.js';
import { TaskStatus } from './task-status.js';
import { TASK_IMPORT_MESSAGES } from './tasks.messages.js';
import type { ReportCycle } from '../vocabulary/tasks.js';

/** More rows than a 分工表 ever has; a larger file is split, so one import stays one reviewable transaction. */
export const MAX_IMPORT_ROWS = 5000;

export type ImportAction = 'create' | 'update' | 'unchanged';

export interface ImportReport {
  dryRun: boolean;
  /** Task rows read (headings included). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: CellProblem[];
  sheets: string[];
  /** The plan new rows join and clauses are read in (`?plan=`, else the current plan); null while no plan is loaded. */
  planId: string | null;
  /** Each row's task and what the import does (did) with it: the console's preview. */
  tasks: Array<Omit<PlannedTask, 'parentCode'> & { parentRow: number | null; action: ImportAction; changed: string[] }>;
}

/**
 * The fields an import owns: a re-import rewrites these and leaves status, assignee and progress alone. The owning
 * supervisor (督办责任人) is rewritten only when the row names one; a new task without one is owned by the importer.
 * The reporting cycle likewise only when the 完成时限 names one (每月, 每季度, 每半年, 长期坚持): a cycle set by hand stays.
 */
const IMPORTED_FIELDS = [
  'title',
  'description',
  'leadDepartmentCode',
  'coDepartmentCodes',
  'dueDate',
  'reportEvery',
  'clauseRef',
  'parentId',
  'supervisorId',
] as const;

/**
 * Imports a 分工表 (an Excel division of duties): reads and checks every row first, and
 * writes only a file without a single error, in one transaction. Each task is known by
 * its stable key (`code`), so importing the same file again changes nothing and an
 * edited row updates its task's imported fields only.
 */
@Injectable()
export class TaskImportService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly departments: DepartmentRepository,
    private readonly plans: PlanRepository,
    private readonly scope: PlanScope,
    private readonly seeds: SeedRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditService,
    private readonly events: TaskEvents,
    private readonly tx: Transactions,
  ) {}

  async import(actor: Actor, file: Buffer, options: { dryRun: boolean; fileName?: string; plan?: string }): Promise<ImportReport> {
    // The plan first: an unknown `?plan=` is a 404 before the file is read.
    const target = options.plan === undefined ? await this.scope.current() : await this.scope.resolve(options.plan);
    const planId = target?.id ?? null;
    checkWorkbookArchive(file);
    const table = await readDutyTable(file, MAX_IMPORT_ROWS).catch((error: unknown) => {
      if (error instanceof DomainError) throw error;
      throw new InvalidInputError(TASK_IMPORT_MESSAGES.unreadable(error instanceof Error ? error.message : String(error)));
    });
    if (table.sheets.length === 0) {
      throw new InvalidInputError(TASK_IMPORT_MESSAGES.noHeaderRow(COLUMN_NAMES.title[0], COLUMN_NAMES.lead[0], COLUMN_NAMES.due[0]));
    }
    const [departments, clauses, supervisors] = await Promise.all([
      this.departments.list(),
      this.plans.clauseRefs(planId),
      this.users.activeWithRole(Role.Supervisor),
    ]);
    const plan = planImport(table.rows, new DepartmentMatcher(departments), (ref) => clauses.has(ref), new SupervisorMatcher(supervisors));
    const read = async () => {
      const stored = await this.tasks.findByCodes(plan.tasks.map((t) => t.code));
      return { stored, errors: inSheetOrder([...table.problems, ...plan.errors, ...(await this.inOtherPlans(plan.tasks, stored, planId))], table.sheets) };
    };
    const first = await read();
    if (options.dryRun || first.errors.length > 0) {
      return this.report(options.dryRun, planId, plan.tasks, first.stored, first.errors, table.sheets);
    }
    return this.tx.run(async () => {
      // One import at a time, and against what is stored now, so two uploads of one file create each task once.
      await this.seeds.lock();
      const now = await read();
      if (now.errors.length > 0) return this.report(false, planId, plan.tasks, now.stored, now.errors, table.sheets);
      const report = this.report(false, planId, plan.tasks, now.stored, [], table.sheets);
      await this.write(actor, planId, plan.tasks, now.stored, options.fileName ?? null);
      return report;
    });
  }

  /** A row whose task (by its key) lives in another plan is a problem: an import works in one plan, and never moves a task out of its plan. */
  private async inOtherPlans(planned: PlannedTask[], stored: TaskEntity[], planId: string | null): Promise<CellProblem[]> {
    const elsewhere = stored.filter((t) => planId && t.planId && t.planId !== planId);
    if (elsewhere.length === 0) return [];
    const names = new Map((await this.plans.list()).map((p) => [p.id, p.title]));
    const byCode = new Map(elsewhere.map((t) => [t.code, t]));
    return planned
      .filter((t) => byCode.has(t.code))
      .map((t) => ({
        sheet: t.sheet,
        row: t.row,
        column: COLUMN_LABEL.title,
        message: TASK_IMPORT_MESSAGES.taskInOtherPlan(t.code, names.get(byCode.get(t.code)!.planId!) ?? ''),
      }));
  }

  private report(dryRun: boolean, planId: string | null, planned: PlannedTask[], stored: TaskEntity[], errors: CellProblem[], sheets: string[]): ImportReport {
    const byCode = new Map(stored.map((t) => [t.code, t]));
    const rowOf = new Map(planned.map((t) => [t.code, t.row]));
    const tasks = planned.map(({ parentCode, ...task }) => {
      const existing = byCode.get(task.code);
      const changed = existing ? changedFields(existing, columnsOf({ ...task, parentCode }, byCode)) : [];
      const action: ImportAction = !existing ? 'create' : changed.length > 0 ? 'update' : 'unchanged';
      return { ...task, parentRow: parentCode ? (rowOf.get(parentCode) ?? null) : null, action, changed };
    });
    const count = (action: ImportAction) => tasks.filter((t) => t.action === action).length;
    return {
      dryRun,
      rows: planned.length,
      created: count('create'),
      updated: count('update'),
      unchanged: count('unchanged'),
      errors,
      sheets,
      planId,
      tasks,
    };
  }

  /** New tasks in batches (ids made here, so a sub-task names its new parent), then changed ones; every task audited. */
  private async write(actor: Actor, planId: string | null, planned: PlannedTask[], stored: TaskEntity[], fileName: string | null): Promise<void> {
    const byCode = new Map<string | null, Pick<TaskEntity, 'id'>>(stored.map((t) => [t.code, t]));
    for (const task of planned) if (!byCode.has(task.code)) byCode.set(task.code, { id: randomUUID() });
    const existing = new Map(stored.map((t) => [t.code, t]));
    const created: TaskEntity[] = [];
    const changed: TaskEntity[] = [];
    const audits: AuditEvent[] = [];
    for (const task of planned) {
      const detail = { key: task.code, sheet: task.sheet, row: task.row, file: fileName };
      const columns = columnsOf(task, byCode);
      const current = existing.get(task.code);
      if (!current) {
        const id = byCode.get(task.code)!.id;
        created.push({
          id,
          code: task.code,
          planId,
          ...columns,
          supervisorId: columns.supervisorId ?? actor.id,
          status: TaskStatus.Assigned,
          createdBy: actor.id,
        } as TaskEntity);
        audits.push({ actorId: actor.id, action: 'task.import.create', entityType: 'task', entityId: id, taskId: id, after: columns, detail });
        continue;
      }
      const fields = changedFields(current, columns);
      if (fields.length === 0) continue;
      const before: Record<string, unknown> = Object.fromEntries(fields.map((f) => [f, current[f]]));
      const after: Record<string, unknown> = Object.fromEntries(fields.map((f) => [f, columns[f]]));
      if (fields.includes('dueDate')) restartLadder(current);
      // A new cycle: the sweep works the report periods out again.
      if (fields.includes('reportEvery')) current.nextReminderAt = new Date();
      // As with PATCH: moved to another lead department, the task leaves its assignee (of the old one).
      const unassigned = fields.includes('leadDepartmentCode') ? current.assigneeId : null;
      Object.assign(current, columns);
      if (unassigned) {
        current.assigneeId = null;
        before.assigneeId = unassigned;
        after.assigneeId = null;
      }
      changed.push(current);
      audits.push({
        actorId: actor.id,
        action: 'task.import.update',
        entityType: 'task',
        entityId: current.id,
        taskId: current.id,
        before,
        after,
        detail: { ...detail, ...(unassigned ? assigneeCleared(unassigned, before.leadDepartmentCode as string) : {}) },
      });
    }
    await this.tasks.insertMany(created);
    for (const task of changed) await this.tasks.save(task);
    await this.audit.recordMany(audits);
    for (const task of created) await this.events.emit({ kind: 'task.assigned', task, actorId: actor.id });
  }
}

type ImportedField = (typeof IMPORTED_FIELDS)[number];
type ImportedColumns = Omit<Pick<TaskEntity, ImportedField>, 'supervisorId' | 'reportEvery'> & { supervisorId?: string; reportEvery?: ReportCycle };

/** A planned task as task columns; its parent's id is known once the parent is stored (it comes first). */
function columnsOf(task: PlannedTask, byCode: Map<string | null, Pick<TaskEntity, 'id'>>): ImportedColumns {
  return {
    title: task.title,
    description: task.description,
    leadDepartmentCode: task.leadDepartmentCode,
    coDepartmentCodes: task.coDepartmentCodes,
    dueDate: task.dueDate,
    ...(task.reportEvery ? { reportEvery: task.reportEvery } : {}),
    clauseRef: task.clauseRef,
    parentId: task.parentCode ? (byCode.get(task.parentCode)?.id ?? null) : null,
    ...(task.supervisorId ? { supervisorId: task.supervisorId } : {}),
  };
}

/** The imported fields a row changes; a field the row leaves out (no 督办责任人) is not a change. */
function changedFields(existing: TaskEntity, columns: ImportedColumns): ImportedField[] {
  return IMPORTED_FIELDS.filter((field) => field in columns && JSON.stringify(existing[field]) !== JSON.stringify(columns[field]));
}

function inSheetOrder(errors: CellProblem[], sheets: string[]): CellProblem[] {
  return errors.sort((a, b) => sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) || a.row - b.row);
}
