import { Injectable } from '@nestjs/common';
import { IsNull, Not, type ObjectLiteral } from 'typeorm';
import { DepartmentEntity } from '../entities/department.entity.js';
import { DutyEntity } from '../entities/duty.entity.js';
import { IndicatorEntity } from '../entities/indicator.entity.js';
import { PlanClauseEntity, PlanEntity, PlanSectionEntity } from '../entities/plan.entity.js';
import { TaskEntity } from '../entities/task.entity.js';
import { Transactions } from '../transaction.js';

/** The columns of a task that its plan's seeds own; status, assignee, progress and the rest belong to the work. */
const TASK_SEED_COLUMNS = [
  'id',
  'code',
  'planId',
  'title',
  'description',
  'leadDepartmentCode',
  'coDepartmentCodes',
  'dueDate',
  'reportEvery',
  'reportFrom',
  'clauseRef',
  'parentId',
  'indicatorCodes',
  'dutyCode',
] as const;
export type SeedTaskRow = Pick<TaskEntity, Exclude<(typeof TASK_SEED_COLUMNS)[number], 'code'>> & { code: string };

/** Seeded tables, named as the importer's record kinds; the id column is the uuid or the code. */
const TABLES = {
  plan: { entity: PlanEntity, id: 'id' },
  plan_section: { entity: PlanSectionEntity, id: 'id' },
  plan_clause: { entity: PlanClauseEntity, id: 'id' },
  department: { entity: DepartmentEntity, id: 'code' },
  duty: { entity: DutyEntity, id: 'code' },
  indicator: { entity: IndicatorEntity, id: 'code' },
  task: { entity: TaskEntity, id: 'id' },
} as const;
export type SeedTable = keyof typeof TABLES;

/** The seed importer's reads and writes: whole seeded tables at once, rows by kind. */
@Injectable()
export class SeedRepository {
  constructor(private readonly tx: Transactions) {}

  /** Serialises imports (and first-start checks) across processes until the transaction ends. */
  async lock(): Promise<void> {
    await this.tx.manager().query('SELECT pg_advisory_xact_lock(hashtext($1))', ['duban:seed']);
  }

  hasPlan(): Promise<boolean> {
    return this.tx.manager().getRepository(PlanEntity).exists();
  }

  /** Every seeded row (tasks: only those with a code, and only their seed-owned columns). */
  async snapshot() {
    // One after another: the transaction's connection runs one query at a time anyway.
    const m = this.tx.manager();
    const plans = await m.getRepository(PlanEntity).find();
    const sections = await m.getRepository(PlanSectionEntity).find();
    const clauses = await m.getRepository(PlanClauseEntity).find();
    const departments = await m.getRepository(DepartmentEntity).find();
    const duties = await m.getRepository(DutyEntity).find();
    const indicators = await m.getRepository(IndicatorEntity).find();
    const select = Object.fromEntries(TASK_SEED_COLUMNS.map((c) => [c, true]));
    const tasks = (await m.getRepository(TaskEntity).find({ where: { code: Not(IsNull()) }, select })) as SeedTaskRow[];
    return { plans, sections, clauses, departments, duties, indicators, tasks };
  }

  /** The ids of tasks ever carried over (结转): their old plan's seeds no longer own them. */
  async carriedTaskIds(): Promise<Set<string>> {
    const rows: Array<{ task_id: string }> = await this.tx.manager().query('SELECT DISTINCT task_id FROM task_carry_over');
    return new Set(rows.map((r) => r.task_id));
  }

  /** Inserts a row and returns its id (the generated uuid, or the code). */
  async insert(table: SeedTable, row: Record<string, unknown>): Promise<string> {
    const { entity, id } = TABLES[table];
    const result = await this.tx.manager().getRepository<ObjectLiteral>(entity).insert(row);
    return String(result.identifiers[0]?.[id] ?? row[id]);
  }

  /** Takes the assignee off a task (moved to another lead department) and returns who it was, or null when it had none. */
  async clearAssignee(taskId: string): Promise<string | null> {
    const rows: Array<{ assignee_id: string }> = await this.tx.manager().query(
      `WITH previous AS (SELECT id, assignee_id FROM task WHERE id = $1 AND assignee_id IS NOT NULL FOR UPDATE),
            cleared AS (UPDATE task SET assignee_id = NULL FROM previous WHERE task.id = previous.id RETURNING previous.assignee_id)
       SELECT assignee_id FROM cleared`,
      [taskId],
    );
    return rows[0]?.assignee_id ?? null;
  }

  /** Writes `changes` to one row; a task's version and updatedAt move with them. */
  async update(table: SeedTable, rowId: string, changes: Record<string, unknown>): Promise<void> {
    const { entity, id } = TABLES[table];
    await this.tx
      .manager()
      .getRepository<ObjectLiteral>(entity)
      .update({ [id]: rowId }, changes);
  }
}
