/**
 * The large dataset of issue 6, made once per `npm run bench` and shared by the
 * benches that read it: the plan's seeds, 30 departments, a liaison and a leader
 * each, 100,000 tasks (due 2021–2027, statuses mixed, one in four with
 * co-departments), 200,000 progress reports, 50,000 evidence records (rows only:
 * no files) and 1,000,000 audit entries. The rows are made by INSERT … SELECT
 * generate_series on the server, so nothing crosses the wire row by row.
 *
 * The audit entries are the exception: they continue the seeds' hash chain, so
 * `npm run audit:verify` accepts the whole database. Ten for each of the first
 * 100,000 tasks (by id), as its lead department's liaison records them (accept, four
 * progress reports, four evidence uploads, submit; the first ones name the dataset's
 * reports and evidence), a minute apart over the last two years, before the seeds'
 * entries in time but after them in the chain. Each is hashed in Node with the
 * project's entryHash, a batch at a time while the server inserts the one before:
 * about half of the build's time.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { type ChainedContent, entryHash, GENESIS_HASH } from '../libs/audit/audit-chain.js';
import type { EvidenceView } from '../libs/evidence/evidence.service.js';
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
    await appendAuditChain(db, auditEntries);
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

/** A task's ten entries, one a round over all the tasks: its lead liaison accepts it, reports, uploads evidence and submits. */
const ROUNDS = ['accept', 'progress', 'upload', 'progress', 'upload', 'progress', 'upload', 'progress', 'upload', 'submit'] as const;
/** Entries per INSERT (the server parses a batch of 10,000 markedly slower per row). */
const BATCH = 2_000;

interface ChainTask {
  index: number;
  id: string;
  liaison: string;
  /** Its progress reports and evidence in the dataset, oldest first: its first entries of each kind name them. */
  reports: Array<{ id: string; note: string; percent: number | null }>;
  evidence: EvidenceView[];
  progressed: number;
  /** The evidence its entries uploaded so far, which the submit names. */
  uploads: string[];
}

type Work = Pick<ChainedContent, 'action' | 'entityType' | 'entityId' | 'before' | 'after' | 'detail'>;

/**
 * Appends `count` entries to the chain the seeds began: ten rounds over the first count / 10 tasks (by id),
 * each entry as TaskService and EvidenceService record it. As AuditService appends: under the chain lock
 * (AuditRepository.lockChainHead's), in one transaction.
 */
