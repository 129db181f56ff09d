import type { INestApplicationContext } from '@nestjs/common';
import { ReminderSweep } from '../../libs/notifications/reminder-sweep.service.js';
import { startApp, type TestApp } from './app.js';
import { sql } from './database.js';
import { startSmtp, type TestSmtp } from './smtp.js';
import { startWorker } from './worker.js';

/** What a reminder-ladder test drives: the API, a real SMTP server, a real worker, and its sweep to run at chosen moments. */
export interface Ladder {
  app: TestApp;
  smtp: TestSmtp;
  worker: INestApplicationContext;
  sweep: ReminderSweep;
}

/**
 * The API and a worker mailing a real SMTP server. The worker's own sweep waits an hour, so the test runs it
 * at the moments it chooses; the plan's own (long overdue) tasks are kept quiet, so only the test's tasks alert.
 */
export async function startLadder(env: Record<string, string> = {}): Promise<Ladder> {
  const smtp = await startSmtp();
  const app = await startApp({ SMTP_URL: smtp.url, ...env });
  await sql(app.databaseUrl, 'UPDATE task SET next_reminder_at = NULL');
  const worker = await startWorker(app, { SMTP_URL: smtp.url, REMINDER_SWEEP_MS: '3600000', ...env });
  return { app, smtp, worker, sweep: worker.get(ReminderSweep) };
}

/** Stops what startLadder started (whatever of it did start). */
export async function stopLadder(ladder: Partial<Ladder>): Promise<void> {
  await ladder.worker?.close();
  await ladder.app?.close();
  await ladder.smtp?.stop();
}
