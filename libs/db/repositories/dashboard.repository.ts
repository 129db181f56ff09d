import { Injectable } from '@nestjs/common';
import { Transactions } from '../transaction.js';
import { completedOnTimeSql, openSql, overdueSql } from './deadline-rules.sql.js';
import { TaskStatus } from '../../vocabulary/tasks.js';

/** One department's tasks (those it leads), counted. */
export interface DepartmentCounts {
  code: string;
  name: string;
  total: number;
  assigned: number;
  inProgress: number;
  leaderReview: number;
  submitted: number;
  completed: number;
  overdue: number;
  /** Not completed, due from today to the last day of the warning window. */
  dueSoon: number;
  /** Not completed, due from today to seven calendar days on. */
  dueWithin7Days: number;
}

export interface MonthCounts {
  code: string;
  /** `YYYY-MM` of the completion, in TZ. */
  month: string;
  completed: number;
  onTime: number;
}

export interface IndicatorLatest {
  code: string;
  name: string;
  unit: string;
  comparator: '>=' | '=' | '<=';
  target: number;
  targetYear: number;
  baseline: number | null;
  baselineYear: number | null;
  departmentCode: string;
  latest: { year: number; value: number } | null;
}

export interface BulletinTaskRow {
  id: string;
  code: string | null;
  title: string;
  dueDate: string;
  status: string;
  overdue: boolean;
  daysOverdue: number;
  escalated: boolean;
}

export interface BulletinRow {
  code: string;
  name: string;
  ordinal: number;
  overdue: number;
  escalated: number;
  overdueAndEscalated: number;
  maxDaysOverdue: number;
  worst: BulletinTaskRow[];
}

/**
 * Per lead department: totals by status (cancelled tasks left out), overdue (by
 * the one rule of deadline-rules.sql.ts on $1 = today in time zone $5), due
 * within the warning window (due from today to $2 = its last date) and within
 * seven days ($3). $4 limits it to one department, $6 to one plan;
 * departments without tasks are listed with zeros.
 *
 * Two small aggregates rather than one pass with eight FILTERs, which costs
 * three times as much on 100,000 tasks: the statuses from an index-only scan of
 * idx_task_lead_status; the deadlines from a range of idx_task_open_due (open
 * tasks due by $3 only). The 30 × 4 status rows are then turned into columns.
 */
export const DEPARTMENT_COUNTS_SQL = `
  WITH by_status AS (
    SELECT lead_department_code AS code, status, count(*)::int AS n
      FROM task
     WHERE ($4::varchar IS NULL OR lead_department_code = $4::varchar) AND status <> '${TaskStatus.Cancelled}' AND ($6::uuid IS NULL OR plan_id = $6::uuid)
     GROUP BY 1, 2
  ), deadlines AS (
    SELECT lead_department_code AS code,
           count(*) FILTER (WHERE ${overdueSql('task', '$1::date', '$5::text')})::int AS overdue,
           count(*) FILTER (WHERE due_date >= $1::date AND due_date <= $2::date)::int AS due_soon,
           count(*) FILTER (WHERE due_date >= $1::date)::int AS due_within_7_days
      FROM task
     WHERE ${openSql('task')} AND due_date <= $3::date AND ($4::varchar IS NULL OR lead_department_code = $4::varchar)
       AND ($6::uuid IS NULL OR plan_id = $6::uuid)
     GROUP BY 1
  )
  SELECT d.code, d.name,
         coalesce(sum(s.n), 0)::int AS total,
         coalesce(sum(s.n) FILTER (WHERE s.status = 'assigned'), 0)::int AS assigned,
         coalesce(sum(s.n) FILTER (WHERE s.status = 'in_progress'), 0)::int AS in_progress,
         coalesce(sum(s.n) FILTER (WHERE s.status = 'leader_review'), 0)::int AS leader_review,
         coalesce(sum(s.n) FILTER (WHERE s.status = 'submitted'), 0)::int AS submitted,
         coalesce(sum(s.n) FILTER (WHERE s.status = 'completed'), 0)::int AS completed,
         coalesce(min(l.overdue), 0) AS overdue,
         coalesce(min(l.due_soon), 0) AS due_soon,
         coalesce(min(l.due_within_7_days), 0) AS due_within_7_days
    FROM department d
    LEFT JOIN by_status s ON s.code = d.code
    LEFT JOIN deadlines l ON l.code = d.code
   WHERE $4::varchar IS NULL OR d.code = $4::varchar
   GROUP BY d.code, d.name, d.ordinal
   ORDER BY d.ordinal, d.code`;

