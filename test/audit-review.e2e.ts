import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { ADMIN, startApp, type TestApp } from './support/app.js';
import { bytes } from './support/bytes.js';
import { sql } from './support/database.js';
import { shanghaiToday } from './support/today.js';

const run = promisify(execFile);

type AuditItem = {
  seq: number;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  actionLabel: string;
  entity: string;
  entityId: string;
  ip: string | null;
};

/**
 * 安全审计 and 三员分立 through the HTTP API on real PostgreSQL: who may read the audit log (auditor; the admin
 * unless SEPARATION_OF_DUTIES), who may manage accounts (security administrator; the admin unless separated),
 * every audited action recorded once with its actor and address, the viewer's filters, the export, the chain's
 * verification, accounts opened with a temporary password, the bulk account import and the operator's CLI.
 */
describe('audit review and separation of duties', () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await startApp({ TRUST_PROXY: '127.0.0.1' });
    admin = await app.login(ADMIN.email, ADMIN.password);
  });
  afterAll(() => app?.close());

  const from = (address: string) => ({ 'X-Forwarded-For': address });
  const login = (email: string, password: string, address = '198.51.100.7') => app.http.post('/api/v1/auth/login').set(from(address)).send({ email, password });
  const audit = (token: string, query = '') => app.as(token).get(`/api/v1/audit${query}`);
  const entries = async (token: string, query: string): Promise<AuditItem[]> => {
    const res = await audit(token, query).expect(200);
    return res.body.items as AuditItem[];
  };

  it('lets the auditor and the admin read the audit log, and nobody else; the auditor and the security administrator see no tasks', async () => {
    const auditor = await app.user('auditor');
    const security = await app.user('security_admin');
    const supervisor = await app.user('supervisor');
    expect((await audit(auditor.token)).status).toBe(200);
    expect((await audit(admin)).status).toBe(200);
    for (const token of [security.token, supervisor.token]) expect((await audit(token)).status).toBe(403);
    for (const token of [auditor.token, security.token]) {
      expect((await app.as(token).get('/api/v1/tasks')).status).toBe(403);
      expect((await app.as(token).get('/api/v1/me')).status).toBe(200);
    }
    // The security administrator manages accounts and reads no audit; /me tells the console so.
    expect((await app.as(security.token).get('/api/v1/users')).status).toBe(200);
    expect((await app.as(auditor.token).get('/api/v1/users')).status).toBe(403);
    const grants = (await app.as(auditor.token).get('/api/v1/me')).body.permissions as Record<string, string>;
    expect(grants['audit.read']).toBe('any');
    expect(grants['task.list']).toBeUndefined();
  });

  it('records each action once with its actor and the client address: logins, failures, logouts, accounts, downloads, task changes', async () => {
    const email = 'audited@taixing.gov.cn';
    const supervisor = await app.user('supervisor');
    const [{ last }] = await sql<{ last: string }>(app.databaseUrl, 'SELECT max(seq) AS last FROM audit_log');
    const user = await app.http
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${admin}`)
      .set(from('203.0.113.9'))
      .send({ email, name: '审计对象', password: 'Audit-Pass-2026', role: 'liaison', departmentCode: 'finance', mustChangePassword: false })
      .expect(201);
    expect((await login(email, 'wrong-Pass-2026', '198.51.100.1')).status).toBe(401);
    const token = (await login(email, 'Audit-Pass-2026', '198.51.100.2').expect(200)).body.accessToken as string;
    const task = await app
      .as(supervisor.token)
      .post('/api/v1/tasks')
      .set(from('198.51.100.3'))
      .send({ title: '审计测试任务', leadDepartment: 'finance', dueDate: '2031-06-30', assigneeId: user.body.id })
      .expect(201);
    const evidence = await app
      .as(token)
      .post(`/api/v1/tasks/${task.body.id}/evidence`)
      .set(from('198.51.100.2'))
      .attach('file', Buffer.from('佐证材料正文\n'), '佐证.txt')
      .expect(201);
    await bytes(app.as(supervisor.token).get(`/api/v1/tasks/${task.body.id}/evidence/${evidence.body.id}`).set(from('198.51.100.3'))).expect(200);
    await bytes(app.as(supervisor.token).get('/api/v1/tasks.xlsx').set(from('198.51.100.3'))).expect(200);
    await app.as(token).post('/api/v1/auth/logout').set(from('198.51.100.2')).send({}).expect(200);

    const rows = await sql<{ action: string; actor_id: string | null; ip: string | null }>(
      app.databaseUrl,
      'SELECT action, actor_id, ip FROM audit_log WHERE seq > $1 ORDER BY seq',
      [last],
    );
    const who = (id: string | null) => (id === user.body.id ? 'user' : id === supervisor.id ? 'supervisor' : 'admin');
    expect(rows.map((r) => [r.action, who(r.actor_id), r.ip])).toEqual([
      ['user.create', 'admin', '203.0.113.9'],
      ['auth.login_failed', 'user', '198.51.100.1'],
      ['auth.login', 'user', '198.51.100.2'],
      ['task.create', 'supervisor', '198.51.100.3'],
      ['evidence.upload', 'user', '198.51.100.2'],
      ['evidence.download', 'supervisor', '198.51.100.3'],
      ['report.download', 'supervisor', '198.51.100.3'],
      ['auth.logout', 'user', '198.51.100.2'],
    ]);
    // The viewer: by actor (email), by a domain's actions, by object; newest first; names and labels for people.
    const mine = await entries(admin, `?actor=${encodeURIComponent(email)}`);
    expect(mine.map((e) => e.action)).toEqual(['auth.logout', 'evidence.upload', 'auth.login', 'auth.login_failed']);
    expect(mine[0]).toMatchObject({ actorEmail: email, actionLabel: '退出登录', ip: '198.51.100.2' });
    const downloads = await entries(admin, `?action=evidence.*&actor=${supervisor.id}`);
    expect(downloads.map((e) => [e.action, e.entity, e.entityId])).toEqual([['evidence.download', 'evidence', evidence.body.id]]);
    const aboutUser = await entries(admin, `?entity=user&entityId=${user.body.id as string}`);
    expect(aboutUser.map((e) => e.action)).toEqual(['auth.logout', 'auth.login', 'auth.login_failed', 'user.create']);
  });

  it('filters by day, refuses filters it cannot read with a 400 naming them, and exports what it lists', async () => {
    const today = shanghaiToday();
    const all = await audit(admin, `?from=${today}&to=${today}&limit=1`).expect(200);
    expect(all.body.total).toBeGreaterThan(0);
    expect((await audit(admin, '?to=2001-01-01')).body.total).toBe(0);
    for (const [query, names] of [
      ['?from=2026-13-01', 'from'],
      ['?action=DROP TABLE', 'action'],
      ['?entity=user;', 'entity'],
      ['?from=2026-12-31&to=2026-01-01', 'from'],
      ['?limit=500', 'limit'],
    ]) {
      const res = await audit(admin, query);
      expect([res.status, String(res.body.message)]).toEqual([400, expect.stringContaining(names)]);
    }
    const logins = await audit(admin, '?action=auth.*&limit=200').expect(200);
    const file = await bytes(app.as(admin).get('/api/v1/audit.xlsx?action=auth.*')).expect(200);
    // Named by Shanghai's date, which from 16:00 UTC on is a day ahead of the server's UTC one.
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`审计日志-${today}.xlsx`)}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body);
    const sheet = workbook.getWorksheet('审计日志')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '时间', '操作人', '操作', '操作说明', '对象', '来源地址', '详情']);
    const seqs = [];
    for (let r = 2; r <= sheet.rowCount; r++) seqs.push(Number(sheet.getRow(r).getCell(1).value));
    expect(seqs).toEqual((logins.body.items as AuditItem[]).map((i) => i.seq));
    // The export itself is recorded.
    expect((await entries(admin, '?action=report.download&limit=1'))[0]).toMatchObject({ entityId: 'audit.xlsx' });
  });

  it('verifies the chain on request, and says where it breaks', async () => {
    const intact = await app.as(admin).get('/api/v1/audit/verify').expect(200);
    const [{ n }] = await sql<{ n: number }>(app.databaseUrl, 'SELECT count(*)::int AS n FROM audit_log');
    expect(intact.body).toMatchObject({ checked: n, broken: null });
    // An edit behind the application's back (the append-only trigger disabled by a superuser) is found.
    const [{ seq }] = await sql<{ seq: string }>(app.databaseUrl, "SELECT max(seq) AS seq FROM audit_log WHERE action = 'auth.login'");
    await sql(app.databaseUrl, 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await sql(app.databaseUrl, `UPDATE audit_log SET ip = '10.9.9.9' WHERE seq = $1`, [seq]);
    await sql(app.databaseUrl, 'ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    const broken = await app.as(admin).get('/api/v1/audit/verify').expect(200);
    expect(broken.body.broken).toMatchObject({ seq: Number(seq), reason: expect.stringContaining('hash') });
    await sql(app.databaseUrl, 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await sql(app.databaseUrl, `UPDATE audit_log SET ip = '198.51.100.2' WHERE seq = $1`, [seq]);
    await sql(app.databaseUrl, 'ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  });

  it('opens an account with a temporary password that must be changed at the first sign-in', async () => {
    const res = await app.as(admin).post('/api/v1/users').send({ email: 'new.hire@taixing.gov.cn', name: '新同事', role: 'supervisor' }).expect(201);
    expect(res.body).toMatchObject({ mustChangePassword: true, temporaryPassword: expect.stringMatching(/.{12,}/) });
    const signedIn = await login('new.hire@taixing.gov.cn', res.body.temporaryPassword as string).expect(200);
    expect(signedIn.body.user.mustChangePassword).toBe(true);
    const token = signedIn.body.accessToken as string;
    expect((await app.as(token).get('/api/v1/tasks')).body.error).toBe('password_change_required');
    // A password given by the admin is temporary too unless it says otherwise.
    const given = await app
      .as(admin)
      .post('/api/v1/users')
      .send({ email: 'given@taixing.gov.cn', name: '给定', password: 'Chosen-Pass-2026', role: 'reviewer' })
      .expect(201);
    expect(given.body).toMatchObject({ mustChangePassword: true });
    expect(given.body.temporaryPassword).toBeUndefined();
  });

  it('imports accounts from a workbook: a dry run names every problem by row and creates nothing; a clean file opens them all', async () => {
    const template = await bytes(app.as(admin).get('/api/v1/users/import/template.xlsx')).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.body);
    const sheet = workbook.getWorksheet('账号')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['姓名', '邮箱', '角色', '所属部门']);
    sheet.spliceRows(2, 2);
    const rows: Array<[string, string, string, string]> = [
      ['周一', 'zhou1@taixing.gov.cn', '联络员', '财政局'],
      ['周二', 'ZHOU2@taixing.gov.cn', '督查', ''],
      ['周三', 'zhou1@taixing.gov.cn', '联络员', '财政局'],
      ['周四', 'zhou4@taixing.gov.cn', '科长', '财政局'],
      ['周五', 'zhou5@taixing.gov.cn', '联络员', '不存在的局'],
      ['周六', 'zhou6@taixing.gov.cn', '部门负责人', ''],
      ['周日', ADMIN.email, '督查', ''],
    ];
    rows.forEach((r, i) => (sheet.getRow(i + 2).values = r));
    const upload = (file: Buffer, dryRun: boolean) => app.as(admin).post(`/api/v1/users/import?dryRun=${dryRun}`).attach('file', file, '开户表.xlsx');
    const users = async () => (await sql<{ n: number }>(app.databaseUrl, 'SELECT count(*)::int AS n FROM app_user'))[0].n;
    const before = await users();
    const bad = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await upload(bad, true).expect(200);
    expect(preview.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [4, '邮箱'],
      [5, '角色'],
      [6, '所属部门'],
      [7, '所属部门'],
      [8, '邮箱'],
    ]);
    expect(preview.body.errors[0].message).toContain('与第 2 行重复');
    const refused = await upload(bad, false);
    expect([refused.status, refused.body.created]).toEqual([422, 0]);
    expect(await users()).toBe(before);

    sheet.spliceRows(4, 5);
    const good = Buffer.from(await workbook.xlsx.writeBuffer());
    const dry = await upload(good, true).expect(200);
    expect(dry.body).toMatchObject({ rows: 2, created: 0, errors: [] });
    const done = await upload(good, false).expect(200);
    expect(done.body.users).toEqual([
      expect.objectContaining({ email: 'zhou1@taixing.gov.cn', role: 'liaison', departmentCode: 'finance', temporaryPassword: expect.any(String) }),
      expect.objectContaining({ email: 'zhou2@taixing.gov.cn', role: 'supervisor', departmentCode: null, temporaryPassword: expect.any(String) }),
    ]);
    expect(await users()).toBe(before + 2);
    const first = await login('zhou1@taixing.gov.cn', done.body.users[0].temporaryPassword as string).expect(200);
    expect(first.body.user).toMatchObject({ role: 'liaison', mustChangePassword: true });
    expect((await entries(admin, '?action=user.import')).length).toBe(1);
    // The same file again: every address is taken now, and nothing changes.
    const again = await upload(good, false);
    expect([again.status, again.body.errors.length]).toEqual([422, 2]);
  });

  it('gives the operator a command for a lost password, printed once, to be changed at sign-in', async () => {
    const user = await app.user('supervisor');
    const env = { ...process.env, DATABASE_URL: app.databaseUrl, LOG_LEVEL: 'warn' };
    const { stdout } = await run('node', ['dist/apps/cli/admin-account.js', 'reset-password', user.email.toUpperCase()], { env });
    const temporary = /临时密码（仅显示一次，登录后须修改）：(\S+)/.exec(stdout)?.[1];
    expect(temporary).toBeDefined();
    expect((await app.as(user.token).get('/api/v1/me')).status).toBe(401);
    expect((await login(user.email, temporary!)).body.user.mustChangePassword).toBe(true);
    const unknown = await run('node', ['dist/apps/cli/admin-account.js', 'reset-password', 'nobody@nowhere.cn'], { env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('用户不存在') });
    const [entry] = await sql<{ actor_id: string | null; detail: { via?: string } }>(
      app.databaseUrl,
      "SELECT actor_id, detail FROM audit_log WHERE action = 'user.password_reset' AND entity_id = $1",
      [user.id],
    );
    expect(entry).toEqual({ actor_id: null, detail: { via: 'cli' } });
  });
});

describe('with SEPARATION_OF_DUTIES=true', () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await startApp({ SEPARATION_OF_DUTIES: 'true' });
    admin = await app.login(ADMIN.email, ADMIN.password);
  });
  afterAll(() => app?.close());

  it('takes account management and audit reading from the admin, to the security administrator and the auditor', async () => {
    const run = promisify(execFile);
    const env = { ...process.env, DATABASE_URL: app.databaseUrl, LOG_LEVEL: 'warn' };
    // Nobody can open the first security administrator's account through the API: the operator's command does.
    expect((await app.as(admin).post('/api/v1/users').send({ email: 'sec@taixing.gov.cn', name: '安全员', role: 'security_admin' })).status).toBe(403);
    const { stdout } = await run('node', ['dist/apps/cli/admin-account.js', 'create-user', 'sec@taixing.gov.cn', '安全管理员', '安全员'], { env });
    const password = /临时密码（仅显示一次，登录后须修改）：(\S+)/.exec(stdout)![1];
    let security = (await app.http.post('/api/v1/auth/login').send({ email: 'sec@taixing.gov.cn', password }).expect(200)).body.accessToken as string;
    await app.as(security).post('/api/v1/me/password').send({ currentPassword: password, newPassword: 'Officer-Pass-2026' }).expect(200);
    security = (await app.http.post('/api/v1/auth/login').send({ email: 'sec@taixing.gov.cn', password: 'Officer-Pass-2026' }).expect(200)).body
      .accessToken as string;

    const auditor = await app
      .as(security)
      .post('/api/v1/users')
      .send({ email: 'shenji@taixing.gov.cn', name: '审计员', password: 'Auditor-Pass-2026', role: 'auditor', mustChangePassword: false })
      .expect(201);
    const auditorToken = (await app.http.post('/api/v1/auth/login').send({ email: 'shenji@taixing.gov.cn', password: 'Auditor-Pass-2026' }).expect(200)).body
      .accessToken as string;
    for (const [path, token, status] of [
      ['/api/v1/users', admin, 403],
      ['/api/v1/audit', admin, 403],
      ['/api/v1/users', security, 200],
      ['/api/v1/audit', security, 403],
      ['/api/v1/audit', auditorToken, 200],
      ['/api/v1/users', auditorToken, 403],
      // The admin keeps the system's settings.
      ['/api/v1/deliveries', admin, 200],
    ] as const) {
      expect([path, (await app.as(token).get(path)).status]).toEqual([path, status]);
    }
    const adminGrants = (await app.as(admin).get('/api/v1/me')).body.permissions as Record<string, string>;
    expect(adminGrants['user.list']).toBeUndefined();
    expect(adminGrants['calendar.manage']).toBe('any');
    // The auditor sees the security administrator's work, and its address.
    const created = (
      await app
        .as(auditorToken)
        .get(`/api/v1/audit?action=user.create&entityId=${auditor.body.id as string}`)
        .expect(200)
    ).body.items;
    expect(created).toEqual([expect.objectContaining({ actorEmail: 'sec@taixing.gov.cn', ip: '127.0.0.1' })]);
  });
});
