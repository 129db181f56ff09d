/**
 * The assessment benchmark of issue 5: a year of 10,000 tasks across 20
 * departments (completions on time and late, evidence, returns, extension
 * requests, escalations). Times computing the cycle (AssessmentService, as the
 * API and the report job do) and rendering it as the workbook, beside the bare
 * SQL of the same aggregates on a bare `pg` client, in the same run.
 */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { appLogger, rootModule } from '../apps/bootstrap.js';
import { AssessmentModule } from '../libs/assessment/assessment.module.js';
import { AssessmentService } from '../libs/assessment/assessment.service.js';
import { loadConfig } from '../libs/config/app-config.js';
import { DEPARTMENT_METRICS_SQL } from '../libs/db/repositories/assessment.repository.js';
import { validatePolicy } from '../libs/policy/escalation-policy.js';
import { renderAssessmentWorkbook } from '../libs/reports/assessment-workbook.js';
import { benchDatabase, type BenchRow, median, timed, benchRuntime } from './report.js';

const TASKS = 10_000;
const DEPARTMENTS = 20;
const YEAR = 2025;
const TZ = 'Asia/Shanghai';

// The service with what it needs (audit, and the report periods of TasksModule), as the API has it.
@Module({ imports: [AssessmentModule] })
class AssessmentBenchModule {}

/** Fills the scratch database with the year (deterministic: every share comes from the row number). */
async function fillYear(db: pg.Client): Promise<void> {
  await db.query(`INSERT INTO department (code, name, ordinal) SELECT 'd' || lpad(g::text, 2, '0'), '基准部门' || g, g FROM generate_series(1, $1) g`, [
    DEPARTMENTS,
  ]);
  await db.query(`INSERT INTO app_user (email, name, password_hash, role, department_code)
                  SELECT 'leader-' || code || '@bench.duban', '负责人' || code, 'x', 'leader', code FROM department
                  UNION ALL SELECT 'supervisor@bench.duban', '督办员', 'x', 'supervisor', NULL`);
  // 70 % completed (a third of them a day late), 30 % open (overdue by now); grades cycle through the four.
  await db.query(
    `INSERT INTO task (code, title, lead_department_code, due_date, status, completed_at, grade, percent, next_reminder_at)
     SELECT 'B-' || g, '基准任务 ' || g, 'd' || lpad((1 + g % $2)::text, 2, '0'), make_date($3, 1, 1) + (g % 365),
            CASE WHEN g % 10 < 7 THEN 'completed' ELSE 'in_progress' END,
            CASE WHEN g % 10 < 7 THEN ((make_date($3, 1, 1) + (g % 365) + (g % 3 = 0)::int)::timestamp + interval '10 hours') AT TIME ZONE $4 END,
            CASE WHEN g % 10 < 7 THEN (ARRAY['excellent', 'good', 'pass', 'fail'])[1 + g % 4] END,
            CASE WHEN g % 10 < 7 THEN 100 ELSE 50 END, NULL
       FROM generate_series(1, $1) g`,
    [TASKS, DEPARTMENTS, YEAR, TZ],
  );
  const [{ id: supervisor }] = (await db.query(`SELECT id FROM app_user WHERE role = 'supervisor'`)).rows;
  // Evidence on four completed tasks in five (two files on some).
  await db.query(
    `INSERT INTO evidence (task_id, department_code, uploaded_by, filename, mime_type, size, sha256, storage_key)
     SELECT t.id, t.lead_department_code, $1, '佐证' || n || '.pdf', 'application/pdf', 1000, repeat('0', 64), 'bench/' || t.id || '/' || n
       FROM task t CROSS JOIN generate_series(1, 2) n
      WHERE t.status = 'completed' AND right(t.code, 1) <> '5' AND (n = 1 OR right(t.code, 1) = '2')`,
    [supervisor],
  );
  // A return on one task in five, two on one in twenty (audit entries as the task service writes them).
  await db.query(
    `INSERT INTO audit_log (seq, at, actor_id, action, entity_type, entity_id, task_id, before, after, prev_hash, hash)
     SELECT row_number() OVER (), now(), $1, 'task.return', 'task', t.id::text, t.id,
            '{"status":"submitted"}', '{"status":"in_progress"}', repeat('0', 64), repeat('0', 64)
       FROM task t CROSS JOIN generate_series(1, 2) n
      WHERE right(t.code, 1) IN ('3', '8') AND (n = 1 OR right(t.code, 2) = '13')`,
    [supervisor],
  );
  await db.query(
    `INSERT INTO extension_request (task_id, requested_by, current_due_date, requested_due_date, reason, status)
     SELECT id, $1, due_date, due_date + 30, '基准', 'rejected' FROM task WHERE right(code, 2) = '07'`,
    [supervisor],
  );
  await db.query(
    `INSERT INTO notification (task_id, step_index, step_at, recipient_id, due_date, template, subject, body)
     SELECT t.id, 3, 'P3D', u.id, t.due_date, 'escalation', '督办', '正文'
       FROM task t JOIN app_user u ON u.department_code = t.lead_department_code AND u.role = 'leader'
      WHERE t.status <> 'completed' AND right(t.code, 1) IN ('7', '9')`,
  );
  await db.query(`INSERT INTO assessment_cycle (year) VALUES ($1)`, [YEAR]);
  await db.query('VACUUM ANALYZE');
}

