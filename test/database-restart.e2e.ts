import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, sql } from './support/database.js';
import { type ApiProcess, call, createUser, spawnApi } from './support/processes.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { waitFor } from './support/worker.js';

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
