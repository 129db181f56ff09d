/**
 * The assessment rubric (config/assessment.yaml, setting ASSESSMENT_RUBRIC):
 * weighted metrics, deductions, bounds, the reviewers' weight and the score
 * below which a reviewer must comment. Read and validated once at start-up; a
 * bad field stops the start with a message naming it.
 */
import { configSchema, type Fail, loadConfigFile, validateConfig } from '../common/config-file.js';
import type { Trend } from '../indicators/indicator-trend.js';
import { GRADES } from '../vocabulary/tasks.js';
import type { Grade } from './assessment-types.js';

/** Metrics the rubric may weigh; each is a share from 0 to 1 (see assessment-scoring.ts). */
export const RUBRIC_METRICS = ['onTimeRate', 'evidenceShare', 'gradeScore', 'indicatorState', 'reportsOnTimeRate'] as const;
export type RubricMetric = (typeof RUBRIC_METRICS)[number];

/** Counts of DepartmentMetrics the rubric may deduct points for. */
export const RUBRIC_DEDUCTIONS = ['turnedRed', 'escalated', 'returns', 'extensionRequests', 'overdue', 'late', 'reportsMissed'] as const;
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
const SCHEMA = configSchema('assessment.schema.json');

/** Reads and validates the rubric file; throws naming the field at fault (and its line). */
export function loadAssessmentRubric(path: string): AssessmentRubric {
  return loadConfigFile(path, 'assessment rubric', SCHEMA, readRubric, RubricError);
}

export function validateRubric(raw: unknown, source = 'rubric'): AssessmentRubric {
  return validateConfig(raw, source, SCHEMA, readRubric, RubricError);
}

interface RawRubric {
  metrics: Partial<Record<RubricMetric, number>>;
  gradePoints?: Partial<Record<Grade, number>>;
  indicatorPoints?: Partial<Record<Trend, number>>;
  deductions?: Partial<Record<RubricDeduction, number>>;
  bounds?: { min?: number; max?: number };
  reviewerWeight?: number;
  commentRequiredBelow?: number;
  fewTasks?: { minTasks?: number; neutralShare?: number };
}

/** What config/assessment.schema.json cannot say (the weights' sum, min below max), and the defaults. */
function readRubric(raw: unknown, fail: Fail): AssessmentRubric {
  const doc = raw as RawRubric;
  const total = Object.values(doc.metrics).reduce((s: number, w) => s + (w ?? 0), 0);
  if (Math.abs(total - 100) > 1e-9) fail('metrics', `weights must add up to 100, they add up to ${total}`);
  const min = doc.bounds?.min ?? 0;
  const max = doc.bounds?.max ?? 100;
  if (min >= max) fail('bounds', `min (${min}) must be below max (${max})`);
  return {
    metrics: doc.metrics,
    gradePoints: { ...DEFAULT_GRADE_POINTS, ...doc.gradePoints },
    indicatorPoints: { ...DEFAULT_INDICATOR_POINTS, ...doc.indicatorPoints },
    deductions: doc.deductions ?? {},
    bounds: { min, max },
    reviewerWeight: doc.reviewerWeight ?? 0,
    commentRequiredBelow: doc.commentRequiredBelow ?? 0,
    fewTasks: { minTasks: doc.fewTasks?.minTasks ?? 0, neutralShare: doc.fewTasks?.neutralShare ?? 1 },
  };
}
