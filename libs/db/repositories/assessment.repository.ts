import { Injectable } from '@nestjs/common';
import { AssessmentCycleEntity, AssessmentReportEntity, AssessmentScoreEntity } from '../entities/assessment.entity.js';
import { Transactions } from '../transaction.js';
import { completedOnTimeSql, deadlineEndSql, handedInSql, waitingInTimeSql } from './deadline-rules.sql.js';
import { REPORT_STATUS, type ReportStatus } from '../../vocabulary/assessment.js';
import { GRADES, type Grade, type TaskAuditAction, TaskStatus } from '../../vocabulary/tasks.js';

/** Returns are counted from the audit log. */
const RETURNED: TaskAuditAction = 'task.return';

/**
 * The tasks of a year (due date in it), each with what the assessment counts:
 * its outcome against the end of the due date in the plan's time zone
 * ($2; on time when the submission finally approved was made by then: deadline-rules.sql.ts;
 * work waiting for review after an on-time submission is pending, not overdue), calendar
 * days late (to the submission, or to `asOf` ($3) while still with the department), evidence
 * files, supervisor returns (audit `task.return` from `submitted`; a leader's return before sign-off stays inside the
 * department), extension requests and
 * whether a `leader` was notified about it (escalated). $1 is the year. Cancelled tasks leave every metric.
 * The per-task counts are grouped once and hash-joined: correlated subqueries
 * per task cost twice as much and tip the planner into JIT compilation.
 */
// Tasks due in the year: an open-ended one (长期坚持, no due date) has no completion deadline and is judged on its report periods alone.
const YEAR_TASKS = `
  year_task AS (
    SELECT t.id, t.code, t.title, t.status, t.grade, t.lead_department_code AS dept, t.due_date, t.completed_at,
           t.status = '${TaskStatus.Completed}' AS done,
           ${completedOnTimeSql('t', '$2')} AS done_on_time,
           ${waitingInTimeSql('t', '$2')} AS waiting_in_time,
           ${handedInSql('t')} AS handed_in,
           ${deadlineEndSql('t', '$2')} AS deadline
      FROM task t
     WHERE t.due_date >= make_date($1, 1, 1) AND t.due_date < make_date($1 + 1, 1, 1) AND t.status <> '${TaskStatus.Cancelled}'
  ),
  evidence_count AS (SELECT e.task_id, count(*)::int AS n FROM evidence e WHERE e.task_id IN (SELECT id FROM year_task) GROUP BY e.task_id),
  return_count AS (
    SELECT a.task_id, count(*)::int AS n FROM audit_log a
     WHERE a.action = '${RETURNED}' AND a.before ->> 'status' = '${TaskStatus.Submitted}' AND a.task_id IN (SELECT id FROM year_task)
     GROUP BY a.task_id
  ),
  extension_count AS (SELECT x.task_id, count(*)::int AS n FROM extension_request x WHERE x.task_id IN (SELECT id FROM year_task) GROUP BY x.task_id),
  escalated AS (
    SELECT DISTINCT n.task_id FROM notification n JOIN app_user u ON u.id = n.recipient_id
     WHERE u.role = 'leader' AND n.step_index IS NOT NULL AND n.task_id IN (SELECT id FROM year_task) -- ladder steps, not events (a sign-off request)
  ),
  judged AS (
    SELECT y.*,
           CASE WHEN y.done_on_time THEN 'on_time'
                WHEN y.done THEN 'late'
                WHEN y.waiting_in_time THEN 'pending'
                WHEN y.deadline <= $3 THEN 'overdue'
                ELSE 'pending' END AS outcome,
           CASE WHEN y.done AND NOT y.done_on_time THEN (y.handed_in AT TIME ZONE $2)::date - y.due_date
                WHEN y.waiting_in_time THEN 0
                WHEN y.status IN ('${TaskStatus.LeaderReview}', '${TaskStatus.Submitted}') AND y.deadline <= $3 THEN (y.handed_in AT TIME ZONE $2)::date - y.due_date
                WHEN NOT y.done AND y.deadline <= $3 THEN ($3::timestamptz AT TIME ZONE $2)::date - y.due_date
                ELSE 0 END AS days_late,
           coalesce(ev.n, 0) AS evidence_count, coalesce(rt.n, 0) AS returns, coalesce(ex.n, 0) AS extensions,
           es.task_id IS NOT NULL AS escalated
      FROM year_task y
      LEFT JOIN evidence_count ev ON ev.task_id = y.id
      LEFT JOIN return_count rt ON rt.task_id = y.id
      LEFT JOIN extension_count ex ON ex.task_id = y.id
      LEFT JOIN escalated es ON es.task_id = y.id
  )`;