/**
 * Completions per lead department and month (in time zone $1) since $2 (a
 * first of the month, midnight in $1); on time by the one rule of
 * deadline-rules.sql.ts (the approved submission made by the end of the due date
 * in $1). $3 limits it to one department, $4 to one plan. A range of idx_task_completed
 * (completed tasks by completion time). An open-ended task (no due date) has no
 * deadline to meet: it is judged on its report periods, not here.
 */
export const ON_TIME_BY_MONTH_SQL = `
  SELECT code, to_char(month, 'YYYY-MM') AS month, completed, on_time
    FROM (
      SELECT lead_department_code AS code,
             date_trunc('month', completed_at AT TIME ZONE $1::text) AS month,
             count(*)::int AS completed,
             count(*) FILTER (WHERE ${completedOnTimeSql('task', '$1::text')})::int AS on_time
        FROM task
       WHERE status = 'completed' AND due_date IS NOT NULL AND completed_at >= ($2::date)::timestamp AT TIME ZONE $1::text
         AND ($3::varchar IS NULL OR lead_department_code = $3::varchar) AND ($4::uuid IS NULL OR plan_id = $4::uuid)
       GROUP BY 1, 2
    ) m`;

/** Every indicator (of plan $1, or of every plan) with its latest reported year's value, in the plan's order. */
export const INDICATOR_LATEST_SQL = `
  SELECT i.code, i.name, i.unit, i.comparator, i.target, i.target_year, i.baseline, i.baseline_year, i.department_code,
         v.year AS latest_year, v.value AS latest_value
    FROM indicator i
    LEFT JOIN LATERAL (SELECT year, value FROM indicator_value WHERE indicator_code = i.code ORDER BY year DESC LIMIT 1) v ON true
   WHERE $1::uuid IS NULL OR i.plan_id = $1::uuid
   ORDER BY i.ordinal, i.code`;

/**
 * The 通报: per lead department with any, its open tasks that are overdue ($1 =
 * today) and those escalated (a reminder of the current deadline went to a
 * leader), counted, with its $2 worst: the longest overdue first (then by id),
 * then escalated tasks not yet overdue, soonest due first. The departments of
 * $4 are listed too, with zeros when they have neither (those with missed
 * reports, which are judged outside SQL). $5 limits it to one plan's tasks.
 *
 * Built from the small sets, not by testing every open task: the overdue
 * counts from a range of idx_task_open_due, the escalated tasks from the
 * leaders' notifications, and each department's worst from a LIMITed range of
 * idx_task_open_lead_due.
 */
export const BULLETIN_SQL = `
  WITH escalated AS (
    SELECT DISTINCT t.id, t.lead_department_code AS department, ${overdueSql('t', '$1::date', '$3::text')} AS overdue
      FROM notification n
      JOIN app_user u ON u.id = n.recipient_id AND u.role = 'leader' AND n.step_index IS NOT NULL
      JOIN task t ON t.id = n.task_id AND t.due_date = n.due_date AND ${openSql('t')} AND ($5::uuid IS NULL OR t.plan_id = $5::uuid)
  ), overdue AS (
    SELECT lead_department_code AS department, count(*)::int AS overdue, ($1::date - min(due_date))::int AS max_days_overdue
      FROM task
     WHERE ${overdueSql('task', '$1::date', '$3::text')} AND ($5::uuid IS NULL OR plan_id = $5::uuid)
     GROUP BY 1
  ), escalated_counts AS (
    SELECT department, count(*)::int AS escalated, count(*) FILTER (WHERE overdue)::int AS overdue_and_escalated
      FROM escalated
     GROUP BY 1
  )
  SELECT d.code, d.name, d.ordinal,
         coalesce(o.overdue, 0) AS overdue, coalesce(e.escalated, 0) AS escalated,
         coalesce(e.overdue_and_escalated, 0) AS overdue_and_escalated, coalesce(o.max_days_overdue, 0) AS max_days_overdue,
         w.worst
    FROM department d
    LEFT JOIN overdue o ON o.department = d.code
    LEFT JOIN escalated_counts e ON e.department = d.code
   CROSS JOIN LATERAL (
     SELECT coalesce(json_agg(json_build_object(
              'id', x.id, 'code', x.code, 'title', x.title, 'dueDate', to_char(x.due_date, 'YYYY-MM-DD'), 'status', x.status,
              'overdue', x.overdue, 'daysOverdue', greatest($1::date - x.due_date, 0),
              'escalated', EXISTS (SELECT 1 FROM escalated e2 WHERE e2.id = x.id))
            ORDER BY x.overdue DESC, x.due_date, x.id), '[]') AS worst
       FROM (
         SELECT * FROM (
           (SELECT t.id, t.code, t.title, t.due_date, t.status, true AS overdue
              FROM task t
             WHERE ${overdueSql('t', '$1::date', '$3::text')} AND t.lead_department_code = d.code AND ($5::uuid IS NULL OR t.plan_id = $5::uuid)
             ORDER BY t.due_date, t.id LIMIT $2)
           UNION ALL
           (SELECT t.id, t.code, t.title, t.due_date, t.status, false
              FROM escalated e1 JOIN task t ON t.id = e1.id
             WHERE e1.department = d.code AND NOT e1.overdue
             ORDER BY t.due_date, t.id LIMIT $2)
         ) u
         ORDER BY u.overdue DESC, u.due_date, u.id
         LIMIT $2
       ) x
   ) w
   WHERE o.department IS NOT NULL OR e.department IS NOT NULL OR d.code = ANY($4::text[])`;

