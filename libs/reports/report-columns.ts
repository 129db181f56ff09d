/**
 * The columns of the reports' tables, once for both renderers: the workbook turns a
 * column's kind into a number format and a real Excel date, the HTML page into text.
 * Values stay raw (numbers, `YYYY-MM-DD`, ISO instants) so each renderer formats them its way.
 */
import type { DepartmentAssessment, ReportIndicator, ReportTask } from '../assessment/assessment-types.js';
import { ASSESSMENT_LABEL as L } from '../vocabulary/assessment.js';
import { UNRANKED, GRADES, GRADE_LABEL, TRENDS, TREND_LABEL, gradeLabel, indicatorProgress, onTimeShare, statusLabel, trendLabel } from './report-format.js';
import { REPORT_COLUMN } from './reports.messages.js';

const G = REPORT_COLUMN.group;

/**
 * text: as it is; count: whole number; score: two decimals; days: one decimal;
 * share: a fraction shown as a percentage; decimal: a measured value, as precise as reported;
 * date: `YYYY-MM-DD`; dateTime: an ISO instant shown in the report's time zone.
 */
export type ColumnKind = 'text' | 'count' | 'score' | 'days' | 'share' | 'decimal' | 'date' | 'dateTime';

export interface Column<T> {
  /** Named above the header; neighbouring columns of one group share the cell. */
  group?: string;
  header: string;
  kind: ColumnKind;
  /** In characters, for the workbook. */
  width: number;
  value: (item: T) => string | number | null;
}

function metric(
  group: string,
  header: string,
  kind: ColumnKind,
  width: number,
  value: (d: DepartmentAssessment) => number | null,
): Column<DepartmentAssessment> {
  return { group, header, kind, width, value };
}

export const RANKING_COLUMNS: readonly Column<DepartmentAssessment>[] = [
  { header: L.rank, kind: 'count', width: 10, value: (d) => d.rank ?? UNRANKED },
  { header: L.department, kind: 'text', width: 24, value: (d) => d.departmentName },
  metric(G.score, L.computedScore, 'score', 10, (d) => d.computedScore),
  metric(G.score, L.reviewerMean, 'score', 10, (d) => d.reviewerMean),
  metric(G.score, L.finalScore, 'score', 10, (d) => d.finalScore),
  metric(G.tasks, L.due, 'count', 8, (d) => d.metrics.due),
  metric(G.tasks, L.onTime, 'count', 8, (d) => d.metrics.onTime),
  metric(G.tasks, L.late, 'count', 10, (d) => d.metrics.late),
  metric(G.tasks, L.overdue, 'count', 8, (d) => d.metrics.overdue),
  metric(G.tasks, L.pending, 'count', 8, (d) => d.metrics.pending),
  metric(G.tasks, L.onTimeRate, 'share', 10, (d) => onTimeShare(d.metrics)),
  metric(G.tasks, L.meanDaysLate, 'days', 12, (d) => d.metrics.meanDaysLate),
  metric(G.tasks, L.returns, 'count', 10, (d) => d.metrics.returns),
  metric(G.tasks, L.evidenceShare, 'share', 10, (d) => d.metrics.evidenceShare),
  metric(G.tasks, L.extensionRequests, 'count', 10, (d) => d.metrics.extensionRequests),
  metric(G.tasks, L.turnedRed, 'count', 8, (d) => d.metrics.turnedRed),
  metric(G.tasks, L.escalated, 'count', 12, (d) => d.metrics.escalated),
  metric(G.reports, L.reportsDue, 'count', 8, (d) => d.metrics.reportsDue),
  metric(G.reports, L.reportsOnTime, 'count', 10, (d) => d.metrics.reportsOnTime),
  metric(G.reports, L.reportsMissed, 'count', 10, (d) => d.metrics.reportsMissed),
  ...GRADES.map((grade) => metric(G.grades, GRADE_LABEL[grade], 'count', 8, (d) => d.metrics.grades[grade])),
  ...TRENDS.map((trend) => metric(G.trends, TREND_LABEL[trend], 'count', 10, (d) => d.metrics.indicators[trend])),
];

