/**
 * The delivery benchmark of issue 4: 10,000 mails through the queue to a local
 * SMTP server, beside nodemailer sending the same mails directly, pooled, in the same run.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { appLogger, rootModule } from '../apps/bootstrap.js';
import { WorkerModule } from '../apps/worker/worker.module.js';
import { loadConfig } from '../libs/config/app-config.js';
import { SmtpMailDriver } from '../libs/mail/nodemailer-mail-driver.js';
import { DeliveryQueue } from '../libs/notifications/delivery-queue.js';
import { benchDatabase, type BenchRow, benchRuntime } from './report.js';

const MAILS = 10_000;

export async function mailDeliveryBench(serverUrl: string): Promise<BenchRow[]> {
  const sink = fork(fileURLToPath(new URL('./smtp-sink.js', import.meta.url)));
  let received = 0;
  const port = await new Promise<number>((resolve) =>
    sink.on('message', (m: { port?: number; received?: number }) => {
      if (m.port) resolve(m.port);
      if (m.received !== undefined) received = m.received;
    }),
  );
  const arrived = async (count: number) => {
    while (received < count) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  const smtpUrl = `smtp://127.0.0.1:${port}`;
  const scratch = await benchDatabase(serverUrl, 'mail');
  const databaseUrl = scratch.url;
  try {
    // Baseline: the same mails straight through pooled nodemailer (the driver duban uses), 8 at a time.
    const direct = new SmtpMailDriver(smtpUrl, 'duban <noreply@duban.local>');
    const start = Date.now();
    let next = 0;
    const lane = async () => {
      while (next < MAILS) {
        const k = next++;
        await direct.send({ id: `direct-${k}`, to: `u${k}@bench.duban`, subject: `【督办提醒】第 ${k} 项`, text: '正文', date: new Date() });
      }
    };
    await Promise.all(Array.from({ length: 8 }, lane));
    await arrived(MAILS);
    const directMs = Date.now() - start;
    await direct.close();

    const config = loadConfig({
      ...process.env,
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtpUrl,
      LOG_LEVEL: 'error',
      SEED_ON_START: 'false',
      QUEUE_PREFIX: `bench${process.pid}`,
    });
    const runtime = benchRuntime(config, databaseUrl);
    const worker = await NestFactory.createApplicationContext(rootModule(runtime, WorkerModule), { logger: appLogger(config) });
    await worker.init();
    try {
      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO delivery (channel, target, subject, body)
         SELECT 'mail', 'u' || g || '@bench.duban', '【督办提醒】第 ' || g || ' 项', '正文' FROM generate_series(1, $1::int) g RETURNING id`,
        [MAILS],
      );
      await db.end();
      const queued = Date.now();
      await worker.get(DeliveryQueue).enqueue(rows.map((r) => r.id));
      await arrived(2 * MAILS);
      const queueMs = Date.now() - queued;
      return [
        {
          figure: `${MAILS} mails through the queue (${process.env.REDIS_URL ? 'Redis' : 'PostgreSQL backend'}) to local SMTP`,
          valueMs: queueMs,
          baselineMs: directMs,
          baseline: 'nodemailer pooled, directly',
          targetMs: 60_000,
        },
      ];
    } finally {
      await worker.close();
    }
  } finally {
    sink.disconnect();
    await scratch.drop();
  }
}