/** Per department (every department, in plan order): the aggregates of DepartmentMetrics. Parameters: year, time zone, asOf. */
export const DEPARTMENT_METRICS_SQL = `
  WITH ${YEAR_TASKS}
  SELECT d.code, d.name,
         count(j.id)::int AS due,
         count(*) FILTER (WHERE j.outcome = 'on_time')::int AS on_time,
         count(*) FILTER (WHERE j.outcome = 'late')::int AS late,
         count(*) FILTER (WHERE j.outcome = 'overdue')::int AS overdue,
         count(*) FILTER (WHERE j.outcome = 'pending')::int AS pending,
         round(avg(j.days_late) FILTER (WHERE j.outcome IN ('late', 'overdue')), 2)::float8 AS mean_days_late,
         coalesce(sum(j.returns), 0)::int AS returns,
         count(*) FILTER (WHERE j.done)::int AS completed,
         count(*) FILTER (WHERE j.done AND j.evidence_count > 0)::int AS completed_with_evidence,
         coalesce(sum(j.extensions), 0)::int AS extension_requests,
         count(*) FILTER (WHERE j.outcome IN ('late', 'overdue'))::int AS turned_red,
         count(*) FILTER (WHERE j.escalated)::int AS escalated,
         ${GRADES.map((grade) => `count(*) FILTER (WHERE j.done AND j.grade = '${grade}')::int AS ${grade}`).join(',\n         ')}
    FROM department d
    LEFT JOIN judged j ON j.dept = d.code
   GROUP BY d.code, d.name, d.ordinal
   ORDER BY d.ordinal, d.code`;

const REPORT_TASKS_SQL = `
  WITH ${YEAR_TASKS}
  SELECT j.id, j.code, j.title, j.status, j.dept, j.due_date::text AS due_date, j.completed_at, j.days_late, j.evidence_count, j.grade
    FROM judged j
   ORDER BY j.dept, j.due_date, j.code NULLS LAST, j.id`;

export type DepartmentMetricsRow = {
  code: string;
  name: string;
  due: number;
  on_time: number;
  late: number;
  overdue: number;
  pending: number;
  mean_days_late: number | null;
  returns: number;
  completed: number;
  completed_with_evidence: number;
  extension_requests: number;
  turned_red: number;
  escalated: number;
} & Record<Grade, number>;

export interface ReportTaskRow {
  id: string;
  code: string | null;
  title: string;
  status: string;
  dept: string;
  due_date: string;
  completed_at: Date | null;
  days_late: number;
  evidence_count: number;
  grade: string | null;
}

export interface ScoreRow {
  id: string;
  departmentCode: string;
  reviewerId: string;
  reviewerName: string;
  score: number;
  comment: string;
  version: number;
  updatedAt: Date;
}

export type ReportStatusRow = Omit<AssessmentReportEntity, 'content' | 'cycle'>;

/** Assessment cycles, reviewers' scores, generated report files, and the aggregates a cycle is computed from. */
@Injectable()
export class AssessmentRepository {
  constructor(private readonly tx: Transactions) {}

  private cycles() {
    return this.tx.manager().getRepository(AssessmentCycleEntity);
  }

  private scores() {
    return this.tx.manager().getRepository(AssessmentScoreEntity);
  }

  private reports() {
    return this.tx.manager().getRepository(AssessmentReportEntity);
  }

  listCycles(): Promise<AssessmentCycleEntity[]> {
    return this.cycles().find({
      select: { year: true, status: true, openedBy: true, openedAt: true, finalizedBy: true, finalizedAt: true },
      order: { year: 'DESC' },
    });
  }

  findCycle(year: number): Promise<AssessmentCycleEntity | null> {
    return this.cycles().findOneBy({ year });
  }

  /** Reads and row-locks the cycle: scoring and finalising one cycle are serialised. */
  findCycleForUpdate(year: number): Promise<AssessmentCycleEntity | null> {
    return this.cycles().createQueryBuilder('c').setLock('pessimistic_write').where('c.year = :year', { year }).getOne();
  }

  /** Inserts the cycle unless the year has one; returns null when it had. */
  async insertCycle(year: number, openedBy: string): Promise<AssessmentCycleEntity | null> {
    const rows: unknown[] = await this.tx
      .manager()
      .query(`INSERT INTO assessment_cycle (year, opened_by) VALUES ($1, $2) ON CONFLICT (year) DO NOTHING RETURNING year`, [year, openedBy]);
    return rows.length > 0 ? this.findCycle(year) : null;
  }

  saveCycle(cycle: AssessmentCycleEntity): Promise<AssessmentCycleEntity> {
    return this.cycles().save(cycle);
  }

