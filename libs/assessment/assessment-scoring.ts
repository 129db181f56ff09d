/**
 * Scoring and ranking of an assessment cycle, as pure functions of the metrics
 * and the rubric: the computed score with its breakdown, the reviewers' mean,
 * the final score and the ranking with ties (1, 2, 2, 4).
 */
import { GRADES, RUBRIC_DEDUCTIONS, RUBRIC_METRICS, type AssessmentRubric, type RubricDeduction, type RubricMetric, TRENDS } from './assessment-rubric.js';
import type { DepartmentMetrics } from './assessment-types.js';
import { ASSESSMENT_LABEL } from '../vocabulary/assessment.js';
import { BREAKDOWN_TEXT } from './assessment.messages.js';

export const METRIC_LABEL: Record<RubricMetric, string> = {
  onTimeRate: ASSESSMENT_LABEL.onTimeRate,
  evidenceShare: ASSESSMENT_LABEL.evidenceShare,
  gradeScore: ASSESSMENT_LABEL.gradeScore,
  indicatorState: ASSESSMENT_LABEL.indicatorState,
  reportsOnTimeRate: ASSESSMENT_LABEL.reportsOnTimeRate,
};

export const DEDUCTION_LABEL: Record<RubricDeduction, string> = {
  turnedRed: ASSESSMENT_LABEL.turnedRed,
  escalated: ASSESSMENT_LABEL.escalated,
  returns: ASSESSMENT_LABEL.returns,
  extensionRequests: ASSESSMENT_LABEL.extensionRequests,
  overdue: ASSESSMENT_LABEL.overdue,
  late: ASSESSMENT_LABEL.late,
  reportsMissed: ASSESSMENT_LABEL.reportsMissed,
};

export interface BreakdownItem {
  item: string;
  label: string;
  points: number;
}

/** Each rubric metric as a share from 0 to 1, or null when the record gives nothing to judge it by. */
export function metricShares(m: DepartmentMetrics, rubric: AssessmentRubric): Record<RubricMetric, number | null> {
  const judged = m.onTime + m.late + m.overdue;
  const graded = GRADES.reduce((s, g) => s + m.grades[g], 0);
  const gradeSum = GRADES.reduce((s, g) => s + m.grades[g] * rubric.gradePoints[g], 0);
  const trended = TRENDS.reduce((s, t) => s + m.indicators[t], 0);
  const trendSum = TRENDS.reduce((s, t) => s + m.indicators[t] * rubric.indicatorPoints[t], 0);
  const { minTasks, neutralShare } = rubric.fewTasks;
  // Fewer than minTasks counted: the missing ones count at the neutral share (the rubric's fewTasks).
  const steadied = (share: number, n: number) => (n >= minTasks ? share : (share * n + neutralShare * (minTasks - n)) / minTasks);
  return {
    onTimeRate: judged > 0 ? steadied(m.onTime / judged, judged) : null,
    evidenceShare: m.evidenceShare === null ? null : steadied(m.evidenceShare, m.onTime + m.late),
    gradeScore: graded > 0 ? steadied(gradeSum / graded / 100, graded) : null,
    indicatorState: trended > 0 ? trendSum / trended : null,
    // Not steadied by fewTasks: a single task owes a report every period, so the count is not small for long.
    reportsOnTimeRate: reportsOnTimeShare(m),
  };
}

/** Report periods (定期报送) filed on time over those due; null when none was due. */
export function reportsOnTimeShare(m: Pick<DepartmentMetrics, 'reportsDue' | 'reportsOnTime'>): number | null {
  return m.reportsDue > 0 ? m.reportsOnTime / m.reportsDue : null;
}

/** A department with nothing due in the year has no record to be ranked by (无考核任务): shown, not ranked. */
export function hasAssessableWork(m: DepartmentMetrics): boolean {
  return m.due > 0;
}

/**
 * The rubric's score from the metrics: weighted shares (a metric without data
 * is left out and the others scaled up to the full weight), minus deductions,
 * kept within the bounds. The breakdown's points add up to the score.
 */
export function computeScore(m: DepartmentMetrics, rubric: AssessmentRubric): { computedScore: number; breakdown: BreakdownItem[] } {
  const shares = metricShares(m, rubric);
  const weighted = RUBRIC_METRICS.filter((k) => (rubric.metrics[k] ?? 0) > 0);
  const available = weighted.filter((k) => shares[k] !== null);
  const availableWeight = available.reduce((s, k) => s + (rubric.metrics[k] ?? 0), 0);
  const scale = availableWeight > 0 ? rubric.bounds.max / availableWeight : 0;
  const breakdown: BreakdownItem[] = [];
  let raw = 0;
  for (const key of weighted) {
    const weight = rubric.metrics[key] ?? 0;
    const share = shares[key];
    const points = share === null ? 0 : weight * scale * share;
    raw += points;
    const shown = share === null ? BREAKDOWN_TEXT.noData : `${round2(share * 100)}%`;
    breakdown.push({ item: `metric:${key}`, label: BREAKDOWN_TEXT.metric(METRIC_LABEL[key], weight, shown), points: round2(points) });
  }
  if (availableWeight === 0) {
    // Nothing to judge by: the department starts from the top of the scale, like one without fault.
    raw = rubric.bounds.max;
    breakdown.push({ item: 'base', label: BREAKDOWN_TEXT.base, points: round2(raw) });
  }
  for (const key of RUBRIC_DEDUCTIONS) {
    const per = rubric.deductions[key] ?? 0;
    const count = m[key];
    if (per === 0 || count === 0) continue;
    raw -= per * count;
    breakdown.push({ item: `deduction:${key}`, label: BREAKDOWN_TEXT.deduction(DEDUCTION_LABEL[key], count, per), points: round2(-per * count) });
  }
  const bounded = Math.min(rubric.bounds.max, Math.max(rubric.bounds.min, raw));
  if (bounded !== raw) breakdown.push({ item: 'bounds', label: BREAKDOWN_TEXT.bounds(rubric.bounds.min, rubric.bounds.max), points: round2(bounded - raw) });
  return { computedScore: round2(bounded), breakdown };
}

export function reviewerMean(scores: readonly { score: number }[]): number | null {
  if (scores.length === 0) return null;
  return round2(scores.reduce((s, r) => s + r.score, 0) / scores.length);
}

/** The computed score and the reviewers' mean combined by the rubric's weight; the computed score alone before any review. */
export function finalScore(computed: number, mean: number | null, rubric: AssessmentRubric): number {
  if (mean === null) return round2(computed);
  const w = rubric.reviewerWeight / 100;
  return round2(computed * (1 - w) + mean * w);
}

/**
 * Orders by final score (highest first; `tieBreak` orders equal scores for
 * display) and gives competition ranks: equal scores share a rank and the
 * next rank skips (1, 2, 2, 4).
 */
export function rank<T extends { finalScore: number }>(items: readonly T[], tieBreak: (a: T, b: T) => number = () => 0): Array<T & { rank: number }> {
  const sorted = [...items].sort((a, b) => b.finalScore - a.finalScore || tieBreak(a, b));
  let previous: number | null = null;
  let current = 0;
  return sorted.map((item, index) => {
    if (previous === null || item.finalScore !== previous) current = index + 1;
    previous = item.finalScore;
    return { ...item, rank: current };
  });
}

/** Two decimals, without `0.1 + 0.2` noise and without `-0`. */
export function round2(value: number): number {
  return Math.round(Number((value * 100).toFixed(6))) / 100 + 0;
}
