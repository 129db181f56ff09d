import { ADMIN, startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';

/**
 * Accounts and sessions (等保 2.0 身份鉴别 / 访问控制 / 安全审计) through the HTTP API on real
 * PostgreSQL: the per-account lockout whatever the client's address, sessions a logout, a
 * deactivation, a role change, a reset or a password change end at once, idle expiry, the
 * temporary password that must be changed, the password rule, and the audit of each.
 */
describe('accounts, sessions and login protection', () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await startApp({ TRUST_PROXY: '127.0.0.1' });
    admin = await app.login(ADMIN.email, ADMIN.password);
  });
  afterAll(() => app?.close());

  const login = (email: string, password: string, from = '203.0.113.1') =>
    app.http.post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ email, password });
  const audit = async (action: string, entityId: string) =>
    sql<{ actor_id: string | null; ip: string | null; detail: { reason?: string; locked?: boolean } }>(
      app.databaseUrl,
      'SELECT actor_id, ip, detail FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY seq',
      [action, entityId],
    );

  it('locks an account after five failed logins, whatever address they come from, even for the right password', async () => {
    const user = await app.user('liaison', 'finance');
    for (let i = 1; i <= 5; i++) expect((await login(user.email, `wrong-Guess-${i}`, `198.51.100.${i}`)).status).toBe(401);
    const locked = await login(user.email, 'password-123', '198.51.100.77');
    expect(locked.status).toBe(423);
    expect(locked.body.message).toContain('已锁定');
    const failures = await audit('auth.login_failed', user.id);
    expect(failures.map((f) => [f.detail.reason, f.ip])).toEqual([
      ...[1, 2, 3, 4, 5].map((i) => ['wrong_password', `198.51.100.${i}`]),
      ['locked', '198.51.100.77'],
    ]);
    // The fifth failure is the one that locked it.
    expect(failures.map((f) => f.detail.locked ?? false)).toEqual([false, false, false, false, true, false]);
    // An administrator's reset unlocks it (with a temporary password).
    const reset = await app.as(admin).post(`/api/v1/users/${user.id}/reset-password`).send({});
    expect(reset.status).toBe(200);
    expect((await login(user.email, reset.body.temporaryPassword)).status).toBe(200);
  });

  it('ends the session on logout: the token is refused at once, a new sign-in works', async () => {
    const user = await app.user('supervisor');
    expect((await app.as(user.token).get('/api/v1/tasks?limit=1')).status).toBe(200);
    expect((await app.as(user.token).post('/api/v1/auth/logout').send({})).status).toBe(200);
    const after = await app.as(user.token).get('/api/v1/tasks?limit=1');
    expect([after.status, after.body.message]).toEqual([401, expect.stringContaining('会话已结束')]);
    const again = await login(user.email, 'password-123');
    expect(again.status).toBe(200);
    expect((await app.as(again.body.accessToken).get('/api/v1/me')).status).toBe(200);
    const signedIn = (await audit('auth.login', user.id)).at(-1);
    expect(signedIn).toMatchObject({ actor_id: user.id, ip: '203.0.113.1' });
    expect(await audit('auth.logout', user.id)).toHaveLength(1);
  });

  it('ends every session of a user who is deactivated, or whose role or department changes', async () => {
    const user = await app.user('liaison', 'finance');
    const second = (await login(user.email, 'password-123')).body.accessToken as string;
    const version = (await app.as(admin).get('/api/v1/users?limit=200')).body.items.find((u: { id: string }) => u.id === user.id).version;
    const moved = await app.as(admin).patch(`/api/v1/users/${user.id}`).send({ departmentCode: 'edu', version });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ departmentCode: 'edu', active: true });
    for (const token of [user.token, second]) expect((await app.as(token).get('/api/v1/me')).status).toBe(401);
    // A stale version is refused and changes nothing.
    expect((await app.as(admin).patch(`/api/v1/users/${user.id}`).send({ active: false, version })).status).toBe(409);
    const fresh = (await login(user.email, 'password-123')).body.accessToken as string;
    expect((await app.as(admin).patch(`/api/v1/users/${user.id}`).send({ active: false })).status).toBe(200);
    expect((await app.as(fresh).get('/api/v1/me')).status).toBe(401);
    expect((await login(user.email, 'password-123')).status).toBe(401);
    expect((await app.as(admin).patch(`/api/v1/users/${user.id}`).send({ role: 'leader' })).status).toBe(200); // still edu: a leader of edu
    const updates = await audit('user.update', user.id);
    expect(updates).toHaveLength(3);
    // Liaisons may not manage users; the admin may not deactivate itself.
    expect((await app.as(fresh).patch(`/api/v1/users/${user.id}`).send({ active: true })).status).toBe(401);
    const me = (await app.as(admin).get('/api/v1/me')).body.id as string;
    expect((await app.as(admin).patch(`/api/v1/users/${me}`).send({ active: false })).status).toBe(403);
  });

  it('makes a reset password temporary: only /me, /me/password and logout until it is changed by the rule', async () => {
    const user = await app.user('liaison', 'tax');
    const { temporaryPassword } = (await app.as(admin).post(`/api/v1/users/${user.id}/reset-password`).send({}).expect(200)).body;
    expect((await app.as(user.token).get('/api/v1/me')).status).toBe(401); // the reset ended its sessions
    const temp = (await login(user.email, temporaryPassword)).body.accessToken as string;
    const refused = await app.as(temp).get('/api/v1/tasks');
    expect([refused.status, refused.body.error]).toEqual([403, 'password_change_required']);
    expect((await app.as(temp).get('/api/v1/me')).status).toBe(200);
    for (const [newPassword, rule] of [
      ['short-1A', '至少 10 位'],
      ['onlylowercaseletters', '至少三类'],
      ['Password123', '过于常见'],
    ]) {
      const res = await app.as(temp).post('/api/v1/me/password').send({ currentPassword: temporaryPassword, newPassword });
      expect([newPassword, res.status, res.body.message]).toEqual([newPassword, 400, expect.stringContaining(rule)]);
    }
    expect((await app.as(temp).post('/api/v1/me/password').send({ currentPassword: 'not-it', newPassword: 'Tax-Liaison-2026' })).status).toBe(400);
    expect((await app.as(temp).post('/api/v1/me/password').send({ currentPassword: temporaryPassword, newPassword: 'Tax-Liaison-2026' })).status).toBe(200);
    // The change ends every session, this one included.
    expect((await app.as(temp).get('/api/v1/me')).status).toBe(401);
    const signedIn = (await login(user.email, 'Tax-Liaison-2026')).body.accessToken as string;
    expect((await app.as(signedIn).get('/api/v1/tasks?limit=1')).status).toBe(200);
    expect(await audit('user.password_reset', user.id)).toHaveLength(1);
    expect(await audit('user.password_change', user.id)).toHaveLength(1);
  });

  it('keeps 大字模式 with the account: a new session gets it, bad bodies change nothing, each change is audited', async () => {
    const user = await app.user('liaison', 'finance');
    const preferences = () => app.as(user.token).put('/api/v1/me/preferences').set('X-Forwarded-For', '203.0.113.9');
    expect((await app.as(user.token).get('/api/v1/me')).body.largeText).toBe(false);

    for (const [body, field, words] of [
      [{ largeText: 'yes' }, 'largeText', '必须是 true 或 false'],
      [{ largeText: 1 }, 'largeText', '必须是 true 或 false'],
      [{}, 'largeText', '必须是 true 或 false'],
      [{ largeText: true, fontSize: 18 }, 'fontSize', '不允许的字段'],
    ] as const) {
      const res = await preferences().send(body);
      expect([JSON.stringify(body), res.status, String(res.body.message)]).toEqual([JSON.stringify(body), 400, expect.stringContaining(`${field}`)]);
      expect(String(res.body.message)).toContain(words);
    }
    expect((await app.as(user.token).get('/api/v1/me')).body.largeText).toBe(false);
    expect(await audit('user.preferences', user.id)).toEqual([]);

    expect((await preferences().send({ largeText: true })).body).toEqual({ largeText: true });
    // Another computer or phone: a new sign-in and /me both carry it.
    const elsewhere = await login(user.email, 'password-123');
    expect(elsewhere.body.user.largeText).toBe(true);
    expect((await app.as(elsewhere.body.accessToken).get('/api/v1/me')).body.largeText).toBe(true);
    // The same value again changes and records nothing; switching off is recorded too.
    expect((await preferences().send({ largeText: true })).status).toBe(200);
    expect((await app.as(elsewhere.body.accessToken).put('/api/v1/me/preferences').send({ largeText: false })).body).toEqual({ largeText: false });
    expect((await app.as(user.token).get('/api/v1/me')).body.largeText).toBe(false);
    const changes = await sql<{ actor_id: string; ip: string; before: unknown; after: unknown }>(
      app.databaseUrl,
      "SELECT actor_id, ip, before, after FROM audit_log WHERE action = 'user.preferences' AND entity_id = $1 ORDER BY seq",
      [user.id],
    );
    expect(changes).toEqual([
      { actor_id: user.id, ip: '203.0.113.9', before: { largeText: false }, after: { largeText: true } },
      { actor_id: user.id, ip: expect.any(String), before: { largeText: true }, after: { largeText: false } },
    ]);
    // Another user's setting is its own.
    expect((await app.as(admin).get('/api/v1/me')).body.largeText).toBe(false);
  });

  it('lets a user held on 修改密码 (a temporary password) switch 大字模式', async () => {
    const user = await app.user('leader', 'finance');
    const { temporaryPassword } = (await app.as(admin).post(`/api/v1/users/${user.id}/reset-password`).send({}).expect(200)).body;
    const temp = (await login(user.email, temporaryPassword)).body.accessToken as string;
    expect((await app.as(temp).get('/api/v1/tasks')).status).toBe(403);
    expect((await app.as(temp).put('/api/v1/me/preferences').send({ largeText: true })).status).toBe(200);
    expect((await app.as(temp).get('/api/v1/me')).body).toMatchObject({ mustChangePassword: true, largeText: true });
  });

  it('refuses a new account with a weak password, naming the rule, and creates nothing', async () => {
    const res = await app.as(admin).post('/api/v1/users').send({ email: 'weak@taixing.gov.cn', name: '弱密码', password: '12345678901', role: 'supervisor' });
    expect([res.status, res.body.message]).toEqual([400, expect.stringContaining('至少三类')]);
    expect(await sql(app.databaseUrl, "SELECT id FROM app_user WHERE email = 'weak@taixing.gov.cn'")).toEqual([]);
  });
});

describe('idle sessions', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ SESSION_IDLE_MINUTES: '5' });
  });
  afterAll(() => app?.close());

  it('ends a session left idle longer than SESSION_IDLE_MINUTES, and keeps one in use', async () => {
    const idle = await app.user('supervisor');
    const busy = await app.user('supervisor');
    // Six minutes without a request (the clock moved back in the table, not waited for).
    await sql(app.databaseUrl, `UPDATE user_session SET last_seen_at = now() - interval '6 minutes' WHERE user_id = $1`, [idle.id]);
    await sql(app.databaseUrl, `UPDATE user_session SET last_seen_at = now() - interval '4 minutes' WHERE user_id = $1`, [busy.id]);
    expect((await app.as(idle.token).get('/api/v1/me')).status).toBe(401);
    expect((await app.as(busy.token).get('/api/v1/me')).status).toBe(200);
    // That request was noted: the session's idle time starts again.
    const [{ fresh }] = await sql<{ fresh: boolean }>(
      app.databaseUrl,
      `SELECT last_seen_at > now() - interval '1 minute' AS fresh FROM user_session WHERE user_id = $1`,
      [busy.id],
    );
    expect(fresh).toBe(true);
  });
});
