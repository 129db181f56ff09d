import { rmSync } from 'node:fs';
import pg from 'pg';
import { checkLogLines } from './support/log-lines.mjs';

/** Drops the template and any per-file database left behind, and stops the embedded server. */
export default async function globalTeardown() {
  const adminUrl = process.env.DUBAN_TEST_ADMIN_URL;
  const template = process.env.DUBAN_TEST_TEMPLATE;
  if (adminUrl && template) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const { rows } = await admin.query('SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2', [
      `${template}%`,
      `duban_t_${process.pid}_%`,
    ]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
  }
  // Called once per project that ran: the first call cleans up for all.
  delete process.env.DUBAN_TEST_TEMPLATE;
  const embedded = globalThis.dubanEmbedded;
  globalThis.dubanEmbedded = undefined;
  await embedded?.stop();
  checkSpawnedLogs();
}

/** Fails the run when a spawned process printed a line that is not one JSON log entry (LOG_FORMAT=pretty aside). */
function checkSpawnedLogs() {
  const dir = process.env.DUBAN_TEST_LOG_DIR;
  if (!dir) return;
  delete process.env.DUBAN_TEST_LOG_DIR;
  const { lines, processes, malformed } = checkLogLines(dir);
  rmSync(dir, { recursive: true, force: true });
  if (malformed.length > 0) throw new Error(`log lines that are not one JSON entry with level, time and msg:\n${malformed.join('\n')}`);
  if (processes > 0) process.stdout.write(`logs: ${lines} lines from ${processes} spawned processes, every one a JSON entry\n`);
}
