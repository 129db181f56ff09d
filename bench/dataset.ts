/**
 * The large dataset of issue 6, made once per `npm run bench` and shared by the
 * benches that read it: the plan's seeds, 30 departments, a liaison and a leader
 * each, 100,000 tasks (due 2021–2027, statuses mixed, one in four with
 * co-departments), 200,000 progress reports, 50,000 evidence records (rows only:
 * no files) and 1,000,000 audit entries. Everything is made by INSERT … SELECT
 * generate_series on the server, so nothing crosses the wire row by row.
 *
 * The generated audit entries carry a plausible hash each, not a chain: verifying
 * a million-entry chain costs a Node pass over every row, which none of the benches
 * needs, so `npm run audit:verify` on this database reports a break after the seeds.
 */
import pg from 'pg';
import { importSeeds } from '../libs/plan/import-seeds.js';
import { benchDatabase } from './report.js';

export const DATASET = { tasks: 100_000, departments: 30, progressReports: 200_000, evidence: 50_000, auditEntries: 1_000_000 } as const;

export interface Dataset {
  url: string;
  /** The department with the most open overdue tasks it leads or co-operates on. */
  busiestDepartment: string;
  /** Seconds it took to make. */
  seconds: number;
}

let shared: Promise<Dataset> | null = null;
let dropShared: (() => Promise<void>) | null = null;

/** The dataset on `serverUrl`, made on first use; later calls in the same run get the same database. */
export function benchDataset(serverUrl: string): Promise<Dataset> {
  shared ??= makeDataset(serverUrl);
  return shared;
}

/** Drops the shared dataset, if one was made (run.ts calls this once, at the end). */
export async function dropBenchDataset(): Promise<void> {
  await dropShared?.();
  shared = null;
  dropShared = null;
}

