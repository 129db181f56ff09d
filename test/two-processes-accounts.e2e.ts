import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from './support/database.js';
import { type ApiProcess, call, createUser, spawnApi } from './support/processes.js';

const ADMIN_PASSWORD = 'Chief-Pass-2026';

/**
 * Two real API processes on one database, as behind a load balancer: a lockout counted on both, and a
 * session ended on one (logout, deactivation) refused at once by the other. Nothing is held per process.
 */
describe('accounts across two API processes', () => {
  let db: { url: string; drop(): Promise<void> };
  let dataDir: string;
  let a: ApiProcess;
  let b: ApiProcess;
  let adminToken: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'duban-two-'));
    const env = { DATABASE_URL: db.url, DATA_DIR: dataDir, ADMIN_EMAIL: 'admin@duban.local', ADMIN_PASSWORD, SEED_ON_START: 'false', LOGIN_RATE_LIMIT: '1000' };
    [a, b] = await Promise.all([spawnApi(env), spawnApi(env)]);
    adminToken = (await call(a.url, 'POST', '/api/v1/auth/login', undefined, { email: 'admin@duban.local', password: ADMIN_PASSWORD })).body
      .accessToken as string;
  }, 90_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const login = (api: ApiProcess, email: string, password: string) => call(api.url, 'POST', '/api/v1/auth/login', undefined, { email, password });

  it('locks an account after five failures spread over both processes, on both', async () => {
    const user = await createUser(a.url, adminToken, 'split@taixing.gov.cn', 'supervisor');
    const statuses = [];
    for (const api of [a, b, a, b, a]) statuses.push((await login(api, user.email, 'Wrong-Guess-2026')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    for (const api of [a, b]) expect((await login(api, user.email, 'password-123')).status).toBe(423);
  });

  it('refuses on one process a session ended on the other: logout, deactivation', async () => {
    const user = await createUser(a.url, adminToken, 'moving@taixing.gov.cn', 'supervisor');
    expect((await call(b.url, 'GET', '/api/v1/me', user.token)).status).toBe(200);
    expect((await call(a.url, 'POST', '/api/v1/auth/logout', user.token, {})).status).toBe(200);
    expect((await call(b.url, 'GET', '/api/v1/me', user.token)).status).toBe(401);

    const again = (await login(b, user.email, 'password-123')).body.accessToken as string;
    expect((await call(a.url, 'GET', '/api/v1/me', again)).status).toBe(200);
    const listed = (await call(b.url, 'GET', '/api/v1/users?limit=200', adminToken)).body as { items: Array<{ id: string; version: number }> };
    const version = listed.items.find((u) => u.id === user.id)!.version;
    expect((await call(b.url, 'PATCH', `/api/v1/users/${user.id}`, adminToken, { active: false, version })).status).toBe(200);
    expect((await call(a.url, 'GET', '/api/v1/me', again)).status).toBe(401);
  });
});
