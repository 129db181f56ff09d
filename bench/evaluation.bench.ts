/**
 * The evaluation benchmark of issue 18: a plan of 100 indicators with 10,000 reported values
 * and 20,000 tasks over its clauses. Prints EvaluationService.evaluation() beside the bare `pg`
 * time of the same aggregates (the task outcomes by clause, the overdue tasks, the indicators
 * and their values) measured in the same run, and the workbook rendered from it.
 */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { appLogger, rootModule } from '../apps/bootstrap.js';
import { loadConfig } from '../libs/config/app-config.js';
import { CLAUSE_OUTCOMES_SQL, OVERDUE_TASKS_SQL, PLAN_VALUES_SQL } from '../libs/db/repositories/evaluation.repository.js';
import { EvaluationModule } from '../libs/evaluation/evaluation.module.js';
import { EvaluationService } from '../libs/evaluation/evaluation.service.js';
import { validatePolicy } from '../libs/policy/escalation-policy.js';
import { renderEvaluationWorkbook } from '../libs/reports/evaluation-workbook.js';
import { benchDatabase, type BenchRow, median, timed, benchRuntime } from './report.js';

const INDICATORS = 100;
const YEARS = 100;
const TASKS = 20_000;
const CALLS = 15;
const AS_OF = '2025-12-31';

@Module({ imports: [EvaluationModule] })
class EvaluationBenchModule {}