/** The dashboard's and the bulletin's aggregates: counted in the database, never by loading tasks. */
@Injectable()
export class DashboardRepository {
  constructor(private readonly tx: Transactions) {}

  async departmentCounts(
    today: string,
    warnUntil: string,
    weekEnd: string,
    department: string | null,
    timeZone: string,
    planId: string | null = null,
  ): Promise<DepartmentCounts[]> {
    const rows: Array<Record<string, unknown>> = await this.tx
      .manager()
      .query(DEPARTMENT_COUNTS_SQL, [today, warnUntil, weekEnd, department, timeZone, planId]);
    return rows.map((r) => ({
      code: r.code as string,
      name: r.name as string,
      total: Number(r.total),
      assigned: Number(r.assigned),
      inProgress: Number(r.in_progress),
      leaderReview: Number(r.leader_review),
      submitted: Number(r.submitted),
      completed: Number(r.completed),
      overdue: Number(r.overdue),
      dueSoon: Number(r.due_soon),
      dueWithin7Days: Number(r.due_within_7_days),
    }));
  }

  async onTimeByMonth(timeZone: string, fromMonth: string, department: string | null, planId: string | null = null): Promise<MonthCounts[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager().query(ON_TIME_BY_MONTH_SQL, [timeZone, fromMonth, department, planId]);
    return rows.map((r) => ({ code: r.code as string, month: r.month as string, completed: Number(r.completed), onTime: Number(r.on_time) }));
  }

  async indicatorsWithLatest(planId: string | null = null): Promise<IndicatorLatest[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager().query(INDICATOR_LATEST_SQL, [planId]);
    const num = (value: unknown) => (value === null ? null : Number(value));
    return rows.map((r) => ({
      code: r.code as string,
      name: r.name as string,
      unit: r.unit as string,
      comparator: r.comparator as IndicatorLatest['comparator'],
      target: Number(r.target),
      targetYear: Number(r.target_year),
      baseline: num(r.baseline),
      baselineYear: num(r.baseline_year),
      departmentCode: r.department_code as string,
      latest: r.latest_year === null ? null : { year: Number(r.latest_year), value: Number(r.latest_value) },
    }));
  }

  /** `alsoDepartments`: listed even without overdue or escalated work; `planId`: one plan's tasks only. */
  async bulletin(
    today: string,
    worstPerDepartment: number,
    timeZone: string,
    alsoDepartments: readonly string[] = [],
    planId: string | null = null,
  ): Promise<BulletinRow[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager().query(BULLETIN_SQL, [today, worstPerDepartment, timeZone, alsoDepartments, planId]);
    return rows.map((r) => ({
      code: r.code as string,
      name: r.name as string,
      ordinal: Number(r.ordinal),
      overdue: Number(r.overdue),
      escalated: Number(r.escalated),
      overdueAndEscalated: Number(r.overdue_and_escalated),
      maxDaysOverdue: Number(r.max_days_overdue),
      worst: r.worst as BulletinTaskRow[],
    }));
  }
}
