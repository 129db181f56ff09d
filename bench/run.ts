/**
 * `npm run bench`: every benchmark of the project against baselines measured in
 * the same run, on DATABASE_URL's server or an embedded one. Writes bench/results.json.
 * `npm run bench -- mail` (or `sweep`, `report`, `dashboard`, `list`, `upload`, `adapters`, `audit`, `import`, `evaluation`, `metrics`, `backup`, `console`) runs only that one and writes nothing.
 */
import 'reflect-metadata';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../libs/db/embedded-postgres.js';
import { adaptersBench } from './adapters.bench.js';
import { assessmentReportBench } from './assessment-report.bench.js';
import { auditVerifyBench } from './audit-verify.bench.js';
import { backupBench } from './backup.bench.js';
import { consoleBench } from './console.bench.js';
import { dashboardBench } from './dashboard.bench.js';
import { dropBenchDataset } from './dataset.js';
import { evaluationBench } from './evaluation.bench.js';
import { evidenceUploadBench } from './evidence-upload.bench.js';
import { importBench } from './import.bench.js';
import { mailDeliveryBench } from './mail-delivery.bench.js';
import { metricsBench } from './metrics.bench.js';
import { reminderSweepBench } from './reminder-sweep.bench.js';
import { type BenchRow, printTable } from './report.js';
import { taskListBench } from './task-list.bench.js';

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(mkdtempSync(join(tmpdir(), 'duban-bench-')));
try {
  const server = process.env.DATABASE_URL ?? embedded!.url;
  const only = process.argv[2];
  const benches: Record<string, (server: string) => Promise<BenchRow[]>> = {
    sweep: reminderSweepBench,
    mail: mailDeliveryBench,
    report: assessmentReportBench,
    dashboard: dashboardBench,
    list: taskListBench,
    metrics: metricsBench,
    upload: evidenceUploadBench,
    adapters: adaptersBench,
    audit: auditVerifyBench,
    import: importBench,
    evaluation: evaluationBench,
    backup: backupBench,
    console: consoleBench,
  };
  if (only && !benches[only]) throw new Error(`unknown benchmark "${only}"; one of: ${Object.keys(benches).join(', ')}`);
  const rows: BenchRow[] = [];
  for (const [name, bench] of Object.entries(benches)) if (!only || only === name) rows.push(...(await bench(server)));
  const ok = printTable(rows);
  if (!only) writeFileSync('bench/results.json', `${JSON.stringify({ at: new Date().toISOString(), rows }, null, 2)}\n`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await dropBenchDataset();
  await embedded?.stop();
}
