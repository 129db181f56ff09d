/**
 * The shapes an assessment cycle is reported in: what the API returns, what
 * `finalize` freezes into `assessment_cycle.snapshot`, and what the workbook and
 * the HTML report are rendered from. One shape, so the reports show exactly the
 * numbers the API shows.
 */
import type { Trend } from '../indicators/indicator-trend.js';
import type { CycleStatus } from '../vocabulary/assessment.js';
import type { Grade } from '../vocabulary/tasks.js';

export type { Grade };

/** A department's year computed from the record (tasks led by it with a due date in the year). */
export interface DepartmentMetrics {
  /** Tasks whose due date falls in the year. */
  due: number;
  /** Completed, the submission finally approved made by the end of the due date in TZ (the fair clock). */
  onTime: number;
  /** Completed, that submission made after it. */
  late: number;
  /** Not completed and past the due date (as of `asOf`). */
  overdue: number;
  /** Not completed and not yet due. */
  pending: number;
  /** Mean calendar days late over late and overdue tasks (overdue counted to `asOf`); null when none. */
  meanDaysLate: number | null;
  /** Times work was returned by a supervisor. */
  returns: number;
  /** Completed tasks with at least one evidence file / completed tasks; null when none completed. */
  evidenceShare: number | null;
  extensionRequests: number;
  /** Tasks that turned red (completed late or overdue). */
  turnedRed: number;
  /** Tasks whose ladder reached the department leader (an escalation notification). */
  escalated: number;
  /** Supervisor grades on approval. */
  grades: Record<Grade, number>;
  /** The department's indicators by trend; `unknown` when not enough values to judge. */
  indicators: Record<Trend | 'unknown', number>;
  /**
   * Report periods (定期报送) of the department's tasks whose deadline falls in the year and has come by the
   * day the metrics are judged (the year's end, or today while the year runs): filed on time, late or missed.
   * A period still open on its due day is not counted yet. Always reportsOnTime + reportsLate + reportsMissed.
   */
  reportsDue: number;
  /** Filed by the end of its due day. */
  reportsOnTime: number;
  /** Filed after its due day, by the day judged. */
  reportsLate: number;
  /** Not filed by the day judged (a report filed after the year's end does not count for the year). */
  reportsMissed: number;
}

export interface ReviewerScore {
  reviewerId: string;
  reviewerName: string;
  score: number;
  comment: string;
  version: number;
  updatedAt: string;
}

export interface DepartmentAssessment {
  departmentCode: string;
  departmentName: string;
  metrics: DepartmentMetrics;
  /** The rubric's score from the metrics, 0–100, two decimals. */
  computedScore: number;
  /** How the computed score was reached: each weighted metric and each deduction. */
  breakdown: { item: string; label: string; points: number }[];
  reviewerScores: ReviewerScore[];
  /** Mean of the reviewers' scores; null before any. */
  reviewerMean: number | null;
  /** Computed and reviewer scores combined by the rubric's weights. */
  finalScore: number;
  /** 1-based; equal final scores share a rank (1, 2, 2, 4); null for a department with nothing due in the year (无考核任务: shown, not ranked). */
  rank: number | null;
}

/** One task line of a department sheet in the workbook. */
export interface ReportTask {
  id: string;
  code: string | null;
  title: string;
  status: string;
  dueDate: string;
  completedAt: string | null;
  /** Calendar days late (completion or `asOf`), 0 when on time or not yet due. */
  daysLate: number;
  evidenceCount: number;
  grade: Grade | null;
}

export interface ReportIndicator {
  code: string;
  name: string;
  unit: string;
  baseline: number | null;
  target: number;
  targetYear: number;
  latest: { year: number; value: number } | null;
  trend: Trend | null;
}

export interface AssessmentReport {
  year: number;
  status: CycleStatus;
  /** When the metrics were computed (the finalisation time for a finalised cycle). */
  asOf: string;
  departments: DepartmentAssessment[];
  tasks: Record<string, ReportTask[]>;
  indicators: Record<string, ReportIndicator[]>;
}
