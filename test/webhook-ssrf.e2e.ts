import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';
import { startWorker, waitFor } from './support/worker.js';

/**
 * The group robot as a way into the network around duban (SSRF): a robot URL must name a host of
 * WEBHOOK_ALLOWED_HOSTS and reach a public address (or one of WEBHOOK_ALLOWED_NETWORKS), it is
 * checked when set and again when sent, redirects are not followed and nothing a server answered
 * shows in the delivery list. Listeners on 127.0.0.1 stand for the services a robot URL could
 * otherwise reach (a database port, the metadata service); they count every connection.
 */
const HOSTS = 'localhost,127.0.0.1,169.254.169.254,10.0.0.1';
const SECRET = 'SECRET-db-password-7f3a';
const MARKER = '### 督办提醒 ssrf';

describe('webhook SSRF protection', () => {
  let app: TestApp;
  let admin: string;
  let trap: TcpServer;
  let trapPort: number;
  let trapConnections = 0;
  let robot: Server;
  let robotUrl: string;
  /** The paths the robot was called on with this file's messages (the worker's sweep may send the seeded tasks' reminders too). */
  const robotCalls: string[] = [];
  const contexts: INestApplicationContext[] = [];

  /** The worker, as configured for the test: robots allowed on 127.0.0.1 only with `networks`. */
  async function worker(networks: string, extra: Record<string, string> = {}) {
    const context = await startWorker(app, {
      WEBHOOK_ALLOWED_HOSTS: HOSTS,
      WEBHOOK_ALLOWED_NETWORKS: networks,
      // Rows recorded before it starts are queued by its recovery; retries come fast.
      DELIVERY_RECOVER_AFTER_MS: '0',
      REMINDER_SWEEP_MS: '500',
      DELIVERY_RETRY_BASE_MS: '100',
      DELIVERY_RETRY_MAX_MS: '300',
      ...extra,
    });
    contexts.push(context);
    return context;
  }

  async function stop(context: INestApplicationContext) {
    contexts.splice(contexts.indexOf(context), 1);
    await context.close();
  }

  /** A robot message to `department`, recorded as the sweep records one. */
  async function recordRobotMessage(department: string): Promise<string> {
    const [row] = await sql<{ id: string }>(
      app.databaseUrl,
      `INSERT INTO delivery (channel, department_code, target, subject, body) VALUES ('webhook', $1, '(robot)', '督办提醒', $2) RETURNING id`,
      [department, MARKER],
    );
    return row.id;
  }

  /** A robot URL an administrator could not set now (the rules were looser, or the database was written to). */
  async function storeRobot(department: string, url: string) {
    await sql(
      app.databaseUrl,
      `INSERT INTO department_webhook (department_code, kind, url, enabled) VALUES ($1, 'wecom', $2, true)
       ON CONFLICT (department_code) DO UPDATE SET url = EXCLUDED.url`,
      [department, url],
    );
  }

  async function failedItems(ids: string[]): Promise<Array<Record<string, unknown>>> {
    return waitFor(`${ids.length} deliveries failed`, async () => {
      const res = await app.as(admin).get('/api/v1/deliveries?status=failed&limit=100');
      const items = (res.body.items as Array<Record<string, unknown>>).filter((d) => ids.includes(d.id as string));
      return items.length === ids.length ? items : null;
    });
  }

  const put = (department: string, url: string) => app.as(admin).put(`/api/v1/departments/${department}/webhook`).send({ kind: 'wecom', url });

  beforeAll(async () => {
    trap = createTcpServer((socket) => {
      trapConnections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    trapPort = (trap.address() as { port: number }).port;

    // An allowed robot (a relay on the intranet) that misbehaves as its path says.
    robot = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (body.includes(MARKER)) robotCalls.push(req.url ?? '');
        if (req.url?.startsWith('/redirect')) res.writeHead(302, { location: `http://127.0.0.1:${trapPort}/latest/meta-data/` }).end();
        else if (req.url?.startsWith('/fail')) res.writeHead(500, { 'content-type': 'text/plain' }).end(`database error: password=${SECRET}`);
        else if (req.url?.startsWith('/big')) res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(4 * 1024 * 1024));
        else res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
      });
    });
    await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
    robotUrl = `http://127.0.0.1:${(robot.address() as { port: number }).port}`;

    // The API allows the loopback relay; the first worker below does not (its settings changed since).
    app = await startApp({ WEBHOOK_ALLOWED_HOSTS: HOSTS, WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32,::1/128' });
    admin = await app.login('admin@duban.local', 'Chief-Pass-2026');
  });

  afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await app?.close();
    await new Promise<void>((resolve) => robot?.close(() => resolve()));
    await new Promise<void>((resolve) => trap?.close(() => resolve()));
  });

  it('refuses, when set, a host outside WEBHOOK_ALLOWED_HOSTS and a host at a link-local or private address', async () => {
    for (const url of ['https://evil.example/hook', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', 'http://127.0.0.2/hook']) {
      const res = await put('edu', url);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('不在允许的主机之列（WEBHOOK_ALLOWED_HOSTS');
    }
    const metadata = await put('edu', 'http://169.254.169.254/latest/meta-data/');
    expect(metadata.status).toBe(400);
    expect(metadata.body.message).toContain('链路本地');
    expect(metadata.body.message).toContain('WEBHOOK_ALLOWED_NETWORKS');
    const intranet = await put('edu', 'http://10.0.0.1/hook');
    expect(intranet.status).toBe(400);
    expect(intranet.body.message).toContain('是内网地址');
    expect((await put('edu', 'ftp://127.0.0.1/hook')).status).toBe(400);
    expect((await app.as(admin).get('/api/v1/departments/edu/webhook')).status).toBe(404);
    expect(trapConnections).toBe(0);
  });

  it('refuses, when sent, loopback, a name resolving to it, the metadata address and a private range: every delivery fails, nothing connects', async () => {
    // Allowed by the API's settings, refused by the worker's.
    expect((await put('edu', `http://127.0.0.1:${trapPort}/cgi-bin/webhook/send?key=k`)).status).toBe(200);
    expect((await put('ndrc', `http://localhost:${trapPort}/cgi-bin/webhook/send?key=k`)).status).toBe(200);
    await storeRobot('finance', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/');
    await storeRobot('tax', 'http://10.0.0.1/hook');
    const ids = {
      loopback: await recordRobotMessage('edu'),
      localhost: await recordRobotMessage('ndrc'),
      metadata: await recordRobotMessage('finance'),
      intranet: await recordRobotMessage('tax'),
    };
    const context = await worker('');
    const items = await failedItems(Object.values(ids));
    const errorOf = (id: string) => items.find((d) => d.id === id)!.lastError as string;
    expect(errorOf(ids.loopback)).toContain('127.0.0.1 是本机回环地址，已拒绝');
    expect(errorOf(ids.localhost)).toMatch(/localhost 解析到本机回环地址 (127\.0\.0\.1|::1)，已拒绝/);
    expect(errorOf(ids.metadata)).toContain('169.254.169.254 是链路本地（含云主机元数据服务）地址，已拒绝');
    expect(errorOf(ids.intranet)).toContain('10.0.0.1 是内网地址，已拒绝');
    // Refused before any connection, and given up at once: retrying cannot help.
    for (const item of items) expect(item.attempts).toBe(1);
    expect(trapConnections).toBe(0);
    await stop(context);
  });

  it('an allowed robot that redirects to a loopback address: the delivery fails, the redirect is not followed', async () => {
    expect((await put('nrp', `${robotUrl}/redirect?key=k`)).status).toBe(200);
    const id = await recordRobotMessage('nrp');
    const context = await worker('127.0.0.1/32');
    const [item] = await failedItems([id]);
    expect(item.lastError).toBe('群机器人地址发生了跳转，已拒绝');
    expect(robotCalls.filter((path) => path.startsWith('/redirect'))).toHaveLength(1);
    expect(trapConnections).toBe(0);
    await stop(context);
  });

  it("an HTTP 500's body is not shown in the delivery list; a 200's long body is cut short, not buffered", async () => {
    expect((await put('staffing', `${robotUrl}/fail?key=k`)).status).toBe(200);
    const failing = await recordRobotMessage('staffing');
    const context = await worker('127.0.0.1/32', { DELIVERY_GIVE_UP_MS: '1500' });
    const [item] = await failedItems([failing]);
    expect(item.attempts as number).toBeGreaterThan(1);
    expect(item.lastError).toBe('群机器人返回 HTTP 500');
    const list = await app.as(admin).get('/api/v1/deliveries?limit=100');
    expect(JSON.stringify(list.body)).not.toContain(SECRET);
    const [row] = await sql<{ last_error: string }>(app.databaseUrl, 'SELECT last_error FROM delivery WHERE id = $1', [failing]);
    expect(row.last_error).not.toContain(SECRET);

    expect((await put('staffing', `${robotUrl}/big?key=k`)).status).toBe(200);
    const big = await recordRobotMessage('staffing');
    await waitFor('the delivery to the robot with a long answer sent', async () => {
      const [state] = await sql<{ status: string }>(app.databaseUrl, 'SELECT status FROM delivery WHERE id = $1', [big]);
      return state.status === 'sent';
    });
    expect(trapConnections).toBe(0);
    await stop(context);
  });
});