export async function evaluationBench(serverUrl: string): Promise<BenchRow[]> {
  const scratch = await benchDatabase(serverUrl, 'evaluation');
  const databaseUrl = scratch.url;
  const db = new pg.Client({ connectionString: databaseUrl });
  try {
    await db.connect();
    await db.query(`INSERT INTO department (code, name, ordinal) SELECT 'bench-' || g, '基准部门' || g, g FROM generate_series(1, 20) g`);
    const [{ id: planId }] = (await db.query(`INSERT INTO plan (code, title, start_year, end_year) VALUES ('bench', '基准规划', 2021, 2025) RETURNING id`))
      .rows;
    // Ten chapters of five sections, each section with four clauses.
    await db.query(
      `INSERT INTO plan_section (plan_id, code, parent_code, title, ordinal) SELECT $1, 'c' || g, NULL, '章' || g, g * 10 FROM generate_series(1, 10) g`,
      [planId],
    );
    await db.query(
      `INSERT INTO plan_section (plan_id, code, parent_code, title, ordinal) SELECT $1, 'c' || c || 's' || s, 'c' || c, '节', c * 10 + s FROM generate_series(1, 10) c, generate_series(1, 5) s`,
      [planId],
    );
    await db.query(
      `INSERT INTO plan_clause (plan_id, ref, section_code, text, ordinal) SELECT $1, 'c' || c || 's' || s || '#' || k, 'c' || c || 's' || s, '条文', c * 100 + s * 10 + k
         FROM generate_series(1, 10) c, generate_series(1, 5) s, generate_series(1, 4) k`,
      [planId],
    );
    const [{ id: reporter }] = (await db.query(`INSERT INTO app_user (email, name, password_hash, role) VALUES ('b@bench', 'b', 'x', 'admin') RETURNING id`))
      .rows;
    await db.query(
      `INSERT INTO indicator (code, plan_id, name, unit, comparator, target, target_year, baseline, baseline_year, department_code, clause_ref, source_text, derived, ordinal)
       SELECT 'i' || g, $1, '指标' || g, '%', (ARRAY['>=', '<=', '='])[1 + g % 3], 90, 2025, 80, 2020, 'bench-' || (1 + g % 20),
              'c' || (1 + g % 10) || 's1#1', '原文', g % 10 = 0, g
         FROM generate_series(1, $2) g`,
      [planId, INDICATORS],
    );
    await db.query(
      `INSERT INTO indicator_value (indicator_code, year, value, reported_by)
       SELECT 'i' || g, 1925 + y, 70 + (g * y) % 30, $1 FROM generate_series(1, $2) g, generate_series(1, $3) y`,
      [reporter, INDICATORS, YEARS],
    );
    // Deadlines over the plan's five years; of those due before the day, half completed (some late), a tenth cancelled.
    await db.query(
      `INSERT INTO task (plan_id, title, lead_department_code, clause_ref, due_date, status, submitted_at, completed_at, cancelled_at, next_reminder_at)
       SELECT $1, 'bench ' || g, 'bench-' || (1 + g % 20), 'c' || (1 + g % 10) || 's' || (1 + g / 10 % 5) || '#' || (1 + g / 50 % 4), s.due, s.status,
              CASE WHEN s.status IN ('completed', 'submitted') THEN (s.due + g % 5 - 2)::timestamp AT TIME ZONE 'Asia/Shanghai' END,
              CASE WHEN s.status = 'completed' THEN (s.due + g % 5)::timestamp AT TIME ZONE 'Asia/Shanghai' END,
              CASE WHEN s.status = 'cancelled' THEN s.due::timestamp AT TIME ZONE 'Asia/Shanghai' END,
              NULL
         FROM generate_series(1, $2) g
        CROSS JOIN LATERAL (SELECT date '2021-01-01' + (g * 7919) % 1826 AS due) d
        CROSS JOIN LATERAL (
          SELECT d.due, CASE WHEN g % 10 = 0 THEN 'cancelled' WHEN g % 2 = 0 THEN 'completed'
                             ELSE (ARRAY['assigned', 'in_progress', 'submitted'])[1 + g % 3] END AS status
        ) s`,
      [planId, TASKS],
    );
    await db.query('VACUUM ANALYZE');

    const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', SEED_ON_START: 'false' });
    const policy = validatePolicy({ workdays: false, warnBefore: 'P3D', steps: [{ at: 'P0D', to: ['liaisons'], template: 'overdue' }] });
    const context = await NestFactory.createApplicationContext(rootModule(benchRuntime(config, databaseUrl, policy), EvaluationBenchModule), {
      logger: appLogger(config),
    });
    const service = context.get(EvaluationService);
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    try {
      // The aggregates the service sends, at once as it sends them.
      const bare = () =>
        timed(async () => {
          await Promise.all([
            pool.query(CLAUSE_OUTCOMES_SQL, [planId, AS_OF, config.TZ]),
            pool.query(OVERDUE_TASKS_SQL, [planId, AS_OF, config.TZ]),
            pool.query(`SELECT * FROM indicator WHERE plan_id = $1 ORDER BY ordinal, code`, [planId]),
            pool.query(PLAN_VALUES_SQL, [planId]),
          ]);
        });
      for (let i = 0; i < 3; i++) await service.evaluation(planId as string, AS_OF);
      const served: number[] = [];
      const baseline: number[] = [];
      const workbook: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        served.push(await timed(() => service.evaluation(planId as string, AS_OF).then(() => undefined)));
        baseline.push(await bare());
      }
      for (let i = 0; i < 5; i++) {
        workbook.push(await timed(async () => void (await renderEvaluationWorkbook(await service.evaluation(planId as string, AS_OF)))));
      }
      return [
        {
          figure: `evaluation of a plan: ${INDICATORS} indicators, ${INDICATORS * YEARS} values, ${TASKS} tasks (median of ${CALLS})`,
          valueMs: median(served),
          baselineMs: median(baseline),
          baseline: 'bare pg: the same aggregates, in parallel',
          targetMs: 2 * median(baseline),
        },
        {
          figure: 'evaluation workbook (computed and rendered, median of 5)',
          valueMs: median(workbook),
          baselineMs: median(served),
          baseline: 'the evaluation alone',
          targetMs: 2000,
        },
      ];
    } finally {
      await pool.end();
      await context.close();
    }
  } finally {
    await db.end().catch(() => undefined);
    await scratch.drop();
  }
}
