/**
 * One-off measurement (not part of `npm run bench`): a 256 MiB evidence upload through
 * the API process (`dist/apps/api/main.js`) into the local disk and into an S3-compatible
 * store (s3rver in a process of its own), with the API's upload rate and resident memory
 * growth, and the download. `npm run bench -- upload` measures 1 GiB into both against baselines.
 *
 *   npm run build && DATABASE_URL=postgres://… node dist/bench/evidence-upload.measure.js [MiB]
 */
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import pg from 'pg';
import { rssOf as rss, startApiProcess, startS3Process } from './processes.js';

const MiB = 1024 * 1024;
const SIZE = Number(process.argv[2] ?? 256) * MiB;
const JPEG_HEAD = Buffer.from('ffd8ffe000104a46494600', 'hex');
const ADMIN = { email: 'admin@duban.local', password: 'measure-password-1' };

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error('set DATABASE_URL to a PostgreSQL server (a scratch database is made on it)');
const dbName = `duban_measure_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString();

const s3 = await startS3Process();

try {
  for (const [name, env] of [
    ['local', {}],
    ['s3', s3.env],
  ] as const)
    console.log(JSON.stringify({ store: name, ...(await measure(env)) }));
} finally {
  await s3.stop();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}

async function measure(storeEnv: Record<string, string>) {
  // The plan's seeds (on first start) bring the department `finance`.
  const api = await startApiProcess({
    ...storeEnv,
    DATABASE_URL: databaseUrl,
    SEED_ON_START: 'true',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    EVIDENCE_MAX_BYTES: String(SIZE + MiB),
  });
  const base = api.url;
  try {
    const adminToken = await login(base, ADMIN.email, ADMIN.password);
    const email = `measure-${Date.now()}@test.duban`;
    await call(base, adminToken, 'POST', '/api/v1/users', {
      email,
      name: 'measure',
      password: 'password-123',
      role: 'liaison',
      departmentCode: 'finance',
      mustChangePassword: false,
    });
    const supervisorEmail = `measure-sup-${Date.now()}@test.duban`;
    await call(base, adminToken, 'POST', '/api/v1/users', {
      email: supervisorEmail,
      name: 'sup',
      password: 'password-123',
      role: 'supervisor',
      mustChangePassword: false,
    });
    const liaison = await login(base, email, 'password-123');
    const supervisor = await login(base, supervisorEmail, 'password-123');
    const task = (await call(base, supervisor, 'POST', '/api/v1/tasks', { title: '上传测量', leadDepartment: 'finance', dueDate: '2030-12-31' })) as {
      id: string;
    };
    await call(base, liaison, 'POST', `/api/v1/tasks/${task.id}/accept`, {});

    // Warm-up: the code paths (and the S3 client's connections) in use before the baseline is taken.
    await upload(base, liaison, task.id, 16 * MiB);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const baseline = rss(api.pid);
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rss(api.pid)), 20);
    const started = performance.now();
    const result = await upload(base, liaison, task.id, SIZE);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const peak = Math.max(baseline, ...samples);
    // Flat memory shows as the same peak in each quarter of the upload, not one that climbs.
    const quarter = Math.ceil(samples.length / 4);
    const quarterPeaksMiB = [0, 1, 2, 3].map((q) => round((Math.max(...samples.slice(q * quarter, (q + 1) * quarter)) - baseline) / MiB));
    const downloadStarted = performance.now();
    const back = await download(base, liaison, task.id, result.id);
    const downloadSeconds = (performance.now() - downloadStarted) / 1000;
    if (back !== result.sha256) throw new Error('the download differs from the upload');
    return {
      mib: SIZE / MiB,
      uploadSeconds: round(seconds),
      uploadMiBps: round(SIZE / MiB / seconds),
      rssBaselineMiB: round(baseline / MiB),
      rssPeakMiB: round(peak / MiB),
      rssGrowthMiB: round((peak - baseline) / MiB),
      quarterPeaksMiB,
      downloadMiBps: round(SIZE / MiB / downloadSeconds),
    };
  } finally {
    await api.stop();
  }
}

/** Streams a multipart body of `size` bytes (a JPEG signature, then repeated random MiBs) without holding it. */
function upload(base: string, token: string, taskId: string, size: number): Promise<{ id: string; sha256: string }> {
  const boundary = `----duban${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="measure.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const block = randomBytes(MiB);
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}/api/v1/tasks/${taskId}/evidence`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + size + tail.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = JSON.parse(Buffer.concat(chunks).toString());
          if (res.statusCode !== 201) reject(new Error(`upload: ${res.statusCode} ${JSON.stringify(body)}`));
          else resolve(body);
        });
      },
    );
    req.on('error', reject);
    void (async () => {
      req.write(head);
      req.write(JPEG_HEAD);
      for (let sent = JPEG_HEAD.length; sent < size;) {
        const chunk = block.subarray(0, Math.min(MiB, size - sent));
        sent += chunk.length;
        if (!req.write(chunk)) await new Promise((resolve) => req.once('drain', resolve));
      }
      req.end(tail);
    })();
  });
}

async function download(base: string, token: string, taskId: string, id: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/tasks/${taskId}/evidence/${id}`, { headers: { authorization: `Bearer ${token}` } });
  const hash = createHash('sha256');
  for await (const chunk of res.body!) hash.update(chunk);
  return hash.digest('hex');
}

async function login(base: string, email: string, password: string): Promise<string> {
  return ((await call(base, undefined, 'POST', '/api/v1/auth/login', { email, password })) as { accessToken: string }).accessToken;
}

async function call(base: string, token: string | undefined, method: string, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${base}${path}`, {
    method,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
