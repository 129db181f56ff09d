/**
 * The dashboard benchmark of issue 5: 100,000 tasks over 30 departments. Prints
 * DashboardService.summary() (every department, as a supervisor sees it; and one
 * department, as a liaison does) and the 通报 beside the bare `pg` time of the
 * same SQL, measured in the same run on the same database.
 */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { appLogger, rootModule } from '../apps/bootstrap.js';
import { AuditService } from '../libs/audit/audit.service.js';
import { CalendarService } from '../libs/calendar/calendar.service.js';
import { addDays, calendarDate } from '../libs/common/dates.js';
import { type Actor, Role } from '../libs/common/roles.js';
import { loadConfig } from '../libs/config/app-config.js';
import { lastMonths } from '../libs/dashboard/dashboard-rules.js';
import { BULLETIN_WORST, DashboardService } from '../libs/dashboard/dashboard.service.js';
import { BULLETIN_SQL, DEPARTMENT_COUNTS_SQL, INDICATOR_LATEST_SQL, ON_TIME_BY_MONTH_SQL } from '../libs/db/repositories/dashboard.repository.js';
import { importSeeds } from '../libs/plan/import-seeds.js';
import { validatePolicy } from '../libs/policy/escalation-policy.js';
import { DeadlineClock } from '../libs/tasks/deadline-clock.js';
import { benchDatabase, type BenchRow, median, timed, benchRuntime } from './report.js';

const TASKS = 100_000;
const DEPARTMENTS = 30;
const CALLS = 30;

@Module({ providers: [AuditService, CalendarService, DeadlineClock, DashboardService] })
class DashboardBenchModule {}

export async function dashboardBench(serverUrl: string): Promise<BenchRow[]> {
  const scratch = await benchDatabase(serverUrl, 'dashboard');
  const databaseUrl = scratch.url;
  const db = new pg.Client({ connectionString: databaseUrl });
  try {
    await importSeeds(databaseUrl, 'seeds');
    await db.connect();
    // The plan's departments, and more up to 30.
    await db.query(
      `INSERT INTO department (code, name, ordinal)
       SELECT 'bench-' || g, '基准部门' || g, 1000 + g FROM generate_series(1, $1 - (SELECT count(*) FROM department)) g`,
      [DEPARTMENTS],
    );
    // Deadlines spread over a year either side of today. Of the tasks already due, four in ten
    // are completed (on time, or up to two days late, at 10:00 in Shanghai); the rest, and every
    // task not yet due, are open. The status varies independently of the department (g / 30).
    await db.query(
      `INSERT INTO task (title, lead_department_code, due_date, status, completed_at, next_reminder_at)
       SELECT 'bench ' || g, d.codes[1 + g % $2], s.due, s.status,
              CASE WHEN s.status = 'completed' THEN ((s.due + (g / $2) % 5 - 2)::timestamp + interval '10 hours') AT TIME ZONE 'Asia/Shanghai' END,
              NULL
         FROM generate_series(1, $1) g
        CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes FROM department) d
        CROSS JOIN LATERAL (SELECT current_date - 365 + (g * 7919) % 730 AS due) due
        CROSS JOIN LATERAL (
          SELECT due.due, CASE
                   WHEN due.due < current_date - 3 AND (g / $2) % 10 < 4 THEN 'completed'
                   ELSE (ARRAY['assigned', 'in_progress', 'submitted'])[1 + (g / $2) % 3]
                 END AS status
        ) s`,
      [TASKS, DEPARTMENTS],
    );
    // Every twentieth task past its deadline has reached its department's leader (an escalation).
    await db.query(`INSERT INTO app_user (email, name, password_hash, role, department_code)
                    SELECT 'leader-' || code || '@bench.duban', code, 'x', 'leader', code FROM department`);
    await db.query(
      `INSERT INTO notification (task_id, step_index, step_at, recipient_id, due_date, template, subject, body)
       SELECT t.id, 3, 'P3D', u.id, t.due_date, 'escalation', '升级', '升级'
         FROM task t JOIN app_user u ON u.department_code = t.lead_department_code AND u.role = 'leader'
        WHERE t.due_date < current_date AND abs(hashtext(t.id::text)) % 20 = 0`,
    );
    await db.query('VACUUM ANALYZE');
    const [{ code: oneDepartment }] = (await db.query('SELECT code FROM department ORDER BY ordinal, code LIMIT 1')).rows;

    const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', SEED_ON_START: 'false' });
    const policy = validatePolicy({ workdays: true, warnBefore: 'P3D', steps: [{ at: 'P0D', to: ['liaisons'], template: 'overdue' }] });
    const runtime = benchRuntime(config, databaseUrl, policy);
    const context = await NestFactory.createApplicationContext(rootModule(runtime, DashboardBenchModule), { logger: appLogger(config) });
    const dashboard = context.get(DashboardService);
    const clock = context.get(DeadlineClock);
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
    try {
      const supervisor: Actor = { id: '00000000-0000-0000-0000-000000000000', email: 'b@bench', name: 'bench', role: Role.Supervisor, departmentCode: null };
      const liaison: Actor = { ...supervisor, role: Role.Liaison, departmentCode: oneDepartment };
      const window = await clock.window();
      const today = calendarDate(config.TZ);
      const fromMonth = `${lastMonths(today)[0]}-01`;
      // The same three statements the service sends, at once on three connections as it does.
      const bare = (department: string | null) =>
        timed(async () => {
          await Promise.all([
            pool.query(DEPARTMENT_COUNTS_SQL, [window.today, window.warnUntil, addDays(window.today, 7), department]),
            pool.query(ON_TIME_BY_MONTH_SQL, [config.TZ, fromMonth, department]),
            pool.query(INDICATOR_LATEST_SQL),
          ]);
        });
      const measure = async (actor: Actor, department: string | null) => {
        const service: number[] = [];
        const baseline: number[] = [];
        for (let i = 0; i < 3; i++) await dashboard.summary(actor); // warm the pool and the plans
        for (let i = 0; i < CALLS; i++) {
          service.push(await timed(() => dashboard.summary(actor).then(() => undefined)));
          baseline.push(await bare(department));
        }
        return { service: median(service), baseline: median(baseline) };
      };
      const bulletins: number[] = [];
      const bareBulletins: number[] = [];
      for (let i = 0; i < 11; i++) {
        bulletins.push(await timed(() => dashboard.bulletin().then(() => undefined)));
        bareBulletins.push(await timed(() => pool.query(BULLETIN_SQL, [window.today, BULLETIN_WORST]).then(() => undefined)));
      }
      const all = await measure(supervisor, null);
      const one = await measure(liaison, oneDepartment);
      return [
        {
          figure: `dashboard, ${DEPARTMENTS} departments, ${TASKS} tasks (median of ${CALLS})`,
          valueMs: all.service,
          baselineMs: all.baseline,
          baseline: 'bare pg: the same three statements, in parallel',
          targetMs: 50,
        },
        {
          figure: `dashboard, one department as its liaison (median of ${CALLS})`,
          valueMs: one.service,
          baselineMs: one.baseline,
          baseline: 'bare pg: the same three statements, in parallel',
          targetMs: 50,
        },
        {
          figure: `通报 (bulletin) of ${TASKS} tasks, 1 in 20 overdue escalated (median of 11)`,
          valueMs: median(bulletins),
          baselineMs: median(bareBulletins),
          baseline: 'bare pg: the same statement',
          targetMs: 100,
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
