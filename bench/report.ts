import pg from 'pg';
import { migrateDatabase } from '../libs/db/data-source.js';
import type { Runtime } from '../apps/bootstrap.js';
import { loadAssessmentRubric } from '../libs/assessment/assessment-rubric.js';
import type { AppConfig } from '../libs/config/app-config.js';
import { type EscalationPolicy, loadEscalationPolicy } from '../libs/policy/escalation-policy.js';

export interface BenchRow {
  figure: string;
  /** The figure, the baseline and the target are in `unit` (milliseconds unless set). */
  valueMs: number;
  baselineMs: number;
  baseline: string;
  /** The figure must stay at or under this (at or over it when `atLeast`); none for a figure shown for reference. */
  targetMs?: number;
  unit?: string;
  /** A rate: higher is better, and the target is a floor. */
  atLeast?: boolean;
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
  const lines = rows.map((r) => {
    const unit = r.unit ?? 'ms';
    return {
      figure: r.figure,
      value: `${r.valueMs.toFixed(1)} ${unit}`,
      baseline: `${r.baselineMs.toFixed(1)} ${unit} (${r.baseline})`,
      // A baseline of 0 (a copy whose memory did not grow) has no ratio to show.
      ratio: r.baselineMs > 0 ? `${(r.valueMs / r.baselineMs).toFixed(2)}×` : '—',
      target: r.targetMs === undefined ? '—' : `${r.atLeast ? '≥' : '≤'} ${Number(r.targetMs.toFixed(1))} ${unit}`,
      result: r.targetMs === undefined ? '—' : (r.atLeast ? r.valueMs >= r.targetMs : r.valueMs <= r.targetMs) ? 'pass' : 'FAIL',
    };
  });
  console.table(lines);
  return lines.every((l) => l.result !== 'FAIL');
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

/**
 * The runtime a benchmark's Nest application runs on: `config`'s settings on a
 * database the benchmark made (nothing to stop when it closes), with `policy`
 * or the configured one.
 */
export function benchRuntime(config: AppConfig, databaseUrl: string, policy?: EscalationPolicy): Runtime {
  return {
    config,
    policy: policy ?? loadEscalationPolicy(config.ESCALATION_POLICY),
    rubric: loadAssessmentRubric(config.ASSESSMENT_RUBRIC),
    databaseUrl,
    close: async () => undefined,
  };
}
