import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import { loadConfig } from '../libs/config/app-config.js';
import { DeliveryService } from '../libs/notifications/delivery.service.js';
import { BullDeliveryQueue } from '../libs/queue/bull-delivery-queue.js';
import { QueueConnection, queueSettings } from '../libs/queue/queue-connection.js';
import { QueueName } from '../libs/queue/queue-names.js';
import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';
import { startSmtp, type TestSmtp } from './support/smtp.js';
import { startTcpProxy } from './support/tcp-proxy.js';
import { spawnWorker, startWorker, waitFor } from './support/worker.js';

/**
 * Delivery of recorded messages, against a real SMTP server (npm smtp-server),
 * real PostgreSQL and the queue of the run: BullMQ on Redis with REDIS_URL,
 * on its PostgreSQL backend without. Rows are inserted as the reminder sweep
 * records them, then queued as it queues them.
 */
const REDIS_URL = process.env.REDIS_URL;
const PREFIX = `duban-t${process.pid}-${randomBytes(3).toString('hex')}`;

describe(`delivery (${REDIS_URL ? 'BullMQ on Redis' : 'BullMQ on PostgreSQL'})`, () => {
  let app: TestApp;
  let smtp: TestSmtp;
  let producer: QueueConnection;
  let queue: BullDeliveryQueue;
  let admin: string;
  const contexts: INestApplicationContext[] = [];

  /** The test robot listens on 127.0.0.1: the API (which checks a robot URL when it is set) and the workers must allow it. */
  const ROBOT_ENV = { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32' };

  const env = (extra: Record<string, string> = {}) => ({
    ...ROBOT_ENV,
    SMTP_URL: smtp.url,
    QUEUE_PREFIX: PREFIX,
    DELIVERY_RETRY_BASE_MS: '100',
    DELIVERY_RETRY_MAX_MS: '500',
    DELIVERY_RECOVER_AFTER_MS: '300',
    REMINDER_SWEEP_MS: '500',
    QUEUE_LOCK_MS: '1500',
    ...extra,
  });

  async function worker(extra: Record<string, string> = {}) {
    const context = await startWorker(app, env(extra));
    contexts.push(context);
    return context;
  }

  async function stop(context: INestApplicationContext) {
    contexts.splice(contexts.indexOf(context), 1);
    await context.close();
  }

  /** Records `count` pending mails as the sweep does; their subjects carry `marker`. */
  async function recordMails(count: number, marker: string): Promise<string[]> {
    const rows = await sql<{ id: string }>(
      app.databaseUrl,
      `INSERT INTO delivery (channel, target, subject, body)
       SELECT 'mail', 'user' || g || '@test.duban', '【督办提醒】' || $1 || ' 第' || g || '项任务即将到期', '您好：任务「落实教育经费」将于 2030-12-31 到期。'
         FROM generate_series(1, $2::int) AS g RETURNING id`,
      [marker, count],
    );
    return rows.map((r) => r.id);
  }

  const arrived = (marker: string) => smtp.messages.filter((m) => m.subject.includes(`${marker} `));
  const distinct = (marker: string) => new Set(arrived(marker).map((m) => m.messageId)).size;

  async function statuses(ids: string[]): Promise<Record<string, number>> {
    const rows = await sql<{ status: string; n: number }>(
      app.databaseUrl,
      'SELECT status, count(*)::int AS n FROM delivery WHERE id = ANY($1) GROUP BY status',
      [ids],
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  async function allSent(ids: string[], timeoutMs = 20_000) {
    await waitFor(`${ids.length} deliveries sent`, async () => (await statuses(ids)).sent === ids.length, timeoutMs);
  }

  /** No job of the delivery queue waiting, running or retrying: nothing more can arrive. */
  async function drained() {
    await waitFor('the delivery queue drained', async () => {
      const counts = await producer.queue(QueueName.Delivery).getJobCounts('wait', 'active', 'delayed', 'prioritized');
      return Object.values(counts).every((n) => n === 0);
    });
  }

  /** Everything BullMQ stored, gone at once (Redis FLUSHALL; on PostgreSQL, the bullmq schema's rows). */
  async function loseQueueData() {
    if (REDIS_URL) {
      const redis = new Redis(REDIS_URL);
      try {
        // CI runs alone: a real FLUSHALL. On a shared development machine only this run's keys, which is all this run has in Redis.
        if (process.env.CI) await redis.flushall();
        else {
          const keys = await redis.keys(`${PREFIX}:*`);
          if (keys.length > 0) await redis.del(...keys);
        }
      } finally {
        redis.disconnect();
      }
    } else {
      await sql(
        app.databaseUrl,
        'TRUNCATE bullmq.job, bullmq.job_dependency, bullmq.job_log, bullmq.scheduler, bullmq.dedup, bullmq.dedup_next, bullmq.event CASCADE',
      );
    }
  }

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await startApp({ ...ROBOT_ENV, SMTP_URL: smtp.url, QUEUE_PREFIX: PREFIX });
    admin = await app.login('admin@duban.local', 'Chief-Pass-2026');
    // The producer side, as the reminder sweep uses it.
    producer = new QueueConnection(queueSettings(loadConfig({ ...process.env, ...env() }), app.databaseUrl));
    await producer.open();
    queue = new BullDeliveryQueue(producer);
  });

  afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await producer?.close();
    await app?.close();
    await smtp?.stop();
  });

  it('sends a mail once, with the stable Message-ID, the sender and a Chinese subject', async () => {
    const context = await worker();
    const [id] = await recordMails(1, 'single');
    await queue.enqueue([id]);
    await allSent([id]);
    const [mail] = arrived('single');
    expect(mail.messageId).toBe(`<${id}@duban.local>`);
    expect(mail.subject).toBe('【督办提醒】single 第1项任务即将到期');
    expect(mail.from).toContain('noreply@duban.local');
    expect(mail.to).toBe('user1@test.duban');
    // Queued again or handled again: the row says it is done, nothing more goes out.
    expect(await context.get(DeliveryService).deliver(id)).toBe('done-before');
    await queue.enqueue([id]);
    await drained();
    expect(arrived('single')).toHaveLength(1);
    const [row] = await sql<{ attempts: number; sent_at: Date | null }>(app.databaseUrl, 'SELECT attempts, sent_at FROM delivery WHERE id = $1', [id]);
    expect(row.attempts).toBe(1);
    expect(row.sent_at).not.toBeNull();
    await stop(context);
  });

  it('500 mails with two workers at once: each arrives once', async () => {
    const [a, b] = await Promise.all([worker(), worker()]);
    const ids = await recordMails(500, 'pair');
    const started = Date.now();
    // Both the sweep and a recovery pass may queue the same rows: the job id is the row id.
    await Promise.all([queue.enqueue(ids), queue.enqueue(ids.slice(0, 250).reverse())]);
    await allSent(ids);
    const seconds = (Date.now() - started) / 1000;
    await drained();
    expect(distinct('pair')).toBe(500);
    expect(arrived('pair')).toHaveLength(500);
    console.log(`delivery: 500 mails through the queue by two workers in ${seconds.toFixed(2)} s (${Math.round(500 / seconds)}/s)`);
    await Promise.all([stop(a), stop(b)]);
  });

  it('a worker SIGKILLed mid-run and restarted: every mail arrives, at most one duplicate per kill', async () => {
    const ids = await recordMails(500, 'kill');
    await queue.enqueue(ids);
    const first = spawnWorker(app, env());
    await first.ready();
    await waitFor('some mails before the kill', () => arrived('kill').length >= 50, 20_000, 5);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(distinct('kill')).toBeLessThan(500);
    const second = spawnWorker(app, env());
    await second.ready();
    await allSent(ids, 30_000);
    await drained();
    expect(distinct('kill')).toBe(500);
    expect(arrived('kill').length - 500).toBeLessThanOrEqual(1);
    // Graceful stop: it finishes or releases its jobs and exits within the deadline.
    const stopping = Date.now();
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(15_000);
  });

  it('SMTP down for a while, then up: all arrive, none lost, none given up', async () => {
    const context = await worker();
    await smtp.stop();
    const ids = await recordMails(100, 'outage');
    await queue.enqueue(ids);
    // The failures are recorded on the rows while the server is away.
    await waitFor('failed attempts recorded', async () => {
      const [row] = await sql<{ n: number }>(
        app.databaseUrl,
        'SELECT count(*)::int AS n FROM delivery WHERE id = ANY($1) AND attempts >= 1 AND last_error IS NOT NULL',
        [ids],
      );
      return row.n === ids.length;
    });
    await smtp.start();
    await allSent(ids);
    await drained();
    expect(distinct('outage')).toBe(100);
    expect(arrived('outage')).toHaveLength(100);
    await stop(context);
  });

  it(`the queue loses all its data mid-run (${REDIS_URL ? 'FLUSHALL' : 'bullmq rows deleted'}): all still arrive`, async () => {
    const context = await worker();
    const ids = await recordMails(500, 'flush');
    await queue.enqueue(ids);
    await waitFor('some mails before the flush', () => arrived('flush').length >= 20, 20_000, 5);
    await loseQueueData();
    await allSent(ids, 30_000);
    await drained();
    expect(distinct('flush')).toBe(500);
    await stop(context);
  });

  describe('webhook channel', () => {
    let robot: Server;
    let url: string;
    const calls: Array<{ body: unknown; answer: number }> = [];
    /** How the robot answers each call, in order; then 200 `{errcode: 0}`. */
    let script: Array<{ status: number; body: unknown }> = [];

    beforeAll(async () => {
      robot = createServer((req: IncomingMessage, res) => {
        let text = '';
        req.on('data', (chunk: Buffer) => (text += chunk.toString()));
        req.on('end', () => {
          const answer = script.shift() ?? { status: 200, body: { errcode: 0, errmsg: 'ok' } };
          calls.push({ body: JSON.parse(text), answer: answer.status === 200 && (answer.body as { errcode: number }).errcode === 0 ? 1 : 0 });
          res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
        });
      });
      await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(robot.address() as { port: number }).port}/cgi-bin/webhook/send?key=secret-key-123`;
    });
    afterAll(() => new Promise<void>((resolve) => robot.close(() => resolve())));

    async function recordRobotMessage(department: string): Promise<string> {
      const [row] = await sql<{ id: string }>(
        app.databaseUrl,
        `INSERT INTO delivery (channel, department_code, target, subject, body) VALUES ('webhook', $1, $2, '督办提醒', '### 督办提醒\n> 任务「落实教育经费」已逾期 **3** 天') RETURNING id`,
        [department, url],
      );
      return row.id;
    }

    it('is configured by an admin, retried through failures and delivered once', async () => {
      const liaison = await app.user('liaison', 'finance');
      expect((await app.as(liaison.token).put('/api/v1/departments/finance/webhook').send({ kind: 'wecom', url })).status).toBe(403);
      expect((await app.as(admin).get('/api/v1/departments/finance/webhook')).status).toBe(404);
      expect((await app.as(admin).put('/api/v1/departments/finance/webhook').send({ kind: 'slack', url })).status).toBe(400);
      expect((await app.as(admin).put('/api/v1/departments/nowhere/webhook').send({ kind: 'wecom', url })).status).toBe(404);
      const put = await app.as(admin).put('/api/v1/departments/finance/webhook').send({ kind: 'wecom', url });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ departmentCode: 'finance', kind: 'wecom', url, enabled: true });
      expect((await app.as(admin).get('/api/v1/departments/finance/webhook')).body.url).toBe(url);
      const [audit] = await sql<{ after: { url: string } }>(
        app.databaseUrl,
        "SELECT after FROM audit_log WHERE action = 'webhook.set' AND entity_id = 'finance'",
      );
      expect(audit.after.url).not.toContain('secret-key-123');

      // Two HTTP errors, then the robot's own refusal (rate limit), then success.
      script = [
        { status: 502, body: { message: 'bad gateway' } },
        { status: 500, body: { message: 'oops' } },
        { status: 200, body: { errcode: 45009, errmsg: 'api freq out of limit' } },
      ];
      calls.length = 0;
      const context = await worker();
      const id = await recordRobotMessage('finance');
      await queue.enqueue([id]);
      await allSent([id]);
      await drained();
      expect(calls).toHaveLength(4);
      expect(calls.filter((c) => c.answer === 1)).toHaveLength(1);
      expect(calls[3].body).toEqual({ msgtype: 'markdown', markdown: { content: '### 督办提醒\n> 任务「落实教育经费」已逾期 **3** 天' } });
      const [row] = await sql<{ attempts: number }>(app.databaseUrl, 'SELECT attempts FROM delivery WHERE id = $1', [id]);
      expect(row.attempts).toBe(4);

      // DingTalk's markdown carries a title.
      expect((await app.as(admin).put('/api/v1/departments/finance/webhook').send({ kind: 'dingtalk', url })).status).toBe(200);
      const second = await recordRobotMessage('finance');
      await queue.enqueue([second]);
      await allSent([second]);
      expect(calls.at(-1)!.body).toEqual({ msgtype: 'markdown', markdown: { title: '督办提醒', text: '### 督办提醒\n> 任务「落实教育经费」已逾期 **3** 天' } });
      await stop(context);

      expect((await app.as(admin).delete('/api/v1/departments/finance/webhook')).status).toBe(204);
      expect((await app.as(admin).delete('/api/v1/departments/finance/webhook')).status).toBe(404);
    });

    it('gives up after DELIVERY_GIVE_UP_MS: the row is failed and listed for admins', async () => {
      expect((await app.as(admin).put('/api/v1/departments/tax/webhook').send({ kind: 'wecom', url })).status).toBe(200);
      script = Array.from({ length: 1000 }, () => ({ status: 503, body: { message: 'down' } }));
      const context = await worker({ DELIVERY_GIVE_UP_MS: '1200' });
      const id = await recordRobotMessage('tax');
      await queue.enqueue([id]);
      await waitFor('the delivery given up', async () => (await statuses([id])).failed === 1);
      script = [];
      const res = await app.as(admin).get('/api/v1/deliveries?status=failed');
      expect(res.status).toBe(200);
      const item = (res.body.items as Array<Record<string, unknown>>).find((d) => d.id === id);
      expect(item).toMatchObject({ channel: 'webhook', departmentCode: 'tax', status: 'failed' });
      expect(item!.attempts as number).toBeGreaterThan(1);
      expect(item!.lastError).toContain('503');
      expect(item!.target).not.toContain('secret-key-123');
      const liaison = await app.user('liaison', 'tax');
      expect((await app.as(liaison.token).get('/api/v1/deliveries?status=failed')).status).toBe(403);
      expect((await app.as(admin).get('/api/v1/deliveries?status=lost')).status).toBe(400);
      await stop(context);
    });
  });

  // Redis only: with the PostgreSQL backend the queue is down only when the database is.
  // CI runs this file on both backends, so this runs on the Redis one.
  if (REDIS_URL)
    it('Redis unreachable for a while: the API keeps recording, the worker logs little, catches up, and both stop in time', async () => {
      const redis = await startTcpProxy(Number(new URL(REDIS_URL ?? 'redis://127.0.0.1:6379').port || 6379));
      const api = await startApp({ ...ROBOT_ENV, SMTP_URL: smtp.url, QUEUE_PREFIX: PREFIX, REDIS_URL: redis.url('redis') });
      const child = spawnWorker(api, env({ REDIS_URL: redis.url('redis') }));
      let apiClosed: Promise<void> | undefined;
      const closeApi = () => (apiClosed ??= api.close());
      try {
        await child.ready();
        await redis.cut();
        const linesBefore = child.output().split('\n').length;
        const token = await api.login('admin@duban.local', 'Chief-Pass-2026');
        const health = await waitFor('/health degraded', async () => {
          const res = await api.as(token).get('/health');
          return res.status === 503 ? res : null;
        });
        expect(health.body.details.queue).toMatchObject({ status: 'down', backend: 'redis' });
        expect(health.body.details.database.status).toBe('up');

        // The API records work; queuing it neither fails nor waits.
        expect((await api.as(token).put('/api/v1/departments/edu/webhook').send({ kind: 'wecom', url: 'http://127.0.0.1:9/x' })).status).toBe(200);
        const ids = (
          await sql<{ id: string }>(
            api.databaseUrl,
            `INSERT INTO delivery (channel, target, subject, body)
        SELECT 'mail', 'u' || g || '@test.duban', '【督办提醒】outage-redis ' || g, '正文' FROM generate_series(1, 50) g RETURNING id`,
          )
        ).map((r) => r.id);
        const cutProducer = new QueueConnection(queueSettings(loadConfig({ ...process.env, ...env({ REDIS_URL: redis.url('redis') }) }), api.databaseUrl));
        const enqueuing = Date.now();
        await new BullDeliveryQueue(cutProducer).enqueue(ids);
        expect(Date.now() - enqueuing).toBeLessThan(1000);
        await cutProducer.close();

        // A few seconds of outage (the scenario itself, not a wait for a result): the worker's log stays short.
        await new Promise((resolve) => setTimeout(resolve, 3000));
        expect(child.output().split('\n').length - linesBefore).toBeLessThanOrEqual(6);

        await redis.restore();
        await waitFor(
          'the mails recorded during the outage sent',
          async () =>
            (await sql<{ n: number }>(api.databaseUrl, "SELECT count(*)::int AS n FROM delivery WHERE id = ANY($1) AND status = 'sent'", [ids]))[0].n ===
            ids.length,
        );
        expect(new Set(smtp.messages.filter((m) => m.subject.includes('outage-redis ')).map((m) => m.messageId)).size).toBe(50);
        await waitFor('/health up again', async () => (await api.http.get('/health')).status === 200);

        // Shutting down while Redis is unreachable completes within the deadline.
        await redis.cut();
        const stopping = Date.now();
        child.child.kill('SIGTERM');
        expect(await child.exited).toBe(0);
        const closingApi = Date.now();
        await closeApi();
        expect(Date.now() - closingApi).toBeLessThan(8000);
        expect(closingApi - stopping).toBeLessThan(15_000);
      } finally {
        child.child.kill('SIGKILL');
        await redis.close();
        await closeApi();
      }
    }, 60_000);

  it('/health reports the queue and mail: up or down to anyone, the details to an administrator', async () => {
    const res = await app.as(admin).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.details.queue).toMatchObject({ status: 'up', backend: REDIS_URL ? 'redis' : 'postgres' });
    expect(res.body.details.mail).toMatchObject({ status: 'up' });
    const supervisor = await app.user('supervisor');
    for (const anyone of [app.http.get('/health'), app.as(supervisor.token).get('/health')]) {
      const shown = (await anyone).body as { details: Record<string, object> };
      expect(shown.details.queue).toEqual({ status: 'up' });
      expect(Object.values(shown.details).every((part) => Object.keys(part).join() === 'status')).toBe(true);
    }
  });
});
