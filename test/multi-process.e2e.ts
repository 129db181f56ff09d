import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../libs/config/app-config.js';
import { QueueConnection, queueSettings } from '../libs/queue/queue-connection.js';
import { QueueName } from '../libs/queue/queue-names.js';
import { createTestDatabase, sql } from './support/database.js';
import { type ApiProcess, call, createUser, databaseSessions, evidenceForm, login, PDF, type Reply, spawnApi, stopChild } from './support/processes.js';
import { secondsLadder, writeSecondsPolicy } from './support/seconds-ladder.js';
import { startSmtp, type TestSmtp } from './support/smtp.js';
import { spawnWorker, waitFor, type WorkerProcess } from './support/worker.js';

/**
 * Several processes, as production runs them: two API processes
 * (`node dist/apps/api/main.js`, each on its own port) and two workers
 * (`node dist/apps/worker/main.js`) on one PostgreSQL database and one queue
 * (Redis with REDIS_URL, BullMQ's PostgreSQL backend without), mailing a real
 * SMTP server under a policy whose steps are seconds apart. Both APIs are
 * driven at once: each conflicting transition has exactly one winner and 409s
 * for the rest, every task's status is the one its last audit entry set, the
 * audit chain verifies, every reminder mail arrives exactly once across the
 * two workers and each worker sent some of them, and the processes stay within
 * their share of PostgreSQL's connections.
 */
const REDIS_URL = process.env.REDIS_URL;
/** Seconds from the policy's writing to its first step: the processes start and the ladder's tasks are created meanwhile. */
const LEAD_S = 40;
const GAP_S = 3;
/** Tasks on the reminder ladder, and tasks raced over. */
const LADDER_TASKS = 20;
const RACED_TASKS = 10;
/** Liaisons, half in each department, assigned the ladder's tasks in turn. */
const LIAISONS = 8;
/** Concurrent attempts of one transition, through each API. */
const PER_API = 3;
/**
 * Sends in flight per worker. Each of the first two steps queues 8–9 mails at
 * once, which wakes both workers (PostgreSQL: NOTIFY to all; Redis: each claim
 * re-arms the marker the other waits on). Holding only 2, one worker would
 * have to finish 6 sends before the other's first claim to take a whole step.
 */
const WORKER_DELIVERY_CONCURRENCY = '2';
/**
 * PostgreSQL sessions the four processes may hold together. The shared server
 * allows 100 (the embedded one 200); CI's other tests and a developer's psql
 * need some. See DB_POOL_SIZE in the README.
 */
const SESSION_BUDGET = 60;
/**
 * Pools sized for four processes: at most 2 × (10 + 8 queue) for the APIs and
 * 2 × (6 + 15 queue) for the workers (21 at the default DELIVERY_CONCURRENCY),
 * 78 in all, when every pool is full on BullMQ's PostgreSQL backend (26 and 12
 * of them on Redis); the defaults (20 each) could reach 138.
 */
const API_POOL = '10';
const WORKER_POOL = '6';

const exec = promisify(execFile);

