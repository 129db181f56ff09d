import pg from 'pg';
import { migrateDatabase } from '../libs/db/data-source.js';

export interface BenchRow {
  figure: string;
  valueMs: number;
  baselineMs: number;
  baseline: string;
  /** The figure must stay at or under this. */
  targetMs: number;
}

export async function timed(work: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One table: figure, value, baseline measured in the same run, ratio, target, pass/fail. */
export function printTable(rows: BenchRow[]): boolean {
  const lines = rows.map((r) => ({
    figure: r.figure,
    value: `${r.valueMs.toFixed(1)} ms`,
    baseline: `${r.baselineMs.toFixed(1)} ms (${r.baseline})`,
    ratio: `${(r.valueMs / r.baselineMs).toFixed(2)}×`,
    target: `≤ ${r.targetMs} ms`,
    result: r.valueMs <= r.targetMs ? 'pass' : 'FAIL',
  }));
  console.table(lines);
  return lines.every((l) => l.result === 'pass');
}

/** A scratch database on `serverUrl`, migrated; `drop()` removes it. */
export async function benchDatabase(serverUrl: string, label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `duban_bench_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
