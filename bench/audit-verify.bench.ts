/**
 * `npm run audit:verify` over the shared dataset's million-entry chain: the function the CLI calls
 * (AuditService.verify: AuditRepository's pages through TypeORM, entryHash on each entry), beside a
 * bare `pg` read of the same rows in the same pages, each row hashed with node:crypto, in the same run.
 * The verification must find the chain whole.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AuditService } from '../libs/audit/audit.service.js';
import { dataSourceOptions } from '../libs/db/data-source.js';
import { AuditRepository } from '../libs/db/repositories/audit.repository.js';
import { Transactions } from '../libs/db/transaction.js';
import { benchDataset, DATASET } from './dataset.js';
import type { BenchRow } from './report.js';

/** AuditRepository.walk's page. */
const PAGE = 5000;

export async function auditVerifyBench(serverUrl: string): Promise<BenchRow[]> {
  const dataset = await benchDataset(serverUrl);
  // Wired as apps/cli/audit-verify.ts wires it, on a pool of two.
  const dataSource = new DataSource(dataSourceOptions(dataset.url, { extra: { max: 2, application_name: 'duban-bench' } }));
  await dataSource.initialize();
  const db = new pg.Client({ connectionString: dataset.url });
  await db.connect();
  try {
    const tx = new Transactions(dataSource);
    const audit = new AuditService(new AuditRepository(tx), tx);
    let checked = 0;
    const verify = async () => {
      const started = performance.now();
      const result = await audit.verify();
      if (result.broken) throw new Error(`the audit chain breaks at entry ${result.broken.seq} (${result.broken.reason}), after ${result.checked} good ones`);
      // Other benches on this dataset append through the app first; the chain is at least the dataset's.
      if (result.checked < DATASET.auditEntries) throw new Error(`the audit chain has ${result.checked} entries, not ${DATASET.auditEntries} or more`);
      checked = result.checked;
      return performance.now() - started;
    };
    // The least any verifier does: read every row and hash it with the hash before it.
    const bare = async () => {
      const started = performance.now();
      let reading = 0;
      let after = 0;
      let rows = 0;
      for (;;) {
        const read = performance.now();
        const page = await db.query('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [after, PAGE]);
        reading += performance.now() - read;
        if (page.rows.length === 0) break;
        for (const row of page.rows) createHash('sha256').update(row.prev_hash).update('\n').update(JSON.stringify(row)).digest('hex');
        rows += page.rows.length;
        after = page.rows[page.rows.length - 1].seq;
      }
      if (rows < DATASET.auditEntries) throw new Error(`the bare read found ${rows} entries`);
      return { ms: performance.now() - started, readingMs: reading };
    };
    // Twice each, B V V B, averaged: a pass takes tens of seconds, and the machine's other work drifts.
    const b1 = await bare();
    const v1 = await verify();
    const v2 = await verify();
    const b2 = await bare();
    const verifyMs = (v1 + v2) / 2;
    const bareMs = (b1.ms + b2.ms) / 2;
    console.log(
      `audit-verify bench: dataset made in ${dataset.seconds.toFixed(1)} s; ${checked} entries; verify ${v1.toFixed(0)} and ${v2.toFixed(0)} ms; ` +
        `bare ${b1.ms.toFixed(0)} and ${b2.ms.toFixed(0)} ms, of which reading ${((b1.readingMs + b2.readingMs) / 2).toFixed(0)} ms`,
    );
    // TypeORM's entities and the canonical JSON may cost as much again as the bare read and hash (about 1.6× measured).
    return [
      {
        figure: `audit:verify over the whole chain (${checked} entries; mean of 2)`,
        valueMs: verifyMs,
        baselineMs: bareMs,
        baseline: 'bare pg: the same rows, the same pages, sha256 of each',
        targetMs: bareMs * 2,
      },
    ];
  } finally {
    await db.end();
    await dataSource.destroy();
  }
}