  departmentMetrics(year: number, timeZone: string, asOf: Date): Promise<DepartmentMetricsRow[]> {
    return this.tx.manager().query(DEPARTMENT_METRICS_SQL, [year, timeZone, asOf]);
  }

  reportTasks(year: number, timeZone: string, asOf: Date): Promise<ReportTaskRow[]> {
    return this.tx.manager().query(REPORT_TASKS_SQL, [year, timeZone, asOf]);
  }

  async countTasks(year: number): Promise<number> {
    const [row]: Array<{ n: number }> = await this.tx
      .manager()
      .query(`SELECT count(*)::int AS n FROM task WHERE due_date >= make_date($1, 1, 1) AND due_date < make_date($1 + 1, 1, 1)`, [year]);
    return row.n;
  }

  /** The cycle's scores with the reviewers' names, in the order they were first given. */
  async listScores(year: number): Promise<ScoreRow[]> {
    const rows: Array<ScoreRow & { score: string }> = await this.tx.manager().query(
      `SELECT s.id, s.department_code AS "departmentCode", s.reviewer_id AS "reviewerId", u.name AS "reviewerName",
              s.score, s.comment, s.version, s.updated_at AS "updatedAt"
         FROM assessment_score s JOIN app_user u ON u.id = s.reviewer_id
        WHERE s.year = $1 ORDER BY s.created_at, s.id`,
      [year],
    );
    return rows.map((r) => ({ ...r, score: Number(r.score) }));
  }

  findScore(year: number, departmentCode: string, reviewerId: string): Promise<AssessmentScoreEntity | null> {
    return this.scores().findOneBy({ year, departmentCode, reviewerId });
  }

  /** Inserts or revises; TypeORM bumps `version`. */
  saveScore(score: Partial<AssessmentScoreEntity>): Promise<AssessmentScoreEntity> {
    return this.scores().save(this.scores().create(score));
  }

  insertReport(report: Pick<AssessmentReportEntity, 'year' | 'format' | 'requestedBy'>): Promise<AssessmentReportEntity> {
    return this.reports().save(this.reports().create(report));
  }

  /** The row without its file. */
  findReport(id: string): Promise<ReportStatusRow | null> {
    return this.reports().findOne({
      where: { id },
      select: { id: true, year: true, format: true, status: true, progress: true, error: true, requestedBy: true, createdAt: true, finishedAt: true },
    });
  }

  async reportContent(id: string): Promise<Buffer | null> {
    const row = await this.reports().findOne({ where: { id }, select: { id: true, content: true } });
    return row?.content ?? null;
  }

  /** The newest report of the year and format in one of `statuses` (requested at or after `since`, when given), without its file. */
  latestReport(year: number, format: string, statuses: ReportStatus[], since?: Date): Promise<ReportStatusRow | null> {
    const query = this.reports()
      .createQueryBuilder('r')
      .select(['r.id', 'r.year', 'r.format', 'r.status', 'r.progress', 'r.error', 'r.requestedBy', 'r.createdAt', 'r.finishedAt'])
      .where('r.year = :year AND r.format = :format AND r.status IN (:...statuses)', { year, format, statuses });
    if (since) query.andWhere('r.created_at >= :since', { since });
    return query.orderBy('r.created_at', 'DESC').limit(1).getOne();
  }

  /** Claims a queued (or abandoned running) row for rendering; false when another worker has it or it is finished. */
  async claimReport(id: string): Promise<boolean> {
    const [, affected] = await this.tx
      .manager()
      .query<[unknown, number]>(
        `UPDATE assessment_report SET status = '${REPORT_STATUS.Running}', progress = 0, error = NULL WHERE id = $1 AND status IN ('${REPORT_STATUS.Queued}', '${REPORT_STATUS.Running}')`,
        [id],
      );
    return affected > 0;
  }

  async setReportProgress(id: string, progress: number): Promise<void> {
    await this.reports().update({ id, status: REPORT_STATUS.Running }, { progress });
  }

  async finishReport(id: string, content: Buffer): Promise<void> {
    await this.reports().update({ id }, { status: REPORT_STATUS.Done, progress: 100, content, finishedAt: new Date(), error: null });
  }

  async failReport(id: string, error: string): Promise<void> {
    await this.reports().update({ id }, { status: REPORT_STATUS.Failed, error, finishedAt: new Date() });
  }

  /** Rows still `queued` since before `before` (their job may have been lost). */
  async queuedReportIds(before: Date): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.tx
      .manager()
      .query(`SELECT id FROM assessment_report WHERE status = '${REPORT_STATUS.Queued}' AND created_at < $1 ORDER BY created_at LIMIT 1000`, [before]);
    return rows.map((r) => r.id);
  }
}
