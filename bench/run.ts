/**
 * `npm run bench`: every benchmark of the project against baselines measured in
 * the same run, on DATABASE_URL's server or an embedded one. Writes bench/results.json.
 * `npm run bench -- mail` (or `sweep`) runs only that one and writes nothing.
 */
import 'reflect-metadata';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../libs/db/embedded-postgres.js';
import { mailDeliveryBench } from './mail-delivery.bench.js';
import { reminderSweepBench } from './reminder-sweep.bench.js';
import { printTable } from './report.js';

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(mkdtempSync(join(tmpdir(), 'duban-bench-')));
try {
  const server = process.env.DATABASE_URL ?? embedded!.url;
  const only = process.argv[2];
  const rows = [
    ...(!only || only === 'sweep' ? await reminderSweepBench(server) : []),
    ...(!only || only === 'mail' ? await mailDeliveryBench(server) : []),
  ];
  const ok = printTable(rows);
  if (!only) writeFileSync('bench/results.json', `${JSON.stringify({ at: new Date().toISOString(), rows }, null, 2)}\n`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await embedded?.stop();
}
