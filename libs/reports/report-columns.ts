/**
 * The columns of the reports' tables, once for both renderers: the workbook turns a
 * column's kind into a number format and a real Excel date, the HTML page into text.
 * Values stay raw (numbers, `YYYY-MM-DD`, ISO instants) so each renderer formats them its way.
 */
import type { DepartmentAssessment, ReportIndicator, ReportTask } from '../assessment/assessment-types.js';
import { ASSESSMENT_LABEL as L } from '../vocabulary/assessment.js';
import { UNRANKED, GRADES, GRADE_LABEL, TRENDS, TREND_LABEL, gradeLabel, indicatorProgress, onTimeShare, statusLabel, trendLabel } from './report-format.js';

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
  metric('得分', L.computedScore, 'score', 10, (d) => d.computedScore),
  metric('得分', L.reviewerMean, 'score', 10, (d) => d.reviewerMean),
  metric('得分', L.finalScore, 'score', 10, (d) => d.finalScore),
  metric('任务', L.due, 'count', 8, (d) => d.metrics.due),
  metric('任务', L.onTime, 'count', 8, (d) => d.metrics.onTime),
  metric('任务', L.late, 'count', 10, (d) => d.metrics.late),
  metric('任务', L.overdue, 'count', 8, (d) => d.metrics.overdue),
  metric('任务', L.pending, 'count', 8, (d) => d.metrics.pending),
  metric('任务', L.onTimeRate, 'share', 10, (d) => onTimeShare(d.metrics)),
  metric('任务', L.meanDaysLate, 'days', 12, (d) => d.metrics.meanDaysLate),
  metric('任务', L.returns, 'count', 10, (d) => d.metrics.returns),
  metric('任务', L.evidenceShare, 'share', 10, (d) => d.metrics.evidenceShare),
  metric('任务', L.extensionRequests, 'count', 10, (d) => d.metrics.extensionRequests),
  metric('任务', L.turnedRed, 'count', 8, (d) => d.metrics.turnedRed),
  metric('任务', L.escalated, 'count', 12, (d) => d.metrics.escalated),
  metric('定期报送', L.reportsDue, 'count', 8, (d) => d.metrics.reportsDue),
  metric('定期报送', L.reportsOnTime, 'count', 10, (d) => d.metrics.reportsOnTime),
  metric('定期报送', L.reportsMissed, 'count', 10, (d) => d.metrics.reportsMissed),
  ...GRADES.map((grade) => metric('评定等级', GRADE_LABEL[grade], 'count', 8, (d) => d.metrics.grades[grade])),
  ...TRENDS.map((trend) => metric('指标趋势', TREND_LABEL[trend], 'count', 10, (d) => d.metrics.indicators[trend])),
];

export const TASK_COLUMNS: readonly Column<ReportTask>[] = [
  { group: '任务', header: '编号', kind: 'text', width: 12, value: (t) => t.code },
  { group: '任务', header: '任务', kind: 'text', width: 48, value: (t) => t.title },
  { group: '任务', header: '状态', kind: 'text', width: 8, value: (t) => statusLabel(t.status) },
  { group: '任务', header: '截止日期', kind: 'date', width: 11, value: (t) => t.dueDate },
  { group: '任务', header: '办结时间', kind: 'dateTime', width: 16, value: (t) => t.completedAt },
  { group: '任务', header: '逾期天数', kind: 'count', width: 10, value: (t) => t.daysLate },
  { group: '任务', header: '佐证数', kind: 'count', width: 8, value: (t) => t.evidenceCount },
  { group: '任务', header: '评定等级', kind: 'text', width: 10, value: (t) => gradeLabel(t.grade) },
];

export const INDICATOR_COLUMNS: readonly Column<ReportIndicator>[] = [
  { group: '指标', header: '指标编号', kind: 'text', width: 10, value: (i) => i.code },
  { group: '指标', header: '指标', kind: 'text', width: 32, value: (i) => i.name },
  { group: '指标', header: '单位', kind: 'text', width: 8, value: (i) => i.unit },
  { group: '指标', header: '基期值', kind: 'decimal', width: 10, value: (i) => i.baseline },
  { group: '指标', header: '目标值', kind: 'decimal', width: 10, value: (i) => i.target },
  { group: '指标', header: '目标年份', kind: 'count', width: 10, value: (i) => i.targetYear },
  { group: '指标', header: '最新值', kind: 'decimal', width: 10, value: (i) => i.latest?.value ?? null },
  { group: '指标', header: '年份', kind: 'count', width: 7, value: (i) => i.latest?.year ?? null },
  { group: '指标', header: '完成进度', kind: 'share', width: 10, value: (i) => indicatorProgress(i) },
  { group: '指标', header: '趋势', kind: 'text', width: 10, value: (i) => trendLabel(i.trend) },
];

export const BREAKDOWN_COLUMNS: readonly Column<DepartmentAssessment['breakdown'][number]>[] = [
  { group: '得分构成', header: '项目', kind: 'text', width: 20, value: (b) => b.label },
  { group: '得分构成', header: '分值', kind: 'score', width: 8, value: (b) => b.points },
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
