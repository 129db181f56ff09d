import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../libs/db/embedded-postgres.js';
import { createTestDatabase, sql } from './support/database.js';
import { type ApiProcess, call, createUser, spawnApi, stopChild } from './support/processes.js';
import { startSmtp, type TestSmtp } from './support/smtp.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { spawnWorker, waitFor, type WorkerProcess } from './support/worker.js';

const ADMIN_PASSWORD = 'Chief-Pass-2026';

/**
 * PostgreSQL going away under load and coming back, as a running API process sees a restart: every connection
 * dropped, new ones refused, then accepted again (a TCP proxy in front of the real server, on both setups).
 * While it is down every request is answered — 503, never a 500 or a hang; afterwards the same process serves
 * again by itself, and no state change is half-applied (each transition and its audit entry, or neither).
 */
describe('the API through a database restart', () => {
  let db: { url: string; drop(): Promise<void> };
  let proxy: TcpProxy;
  let api: ApiProcess;
  let dataDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(db.url);
    proxy = await startTcpProxy(Number(target.port || 5432));
    const proxied = new URL(db.url);
    proxied.host = new URL(proxy.url('postgres')).host;
    dataDir = mkdtempSync(join(tmpdir(), 'duban-pg-restart-'));
    api = await spawnApi({ DATABASE_URL: proxied.toString(), DATA_DIR: dataDir, ADMIN_EMAIL: 'admin@duban.local', ADMIN_PASSWORD, SEED_ON_START: 'false' });
  }, 60_000);
  afterAll(async () => {
    await api?.stop();
    await proxy?.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 while the database is down, recovers without a restart, and applies each transition whole or not at all', async () => {
    const admin = (await call(api.url, 'POST', '/api/v1/auth/login', undefined, { email: 'admin@duban.local', password: ADMIN_PASSWORD })).body
      .accessToken as string;
    const supervisor = await createUser(api.url, admin, 'sup-restart@taixing.gov.cn', 'supervisor');
    const liaison = await createUser(api.url, admin, 'lia-restart@taixing.gov.cn', 'liaison', 'finance');
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const created = await call(api.url, 'POST', '/api/v1/tasks', supervisor.token, {
        title: `重启测试 ${i}`,
        leadDepartment: 'finance',
        dueDate: '2031-06-30',
      });
      ids.push(created.body.id as string);
    }

    // Load: the liaison accepts the tasks one after another, and reads the list, while the server goes away.
    const statuses: number[] = [];
    let stop = false;
    const load = (async () => {
      for (const id of ids) {
        if (stop) break;
        for (const [method, path] of [
          ['POST', `/api/v1/tasks/${id}/accept`],
          ['GET', '/api/v1/tasks?limit=5'],
        ] as const) {
          const started = Date.now();
          const res = await call(api.url, method, path, liaison.token, method === 'POST' ? {} : undefined, 15_000).catch(() => ({ status: 0 }));
          statuses.push(res.status);
          expect(Date.now() - started).toBeLessThan(12_000);
        }
      }
    })();
    await waitFor('some work done before the cut', () => statuses.length >= 10, 20_000);
    await proxy.cut();
    const during = await waitFor(
      'a 503 while down',
      async () => {
        const res = await call(api.url, 'GET', '/api/v1/tasks?limit=1', liaison.token, undefined, 15_000);
        return res.status === 503 ? res : null;
      },
      20_000,
      200,
    );
    expect(during.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', message: expect.stringContaining('数据库暂时不可用') });
    expect((await fetch(`${api.url}/health`)).status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await proxy.restore();
    await waitFor(
      'the same API process to serve again',
      async () => (await call(api.url, 'GET', '/api/v1/tasks?limit=1', liaison.token)).status === 200,
      30_000,
      200,
    );
    stop = true;
    await load;

    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(statuses.filter((s) => s === 0)).toEqual([]);
    expect(statuses).toContain(503);
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
    // Each task either accepted with exactly one audit entry, or untouched with none.
    const rows = await sql<{ status: string; accepts: number }>(
      db.url,
      "SELECT t.status, (SELECT count(*)::int FROM audit_log a WHERE a.task_id = t.id AND a.action = 'task.accept') AS accepts FROM task t WHERE t.id = ANY($1)",
      [ids],
    );
    for (const row of rows) expect([row.status, row.accepts]).toEqual(row.status === 'assigned' ? ['assigned', 0] : ['in_progress', 1]);
    // And the process that lived through it is the one still serving.
    expect(api.child.exitCode).toBeNull();
  }, 120_000);
});

const SHANGHAI_MS = 8 * 3600_000;

/** The machine's cluster serving `databaseUrl` (Debian's `pg_lsclusters`), restartable with `pg_ctlcluster`; null when none does. */
function localCluster(databaseUrl: string | undefined): { version: string; name: string } | null {
  if (!databaseUrl) return null;
  const url = new URL(databaseUrl);
  if (!['127.0.0.1', 'localhost'].includes(url.hostname)) return null;
  const listed = spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' });
  if (listed.status !== 0) return null;
  const row = listed.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .find(([, , port, status]) => port === (url.port || '5432') && status === 'online');
  return row ? { version: row[0], name: row[1] } : null;
}

/**
 * The server itself restarted while an API and a worker run on it: on the services setup the machine's cluster
 * (`pg_ctlcluster … restart`, fast shutdown: every session cut), on the embedded defaults a server of the test's
 * own stopped and started again on its port. Requests meanwhile get 503, never a 500 or a hang; both processes
 * carry on by themselves; every reminder recorded is mailed — none lost, at most one sent twice (the one mail that
 * may be between the SMTP server's reply and its `sent` mark when the connection drops).
 */
