/**
 * The sweep benchmark of issue 4: 1,000,000 tasks of which 10,000 have a step
 * due. Prints the full and the empty sweep beside the bare SQL that selects the
 * same rows, measured in the same run on the same database.
 */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { appLogger, rootModule } from '../apps/bootstrap.js';
import { AuditService } from '../libs/audit/audit.service.js';
import { CalendarService } from '../libs/calendar/calendar.service.js';
import { loadConfig } from '../libs/config/app-config.js';
import { ReminderSweep } from '../libs/notifications/reminder-sweep.service.js';
import { importSeeds } from '../libs/plan/import-seeds.js';
import { validatePolicy } from '../libs/policy/escalation-policy.js';
import { benchDatabase, type BenchRow, median, timed, benchRuntime } from './report.js';

const TASKS = 1_000_000;
const DUE = 10_000;

@Module({ providers: [AuditService, CalendarService, ReminderSweep] })
class SweepBenchModule {}

export async function reminderSweepBench(serverUrl: string): Promise<BenchRow[]> {
  const scratch = await benchDatabase(serverUrl, 'sweep');
  const databaseUrl = scratch.url;
  const db = new pg.Client({ connectionString: databaseUrl });
  try {
    await importSeeds(databaseUrl, 'seeds');
    await db.connect();
    await db.query('UPDATE task SET next_reminder_at = NULL'); // the plan's own tasks are not part of this figure
    await db.query(`INSERT INTO app_user (email, name, password_hash, role, department_code)
                    SELECT 'liaison-' || code || '@bench.duban', code, 'x', 'liaison', code FROM department`);
    await db.query(`INSERT INTO app_user (email, name, password_hash, role) VALUES ('supervisor@bench.duban', '督查', 'x', 'supervisor')`);
    // Every task has a future step except DUE of them, whose deadline passed yesterday.
    await db.query(
      `INSERT INTO task (title, lead_department_code, due_date, status, ladder_from, next_reminder_at)
       SELECT 'bench ' || g, (SELECT array_agg(code ORDER BY code) FROM department)[1 + g % 7],
              current_date + 30 + g % 1500, 'in_progress', now(), now() + interval '30 days' + (g % 1500) * interval '1 day'
         FROM generate_series(1, $1) g`,
      [TASKS - DUE],
    );
    await db.query(
      `INSERT INTO task (title, lead_department_code, due_date, status, ladder_from, next_reminder_at)
       SELECT 'due ' || g, (SELECT array_agg(code ORDER BY code) FROM department)[1 + g % 7],
              current_date - 1, 'in_progress', now() - interval '30 days', now() - interval '1 minute'
         FROM generate_series(1, $1) g`,
      [DUE],
    );
    await db.query('VACUUM ANALYZE task');

    const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', SEED_ON_START: 'false' });
    const policy = validatePolicy({
      workdays: true,
      warnBefore: 'P3D',
      steps: [{ at: 'P0D', to: ['liaisons'], template: 'overdue' }],
      // An hour after the submission, not working days: the figure must not depend on the weekday the bench runs on.
      review: [{ at: 'PT1H', to: ['supervisor'], template: 'review' }],
    });
    const runtime = benchRuntime(config, databaseUrl, policy);
    const context = await NestFactory.createApplicationContext(rootModule(runtime, SweepBenchModule), { logger: appLogger(config) });
    const sweep = context.get(ReminderSweep);
    try {
      const bareSelect = (limit: number) =>
        timed(async () => {
          await db.query('BEGIN');
          await db.query(
            `SELECT id, title, lead_department_code, assignee_id, due_date, status, ladder_from FROM task
              WHERE next_reminder_at < now() + interval '1 millisecond' ORDER BY next_reminder_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
            [limit],
          );
          await db.query('ROLLBACK');
        });
      const bareFulls: number[] = [];
      for (let i = 0; i < 3; i++) bareFulls.push(await bareSelect(DUE));
      const bareFull = median(bareFulls);
      const full = await timed(async () => {
        const result = await sweep.run();
        if (result.recorded !== DUE) throw new Error(`the sweep recorded ${result.recorded}, not ${DUE}`);
      });
      // The fair clock: the same due tasks again, half of them now waiting for review (submitted three days ago): their
      // department hears nothing and the owning supervisor gets the review step instead — one notification per task all the same.
      await db.query('DELETE FROM notification');
      await db.query('DELETE FROM delivery');
      await db.query(
        `UPDATE task SET next_reminder_at = now() - interval '1 minute',
                status = CASE WHEN substr(title, 5)::int % 2 = 0 THEN 'submitted' ELSE status END,
                submitted_at = CASE WHEN substr(title, 5)::int % 2 = 0 THEN now() - interval '3 days' END,
                supervisor_id = (SELECT id FROM app_user WHERE email = 'supervisor@bench.duban')
          WHERE title LIKE 'due %'`,
      );
      await db.query('VACUUM ANALYZE task');
      const bareMixed = median([await bareSelect(DUE), await bareSelect(DUE), await bareSelect(DUE)]);
      const mixed = await timed(async () => {
        const result = await sweep.run();
        if (result.recorded !== DUE) throw new Error(`the sweep with work under review recorded ${result.recorded}, not ${DUE}`);
      });
      // 定期报送: the same due tasks with monthly reports over five years (60 periods each, 600,000 implied), 30 of them
      // past: all filed but the one two months back, whose last report step (the owner, P3D) falls due — one notification
      // per task again, after the sweep has worked every task's periods out and looked its filings up.
      await db.query('DELETE FROM notification');
      await db.query('DELETE FROM delivery');
      await db.query(
        `UPDATE task SET report_every = 'P1M', report_due_day = 5, status = 'in_progress', submitted_at = NULL,
                created_at = date_trunc('month', now()) - interval '30 months' + interval '9 days',
                due_date = (date_trunc('month', now()) + interval '30 months')::date,
                ladder_from = now() - interval '1 minute', next_reminder_at = now() - interval '1 minute'
          WHERE title LIKE 'due %'`,
      );
      await db.query(
        `INSERT INTO progress_report (task_id, author_id, department_code, kind, note, evidence_ids, period, created_at)
         SELECT t.id, u.id, t.lead_department_code, 'progress', 'bench', '{}', to_char(m, 'YYYY-MM'), m + interval '3 days'
           FROM task t
           JOIN app_user u ON u.department_code = t.lead_department_code AND u.role = 'liaison',
                generate_series(date_trunc('month', now()) - interval '30 months', date_trunc('month', now()) - interval '1 month', interval '1 month') m
          WHERE t.title LIKE 'due %' AND m <> date_trunc('month', now()) - interval '2 months'`,
      );
      await db.query('VACUUM ANALYZE task');
      await db.query('VACUUM ANALYZE progress_report');
      const bareReports = median([await bareSelect(DUE), await bareSelect(DUE), await bareSelect(DUE)]);
      const reports = await timed(async () => {
        const result = await sweep.run();
        if (result.recorded !== DUE) throw new Error(`the sweep of monthly reports recorded ${result.recorded}, not ${DUE}`);
      });
      const empties: number[] = [];
      const bareEmpties: number[] = [];
      for (let i = 0; i < 21; i++) {
        empties.push(await timed(() => sweep.run().then(() => undefined)));
        bareEmpties.push(await bareSelect(2000));
      }
      return [
        {
          figure: `sweep: record and enqueue ${DUE} due of ${TASKS} tasks`,
          valueMs: full,
          baselineMs: bareFull,
          baseline: 'bare SELECT … FOR UPDATE of the same rows',
          targetMs: 2000,
        },
        {
          figure: `sweep: ${DUE} due of ${TASKS} tasks, half waiting for review (the fair clock)`,
          valueMs: mixed,
          baselineMs: bareMixed,
          baseline: 'bare SELECT … FOR UPDATE of the same rows',
          targetMs: 2000,
        },
        {
          figure: `sweep: ${DUE} monthly-report tasks due (five years each, ${DUE * 60} periods implied) of ${TASKS} tasks`,
          valueMs: reports,
          baselineMs: bareReports,
          baseline: 'bare SELECT … FOR UPDATE of the same rows',
          targetMs: 2000,
        },
        {
          figure: 'sweep with nothing due (median of 21)',
          valueMs: median(empties),
          baselineMs: median(bareEmpties),
          baseline: 'bare SELECT returning nothing',
          targetMs: 20,
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