async function makeDataset(serverUrl: string): Promise<Dataset> {
  const started = performance.now();
  const scratch = await benchDatabase(serverUrl, 'dataset');
  dropShared = () => scratch.drop();
  await importSeeds(scratch.url, 'seeds');
  const db = new pg.Client({ connectionString: scratch.url });
  await db.connect();
  try {
    const { tasks, departments, progressReports, evidence, auditEntries } = DATASET;
    await db.query(
      `INSERT INTO department (code, name, ordinal)
       SELECT 'bench-' || g, '基准部门' || g, 1000 + g FROM generate_series(1, $1 - (SELECT count(*) FROM department)) g`,
      [departments],
    );
    await db.query(`INSERT INTO app_user (email, name, password_hash, role, department_code)
                    SELECT r || '-' || code || '@bench.duban', code, 'x', r, code FROM department CROSS JOIN unnest(ARRAY['liaison', 'leader']) r`);
    // Deadlines spread evenly over 2021-01-01 … 2027-12-31. Of the tasks already due, six in ten are
    // completed (on time or up to two days late); the rest, and every task not yet due, are open in one of
    // three statuses. One task in four has a co-department, one in twelve two. Statuses vary independently
    // of the lead department (g % 30) and of the deadline (g * 7919).
    await db.query(
      `INSERT INTO task (title, description, lead_department_code, co_department_codes, due_date, status, percent, completed_at, created_at)
       SELECT '基准任务 ' || g, '第 ' || g || ' 项任务的说明：按期完成规划分工的相关工作并报送进展。',
              d.codes[1 + g % $2],
              CASE WHEN g % 12 = 0 THEN ARRAY[d.codes[1 + (g + 7) % $2], d.codes[1 + (g + 13) % $2]]
                   WHEN g % 4 = 0 THEN ARRAY[d.codes[1 + (g + 7) % $2]]
                   ELSE '{}' END::varchar[],
              s.due, s.status, CASE WHEN s.status = 'completed' THEN 100 ELSE (g / $2) % 10 * 10 END,
              CASE WHEN s.status = 'completed' THEN ((s.due + (g / $2) % 5 - 2)::timestamp + interval '10 hours') AT TIME ZONE 'Asia/Shanghai' END,
              (s.due - 200)::timestamp AT TIME ZONE 'Asia/Shanghai'
         FROM generate_series(1, $1) g
        CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes FROM department) d
        CROSS JOIN LATERAL (SELECT date '2021-01-01' + (g * 7919) % (date '2027-12-31' - date '2021-01-01' + 1) AS due) due
        CROSS JOIN LATERAL (
          SELECT due.due, CASE
                   WHEN due.due < current_date AND (g / $2) % 10 < 6 THEN 'completed'
                   ELSE (ARRAY['assigned', 'in_progress', 'submitted'])[1 + (g / $2) % 3]
                 END AS status
        ) s`,
      [tasks, departments],
    );
    // Two progress reports a task by its lead department's liaison; evidence on every second task.
    await db.query(
      `INSERT INTO progress_report (task_id, author_id, department_code, kind, note, percent, created_at)
       SELECT t.id, u.id, t.lead_department_code, 'progress', '按计划推进，已完成阶段性工作 ' || n, n * 40, t.created_at + n * interval '30 days'
         FROM (SELECT id, lead_department_code, created_at, row_number() OVER () AS r FROM task) t
         JOIN app_user u ON u.department_code = t.lead_department_code AND u.role = 'liaison'
        CROSS JOIN generate_series(1, $1::int) n`,
      [progressReports / tasks],
    );
    await db.query(
      `INSERT INTO evidence (task_id, department_code, uploaded_by, filename, mime_type, size, sha256, storage_key, created_at)
       SELECT t.id, t.lead_department_code, u.id, '佐证材料-' || t.r || '.pdf', 'application/pdf', 100000 + t.r,
              encode(sha256(t.id::text::bytea), 'hex'), left(t.id::text, 2) || '/' || t.id, t.created_at + interval '60 days'
         FROM (SELECT id, lead_department_code, created_at, row_number() OVER (ORDER BY id) AS r FROM task) t
         JOIN app_user u ON u.department_code = t.lead_department_code AND u.role = 'liaison'
        WHERE t.r <= $1`,
      [evidence],
    );
    // Ten entries for each of the first tasks (by id), after whatever the seeds recorded.
    await db.query(
      `INSERT INTO audit_log (seq, at, actor_id, action, entity_type, entity_id, task_id, before, after, detail, prev_hash, hash)
       SELECT s.base + g, now() - (($1 - g) * interval '1 minute'), NULL,
              (ARRAY['task.update', 'task.progress', 'task.accept', 'task.submit', 'evidence.upload'])[1 + g % 5],
              'task', t.id::text, t.id, jsonb_build_object('status', 'assigned'), jsonb_build_object('status', 'in_progress'), NULL,
              encode(sha256(int8send(s.base + g - 1)), 'hex'), encode(sha256(int8send(s.base + g)), 'hex')
         FROM generate_series(1, $1) g
        CROSS JOIN (SELECT coalesce(max(seq), 0) AS base FROM audit_log) s
        CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM (SELECT id FROM task ORDER BY id LIMIT $1 / 10) f) i
        CROSS JOIN LATERAL (SELECT i.ids[1 + (g - 1) / 10] AS id) t`,
      [auditEntries],
    );
    await db.query('VACUUM ANALYZE');
    // Write the million new rows out now, not during a measurement.
    await db.query('CHECKPOINT');
    const { rows } = await db.query<{ code: string }>(
      `SELECT d.code FROM department d
        ORDER BY (SELECT count(*) FROM task t WHERE (t.lead_department_code = d.code OR d.code = ANY(t.co_department_codes))
                    AND t.status <> 'completed' AND t.due_date < current_date) DESC, d.code
        LIMIT 1`,
    );
    return { url: scratch.url, busiestDepartment: rows[0].code, seconds: (performance.now() - started) / 1000 };
  } finally {
    await db.end();
  }
}
