import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { createPostgresBackend, type IQueueBackend, type JobsOptions, Queue, UnrecoverableError, Worker, type WorkerOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { ThrottledLog, withTimeout } from '../common/throttled-log.js';
import type { AppConfig } from '../config/app-config.js';
import { PermanentJobError, RetryableJobError } from './job-handler.js';
import { type JobName, QueueName } from './queue-names.js';

/** A BullMQ queue on whichever backend this installation uses. */
// BullMQ types a queue by its backend; duban only uses the backend-neutral API, so the backend type is erased here.
export type BullQueue = Queue<unknown, unknown, string, unknown, unknown, string, IQueueBackend, unknown>;
export type BullWorker = Worker<unknown, unknown, string, IQueueBackend>;

export interface QueueSettings {
  redisUrl?: string;
  /** Used (schema `bullmq`) when there is no Redis. */
  databaseUrl: string;
  prefix: string;
  lockMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /**
   * The pg Client class of the PostgreSQL backend's pool (libs/db/pg-client.ts's, which logs a session the server
   * ends): BullMQ checks a client out of it to migrate its schema at start with no 'error' listener of its own, so
   * with pg's plain Client a database dropped meanwhile crashes the process.
   */
  postgresClient?: new (config?: never) => object;
}

export function queueSettings(config: AppConfig, databaseUrl: string): QueueSettings {
  return {
    redisUrl: config.REDIS_URL,
    databaseUrl,
    prefix: config.QUEUE_PREFIX,
    lockMs: config.QUEUE_LOCK_MS,
    retryBaseMs: config.DELIVERY_RETRY_BASE_MS,
    retryMaxMs: config.DELIVERY_RETRY_MAX_MS,
  };
}

/** Waits this long for Redis at start before starting degraded (the API must come up without it). */
const START_WAIT_MS = 3000;
/** Time allowed to running jobs when a worker stops; after it they are released (their locks lapse and another worker takes them). */
const DRAIN_MS = 6000;
/** Time allowed to closing connections, after which they are cut. */
const DISCONNECT_MS = 2000;
/** Retries are bounded by time (DELIVERY_GIVE_UP_MS), not by count. */
const UNBOUNDED_ATTEMPTS = 1_000_000;
const CONNECTION_ERROR =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|Connection is closed|connect|Stream isn't writeable|terminat|Connection ended/i;

export class RedisPolicyError extends Error {}

/**
 * Owns every queue connection of the process: BullMQ on Redis (ioredis) when
 * REDIS_URL is set, else BullMQ's PostgreSQL backend in the application's own
 * database (schema `bullmq`). Creates the queues and workers, reports health,
 * logs outages a bounded number of times, emits `reconnected` when Redis comes
 * back (so recovery can re-queue what it may have lost), and closes everything
 * within a deadline even when Redis is unreachable.
 */
export class QueueConnection extends EventEmitter {
  readonly kind: 'redis' | 'postgres';
  private readonly logger = new Logger('Queue');
  private readonly outages = new ThrottledLog(this.logger);
  private readonly queues = new Map<QueueName, BullQueue>();
  private readonly workers: BullWorker[] = [];
  /** Redis: the producers' shared connection (fails fast when Redis is down) and the health probe. */
  private producer?: Redis;
  private readonly ownClients: Redis[] = [];
  private misconfigured: string | null = null;
  private closing?: Promise<void>;

  constructor(private readonly settings: QueueSettings) {
    super();
    this.kind = settings.redisUrl ? 'redis' : 'postgres';
  }

  /** Connects; refuses (throws) on a Redis whose maxmemory-policy would evict queue data. */
  async open(): Promise<void> {
    if (this.kind === 'postgres') {
      // Connect (and check the bullmq schema) now, not inside the first sweep that queues something.
      await withTimeout(this.queue(QueueName.Delivery).waitUntilReady(), START_WAIT_MS, '连接 PostgreSQL 队列').catch((error: Error) =>
        this.report('postgres', error),
      );
      return;
    }
    const producer = this.redisClient({ maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.producer = producer;
    let starting = true;
    let wasDown = false;
    producer.on('close', () => {
      wasDown = true;
    });
    // Every later (re)connection: check the policy again (Redis may have been replaced) and let recovery run.
    producer.on('ready', () => {
      if (starting) return;
      this.outages.resolved('redis', 'Redis 已恢复连接');
      void this.checkPolicy(producer).then(
        () => {
          if (wasDown) this.emit('reconnected');
          wasDown = false;
        },
        (error: Error) => this.misconfigure(error),
      );
    });
    try {
      await withTimeout(new Promise<void>((resolve) => producer.once('ready', () => resolve())), START_WAIT_MS, '连接 Redis');
    } catch {
      starting = false;
      this.outages.warn('redis', `Redis（${redacted(this.settings.redisUrl!)}）暂不可达：先行启动，待恢复后发送积压的消息`);
      return;
    }
    try {
      await this.checkPolicy(producer);
    } finally {
      starting = false;
      wasDown = false;
    }
  }

  /** The queue named `name` (created on first use). */
  queue(name: QueueName): BullQueue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue =
        this.kind === 'redis'
          ? (new Queue(name, { connection: this.producer!, prefix: this.settings.prefix }) as unknown as BullQueue)
          : (new Queue(name, { connection: this.postgresConnection(4) }, createPostgresBackend) as unknown as BullQueue);
      queue.on('error', (error: Error) => this.report(`queue:${name}`, error));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Options of every job of `queue`: retried with capped exponential backoff until a handler says stop. */
  jobOptions(queue: QueueName): JobsOptions {
    return {
      attempts: queue === QueueName.Delivery ? UNBOUNDED_ATTEMPTS : 1,
      backoff: { type: 'capped-exponential' },
      removeOnComplete: true,
      // Kept a while for the dashboard; the database row is the record that matters.
      removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
    };
  }

  /**
   * Starts a worker on `queue`. `process` throws RetryableJobError to be
   * retried (with backoff, not after its `notAfter`) and PermanentJobError to
   * fail the job for good.
   */
  worker(
    queue: QueueName,
    process: (name: JobName, data: unknown, context: { id: string; attemptsMade: number }) => Promise<void>,
    concurrency: number,
  ): BullWorker {
    if (this.closing) throw new Error('队列连接正在关闭');
    const processor = async (job: { id?: string; name: string; data: unknown; attemptsMade: number }) => {
      try {
        await process(job.name as JobName, job.data, { id: job.id ?? '', attemptsMade: job.attemptsMade });
      } catch (error) {
        if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
        throw error;
      }
    };
    const options: WorkerOptions<unknown> = {
      connection: undefined,
      concurrency,
      lockDuration: this.settings.lockMs,
      stalledInterval: this.settings.lockMs,
      // A stalled job (its worker died) goes back to waiting however often that happens: handlers are idempotent.
      maxStalledCount: UNBOUNDED_ATTEMPTS,
      settings: { backoffStrategy: (attemptsMade, _type, error) => this.backoff(attemptsMade, error) },
    };
    const worker =
      this.kind === 'redis'
        ? (new Worker(queue, processor, {
            ...options,
            connection: this.redisClient({ maxRetriesPerRequest: null }),
            prefix: this.settings.prefix,
          }) as unknown as BullWorker)
        : (new Worker(
            queue,
            processor,
            { ...options, connection: this.postgresConnection(Math.min(concurrency + 2, 10)) },
            createPostgresBackend,
          ) as unknown as BullWorker);
    worker.on('error', (error: Error) => this.report(`worker:${queue}`, error));
    // One line per 30 s per kind: an SMTP outage fails every job, and each failure is on its row anyway.
    worker.on('failed', (job, error) => {
      if (!job) return;
      if (error instanceof RetryableJobError) this.outages.warn(`retry:${queue}`, `任务 ${job.name}（${job.id}）失败，稍后重试：${error.message}`);
      else this.outages.warn(`failed:${queue}`, `任务 ${job.name}（${job.id}）失败：${error.message}`);
    });
    if (this.misconfigured) void worker.pause(true);
    this.workers.push(worker);
    return worker;
  }

  /** The delay before retry `attemptsMade` (1 = the first retry). */
  backoff(attemptsMade: number, error?: Error): number {
    let delay = Math.min(this.settings.retryBaseMs * 2 ** Math.max(0, attemptsMade - 1), this.settings.retryMaxMs);
    if (error instanceof RetryableJobError && error.notAfter) delay = Math.min(delay, Math.max(0, error.notAfter.getTime() - Date.now()));
    return Math.round(delay);
  }

  /** Throws when the queue backend cannot be used now (for /health). */
  async check(timeoutMs = 2000): Promise<void> {
    if (this.misconfigured) throw new Error(this.misconfigured);
    if (this.kind === 'redis') {
      if (this.producer?.status !== 'ready') throw new Error(`Redis 不可达（${this.producer?.status ?? '未连接'}）`);
      await withTimeout(this.producer.ping(), timeoutMs, 'Redis PING');
      return;
    }
    await withTimeout(this.queue(QueueName.Delivery).getJobCounts('wait'), timeoutMs, 'PostgreSQL 队列');
  }

  /** Whether jobs can be added right now without waiting (Redis connected, or the PostgreSQL backend). */
  get writable(): boolean {
    return this.kind === 'postgres' || (this.producer?.status === 'ready' && !this.misconfigured);
  }

  /** Stops the workers: running jobs get DRAIN_MS to finish, then are released (at once when Redis is unreachable: they could not report completion anyway). */
  async closeWorkers(): Promise<void> {
    const workers = this.workers.splice(0);
    const down = this.kind === 'redis' && this.producer?.status !== 'ready';
    await Promise.all(workers.map((worker) => settle(worker.close(down), down ? DISCONNECT_MS : DRAIN_MS, () => worker.disconnect())));
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  /** Closes workers, queues and connections; returns within about DRAIN_MS + 3·DISCONNECT_MS (10 s) even when Redis is unreachable. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.closeWorkers();
      const queues = [...this.queues.values()];
      this.queues.clear();
      await Promise.all([
        ...queues.map((queue) => settle(queue.close(), DISCONNECT_MS, () => queue.disconnect())),
        ...this.ownClients.map((client) =>
          client.status === 'ready' ? settle(client.quit(), DISCONNECT_MS, async () => client.disconnect()) : Promise.resolve(client.disconnect()),
        ),
      ]);
      this.removeAllListeners();
    })();
    return this.closing;
  }

  private redisClient(options: { maxRetriesPerRequest: number | null; enableOfflineQueue?: boolean }): Redis {
    const client = new Redis(this.settings.redisUrl!, {
      ...options,
      connectionName: 'duban',
      // Reconnect forever, at most every 5 s: the worker recovers by itself when Redis returns.
      retryStrategy: (times) => Math.min(250 * 2 ** Math.min(times, 5), 5000),
    });
    client.on('error', (error: Error) => this.report('redis', error));
    this.ownClients.push(client);
    return client;
  }

  /**
   * The queue's own sessions commit asynchronously: PostgreSQL does not wait
   * for the WAL flush of each job's move (several per job, 0.4–2 ms each
   * here), which is most of what bounds the backend's rate. The queue is only
   * transport: should PostgreSQL itself crash, the last fraction of a second
   * of queue changes may be forgotten, and recovery re-queues pending rows
   * while a delivery already recorded as sent is not sent again.
   */
  private postgresConnection(max: number) {
    return {
      connectionString: this.settings.databaseUrl,
      schema: 'bullmq',
      migrate: true,
      max,
      application_name: 'duban-queue',
      options: '-c synchronous_commit=off',
      ...(this.settings.postgresClient ? { Client: this.settings.postgresClient } : {}),
    };
  }

  /** Refuses a Redis that may evict keys: an evicted job is a lost message until recovery notices. */
  private async checkPolicy(client: Redis): Promise<void> {
    let policy: string | undefined;
    try {
      const reply = (await client.config('GET', 'maxmemory-policy')) as string[];
      policy = reply[1];
    } catch {
      // Managed Redis often disables CONFIG; INFO still tells.
      const info = await client.info('memory');
      policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
    }
    if (policy && policy !== 'noeviction') {
      throw new RedisPolicyError(`Redis 的 maxmemory-policy 为 ${policy}，会在内存不足时丢弃队列数据；请设置为 noeviction`);
    }
    if (!policy) this.logger.warn('无法读取 Redis 的 maxmemory-policy（CONFIG 与 INFO 均不可用），请确认其为 noeviction');
  }

  /** A Redis that turned out to evict (found on a late connect): stop taking jobs and say so. */
  private misconfigure(error: Error): void {
    if (!(error instanceof RedisPolicyError)) {
      this.report('redis', error);
      return;
    }
    this.misconfigured = error.message;
    this.logger.error(`${error.message}；已停止处理队列任务`);
    for (const worker of this.workers) void worker.pause(true);
  }

  private report(source: string, error: Error): void {
    if (CONNECTION_ERROR.test(error.message)) this.outages.warn(this.kind === 'redis' ? 'redis' : 'postgres', `队列后端不可达：${error.message}`);
    else this.outages.error(source, `${source}：${error.message}`);
  }
}

/** Waits for `closing` up to `ms`, then runs `force` (bounded the same way); never throws. */
async function settle(closing: Promise<unknown>, ms: number, force: () => Promise<unknown>): Promise<void> {
  closing.catch(() => undefined);
  try {
    await withTimeout(closing, ms, '关闭');
  } catch {
    await withTimeout(force(), ms, '强制断开').catch(() => undefined);
  }
}

function redacted(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
