/**
 * The evaluation of a plan as of a day (分期评估), as the API returns it and a finalised
 * evaluation keeps it: the one shape the JSON, the workbook and the HTML report are made from.
 */
import type { PaceLight } from '../indicators/indicator-pace.js';
import type { Trend } from '../indicators/indicator-trend.js';
import type { Comparator } from '../vocabulary/indicators.js';
import type { EvaluationStatus } from '../vocabulary/evaluation.js';

export interface EvaluationIndicator {
  code: string;
  name: string;
  unit: string;
  comparator: Comparator;
  departmentCode: string;
  departmentName: string;
  /** The chapter (top heading) of the clause stating the target; null when the clause is unknown. */
  chapterCode: string | null;
  baseline: number | null;
  baselineYear: number | null;
  target: number;
  targetYear: number;
  /** The latest value reported for a year up to asOf's year; null when none. */
  latest: number | null;
  latestYear: number | null;
  /** Met by the comparator; null when nothing is reported. */
  achieved: boolean | null;
  /** Share of the way from baseline to target (1 = there); null without baseline, value or distance. */
  progress: number | null;
  /** Where the line from baseline to target stands at the end of asOf (序时进度), and the light. */
  expected: number | null;
  pace: PaceLight;
  trend: Trend | null;
  derived: boolean;
}

/** A group's tasks at the end of asOf. */
export interface TaskCounts {
  total: number;
  /** Completed by asOf: on time plus late. */
  completed: number;
  onTime: number;
  late: number;
  /** Still owed and past due. */
  overdue: number;
  /** Still owed, not yet due (or waiting for review after an on-time submission). */
  pending: number;
  cancelled: number;
  /**
   * Carried over (结转) into another plan by the end of asOf: still counted in `total` (as cancelled ones are), not in
   * the completion share's denominator. Absent from evaluations finalised before carry-over existed (read as 0).
   */
  carriedOver: number;
}

export interface EvaluationSection {
  code: string;
  title: string;
  tasks: TaskCounts;
}

export interface EvaluationChapter {
  /** Null: tasks whose clause is not in the plan's text (未关联章节). */
  code: string | null;
  title: string;
  tasks: TaskCounts;
  /** The chapter's stated targets (derived ones left out) and how many were met. */
  indicators: { achieved: number; total: number };
  sections: EvaluationSection[];
}

export interface ProblemTask {
  id: string;
  code: string | null;
  title: string;
  dueDate: string;
  daysOverdue: number;
}

export interface ProblemIndicator {
  code: string;
  name: string;
  pace: PaceLight;
  trend: Trend | null;
}

export interface MissedReport {
  taskId: string;
  taskCode: string | null;
  taskTitle: string;
  period: string;
  dueDate: string;
}

export interface DepartmentProblems {
  departmentCode: string;
  departmentName: string;
  overdueTasks: ProblemTask[];
  offTrackIndicators: ProblemIndicator[];
  unreportedIndicators: Array<{ code: string; name: string }>;
  missedReports: MissedReport[];
}

export interface EvaluationTotals {
  /** The plan's stated targets (derived ones counted apart). */
  targetsAchieved: { achieved: number; total: number };
  derivedAchieved: { achieved: number; total: number };
  /** Completed by asOf of the tasks neither cancelled nor carried over (结转) by then. */
  tasksCompleted: { completed: number; total: number };
  overdueTasks: number;
  offTrackIndicators: number;
  unreportedIndicators: number;
  missedReports: number;
}

/** The numbers: computed live for a draft, frozen in a finalised evaluation. */
export interface EvaluationFigures {
  planId: string;
  planCode: string;
  planTitle: string;
  startYear: number;
  endYear: number;
  asOf: string;
  /** When the numbers were computed (ISO instant). */
  computedAt: string;
  indicators: EvaluationIndicator[];
  derivedIndicators: EvaluationIndicator[];
  chapters: EvaluationChapter[];
  problems: DepartmentProblems[];
  totals: EvaluationTotals;
}

export interface PlanEvaluation extends EvaluationFigures {
  /** Null while nothing is saved for this day. */
  status: EvaluationStatus | null;
  findings: string;
  measures: string;
  updatedAt: string | null;
  finalizedAt: string | null;
}