export const TASK_COLUMNS: readonly Column<ReportTask>[] = [
  { group: G.tasks, header: REPORT_COLUMN.task.code, kind: 'text', width: 12, value: (t) => t.code },
  { group: G.tasks, header: REPORT_COLUMN.task.title, kind: 'text', width: 48, value: (t) => t.title },
  { group: G.tasks, header: REPORT_COLUMN.task.status, kind: 'text', width: 8, value: (t) => statusLabel(t.status) },
  { group: G.tasks, header: REPORT_COLUMN.task.dueDate, kind: 'date', width: 11, value: (t) => t.dueDate },
  { group: G.tasks, header: REPORT_COLUMN.task.completedAt, kind: 'dateTime', width: 16, value: (t) => t.completedAt },
  { group: G.tasks, header: REPORT_COLUMN.task.daysLate, kind: 'count', width: 10, value: (t) => t.daysLate },
  { group: G.tasks, header: REPORT_COLUMN.task.evidence, kind: 'count', width: 8, value: (t) => t.evidenceCount },
  { group: G.tasks, header: REPORT_COLUMN.task.grade, kind: 'text', width: 10, value: (t) => gradeLabel(t.grade) },
];

export const INDICATOR_COLUMNS: readonly Column<ReportIndicator>[] = [
  { group: G.indicator, header: REPORT_COLUMN.indicator.code, kind: 'text', width: 10, value: (i) => i.code },
  { group: G.indicator, header: REPORT_COLUMN.indicator.name, kind: 'text', width: 32, value: (i) => i.name },
  { group: G.indicator, header: REPORT_COLUMN.indicator.unit, kind: 'text', width: 8, value: (i) => i.unit },
  { group: G.indicator, header: REPORT_COLUMN.indicator.baseline, kind: 'decimal', width: 10, value: (i) => i.baseline },
  { group: G.indicator, header: REPORT_COLUMN.indicator.target, kind: 'decimal', width: 10, value: (i) => i.target },
  { group: G.indicator, header: REPORT_COLUMN.indicator.targetYear, kind: 'count', width: 10, value: (i) => i.targetYear },
  { group: G.indicator, header: REPORT_COLUMN.indicator.latest, kind: 'decimal', width: 10, value: (i) => i.latest?.value ?? null },
  { group: G.indicator, header: REPORT_COLUMN.indicator.year, kind: 'count', width: 7, value: (i) => i.latest?.year ?? null },
  { group: G.indicator, header: REPORT_COLUMN.indicator.progress, kind: 'share', width: 10, value: (i) => indicatorProgress(i) },
  { group: G.indicator, header: REPORT_COLUMN.indicator.trend, kind: 'text', width: 10, value: (i) => trendLabel(i.trend) },
];

export const BREAKDOWN_COLUMNS: readonly Column<DepartmentAssessment['breakdown'][number]>[] = [
  { group: G.breakdown, header: REPORT_COLUMN.breakdown.label, kind: 'text', width: 20, value: (b) => b.label },
  { group: G.breakdown, header: REPORT_COLUMN.breakdown.points, kind: 'score', width: 8, value: (b) => b.points },
];

/**
 * The header's column groups as runs from column `first` over `span` columns; a column
 * without a group is a run of its own (`grouped` false) that spans both header rows.
 */
export function headerGroups<T>(columns: readonly Column<T>[]): { label: string; first: number; span: number; grouped: boolean }[] {
  const runs: { label: string; first: number; span: number; grouped: boolean }[] = [];
  columns.forEach((column, index) => {
    const last = runs[runs.length - 1];
    if (column.group !== undefined && last?.grouped && last.label === column.group) last.span += 1;
    else runs.push({ label: column.group ?? column.header, first: index, span: 1, grouped: column.group !== undefined });
  });
  return runs;
}
