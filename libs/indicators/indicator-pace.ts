/**
 * 序时进度: whether an indicator keeps pace with its plan. The plan's straight
 * line runs from the baseline (at the end of `baselineYear`) to the target (at
 * the end of `targetYear`); today's point on it is where the indicator should
 * stand now, and the latest reported value is where it stands. Pure.
 *
 * A yearly value describes the state at the end of its year, so "now" is
 * measured on the same scale: the end of last year plus the share of this year
 * gone (1 July 2024 is about 2023.5). Before the baseline the line is at the
 * baseline, after the target year at the target.
 */
import { type Comparator } from './indicator-trend.js';

export type PaceLight = 'green' | 'yellow' | 'red' | 'unknown';
export const PACE_LIGHTS: readonly PaceLight[] = ['green', 'yellow', 'red', 'unknown'];

/**
 * How far behind the line an indicator may be and still be yellow, as a share
 * of the whole way from baseline to target (10 %: five years' plan, half a year behind).
 */
export const PACE_TOLERANCE = 0.1;

export interface PaceInput {
  comparator: Comparator;
  target: number;
  targetYear: number;
  baseline: number | null;
  baselineYear: number | null;
  /** The latest reported value, or null without a report. */
  latest: number | null;
}

export interface Pace {
  /** Where the line says the indicator should stand today; null when unknown. */
  expected: number | null;
  /**
   * How far the latest value is behind the line, as a share of the way from
   * baseline to target: 0 or less is at or ahead of pace; null when unknown.
   */
  behindShare: number | null;
  light: PaceLight;
}

/** Today on the yearly scale: `2024-07-01` → 2023 + 182/366. */
export function yearPosition(date: string): number {
  const year = Number(date.slice(0, 4));
  const start = Date.UTC(year, 0, 1);
  const length = Date.UTC(year + 1, 0, 1) - start;
  return year - 1 + (Date.parse(`${date}T00:00:00Z`) - start) / length;
}

/** The line's value at `position` (a point on the yearly scale), clamped to the plan's span. */
export function expectedAt(baseline: number, baselineYear: number, target: number, targetYear: number, position: number): number {
  if (targetYear <= baselineYear) return target;
  const share = Math.min(1, Math.max(0, (position - baselineYear) / (targetYear - baselineYear)));
  return baseline + (target - baseline) * share;
}

/**
 * The pace light on `today` (`YYYY-MM-DD`): green when the latest value is at or
 * ahead of the line, yellow when behind by less than `tolerance` of the way from
 * baseline to target, red beyond; unknown without a baseline (and its year) or a value.
 *
 * "Ahead" is the comparator's better side: larger for `>=`, smaller for `<=`;
 * for `=` it is the direction from baseline to target (and, when they are equal,
 * any distance from the target counts as behind). When baseline and target are
 * equal (100 % kept at 100 %) the way is measured by the target itself, as the
 * trend does, so a small dip is yellow rather than red.
 */
export function paceOf(input: PaceInput, today: string, tolerance = PACE_TOLERANCE): Pace {
  const { baseline, baselineYear, latest } = input;
  if (baseline === null || baselineYear === null || latest === null) return { expected: null, behindShare: null, light: 'unknown' };
  const expected = expectedAt(baseline, baselineYear, input.target, input.targetYear, yearPosition(today));
  const direction = input.comparator === '>=' ? 1 : input.comparator === '<=' ? -1 : Math.sign(input.target - baseline);
  const behind = direction === 0 ? Math.abs(latest - expected) : (expected - latest) * direction;
  const way = Math.abs(input.target - baseline) || Math.abs(input.target) || 1;
  const behindShare = round(behind / way);
  // Float noise must not turn "exactly on the line" into "behind".
  const light: PaceLight = behindShare <= 1e-9 ? 'green' : behindShare < tolerance ? 'yellow' : 'red';
  return { expected: round(expected), behindShare, light };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6 + 0;
}
