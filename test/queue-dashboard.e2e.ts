import { ADMIN, startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';

/**
 * Bull Board at /admin/queues: administrators only, never a token in an address (a single-use ticket from
 * the API becomes an HttpOnly cookie that lasts while the session does), read-only by default, its opening audited.
 */
describe('the queue dashboard (Bull Board)', () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await startApp({ TRUST_PROXY: '127.0.0.1' });
    admin = await app.login(ADMIN.email, ADMIN.password);
  });
  afterAll(() => app?.close());

  const open = (url: string) => app.http.get(url).set('X-Forwarded-For', '203.0.113.50');

  it('is for administrators only, by bearer token or by a ticket the console asks for; a token in the address opens nothing', async () => {
    expect((await app.http.get('/admin/queues')).status).toBe(401);
    expect((await app.http.get('/admin/queues').set('Authorization', 'Bearer nonsense')).status).toBe(401);
    const supervisor = await app.user('supervisor');
    expect((await app.as(supervisor.token).get('/admin/queues/api/queues')).status).toBe(403);
    expect((await app.as(supervisor.token).post('/api/v1/queue-dashboard/ticket').send({})).status).toBe(403);
    const page = await app.as(admin).get('/admin/queues');
    expect([page.status, page.text]).toEqual([200, expect.stringContaining('<html')]);
    const queues = await app.as(admin).get('/admin/queues/api/queues');
    expect((queues.body.queues as Array<{ name: string }>).map((q) => q.name).sort()).toEqual(['delivery', 'reminders']);
    // The old way, a token in the address, is refused and sets nothing.
    const withToken = await app.http.get(`/admin/queues?token=${admin}`);
    expect([withToken.status, withToken.headers['set-cookie']]).toEqual([401, undefined]);

    const { url, expiresAt } = (await app.as(admin).post('/api/v1/queue-dashboard/ticket').send({}).expect(200)).body as { url: string; expiresAt: string };
    expect(url).toMatch(/^\/admin\/queues\?ticket=[\w-]{40,}$/);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    const handoff = await open(url);
    expect([handoff.status, handoff.headers.location]).toEqual([302, '/admin/queues']);
    const setCookie = String(handoff.headers['set-cookie']);
    expect(setCookie).toMatch(/^duban_queues=[\w-]+; Path=\/admin\/queues; HttpOnly; SameSite=Strict/);
    const cookie = setCookie.split(';')[0];
    expect((await app.http.get('/admin/queues/api/queues').set('Cookie', cookie)).status).toBe(200);
    // Single use: the same link again opens nothing.
    expect((await open(url)).status).toBe(401);
    const [entry] = await sql<{ actor_id: string; ip: string }>(app.databaseUrl, "SELECT actor_id, ip FROM audit_log WHERE action = 'queue.dashboard.open'");
    expect(entry).toEqual({ actor_id: expect.any(String), ip: '203.0.113.50' });
    expect(entry.actor_id).toBe((await app.as(admin).get('/api/v1/me')).body.id);
  });

  it('refuses an expired ticket, and a cookie once its session has ended', async () => {
    const token = await app.login(ADMIN.email, ADMIN.password);
    const late = (await app.as(token).post('/api/v1/queue-dashboard/ticket').send({}).expect(200)).body.url as string;
    await sql(app.databaseUrl, "UPDATE session_ticket SET expires_at = now() - interval '1 second' WHERE kind = 'ticket' AND used_at IS NULL");
    expect((await open(late)).status).toBe(401);

    const fresh = (await app.as(token).post('/api/v1/queue-dashboard/ticket').send({}).expect(200)).body.url as string;
    const cookie = String((await open(fresh)).headers['set-cookie']).split(';')[0];
    expect((await app.http.get('/admin/queues/api/queues').set('Cookie', cookie)).status).toBe(200);
    await app.as(token).post('/api/v1/auth/logout').send({}).expect(200);
    expect((await app.http.get('/admin/queues/api/queues').set('Cookie', cookie)).status).toBe(401);
  });

  it('only shows jobs unless QUEUE_DASHBOARD_WRITES=true', async () => {
    const refused = await app.as(admin).put('/admin/queues/api/queues/delivery/retry/failed').send({});
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    // The setting is read when the dashboard is mounted.
    const writable = await startApp({ QUEUE_DASHBOARD_WRITES: 'true' });
    try {
      const token = await writable.login(ADMIN.email, ADMIN.password);
      expect((await writable.as(token).put('/admin/queues/api/queues/delivery/retry/failed').send({})).status).toBe(200);
    } finally {
      await writable.close();
    }
  });
});