describe('a real PostgreSQL restart under an API and a worker', () => {
  const cluster = localCluster(process.env.DATABASE_URL);
  let databaseUrl: string;
  let restart: () => Promise<void>;
  let cleanup: () => Promise<void>;
  let smtp: TestSmtp;
  let api: ApiProcess;
  let worker: WorkerProcess;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'duban-pg-real-restart-'));
    smtp = await startSmtp();
    if (cluster) {
      const db = await createTestDatabase();
      databaseUrl = db.url;
      restart = async () => {
        const run = spawnSync('pg_ctlcluster', [cluster.version, cluster.name, 'restart', '-m', 'fast'], { encoding: 'utf8' });
        if (run.status !== 0) throw new Error(`pg_ctlcluster restart failed: ${run.stderr}`);
      };
      cleanup = () => db.drop();
    } else {
      // Its own temporary directory: the server runs as an unprivileged user, which must reach it (startEmbeddedPostgres opens it up).
      const serverDir = mkdtempSync(join(tmpdir(), 'duban-pg-real-server-'));
      let server = await startEmbeddedPostgres(serverDir);
      databaseUrl = server.url;
      const port = Number(new URL(server.url).port);
      restart = async () => {
        await server.stop();
        await new Promise((resolve) => setTimeout(resolve, 2000));
        server = await startEmbeddedPostgres(serverDir, () => undefined, { port });
      };
      cleanup = async () => {
        await server.stop();
        rmSync(serverDir, { recursive: true, force: true });
      };
    }
    const env = {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      ADMIN_EMAIL: 'admin@duban.local',
      ADMIN_PASSWORD,
      REMINDER_SWEEP_MS: '500',
      QUEUE_PREFIX: `duban-real-restart-${process.pid}`,
    };
    api = await spawnApi(env, 90_000);
    worker = spawnWorker({ databaseUrl, dataDir }, env);
    await worker.ready(60_000);
  }, 180_000);
  afterAll(async () => {
    if (worker) await stopChild(worker.child, worker.exited);
    await api?.stop();
    await cleanup?.();
    await smtp?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`answers 200 or 503, never a 500, while ${cluster ? `pg_ctlcluster restarts cluster ${cluster.version}/${cluster.name}` : 'the embedded server is down'}, then both processes carry on and every reminder is mailed`, async () => {
    const admin = (await call(api.url, 'POST', '/api/v1/auth/login', undefined, { email: 'admin@duban.local', password: ADMIN_PASSWORD })).body
      .accessToken as string;
    const supervisor = await createUser(api.url, admin, 'sup-real-restart@taixing.gov.cn', 'supervisor');
    const liaison = await createUser(api.url, admin, 'lia-real-restart@taixing.gov.cn', 'liaison', 'finance');
    // Due in three days: each task's latest passed step is a reminder to finance's liaison, mailed by the worker.
    const dueDate = new Date(Date.now() + SHANGHAI_MS + 3 * 86_400_000).toISOString().slice(0, 10);
    const create = async (i: number) =>
      (await call(api.url, 'POST', '/api/v1/tasks', supervisor.token, { title: `真实重启 ${i}`, leadDepartment: 'finance', dueDate }, 15_000)).status;
    const before = await Promise.all(Array.from({ length: 20 }, (_, i) => create(i)));
    expect(before.every((s) => s === 201)).toBe(true);
    await waitFor('the first reminders mailed', () => smtp.messages.length > 0, 30_000, 100);

    const statuses: number[] = [];
    let stop = false;
    const load = (async () => {
      while (!stop) {
        const started = Date.now();
        const res = await call(api.url, 'GET', '/api/v1/tasks?limit=5', liaison.token, undefined, 15_000).catch(() => ({ status: 0 }));
        statuses.push(res.status);
        expect(Date.now() - started).toBeLessThan(12_000);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const started = async () => (await sql<{ at: Date }>(databaseUrl, 'SELECT pg_postmaster_start_time() AS at'))[0].at.getTime();
    const startedBefore = await started();
    await restart();
    const created = await waitFor(
      'the same API to create tasks again',
      async () => {
        const status = await create(100).catch(() => 0);
        return status === 201 ? status : null;
      },
      60_000,
      250,
    );
    expect(created).toBe(201);
    const after = await Promise.all(Array.from({ length: 9 }, (_, i) => create(101 + i)));
    expect(after.every((s) => s === 201)).toBe(true);
    stop = true;
    await load;

    // The server really restarted; meanwhile every request got 200 or 503 (a fast restart may fall between two requests).
    expect(await started()).toBeGreaterThan(startedBefore);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    // The worker recorded a reminder for each of the 30 tasks and sent every mail; none lost, at most one twice.
    const sent = await waitFor(
      'every recorded reminder mailed',
      async () => {
        const [row] = await sql<{ tasks: number; pending: number; sent: number }>(
          databaseUrl,
          `SELECT (SELECT count(DISTINCT n.task_id)::int FROM notification n JOIN task t ON t.id = n.task_id WHERE t.title LIKE '真实重启 %') AS tasks,
                  (SELECT count(*)::int FROM delivery WHERE status <> 'sent') AS pending,
                  (SELECT count(*)::int FROM delivery WHERE status = 'sent') AS sent`,
        ).catch(() => [{ tasks: 0, pending: 1, sent: 0 }]);
        return row.tasks === 30 && row.pending === 0 && smtp.messages.length >= row.sent ? row.sent : null;
      },
      60_000,
      250,
    );
    const distinct = new Set(smtp.messages.map((m) => m.messageId)).size;
    expect(distinct).toBe(sent);
    expect(smtp.messages.length - distinct).toBeLessThanOrEqual(1);
    expect(api.child.exitCode).toBeNull();
    expect(worker.child.exitCode).toBeNull();
  }, 240_000);
});
