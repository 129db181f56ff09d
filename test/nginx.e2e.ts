import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, sql } from './support/database.js';
import { type ApiProcess, freePort, spawnApi } from './support/processes.js';
import { waitFor } from './support/worker.js';

const ADMIN = { email: 'admin@duban.local', password: 'Chief-Pass-2026' };
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
/** A client address other than nginx's own (both on loopback): what the audit log must name. */
const CLIENT = '127.0.0.5';
const MiB = 1024 * 1024;
const UPLOAD_BYTES = 200 * MiB;

/**
 * docs/DEPLOY.md's nginx configuration, as written there, in front of two real API processes: only
 * the machine-specific parts change (ports, certificate paths, the upload limit to match the
 * EVIDENCE_MAX_BYTES these APIs run with). Through it, over TLS: a 200 MiB evidence upload streamed
 * to duban, both processes serving, and the client's address — not nginx's — in the audit log.
 */
function deployedServerBlock(port: number, upstreams: number[], certDir: string, maxBodyMiB: number): string {
  const doc = readFileSync('docs/DEPLOY.md', 'utf8');
  const block = /```nginx\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error('docs/DEPLOY.md has no nginx block');
  const replace = (text: string, pattern: RegExp, by: string) => {
    if (!pattern.test(text)) throw new Error(`docs/DEPLOY.md's nginx block no longer has ${pattern}: update this test with it`);
    return text.replace(pattern, by);
  };
  let config = replace(block, /(upstream duban \{\n)(?:\s*server 127\.0\.0\.1:\d+;\n)+/, `$1${upstreams.map((p) => `    server 127.0.0.1:${p};\n`).join('')}`);
  config = replace(config, /listen 443 ssl http2;/, `listen 127.0.0.1:${port} ssl http2;`);
  config = replace(config, /ssl_certificate\s+\S+;/, `ssl_certificate ${certDir}/cert.pem;`);
  config = replace(config, /ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${certDir}/key.pem;`);
  config = replace(config, /client_max_body_size \d+m;/, `client_max_body_size ${maxBodyMiB}m;`);
  // The plain-HTTP redirect server is not part of what is tested here.
  return replace(config, /\nserver \{\n\s+listen 80;[\s\S]*?\n\}\n?$/, '\n');
}

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

/** An HTTPS request to nginx from CLIENT (a self-signed certificate), the body given as chunks. */
function through(port: number, method: string, path: string, headers: Record<string, string>, chunks: Iterable<Buffer> = []): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, localAddress: CLIENT, rejectUnauthorized: false, timeout: 300_000 }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        let body: Record<string, unknown>;
        try {
          body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
        } catch {
          body = { text };
        }
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer`)));
    void (async () => {
      for (const chunk of chunks) if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      req.end();
    })();
  });
}

const json = (port: number, method: string, path: string, token: string | undefined, body?: unknown, extra: Record<string, string> = {}) =>
  through(
    port,
    method,
    path,
    { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...extra },
    body === undefined ? [] : [Buffer.from(JSON.stringify(body))],
  );

