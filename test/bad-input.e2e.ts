import { spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { jwtOptions } from '../libs/auth/jwt-options.js';
import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';

const LIMIT = 256 * 1024;
// A JPEG signature: file-type recognises it from the first bytes, whatever follows.
const JPEG_HEAD = Buffer.from('ffd8ffe000104a46494600', 'hex');

describe('bad input is a clear 4xx and changes nothing', () => {
  let app: TestApp;
  let supervisor: string;
  let liaison: string;
  let liaisonId: string;
  let taskId: string;

  beforeAll(async () => {
    app = await startApp({ EVIDENCE_MAX_BYTES: String(LIMIT), LOGIN_RATE_LIMIT: '3' });
    supervisor = (await app.user('supervisor')).token;
    ({ token: liaison, id: liaisonId } = await app.user('liaison', 'finance'));
    taskId = (await app.as(supervisor).post('/api/v1/tasks').send({ title: '坏输入', leadDepartment: 'finance', dueDate: '2030-12-31' })).body.id;
    await app.as(liaison).post(`/api/v1/tasks/${taskId}/accept`).send({});
  });
  afterAll(() => app.close());

  const auditCount = async () => Number((await sql<{ n: string }>(app.databaseUrl, 'SELECT count(*) AS n FROM audit_log'))[0].n);
  const taskRow = async () => (await sql(app.databaseUrl, 'SELECT * FROM task WHERE id = $1', [taskId]))[0];

  async function expectUnchanged(
    request: () => Promise<{ status: number; body: { message?: unknown; statusCode?: number } }>,
    status: number,
    mentions: string,
  ) {
    const [audit, task] = [await auditCount(), await taskRow()];
    const res = await request();
    expect(res.status).toBe(status);
    expect(res.body.statusCode).toBe(status);
    expect(JSON.stringify(res.body.message)).toContain(mentions);
    expect(await auditCount()).toBe(audit);
    expect(await taskRow()).toEqual(task);
  }

  it('malformed JSON → 400', () =>
    expectUnchanged(
      () => app.as(supervisor).patch(`/api/v1/tasks/${taskId}`).set('content-type', 'application/json').send('{"version": 1, "title": '),
      400,
      'JSON',
    ));

  it('wrong types → 400 naming each field', async () => {
    const res = await app.as(supervisor).post('/api/v1/tasks').send({ title: 42, leadDepartment: 'finance', dueDate: '2025-02-30', coDepartments: 'tax' });
    expect(res.status).toBe(400);
    const message = JSON.stringify(res.body.message);
    for (const field of ['title', 'dueDate', 'coDepartments']) expect(message).toContain(field);
  });

  it('unknown fields → 400', () =>
    expectUnchanged(() => app.as(supervisor).patch(`/api/v1/tasks/${taskId}`).send({ version: 2, title: 'x', status: 'completed' }), 400, 'status'));

  // Found by test/fuzz.e2e.ts: each of these was a 500.
  it('a NUL character or an unpaired surrogate → 400 naming the field, in a body, a query or a path', async () => {
    await expectUnchanged(
      () => app.as(supervisor).post('/api/v1/tasks').send({ title: 'a\u0000b', leadDepartment: 'finance', dueDate: '2030-12-31' }),
      400,
      'title',
    );
    await expectUnchanged(
      () => app.as(supervisor).post('/api/v1/tasks').send({ title: 'a\uD800b', leadDepartment: 'finance', dueDate: '2030-12-31' }),
      400,
      'title',
    );
    await expectUnchanged(() => app.as(supervisor).get('/api/v1/tasks?q=a%00b'), 400, 'q');
    await expectUnchanged(() => app.as(supervisor).get('/api/v1/indicators/a%00b'), 400, 'code');
  });

  it('null for an optional field → 400, not a NOT NULL violation', () =>
    expectUnchanged(() => app.as(liaison).post(`/api/v1/tasks/${taskId}/progress`).send({ note: '进展', percent: null }), 400, 'percent'));

  it('JSON nested deeper than any DTO → 400, not a stack overflow', () =>
    expectUnchanged(
      () =>
        app
          .as(supervisor)
          .post('/api/v1/tasks')
          .set('content-type', 'application/json')
          .send(`{"title":${'['.repeat(20_000)}${']'.repeat(20_000)}}`),
      400,
      '嵌套',
    ));

  it('a multipart body cut off → 400 and nothing stored', async () => {
    const head = '--B\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n';
    for (const body of [head.slice(0, 50), `${head}%PDF-1.4\n${'x'.repeat(5000)}`]) {
      await expectUnchanged(
        () => app.as(liaison).post(`/api/v1/tasks/${taskId}/evidence`).set('content-type', 'multipart/form-data; boundary=B').send(body),
        400,
        'multipart',
      );
    }
    expect(storedFiles(app.dataDir)).toEqual([]);
  });

  it('a client that goes away in the middle of an upload: the server stays up and nothing is stored', async () => {
    // Its own app: the cut must come after the content check has read its first 256 KiB, above this file's limit.
    const roomy = await startApp();
    try {
      const supervisorToken = (await roomy.user('supervisor')).token;
      const { token } = await roomy.user('liaison', 'finance');
      const task = (await roomy.as(supervisorToken).post('/api/v1/tasks').send({ title: '断开上传', leadDepartment: 'finance', dueDate: '2030-12-31' })).body
        .id;
      const rows = async () => sql(roomy.databaseUrl, 'SELECT (SELECT count(*) FROM evidence) AS evidence, (SELECT count(*) FROM audit_log) AS audit');
      const before = await rows();
      const { hostname, port } = new URL(roomy.url);
      const socket = connect(Number(port), hostname);
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(
        `POST /api/v1/tasks/${task}/evidence HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\n` +
          `Content-Type: multipart/form-data; boundary=B\r\nContent-Length: ${8 * 1024 * 1024}\r\n\r\n` +
          '--B\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n',
      );
      socket.write(Buffer.alloc(1024 * 1024, 'x'));
      // Cut off once the server has written part of the file.
      for (let waited = 0; storedFiles(roomy.dataDir).length === 0 && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      socket.destroy();
      for (let waited = 0; storedFiles(roomy.dataDir).length > 0 && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(storedFiles(roomy.dataDir)).toEqual([]);
      expect((await roomy.http.get('/health')).status).toBe(200);
      expect(await rows()).toEqual(before);
    } finally {
      await roomy.close();
    }
  });

  it('unknown department → 400', () =>
    expectUnchanged(() => app.as(supervisor).post('/api/v1/tasks').send({ title: 't', leadDepartment: 'nope', dueDate: '2030-01-01' }), 400, 'nope'));

  it('unknown and malformed ids → 404 and 400', async () => {
    await expectUnchanged(() => app.as(liaison).post('/api/v1/tasks/6f1c1a52-3c1e-4a57-9a52-0d6a2b9f4e11/accept').send({}), 404, '6f1c1a52');
    await expectUnchanged(() => app.as(liaison).post('/api/v1/tasks/not-a-uuid/accept').send({}), 400, 'not-a-uuid');
    await expectUnchanged(() => app.as(liaison).get(`/api/v1/tasks/${taskId}/evidence/6f1c1a52-3c1e-4a57-9a52-0d6a2b9f4e11`), 404, '6f1c1a52');
    await expectUnchanged(() => app.as(supervisor).post('/api/v1/extension-requests/6f1c1a52-3c1e-4a57-9a52-0d6a2b9f4e11/approve').send({}), 404, '6f1c1a52');
  });

  it('illegal transition → 409', () => expectUnchanged(() => app.as(supervisor).post(`/api/v1/tasks/${taskId}/approve`).send({}), 409, '办理中'));

  it('no token, a forged token and an expired token → 401', async () => {
    expect((await app.http.get('/api/v1/tasks')).status).toBe(401);
    expect((await app.http.get('/api/v1/tasks').set('Authorization', 'Bearer abc.def.ghi')).status).toBe(401);
    const secret = (await sql<{ value: string }>(app.databaseUrl, "SELECT value FROM system_setting WHERE key = 'jwt-secret'"))[0].value;
    const expired = new JwtService({ secret }).sign({ sub: 'x', role: 'admin', dept: null }, { expiresIn: -10 });
    const res = await app.http.get('/api/v1/tasks').set('Authorization', `Bearer ${expired}`);
    expect(res.status).toBe(401);
    expect(res.body.message).toContain('过期');
    const forged = new JwtService({ secret: 'x'.repeat(48) }).sign({ sub: 'x', role: 'admin', dept: null });
    expect((await app.http.get('/api/v1/users').set('Authorization', `Bearer ${forged}`)).status).toBe(401);
  });

  it('a token is checked for its one algorithm, issuer and audience: with the right secret, anything else → 401', async () => {
    const secret = (await sql<{ value: string }>(app.databaseUrl, "SELECT value FROM system_setting WHERE key = 'jwt-secret'"))[0].value;
    const [{ id: sid }] = await sql<{ id: string }>(
      app.databaseUrl,
      'SELECT id FROM user_session WHERE user_id = $1 AND ended_at IS NULL ORDER BY created_at DESC LIMIT 1',
      [liaisonId],
    );
    const claims = { sub: liaisonId, sid };
    const signer = new JwtService({ secret });
    const call = (token: string) => app.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`);
    // The genuine shape passes; each departure from it is refused.
    expect((await call(signer.sign(claims, { algorithm: 'HS256', issuer: 'duban', audience: 'duban-api' }))).status).toBe(200);
    for (const [what, options] of [
      ['HS512', { algorithm: 'HS512', issuer: 'duban', audience: 'duban-api' }],
      ['no issuer', { algorithm: 'HS256', audience: 'duban-api' }],
      ['another issuer', { algorithm: 'HS256', issuer: 'someone-else', audience: 'duban-api' }],
      ['no audience', { algorithm: 'HS256', issuer: 'duban' }],
      ['another audience', { algorithm: 'HS256', issuer: 'duban', audience: 'other-app' }],
    ] as const) {
      expect([what, (await call(signer.sign(claims, options))).status]).toEqual([what, 401]);
    }
  });

  it('a token names a user, not a role: an unknown or deactivated user → 401, a role claim grants nothing', async () => {
    const secret = (await sql<{ value: string }>(app.databaseUrl, "SELECT value FROM system_setting WHERE key = 'jwt-secret'"))[0].value;
    const signer = new JwtService(jwtOptions(secret));
    expect((await app.http.get('/api/v1/users').set('Authorization', `Bearer ${signer.sign({ sub: randomUUID(), role: 'admin', dept: null })}`)).status).toBe(
      401,
    );
    expect((await app.http.get('/api/v1/users').set('Authorization', `Bearer ${signer.sign({ sub: 'admin', role: 'admin' })}`)).status).toBe(401);
    // Even with the liaison's own live session, the token's role claim grants nothing: the account's role decides.
    const [{ id: sid }] = await sql<{ id: string }>(
      app.databaseUrl,
      'SELECT id FROM user_session WHERE user_id = $1 AND ended_at IS NULL ORDER BY created_at DESC LIMIT 1',
      [liaisonId],
    );
    expect((await app.http.get('/api/v1/users').set('Authorization', `Bearer ${signer.sign({ sub: liaisonId, sid, role: 'admin', dept: null })}`)).status).toBe(
      403,
    );
    const gone = await app.user('supervisor');
    expect((await app.as(gone.token).get('/api/v1/tasks')).status).toBe(200);
    await sql(app.databaseUrl, 'UPDATE app_user SET active = false WHERE id = $1', [gone.id]);
    const refused = await app.as(gone.token).get('/api/v1/tasks');
    expect(refused.status).toBe(401);
    expect(refused.body.message).toContain('停用');
  });

  it('an oversized upload → 413 and nothing stored', async () => {
    const big = Buffer.concat([JPEG_HEAD, randomBytes(LIMIT)]);
    await expectUnchanged(() => app.as(liaison).post(`/api/v1/tasks/${taskId}/evidence`).attach('file', big, 'big.jpg'), 413, 'MiB');
    expect(storedFiles(app.dataDir)).toEqual([]);
  });

  it('a disguised file → 415: the name says pdf, the content is an executable', async () => {
    const elf = Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), randomBytes(2000)]);
    await expectUnchanged(() => app.as(liaison).post(`/api/v1/tasks/${taskId}/evidence`).attach('file', elf, '报告.pdf'), 415, '不是允许的类型');
    const binary = randomBytes(5000);
    await expectUnchanged(() => app.as(liaison).post(`/api/v1/tasks/${taskId}/evidence`).attach('file', binary, 'photo.png'), 415, '未知');
    await expectUnchanged(() => app.as(liaison).post(`/api/v1/tasks/${taskId}/evidence`).send({ file: 'x' }), 415, 'multipart');
    expect(storedFiles(app.dataDir)).toEqual([]);
  });

  it('stores under a generated name, downloads byte for byte, and cuts off a tampered file', async () => {
    const bytes = Buffer.concat([JPEG_HEAD, randomBytes(LIMIT - 100)]);
    const up = await app.as(liaison).post(`/api/v1/tasks/${taskId}/evidence`).attach('file', bytes, '../../etc/passwd.jpg');
    expect(up.status).toBe(201);
    expect(up.body.filename).toBe('passwd.jpg');
    expect(up.body.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const [stored] = storedFiles(app.dataDir);
    expect(stored).toContain(up.body.id);

    const down = await app
      .as(liaison)
      .get(`/api/v1/tasks/${taskId}/evidence/${up.body.id}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(down.status).toBe(200);
    expect(Buffer.compare(down.body as Buffer, bytes)).toBe(0);
    expect(down.headers['content-type']).toBe('image/jpeg');

    writeFileSync(stored, Buffer.concat([JPEG_HEAD, randomBytes(LIMIT - 100)]));
    const tampered = await app
      .as(liaison)
      .get(`/api/v1/tasks/${taskId}/evidence/${up.body.id}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
        res.on('error', (e) => done(e, null));
      })
      .then(
        (r) => r.body as Buffer,
        () => null,
      );
    // The response is aborted before it completes: never the full, wrong file.
    expect(tampered === null || tampered.length < bytes.length).toBe(true);
  });

  it('too many login attempts for one account → 429, other accounts still log in', async () => {
    const attempt = (email: string, password: string) => app.http.post('/api/v1/auth/login').send({ email, password });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt('victim@test.duban', 'wrong-password')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await attempt('victim@test.duban', 'wrong-password');
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect((await attempt('admin@duban.local', 'Chief-Pass-2026')).status).toBe(200);
  });

  it('the audit chain verifies, and a hand-edited row makes audit:verify fail naming it', async () => {
    const verify = () => spawnSync('node', ['dist/apps/cli/audit-verify.js'], { env: { ...process.env, DATABASE_URL: app.databaseUrl }, encoding: 'utf8' });
    const ok = verify();
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('审计链完好');
    // The log refuses edits outright …
    await expect(sql(app.databaseUrl, 'UPDATE audit_log SET action = action WHERE seq = 3')).rejects.toThrow(/append-only/);
    // … so a tamperer must first switch the guard off, and the chain still tells.
    await sql(app.databaseUrl, 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await sql(app.databaseUrl, `UPDATE audit_log SET after = '{"status":"completed"}' WHERE seq = 3`);
    const broken = verify();
    expect(broken.stdout).toContain('审计链断裂');
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('第 3 条');
  });
});

function storedFiles(dataDir: string): string[] {
  const root = join(dataDir, 'evidence');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  try {
    return walk(root);
  } catch {
    return [];
  }
}
