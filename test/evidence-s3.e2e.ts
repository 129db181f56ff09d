import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, startApp, type TestApp } from './support/app.js';
import { type LocalS3, startS3 } from './support/s3.js';

const MiB = 1024 * 1024;
const LIMIT = 10 * MiB;
// A JPEG signature: file-type recognises it from the first bytes, whatever follows.
const JPEG_HEAD = Buffer.from('ffd8ffe000104a46494600', 'hex');

describe('evidence in an S3-compatible store (EVIDENCE_STORE=s3 against s3rver)', () => {
  let s3: LocalS3;
  let app: TestApp;
  let liaison: string;
  let taskId: string;

  beforeAll(async () => {
    s3 = await startS3();
    app = await startApp({ ...s3.env, S3_PREFIX: 'duban', EVIDENCE_MAX_BYTES: String(LIMIT) });
    const supervisor = (await app.user('supervisor')).token;
    liaison = (await app.user('liaison', 'finance')).token;
    taskId = (await app.as(supervisor).post('/api/v1/tasks').send({ title: '对象存储', leadDepartment: 'finance', dueDate: '2030-12-31' })).body.id;
    await app.as(liaison).post(`/api/v1/tasks/${taskId}/accept`).send({});
  });
  afterAll(async () => {
    await app?.close();
    await s3?.stop();
  });

  const upload = (bytes: Buffer, filename: string) => app.as(liaison).post(`/api/v1/tasks/${taskId}/evidence`).attach('file', bytes, filename);
  const download = (id: string) =>
    app
      .as(liaison)
      .get(`/api/v1/tasks/${taskId}/evidence/${id}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
        res.on('error', (e) => done(e, null));
      });

  let stored: { id: string; key: string; bytes: Buffer };

  it('stores an upload of several parts in the bucket, under S3_PREFIX, and serves it byte for byte', async () => {
    const bytes = Buffer.concat([JPEG_HEAD, randomBytes(9 * MiB)]);
    const up = await upload(bytes, '现场照片.jpg');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ size: bytes.length, mimeType: 'image/jpeg', sha256: createHash('sha256').update(bytes).digest('hex') });
    const id = up.body.id as string;
    expect(s3.objectKeys()).toEqual([`duban/${id.slice(0, 2)}/${id}`]);
    expect(s3.multipartStarts()).toBe(1);
    expect(existsSync(join(app.dataDir, 'evidence'))).toBe(false);

    const down = await download(id);
    expect(down.status).toBe(200);
    expect(Buffer.compare(down.body as Buffer, bytes)).toBe(0);
    stored = { id, key: s3.objectKeys()[0], bytes };
  });

  it('refuses an oversized upload with 413, leaving no object and no multipart upload', async () => {
    const res = await upload(Buffer.concat([JPEG_HEAD, randomBytes(LIMIT)]), 'big.jpg');
    expect(res.status).toBe(413);
    expect(res.body.message).toContain('MiB');
    expect(s3.objectKeys()).toEqual([stored.key]);
    expect(s3.pendingUploads()).toEqual([]);
  });

  it('cuts off a download whose object was changed in the bucket', async () => {
    await s3.putRaw(stored.key, Buffer.concat([JPEG_HEAD, randomBytes(stored.bytes.length - JPEG_HEAD.length)]));
    const tampered = await download(stored.id).then(
      (r) => r.body as Buffer,
      () => null,
    );
    // The response is aborted before it completes: never the full, wrong file.
    expect(tampered === null || tampered.length < stored.bytes.length).toBe(true);
  });

  it('reports the store on /health: up, then 503 naming storage once the S3 server is gone; downloads and uploads say 503 (not 404)', async () => {
    const up = await app.http.get('/health');
    expect(up.status).toBe(200);
    expect(up.body.info.storage).toEqual({ status: 'up' });

    await s3.stop();
    // The public answer names what is down, not why (no endpoint, no bucket); an administrator sees why.
    const down = await app.http.get('/health');
    expect(down.status).toBe(503);
    expect(down.body.error.storage).toEqual({ status: 'down' });
    expect(down.body.info.database.status).toBe('up');
    expect(JSON.stringify(down.body)).not.toContain('127.0.0.1');
    const admin = await app.login(ADMIN.email, ADMIN.password);
    const detailed = await app.as(admin).get('/health');
    expect(detailed.body.error.storage.message).toMatch(/S3 bucket "duban-evidence" at http:\/\/127\.0\.0\.1:\d+ is not usable/);

    const file = await app.as(liaison).get(`/api/v1/tasks/${taskId}/evidence/${stored.id}`);
    expect(file.status).toBe(503);
    expect(file.body.message).toContain('存储暂时不可用');
    const refused = await upload(Buffer.concat([JPEG_HEAD, randomBytes(1000)]), 'later.jpg');
    expect(refused.status).toBe(503);
    expect(refused.body.message).toContain('存储暂时不可用');
  });
});
