/**
 * The assessment rubric (config/assessment.yaml, setting ASSESSMENT_RUBRIC):
 * weighted metrics, deductions, bounds, the reviewers' weight and the score
 * below which a reviewer must comment. Read and validated once at start-up; a
 * bad field stops the start with a message naming it.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Trend } from '../indicators/indicator-trend.js';
import { GRADES } from '../vocabulary/tasks.js';
import type { Grade } from './assessment-types.js';

/** Metrics the rubric may weigh; each is a share from 0 to 1 (see assessment-scoring.ts). */
export const RUBRIC_METRICS = ['onTimeRate', 'evidenceShare', 'gradeScore', 'indicatorState'] as const;
export type RubricMetric = (typeof RUBRIC_METRICS)[number];

/** Counts of DepartmentMetrics the rubric may deduct points for. */
export const RUBRIC_DEDUCTIONS = ['turnedRed', 'escalated', 'returns', 'extensionRequests', 'overdue', 'late'] as const;
export type RubricDeduction = (typeof RUBRIC_DEDUCTIONS)[number];

export { GRADES };
export const TRENDS: readonly Trend[] = ['on_track', 'at_risk', 'off_track'];

export interface AssessmentRubric {
  metrics: Partial<Record<RubricMetric, number>>;
  gradePoints: Record<Grade, number>;
  indicatorPoints: Record<Trend, number>;
  deductions: Partial<Record<RubricDeduction, number>>;
  bounds: { min: number; max: number };
  /** Percent of the final score taken from the reviewers' mean. */
  reviewerWeight: number;
  commentRequiredBelow: number;
  /**
   * How a department with very few tasks is judged: below `minTasks` counted tasks, each task
   * metric is weighed with (minTasks − n) phantom tasks at `neutralShare`, so one late task
   * out of one does not sink a department and one on-time task out of one does not crown it.
   */
  fewTasks: { minTasks: number; neutralShare: number };
}

export class RubricError extends Error {}

const DEFAULT_GRADE_POINTS: Record<Grade, number> = { excellent: 100, good: 85, pass: 70, fail: 0 };
const DEFAULT_INDICATOR_POINTS: Record<Trend, number> = { on_track: 1, at_risk: 0.5, off_track: 0 };
const FIELDS = ['metrics', 'gradePoints', 'indicatorPoints', 'deductions', 'bounds', 'reviewerWeight', 'commentRequiredBelow', 'fewTasks'];

/** Reads and validates the rubric file; throws naming the field at fault. */
export function loadAssessmentRubric(path: string): AssessmentRubric {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new RubricError(`${path}: cannot read the assessment rubric: ${(error as Error).message}`);
  }
  return validateRubric(raw, path);
}

export function validateRubric(raw: unknown, source = 'rubric'): AssessmentRubric {
  const fail = (where: string, message: string): never => {
    throw new RubricError(`${source}: ${where}: ${message}`);
  };
  const mapping = (value: unknown, where: string): Record<string, unknown> => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) fail(where, 'must be a mapping');
    return value as Record<string, unknown>;
  };
  const points = (value: unknown, where: string, max = Infinity): number => {
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(where, `must be a number, got ${JSON.stringify(value)}`);
    if ((value as number) < 0) fail(where, `must not be negative, got ${String(value)}`);
    if ((value as number) > max) fail(where, `must be at most ${max}, got ${String(value)}`);
    return value as number;
  };
  /** A mapping whose keys are among `known`, each a non-negative number. */
  const table = <K extends string>(value: unknown, where: string, known: readonly K[], max?: number): Partial<Record<K, number>> => {
    const doc = mapping(value, where);
    const out: Partial<Record<K, number>> = {};
    for (const [key, item] of Object.entries(doc)) {
      if (!(known as readonly string[]).includes(key)) fail(`${where}.${key}`, `unknown ${where === 'metrics' ? 'metric' : 'field'}; use ${known.join(', ')}`);
      out[key as K] = points(item, `${where}.${key}`, max);
    }
    return out;
  };

  const doc = mapping(raw, 'file');
  const unknownKeys = Object.keys(doc).filter((k) => !FIELDS.includes(k));
  if (unknownKeys.length > 0) fail(unknownKeys[0], `unknown field; use ${FIELDS.join(', ')}`);

  if (doc.metrics === undefined) fail('metrics', 'is required: the weighted metrics, adding up to 100');
  const metrics = table(doc.metrics, 'metrics', RUBRIC_METRICS, 100);
  const total = Object.values(metrics).reduce((s: number, w) => s + (w ?? 0), 0);
  if (Math.abs(total - 100) > 1e-9) fail('metrics', `weights must add up to 100, they add up to ${total}`);

  const gradePoints = { ...DEFAULT_GRADE_POINTS, ...table(doc.gradePoints ?? {}, 'gradePoints', GRADES, 100) };
  const indicatorPoints = { ...DEFAULT_INDICATOR_POINTS, ...table(doc.indicatorPoints ?? {}, 'indicatorPoints', TRENDS, 1) };
  const deductions = table(doc.deductions ?? {}, 'deductions', RUBRIC_DEDUCTIONS);

  const bounds = mapping(doc.bounds ?? { min: 0, max: 100 }, 'bounds');
  const min = points(bounds.min ?? 0, 'bounds.min', 100);
  const max = points(bounds.max ?? 100, 'bounds.max', 100);
  if (min >= max) fail('bounds', `min (${min}) must be below max (${max})`);
  const extra = Object.keys(bounds).filter((k) => k !== 'min' && k !== 'max');
  if (extra.length > 0) fail(`bounds.${extra[0]}`, 'unknown field; use min, max');

  const reviewerWeight = points(doc.reviewerWeight ?? 0, 'reviewerWeight', 100);
  const commentRequiredBelow = points(doc.commentRequiredBelow ?? 0, 'commentRequiredBelow', 100);
  const few = (doc.fewTasks ?? { minTasks: 0, neutralShare: 1 }) as Record<string, unknown>;
  if (!few || typeof few !== 'object' || Array.isArray(few)) fail('fewTasks', 'must be a mapping {minTasks, neutralShare}');
  const fewExtra = Object.keys(few).filter((k) => !['minTasks', 'neutralShare'].includes(k));
  if (fewExtra.length > 0) fail(`fewTasks.${fewExtra[0]}`, 'unknown field; use minTasks, neutralShare');
  const minTasks = points(few.minTasks ?? 0, 'fewTasks.minTasks', 1000);
  if (!Number.isInteger(minTasks)) fail('fewTasks.minTasks', `must be a whole number, got ${minTasks}`);
  const neutralShare = points(few.neutralShare ?? 1, 'fewTasks.neutralShare', 1);
  return {
    metrics,
    gradePoints,
    indicatorPoints,
    deductions,
    bounds: { min, max },
    reviewerWeight,
    commentRequiredBelow,
    fewTasks: { minTasks, neutralShare },
  };
}