async function appendAuditChain(db: pg.Client, count: number): Promise<void> {
  const { rows } = await db.query<{ id: string; liaison: string }>(
    `SELECT t.id, u.id AS liaison FROM task t JOIN app_user u ON u.department_code = t.lead_department_code AND u.role = 'liaison'
      ORDER BY t.id LIMIT $1`,
    [count / ROUNDS.length],
  );
  if (rows.length * ROUNDS.length !== count) throw new Error(`${rows.length} tasks cannot carry ${count} audit entries`);
  const tasks = rows.map(({ id, liaison }, index): ChainTask => ({ index, id, liaison, reports: [], evidence: [], progressed: 0, uploads: [] }));
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const reports = await db.query<{ task_id: string; id: string; note: string; percent: number | null }>(
    'SELECT task_id, id, note, percent FROM progress_report ORDER BY created_at, id',
  );
  for (const r of reports.rows) byId.get(r.task_id)?.reports.push({ id: r.id, note: r.note, percent: r.percent });
  const evidence = await db.query<{
    task_id: string;
    id: string;
    filename: string;
    size: string;
    mime_type: string;
    sha256: string;
    department_code: string;
    uploaded_by: string;
    created_at: Date;
  }>('SELECT task_id, id, filename, size, mime_type, sha256, department_code, uploaded_by, created_at FROM evidence ORDER BY created_at, id');
  for (const e of evidence.rows) {
    byId.get(e.task_id)?.evidence.push({
      id: e.id,
      filename: e.filename,
      size: Number(e.size),
      mimeType: e.mime_type,
      sha256: e.sha256,
      departmentCode: e.department_code,
      uploadedBy: e.uploaded_by,
      createdAt: e.created_at,
    });
  }

  await db.query('BEGIN');
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['duban:audit-chain']);
  const head = (await db.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')).rows[0];
  let seq = Number(head?.seq ?? 0);
  let prevHash = head?.hash ?? GENESIS_HASH;
  const end = Date.now();
  // The next batch is hashed while the server inserts this one.
  let inserting: Promise<unknown> = Promise.resolve();
  for (let from = 0; from < count; from += BATCH) {
    const batch: unknown[][] = [];
    const random = randomBytes(32 * BATCH).toString('hex');
    for (let g = from; g < Math.min(count, from + BATCH); g++) {
      // A minute apart on average, ending now, to the millisecond (what `new Date()` stores).
      const at = new Date(end - (count - g) * 60_000 + ((g * 7919) % 60_000));
      const task = tasks[g % tasks.length];
      const { action, entityType, entityId, before, after, detail } = work(
        task,
        ROUNDS[Math.floor(g / tasks.length)],
        at,
        random.slice((g - from) * 64, (g - from + 1) * 64),
      );
      // Object literals, not spreads: V8's spread copies cost nearly as much as the hash here.
      const content = { seq: ++seq, at, actorId: task.liaison, action, entityType, entityId, taskId: task.id, before, after, detail };
      const hash = entryHash(prevHash, content);
      // A row as a JSON array in the INSERT's column order: without the keys, half the cost to write and less to parse.
      batch.push([seq, at, task.liaison, action, entityType, entityId, task.id, before, after, detail, prevHash, hash]);
      prevHash = hash;
    }
    await inserting;
    // One JSON parameter a batch (JSON.stringify is native); JSON null is stored as SQL NULL, as the app stores it.
    inserting = db.query(
      `INSERT INTO audit_log (seq, at, actor_id, action, entity_type, entity_id, task_id, before, after, detail, prev_hash, hash)
       SELECT (e->>0)::bigint, (e->>1)::timestamptz, (e->>2)::uuid, e->>3, e->>4, e->>5, (e->>6)::uuid,
              nullif(e->7, 'null'), nullif(e->8, 'null'), nullif(e->9, 'null'), e->>10, e->>11
         FROM jsonb_array_elements($1::jsonb) e`,
      [JSON.stringify(batch)],
    );
  }
  await inserting;
  await db.query('COMMIT');
}

/** What the services record for one round of `task`'s work (the JSON as AuditService's round trip leaves it). */
function work(task: ChainTask, round: (typeof ROUNDS)[number], at: Date, randomHex: string): Work {
  switch (round) {
    case 'accept':
      return { action: 'task.accept', entityType: 'task', entityId: task.id, before: { status: 'assigned' }, after: { status: 'in_progress' }, detail: {} };
    case 'progress': {
      // Beyond the dataset's reports, ones without a figure (percent is optional).
      const n = ++task.progressed;
      const report = task.reports[n - 1] ?? { id: randomUUID(), note: `按计划推进，已完成阶段性工作 ${n}`, percent: null };
      const after = { note: report.note, percent: report.percent, evidenceIds: [] };
      return { action: 'task.progress', entityType: 'progress_report', entityId: report.id, before: null, after, detail: null };
    }
    case 'upload': {
      const n = task.uploads.length + 1;
      const e = task.evidence[n - 1];
      const view = e
        ? { id: e.id, filename: e.filename, size: e.size, mimeType: e.mimeType, sha256: e.sha256, createdAt: e.createdAt.toISOString() }
        : {
            id: randomUUID(),
            filename: `佐证材料-${task.index + 1}-${n}.pdf`,
            size: 20_000 + ((task.index * 7919 + n) % 5_000_000),
            mimeType: 'application/pdf',
            sha256: randomHex,
            createdAt: new Date(at.getTime() - 5).toISOString(),
          };
      task.uploads.push(view.id);
      return { action: 'evidence.upload', entityType: 'evidence', entityId: view.id, before: null, after: view, detail: null };
    }
    case 'submit': {
      const detail = { summary: '已按期完成，报送佐证材料', evidenceIds: task.uploads.slice() };
      return { action: 'task.submit', entityType: 'task', entityId: task.id, before: { status: 'in_progress' }, after: { status: 'submitted' }, detail };
    }
  }
}
