import { Injectable } from '@nestjs/common';
import { PlanEvaluationEntity } from '../entities/evaluation.entity.js';
import { Transactions } from '../transaction.js';
import { completedOnTimeSql, deadlineEndSql } from './deadline-rules.sql.js';
import { TaskStatus } from '../../vocabulary/tasks.js';

/**
 * A plan task's outcome at the end of a day; `pending`: open, not yet due or waiting for review after an on-time
 * submission; `carried`: carried over (结转) into another plan by then.
 */
export type TaskOutcome = 'on_time' | 'late' | 'overdue' | 'pending' | 'cancelled' | 'carried';

export interface ClauseOutcomeCount {
  clauseRef: string | null;
  outcome: TaskOutcome;
  count: number;
}

export interface OverdueTaskRow {
  id: string;
  code: string | null;
  title: string;
  leadDepartmentCode: string;
  clauseRef: string | null;
  dueDate: string;
  daysOverdue: number;
}

/** A task carried into or out of plan $1: the plan it was in at the end of $2, and whether it had left $1 by then. */
export interface PlacedTask {
  taskId: string;
  planAt: string;
  leftBy: boolean;
}

/** The end of day $2 in time zone $3. */
const AS_OF_END = `(($2::date + 1)::timestamp AT TIME ZONE $3::text)`;

/**
 * The plan's tasks ($1) at the end of day $2 (time zone $3). A task's row holds its current plan; a carried task
 * (task_carry_over) was in the old plan until its move: it counts there, with the clause it had there, for days
 * before the move and as `carried` (结转) from the move on (both under the clause it had there), and in the new plan only from the move. Tasks never
 * carried (nearly all) are read by plan_id alone.
 */
const PLACED = `
  moved AS (
    SELECT DISTINCT m.task_id FROM task_carry_over m WHERE m.from_plan_id = $1 OR m.to_plan_id = $1
  ),
  placed AS (
    SELECT x.task_id,
           coalesce((SELECT m.from_plan_id FROM task_carry_over m WHERE m.task_id = x.task_id AND m.moved_at >= ${AS_OF_END}
                      ORDER BY m.moved_at LIMIT 1), t.plan_id) AS plan_at,
           coalesce((SELECT m.from_clause_ref FROM task_carry_over m WHERE m.task_id = x.task_id AND m.moved_at >= ${AS_OF_END}
                      ORDER BY m.moved_at LIMIT 1), t.clause_ref) AS clause_at,
           (SELECT m.from_clause_ref FROM task_carry_over m WHERE m.task_id = x.task_id AND m.from_plan_id = $1 AND m.moved_at < ${AS_OF_END}
             ORDER BY m.moved_at DESC LIMIT 1) AS clause_when_left,
           EXISTS (SELECT 1 FROM task_carry_over m WHERE m.task_id = x.task_id AND m.from_plan_id = $1 AND m.moved_at < ${AS_OF_END}) AS left_by
      FROM moved x JOIN task t ON t.id = x.task_id
  )`;
const PLAN_TASKS = `
  ${PLACED},
  plan_task AS (
    SELECT t.*, false AS carried, t.clause_ref AS plan_clause_ref FROM task t WHERE t.plan_id = $1 AND t.id NOT IN (SELECT task_id FROM moved)
    UNION ALL
    SELECT t.*, p.plan_at <> $1 AS carried, CASE WHEN p.plan_at = $1 THEN p.clause_at ELSE p.clause_when_left END AS plan_clause_ref
      FROM placed p JOIN task t ON t.id = p.task_id WHERE p.plan_at = $1 OR p.left_by
  )`;

/**
 * Each plan task's outcome at the end of $2 (in time zone $3), judged by the rules of
 * deadline-rules.sql.ts from the record's timestamps: completed or cancelled only if
 * that happened by then (a task completed later was still owed); overdue when still
 * owed and its due date had passed, unless it waited for review after a submission made
 * by its deadline and by $2. An open-ended task (长期坚持, no due date) is never overdue and,
 * completed, never late: it has no deadline to miss.
 */
const JUDGED = `
  judged AS (
    SELECT t.id, t.code, t.title, t.lead_department_code, t.plan_clause_ref AS clause_ref, t.due_date,
           CASE WHEN t.carried THEN 'carried'
                WHEN t.status = '${TaskStatus.Completed}' AND coalesce(t.completed_at, '-infinity') < ${AS_OF_END}
                  THEN CASE WHEN t.due_date IS NULL OR ${completedOnTimeSql('t', '$3::text')} THEN 'on_time' ELSE 'late' END
                WHEN t.status = '${TaskStatus.Cancelled}' AND coalesce(t.cancelled_at, '-infinity') < ${AS_OF_END} THEN 'cancelled'
                WHEN t.due_date < $2::date
                     AND NOT coalesce(t.submitted_at < ${deadlineEndSql('t', '$3::text')} AND t.submitted_at < ${AS_OF_END}, false)
                  THEN 'overdue'
                ELSE 'pending' END AS outcome
      FROM plan_task t
  )`;