describe('behind nginx (docs/DEPLOY.md), in front of two API processes', () => {
  let db: { url: string; drop(): Promise<void> };
  let dir: string;
  let apis: ApiProcess[] = [];
  let nginx: ChildProcess;
  let port: number;
  let nginxLog = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'duban-nginx-'));
    const env = {
      DATABASE_URL: db.url,
      DATA_DIR: join(dir, 'data'),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_ON_START: 'false',
      LOGIN_RATE_LIMIT: '1000',
      TRUST_PROXY: '127.0.0.1',
      EVIDENCE_MAX_BYTES: String(210 * MiB),
      METRICS_TOKEN: 'metrics-token-for-the-test',
    };
    apis = await Promise.all([spawnApi(env, 60_000), spawnApi(env, 60_000)]);

    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=duban.example.gov.cn'].concat([
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ]),
      {
        stdio: 'ignore',
      },
    );
    port = await freePort();
    for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp));
    const server = deployedServerBlock(
      port,
      apis.map((a) => a.port),
      dir,
      220,
    );
    writeFileSync(
      join(dir, 'nginx.conf'),
      `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${server}
}
`,
    );
    nginx = spawn(NGINX, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    nginx.stderr?.on('data', (c: Buffer) => (nginxLog += c.toString()));
    await waitFor('nginx', async () => {
      if (nginx.exitCode !== null) throw new Error(`nginx exited:\n${nginxLog}\n${readFileSync(join(dir, 'error.log'), 'utf8')}`);
      return (await json(port, 'GET', '/health', undefined).catch(() => ({ status: 0 }))).status === 200;
    });
  }, 120_000);

  afterAll(async () => {
    nginx?.kill('SIGQUIT');
    await Promise.all(apis.map((a) => a.stop()));
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("streams a 200 MiB upload through to duban, serves from both processes, and audits the client's address, not nginx's", async () => {
    // A forged X-Forwarded-For is kept by nginx but not believed by duban: only the address nginx saw counts.
    const login = await json(port, 'POST', '/api/v1/auth/login', undefined, ADMIN, { 'x-forwarded-for': '10.9.9.9' });
    expect(login.status).toBe(200);
    const token = login.body.accessToken as string;
    const account = async (email: string, role: string, departmentCode?: string) => {
      const created = await json(port, 'POST', '/api/v1/users', token, {
        email,
        name: email.split('@')[0],
        password: 'password-123',
        role,
        departmentCode,
        mustChangePassword: false,
      });
      expect(created.status).toBe(201);
      return (await json(port, 'POST', '/api/v1/auth/login', undefined, { email, password: 'password-123' })).body.accessToken as string;
    };
    const supervisorToken = await account('supervisor@nginx.test', 'supervisor');
    const liaisonToken = await account('liaison@nginx.test', 'liaison', 'finance');
    const created = await json(port, 'POST', '/api/v1/tasks', supervisorToken, {
      title: '经反向代理上传佐证材料',
      leadDepartment: 'finance',
      dueDate: '2031-06-30',
    });
    expect(created.status).toBe(201);

    // 200 MiB of PDF, generated as it is sent (never held whole), hashed on the way.
    const boundary = 'duban-nginx-boundary';
    const head = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="200MiB.pdf"\r\ncontent-type: application/pdf\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const hash = createHash('sha256');
    const pdfStart = Buffer.from('%PDF-1.4\n');
    function* body(): Generator<Buffer> {
      yield head;
      hash.update(pdfStart);
      yield pdfStart;
      const block = Buffer.alloc(MiB, 0x20);
      let left = UPLOAD_BYTES - pdfStart.length;
      while (left > 0) {
        const chunk = left >= block.length ? block : block.subarray(0, left);
        hash.update(chunk);
        yield chunk;
        left -= chunk.length;
      }
      yield tail;
    }
    const upload = await through(
      port,
      'POST',
      `/api/v1/tasks/${created.body.id as string}/evidence`,
      {
        authorization: `Bearer ${liaisonToken}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + UPLOAD_BYTES + tail.length),
      },
      body(),
    );
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ size: UPLOAD_BYTES, sha256: hash.digest('hex') });

    // The audit log names the client (127.0.0.5), for the login with a forged header and for the upload alike.
    const entries = await sql<{ action: string; ip: string | null }>(
      db.url,
      `SELECT action, ip FROM audit_log WHERE action IN ('auth.login', 'evidence.upload') ORDER BY seq`,
    );
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(new Set(entries.map((e) => e.ip))).toEqual(new Set([CLIENT]));

    // Both processes served requests that came through nginx.
    for (const api of apis) {
      const metrics = await fetch(`${api.url}/metrics`, { headers: { authorization: 'Bearer metrics-token-for-the-test' } }).then((r) => r.text());
      const served = metrics
        .split('\n')
        .filter((line) => line.startsWith('duban_http_requests_total{') && !line.includes('route="/health"'))
        .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
      expect(served).toBeGreaterThan(0);
    }
  }, 300_000);
});
