import { Injectable } from '@nestjs/common';
import { TaskCarryOverEntity } from '../entities/task-carry-over.entity.js';
import { Transactions } from '../transaction.js';

/** A task of the source plan as carry-over judges it. */
export interface CarryTaskRow {
  id: string;
  code: string | null;
  title: string;
  status: string;
  parentId: string | null;
  clauseRef: string | null;
}

/** A move as the plans' pages and the task page list it. */
export interface CarryOverRow {
  id: string;
  batchId: string;
  taskId: string;
  taskCode: string | null;
  taskTitle: string;
  fromPlanId: string;
  fromPlanCode: string;
  fromPlanTitle: string;
  toPlanId: string;
  toPlanCode: string;
  toPlanTitle: string;
  fromClauseRef: string | null;
  toClauseRef: string | null;
  status: string;
  movedAt: Date;
  movedBy: string | null;
  movedByName: string | null;
}

const MOVES = `
  SELECT m.id, m.batch_id, m.task_id, t.code AS task_code, t.title AS task_title,
         m.from_plan_id, f.code AS from_code, f.title AS from_title, m.to_plan_id, p.code AS to_code, p.title AS to_title,
         m.from_clause_ref, m.to_clause_ref, m.status, m.moved_at, m.moved_by, u.name AS mover_name
    FROM task_carry_over m
    JOIN task t ON t.id = m.task_id
    JOIN plan f ON f.id = m.from_plan_id
    JOIN plan p ON p.id = m.to_plan_id
    LEFT JOIN app_user u ON u.id = m.moved_by`;

/** Carry-over (结转): the source plan's tasks locked for the move, the move itself and its records. */
@Injectable()
export class CarryOverRepository {
  constructor(private readonly tx: Transactions) {}

  /** Every task of the plan, row-locked until the transaction ends (a concurrent change or second carry-over waits). */
  async lockPlanTasks(planId: string): Promise<CarryTaskRow[]> {
    const rows: Array<Record<string, unknown>> = await this.tx
      .manager()
      .query('SELECT id, code, title, status, parent_id, clause_ref FROM task WHERE plan_id = $1 ORDER BY id FOR UPDATE', [planId]);
    return rows.map((r) => ({
      id: r.id as string,
      code: r.code as string | null,
      title: r.title as string,
      status: r.status as string,
      parentId: r.parent_id as string | null,
      clauseRef: r.clause_ref as string | null,
    }));
  }

  /**
   * Moves tasks to another plan with the clause they cite there. Only plan_id and clause_ref change (and the
   * version, so an edit made against the old plan's clause is refused as stale); the ladder, progress and evidence stay.
   */
  async moveTasks(moves: Array<{ taskId: string; toPlanId: string; clauseRef: string | null }>): Promise<void> {
    if (moves.length === 0) return;
    await this.tx.manager().query(
      `UPDATE task t SET plan_id = m.to_plan_id, clause_ref = m.clause_ref, version = t.version + 1, updated_at = now()
         FROM unnest($1::uuid[], $2::uuid[], $3::varchar[]) AS m(task_id, to_plan_id, clause_ref)
        WHERE t.id = m.task_id`,
      [moves.map((m) => m.taskId), moves.map((m) => m.toPlanId), moves.map((m) => m.clauseRef)],
    );
  }

  async insertMoves(rows: Array<Omit<TaskCarryOverEntity, 'id' | 'movedAt'>>): Promise<void> {
    if (rows.length > 0) await this.tx.manager().getRepository(TaskCarryOverEntity).insert(rows);
  }

  /** The moves out of and into the plan, latest first. */
  async forPlan(planId: string): Promise<CarryOverRow[]> {
    const rows: Array<Record<string, unknown>> = await this.tx
      .manager()
      .query(`${MOVES} WHERE m.from_plan_id = $1 OR m.to_plan_id = $1 ORDER BY m.moved_at DESC, t.code NULLS LAST, m.task_id`, [planId]);
    return rows.map(moveRow);
  }

  /** The task's moves, earliest first. */
  async forTask(taskId: string): Promise<CarryOverRow[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager().query(`${MOVES} WHERE m.task_id = $1 ORDER BY m.moved_at`, [taskId]);
    return rows.map(moveRow);
  }
}

function moveRow(r: Record<string, unknown>): CarryOverRow {
  return {
    id: r.id as string,
    batchId: r.batch_id as string,
    taskId: r.task_id as string,
    taskCode: r.task_code as string | null,
    taskTitle: r.task_title as string,
    fromPlanId: r.from_plan_id as string,
    fromPlanCode: r.from_code as string,
    fromPlanTitle: r.from_title as string,
    toPlanId: r.to_plan_id as string,
    toPlanCode: r.to_code as string,
    toPlanTitle: r.to_title as string,
    fromClauseRef: r.from_clause_ref as string | null,
    toClauseRef: r.to_clause_ref as string | null,
    status: r.status as string,
    movedAt: r.moved_at as Date,
    movedBy: r.moved_by as string | null,
    movedByName: r.mover_name as string | null,
  };
}