export const CLAUSE_OUTCOMES_SQL = `
  WITH ${PLAN_TASKS}, ${JUDGED}
  SELECT clause_ref, outcome, count(*)::int AS n FROM judged GROUP BY 1, 2`;

export const OVERDUE_TASKS_SQL = `
  WITH ${PLAN_TASKS}, ${JUDGED}
  SELECT id, code, title, lead_department_code, clause_ref, to_char(due_date, 'YYYY-MM-DD') AS due_date, ($2::date - due_date)::int AS days_overdue
    FROM judged WHERE outcome = 'overdue'
   ORDER BY due_date, id`;

export const PLACED_TASKS_SQL = `
  WITH ${PLACED}
  SELECT task_id, plan_at, left_by FROM placed`;

/** The reported values of the plan's ($1) indicators: only the three columns the evaluation reads. */
export const PLAN_VALUES_SQL = `
  SELECT v.indicator_code, v.year, v.value FROM indicator_value v JOIN indicator i ON i.code = v.indicator_code
   WHERE i.plan_id = $1 ORDER BY v.indicator_code, v.year`;

/** Plan evaluations: their stored findings and frozen numbers, and the task aggregates they count. */
@Injectable()
export class EvaluationRepository {
  constructor(private readonly tx: Transactions) {}

  private evaluations() {
    return this.tx.manager().getRepository(PlanEvaluationEntity);
  }

  /** The plan's tasks counted by clause and outcome at the end of `asOf`. */
  async clauseOutcomes(planId: string, asOf: string, timeZone: string): Promise<ClauseOutcomeCount[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager().query(CLAUSE_OUTCOMES_SQL, [planId, asOf, timeZone]);
    return rows.map((r) => ({ clauseRef: r.clause_ref as string | null, outcome: r.outcome as TaskOutcome, count: Number(r.n) }));
  }

  /** The plan's tasks overdue at the end of `asOf`, longest overdue first. */
  async overdueTasks(planId: string, asOf: string, timeZone: string): Promise<OverdueTaskRow[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager().query(OVERDUE_TASKS_SQL, [planId, asOf, timeZone]);
    return rows.map((r) => ({
      id: r.id as string,
      code: r.code as string | null,
      title: r.title as string,
      leadDepartmentCode: r.lead_department_code as string,
      clauseRef: r.clause_ref as string | null,
      dueDate: r.due_date as string,
      daysOverdue: Number(r.days_overdue),
    }));
  }

  /** The tasks carried into or out of the plan: where each was at the end of `asOf` (few: only carried tasks). */
  async placedTasks(planId: string, asOf: string, timeZone: string): Promise<PlacedTask[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager().query(PLACED_TASKS_SQL, [planId, asOf, timeZone]);
    return rows.map((r) => ({ taskId: r.task_id as string, planAt: r.plan_at as string, leftBy: r.left_by as boolean }));
  }

  /** Each of the plan's indicators' reported values, oldest year first. */
  async indicatorValues(planId: string): Promise<Map<string, { year: number; value: number }[]>> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager().query(PLAN_VALUES_SQL, [planId]);
    const values = new Map<string, { year: number; value: number }[]>();
    for (const r of rows) {
      const code = r.indicator_code as string;
      let own = values.get(code);
      if (!own) values.set(code, (own = []));
      own.push({ year: Number(r.year), value: Number(r.value) });
    }
    return values;
  }

  list(planId: string): Promise<PlanEvaluationEntity[]> {
    return this.evaluations().find({ where: { planId }, order: { asOf: 'DESC' } });
  }

  find(planId: string, asOf: string): Promise<PlanEvaluationEntity | null> {
    return this.evaluations().findOneBy({ planId, asOf });
  }

  /** Reads and row-locks the evaluation, serialising saves and finalising until the transaction ends. */
  findForUpdate(planId: string, asOf: string): Promise<PlanEvaluationEntity | null> {
    return this.evaluations().createQueryBuilder('e').setLock('pessimistic_write').where('e.plan_id = :planId AND e.as_of = :asOf', { planId, asOf }).getOne();
  }

  /**
   * Inserts the evaluation unless one exists (a concurrent first save loses nothing: it
   * then saves over the row the other made, under its lock).
   */
  async insertIfAbsent(row: Pick<PlanEvaluationEntity, 'planId' | 'asOf' | 'snapshot' | 'updatedBy'>): Promise<void> {
    await this.tx
      .manager()
      .query(`INSERT INTO plan_evaluation (plan_id, as_of, snapshot, updated_by) VALUES ($1, $2, $3, $4) ON CONFLICT (plan_id, as_of) DO NOTHING`, [
        row.planId,
        row.asOf,
        JSON.stringify(row.snapshot),
        row.updatedBy,
      ]);
  }

  async save(evaluation: PlanEvaluationEntity): Promise<PlanEvaluationEntity> {
    await this.evaluations().save(evaluation);
    return this.evaluations().findOneByOrFail({ id: evaluation.id });
  }
}
