/**
 * Where an indicator stands against its target: the gap from the latest value and
 * whether a straight line through the baseline and the reported values reaches the
 * target by the target year. Pure; the service feeds it stored rows.
 */

import { COMPARATORS, type Comparator } from '../vocabulary/indicators.js';

// Defined with the domain's other words, below the database layer, so the entity can use it too.
export { COMPARATORS, type Comparator };

export type Trend = 'on_track' | 'at_risk' | 'off_track';

export interface YearValue {
  year: number;
  value: number;
}

export interface IndicatorTarget {
  comparator: Comparator;
  target: number;
  targetYear: number;
  baseline: number | null;
  baselineYear: number | null;
}

export interface IndicatorStanding {
  latest: YearValue | null;
  /** Still to go from the latest value, positive in the better direction; 0 or less is met; null without a report. */
  gap: number | null;
  /** The fitted line's value in the target year; null with fewer than two years to fit. */
  projected: number | null;
  trend: Trend | null;
}

/** Share of the baseline's distance to the target a projection may fall short by and still be "at risk". */
export const AT_RISK_SHARE = 0.1;

/**
 * How far `value` is from meeting the target, in the direction that counts:
 * `>=` target − value, `<=` value − target, `=` the distance either way.
 */
export function shortfall(comparator: Comparator, target: number, value: number): number {
  if (comparator === '>=') return target - value;
  if (comparator === '<=') return value - target;
  return Math.abs(value - target);
}

/** Least squares line through the points; null when they do not span two years. */
export function fitLine(points: readonly YearValue[]): { slope: number; intercept: number } | null {
  if (new Set(points.map((p) => p.year)).size < 2) return null;
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.year, 0) / n;
  const meanY = points.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.year - meanX) * (p.value - meanY);
    sxx += (p.year - meanX) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

/** The indicator's latest value, gap and trend from its reported values (any order, one per year). */
export function standing(indicator: IndicatorTarget, reported: readonly YearValue[]): IndicatorStanding {
  const sorted = [...reported].sort((a, b) => a.year - b.year);
  const latest = sorted.at(-1) ?? null;
  const gap = latest ? round(shortfall(indicator.comparator, indicator.target, latest.value)) : null;

  // A value reported for the baseline year is a measurement of it and replaces the plan's figure.
  const points =
    indicator.baseline !== null && indicator.baselineYear !== null && !sorted.some((p) => p.year === indicator.baselineYear)
      ? [{ year: indicator.baselineYear, value: indicator.baseline }, ...sorted]
      : sorted;
  const line = fitLine(points);
  if (!line) return { latest, gap, projected: null, trend: null };

  const projected = line.intercept + line.slope * indicator.targetYear;
  const miss = shortfall(indicator.comparator, indicator.target, projected);
  // Float noise must not turn an exact hit into a miss.
  const tolerance = 1e-9 * Math.max(1, Math.abs(indicator.target));
  let trend: Trend;
  if (miss <= tolerance) trend = 'on_track';
  else {
    const start = indicator.baseline ?? points[0].value;
    // When the start already equals the target (100 % kept at 100 %) the distance is zero;
    // measure "near" against the target itself instead, or every small dip would be off track.
    const distance = Math.abs(indicator.target - start) || Math.abs(indicator.target);
    trend = miss <= AT_RISK_SHARE * distance + tolerance ? 'at_risk' : 'off_track';
  }
  return { latest, gap, projected: round(projected), trend };
}

/**
 * How far `latest` has come from the baseline towards the target: 0 at the baseline,
 * 1 at the target, above 1 beyond it, below 0 moving away. Works for targets above or
 * below the baseline alike. Null without a baseline, a latest value, or any distance to cover.
 */
export function progressShare(baseline: number | null, target: number, latest: number | null): number | null {
  if (baseline === null || latest === null || target === baseline) return null;
  return (latest - baseline) / (target - baseline);
}

/** Six decimals: enough for any measure the plan states, and no `0.480000000000004`. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6 + 0;
}