export async function assessmentReportBench(serverUrl: string): Promise<BenchRow[]> {
  const scratch = await benchDatabase(serverUrl, 'assessment');
  const databaseUrl = scratch.url;
  const db = new pg.Client({ connectionString: databaseUrl });
  try {
    await db.connect();
    await fillYear(db);

    const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', SEED_ON_START: 'false', TZ });
    const policy = validatePolicy({ workdays: false, warnBefore: 'P3D', steps: [{ at: 'P0D', to: ['liaisons'], template: 'overdue' }] });
    const runtime = benchRuntime(config, databaseUrl, policy);
    const context = await NestFactory.createApplicationContext(rootModule(runtime, AssessmentBenchModule), { logger: appLogger(config) });
    const assessments = context.get(AssessmentService);
    try {
      const bare = () =>
        timed(async () => {
          const { rows } = await db.query(DEPARTMENT_METRICS_SQL, [YEAR, TZ, new Date()]);
          if (rows.length !== DEPARTMENTS) throw new Error(`the aggregates gave ${rows.length} departments`);
        });
      await bare(); // warm the cache alike for both
      const bares: number[] = [];
      const metrics: number[] = [];
      for (let i = 0; i < 5; i++) {
        bares.push(await bare());
        metrics.push(
          await timed(async () => {
            await assessments.departmentAssessments(YEAR);
          }),
        );
      }
      const fulls: number[] = [];
      const computes: number[] = [];
      let size = 0;
      for (let i = 0; i < 3; i++) {
        fulls.push(
          await timed(async () => {
            const start = process.hrtime.bigint();
            const report = await assessments.report(YEAR);
            computes.push(Number(process.hrtime.bigint() - start) / 1e6);
            const tasks = Object.values(report.tasks).reduce((s, t) => s + t.length, 0);
            if (tasks !== TASKS) throw new Error(`the report lists ${tasks} tasks, not ${TASKS}`);
            size = (await renderAssessmentWorkbook(report)).length;
          }),
        );
      }
      console.log(
        `assessment bench: computing the report ${median(computes).toFixed(0)} ms of ${median(fulls).toFixed(0)} ms; workbook ${(size / 1024).toFixed(0)} KiB`,
      );
      return [
        {
          figure: `assessment: compute the cycle and render report.xlsx (${TASKS} tasks, ${DEPARTMENTS} departments; median of 3)`,
          valueMs: median(fulls),
          baselineMs: median(bares),
          baseline: 'bare pg: the same per-department aggregates',
          targetMs: 5000,
        },
        {
          figure: 'assessment: ranked departments as the API serves them (median of 5)',
          valueMs: median(metrics),
          baselineMs: median(bares),
          baseline: 'bare pg: the same per-department aggregates',
          targetMs: 1000,
        },
      ];
    } finally {
      await context.close();
    }
  } finally {
    await db.end().catch(() => undefined);
    await scratch.drop();
  }
}