describe(`several processes: two APIs and two workers on one database (${REDIS_URL ? 'BullMQ on Redis' : 'BullMQ on PostgreSQL'})`, () => {
  let smtp: TestSmtp;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let apis: ApiProcess[] = [];
  let workers: WorkerProcess[] = [];
  let probe: QueueConnection | undefined;
  let sampling: NodeJS.Timeout | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-multi-'));
  const prefix = `duban-multi-${process.pid}-${randomBytes(3).toString('hex')}`;
  const sessionPeak: { total: number; byApp: Record<string, number> } = { total: 0, byApp: {} };

  afterAll(async () => {
    clearInterval(sampling);
    await probe?.close();
    await Promise.all([...workers.map((w) => stopChild(w.child, w.exited)), ...apis.map((a) => a.stop())]);
    await db?.drop();
    await smtp?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps transitions, the audit chain and mail delivery exactly right across processes, within the connection budget', async () => {
    smtp = await startSmtp();
    db = await createTestDatabase();
    // The imported plan's own tasks are long overdue and would mail too; this test follows its own tasks.
    await sql(db.url, 'UPDATE task SET next_reminder_at = NULL');
    const ladder = secondsLadder(LEAD_S, GAP_S);
    const policy = writeSecondsPolicy(dataDir, ladder);
    const env = {
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      ESCALATION_POLICY: policy,
      REMINDER_SWEEP_MS: '300',
      ADMIN_EMAIL: 'admin@duban.local',
      ADMIN_PASSWORD: 'Chief-Pass-2026',
      QUEUE_PREFIX: prefix,
      SEED_ON_START: 'false',
      LOG_LEVEL: 'warn',
    };

    sampling = setInterval(
      () =>
        void databaseSessions(db.url).then(
          (byApp) => {
            const total = Object.values(byApp).reduce((a, b) => a + b, 0);
            if (total > sessionPeak.total) Object.assign(sessionPeak, { total, byApp });
          },
          () => undefined,
        ),
      250,
    );

    // All four start together: migrations and the first administrator are taken under locks.
    // (A worker says it is ready at level info, and which messages it sent at debug.)
    workers = [0, 1].map(() =>
      spawnWorker(
        { databaseUrl: db.url, dataDir },
        { ...env, LOG_LEVEL: 'debug', DB_POOL_SIZE: WORKER_POOL, DELIVERY_CONCURRENCY: WORKER_DELIVERY_CONCURRENCY },
      ),
    );
    apis = await Promise.all([spawnApi({ ...env, DB_POOL_SIZE: API_POOL }), spawnApi({ ...env, DB_POOL_SIZE: API_POOL })]);
    await Promise.all(workers.map((w) => w.ready()));
    const [a, b] = apis;

    // A token from one API is good at the other: the signing key is kept in the shared database.
    const admin = await login(a.url, 'admin@duban.local', 'Chief-Pass-2026');
    expect((await call(b.url, 'GET', '/api/v1/me', admin)).status).toBe(200);
    const supervisor = await createUser(a.url, admin, `supervisor-multi@test.duban`, 'supervisor');
    const departments = ['finance', 'edu'];
    // A mail is a digest of one recipient's new reminders: several liaisons make several mails per step.
    const liaisons = await Promise.all(
      Array.from({ length: LIAISONS }, (_, i) => createUser(apis[i % 2].url, admin, `liaison-${i}-multi@test.duban`, 'liaison', departments[i % 2])),
    );
    await Promise.all(departments.map((d, i) => createUser(apis[1 - i].url, admin, `leader-${d}-multi@test.duban`, 'leader', d)));

    // The ladder's tasks, created through both APIs at once.
    const ladderTasks = await Promise.all(
      Array.from({ length: LADDER_TASKS }, async (_, n) => {
        const res = await call(apis[n % 2].url, 'POST', '/api/v1/tasks', supervisor.token, {
          title: `多进程提醒 ${n + 1}`,
          leadDepartment: departments[n % 2],
          assigneeId: liaisons[n % LIAISONS].id,
          dueDate: ladder.dueDate,
        });
        expect(res.status).toBe(201);
        return res.body.id as string;
      }),
    );
    process.stdout.write(`several processes: started and ready ${((ladder.firstAt - Date.now()) / 1000).toFixed(1)} s before the first step\n`);
    if (Date.now() >= ladder.firstAt) throw new Error(`starting four processes and creating the tasks took more than LEAD_S (${LEAD_S} s); raise it`);

    // Racing: each transition tried PER_API times through each API at once.
    const far = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const raced = await Promise.all(
      Array.from({ length: RACED_TASKS }, async (_, n) => {
        const res = await call(apis[n % 2].url, 'POST', '/api/v1/tasks', supervisor.token, {
          title: `多进程竞争 ${n + 1}`,
          leadDepartment: 'finance',
          assigneeId: liaisons[0].id,
          dueDate: far,
        });
        expect(res.status).toBe(201);
        return res.body.id as string;
      }),
    );
    const race = async (send: (url: string) => Promise<Reply>) => {
      const replies = await Promise.all(apis.flatMap((api) => Array.from({ length: PER_API }, () => send(api.url))));
      return replies.map((r) => r.status).sort();
    };
    const oneWinner = (statuses: number[], win = 200) => expect(statuses).toEqual([win, ...Array(statuses.length - 1).fill(409)]);
    const liaison = liaisons[0].token;

    await Promise.all(
      raced.map(async (id, n) => {
        oneWinner(await race((url) => call(url, 'POST', `/api/v1/tasks/${id}/accept`, liaison, {})));
        // Evidence uploaded through one API is read through the other (one evidence store).
        const evidence = await call(apis[n % 2].url, 'POST', `/api/v1/tasks/${id}/evidence`, liaison, evidenceForm());
        expect(evidence.status).toBe(201);
        const download = await fetch(`${apis[1 - (n % 2)].url}/api/v1/tasks/${id}/evidence/${evidence.body.id}`, {
          headers: { authorization: `Bearer ${liaison}` },
        });
        expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);
        oneWinner(await race((url) => call(url, 'POST', `/api/v1/tasks/${id}/submit`, liaison, { summary: '已完成', evidenceIds: [evidence.body.id] })));
        // Approve through one API and return through the other, all at once: one decision stands.
        const decisions = await Promise.all(
          apis.flatMap((api, i) =>
            Array.from({ length: PER_API }, () =>
              i === n % 2
                ? call(api.url, 'POST', `/api/v1/tasks/${id}/approve`, supervisor.token, { grade: 'good' }).then((r) => ({ kind: 'approve', status: r.status }))
                : call(api.url, 'POST', `/api/v1/tasks/${id}/return`, supervisor.token, { reason: '请补充' }).then((r) => ({
                    kind: 'return',
                    status: r.status,
                  })),
            ),
          ),
        );
        expect(decisions.map((d) => d.status).sort()).toEqual([200, ...Array(decisions.length - 1).fill(409)]);
        const winner = decisions.find((d) => d.status === 200)!.kind;
        const task = await call(apis[1 - (n % 2)].url, 'GET', `/api/v1/tasks/${id}`, supervisor.token);
        expect(task.body.status).toBe(winner === 'approve' ? 'completed' : 'in_progress');
        if (winner === 'return') {
          // An edit with the version read: the first writer wins, the others hold a stale version.
          const { version } = task.body as { version: number };
          oneWinner(
            await race((url) => call(url, 'PATCH', `/api/v1/tasks/${id}`, supervisor.token, { version, title: `多进程竞争 ${n + 1}（${url.slice(-5)}）` })),
          );
        }
      }),
    );

    // Every task's status is the one its last audit entry that changed a status set.
    const mismatched = await sql<{ id: string; status: string; audited: string | null }>(
      db.url,
      `
      SELECT t.id, t.status, (SELECT a.after->>'status' FROM audit_log a WHERE a.task_id = t.id AND a.after ? 'status' ORDER BY a.seq DESC LIMIT 1) AS audited
        FROM task t WHERE t.id = ANY($1)`,
      [[...raced, ...ladderTasks]],
    );
    expect(mismatched.filter((t) => t.status !== t.audited)).toEqual([]);
    // Each raced task: one accept, one submit and one decision in its log, no matter how many tried.
    const transitions = await sql<{ action: string; n: number }>(
      db.url,
      "SELECT action, count(*)::int AS n FROM audit_log WHERE task_id = ANY($1) AND action IN ('task.accept', 'task.submit', 'task.approve', 'task.return') GROUP BY action",
      [raced],
    );
    const byAction = Object.fromEntries(transitions.map((t) => [t.action, t.n]));
    expect([byAction['task.accept'], byAction['task.submit'], (byAction['task.approve'] ?? 0) + (byAction['task.return'] ?? 0)]).toEqual([
      RACED_TASKS,
      RACED_TASKS,
      RACED_TASKS,
    ]);
    const gaps = await sql<{ n: number; max: number }>(db.url, 'SELECT count(*)::int AS n, max(seq)::int AS max FROM audit_log');
    expect(gaps[0].n).toBe(gaps[0].max);
    const verify = await exec(process.execPath, ['dist/apps/cli/audit-verify.js'], { env: { ...withoutJest(), DATABASE_URL: db.url, LOG_LEVEL: 'warn' } });
    expect(verify.stdout).toContain('审计链完好');

    // The ladder: 20 tasks × (reminder to the assignee, overdue alert to assignee and supervisor, escalation to the leader).
    const expected = LADDER_TASKS * 4;
    const notifications = async () =>
      (await sql<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM notification WHERE task_id = ANY($1) AND step_index IS NOT NULL', [ladderTasks]))[0].n;
    await waitFor(`${expected} notifications of the ladder`, async () => (await notifications()) >= expected, ladder.lastAt - Date.now() + 20_000, 100);
    // Every mail recorded: the ladder's, and the digests of what happened to the tasks (assigned, submitted, approved, returned).
    const mailRows = async () => sql<{ id: string; status: string }>(db.url, `SELECT id, status FROM delivery WHERE channel = 'mail'`);
    const pendingEvents = async () => (await sql<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM notification WHERE mail_pending'))[0].n;
    await waitFor(
      'every mail recorded and sent',
      async () => (await pendingEvents()) === 0 && (await mailRows()).every((d) => d.status === 'sent'),
      20_000,
      100,
    );
    probe = new QueueConnection(queueSettings(loadConfig({ ...process.env, ...env }), db.url));
    await probe.open();
    await waitFor('the delivery queue drained', async () =>
      Object.values(await probe!.queue(QueueName.Delivery).getJobCounts('wait', 'active', 'delayed', 'prioritized')).every((n) => n === 0),
    );
    const rows = await mailRows();
    const arrived = smtp.messages.map((m) => m.messageId);
    expect(await notifications()).toBe(expected);
    expect(arrived).toHaveLength(rows.length);
    expect(new Set(arrived).size).toBe(rows.length);
    expect(new Set(arrived)).toEqual(new Set(rows.map((r) => `<${r.id}@duban.local>`)));
    // Both workers sent mail: together their logs name each sent row once, and each names at least one.
    await waitFor("every sent mail in a worker's log", () => workers.flatMap(sentMails).length >= rows.length, 5_000);
    const sentBy = workers.map(sentMails);
    expect(sentBy.flat().sort()).toEqual(rows.map((r) => r.id).sort());
    for (const sent of sentBy) expect(sent.length).toBeGreaterThan(0);
    // Every step of the ladder was reached.
    const [perStep] = await sql<{ steps: number[] }>(
      db.url,
      'SELECT array_agg(DISTINCT step_index ORDER BY step_index) AS steps FROM notification WHERE task_id = ANY($1) AND step_index IS NOT NULL',
      [ladderTasks],
    );
    expect(perStep.steps).toEqual([0, 1, 2]);

    clearInterval(sampling);
    process.stdout.write(
      `several processes: ${smtp.messages.length} mails (${sentBy.map((s) => s.length).join(' + ')} by the workers) for ${expected} notifications, peak PostgreSQL sessions ${sessionPeak.total} ${JSON.stringify(sessionPeak.byApp)}\n`,
    );
    expect(sessionPeak.total).toBeLessThanOrEqual(SESSION_BUDGET);
    for (const process_ of [...apis.map((api) => api.child), ...workers.map((w) => w.child)]) expect(process_.exitCode).toBeNull();
  }, 90_000);
});

/** The mails `worker` logged as sent (DeliveryService, at debug), from its own pid. */
function sentMails(worker: WorkerProcess): string[] {
  // The last piece may be a line still being written.
  return worker
    .output()
    .split('\n')
    .slice(0, -1)
    .flatMap((line) => {
      let entry: { pid?: number; context?: string; msg?: unknown };
      try {
        entry = JSON.parse(line);
      } catch {
        return [];
      }
      const sent = entry.context === 'Delivery' && typeof entry.msg === 'string' ? /^消息 (\S+)（mail）已发送$/.exec(entry.msg) : null;
      return sent && entry.pid === worker.child.pid ? [sent[1]] : [];
    });
}

function withoutJest(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.NODE_OPTIONS;
  return env;
}
