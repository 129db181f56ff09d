/**
 * The evaluation reports' tables, once for both renderers (the workbook and the HTML page),
 * in the layout of a 规划指标完成情况表: 指标, 单位, 基数, 目标, 实际完成, 完成情况.
 */
import type {
  DepartmentProblems,
  EvaluationChapter,
  EvaluationFigures,
  EvaluationIndicator,
  PlanEvaluation,
  TaskCounts,
} from '../evaluation/evaluation-types.js';
import { EVALUATION_STATUS } from '../vocabulary/evaluation.js';
import { formatDateTime } from './report-format.js';
import { EVALUATION_LABEL as L, PACE_LABEL } from '../vocabulary/evaluation.js';
import type { Comparator } from '../vocabulary/indicators.js';
import { periodLabel } from '../vocabulary/tasks.js';
import type { Column } from './report-columns.js';

const COMPARATOR_SIGN: Record<Comparator, string> = { '>=': '≥', '<=': '≤', '=': '' };

/** Met, not met, or nothing reported, in words. */
export function resultLabel(indicator: Pick<EvaluationIndicator, 'achieved'>): string {
  return indicator.achieved === null ? L.unreported : indicator.achieved ? L.achieved : L.notAchieved;
}

/** The indicator table; `figures` names the base and target years in the headers (2020年基数, 2025年目标). */
export function indicatorColumns(figures: Pick<EvaluationFigures, 'startYear' | 'endYear'>): readonly Column<EvaluationIndicator>[] {
  return [
    { header: L.indicator, kind: 'text', width: 34, value: (i) => i.name },
    { header: L.unit, kind: 'text', width: 8, value: (i) => i.unit },
    { header: `${figures.startYear - 1}年${L.baseline}`, kind: 'decimal', width: 12, value: (i) => i.baseline },
    { header: `${figures.endYear}年${L.target}`, kind: 'text', width: 12, value: (i) => `${COMPARATOR_SIGN[i.comparator]}${i.target}` },
    { header: L.latest, kind: 'decimal', width: 12, value: (i) => i.latest },
    { header: L.latestYear, kind: 'count', width: 9, value: (i) => i.latestYear },
    { header: L.result, kind: 'text', width: 10, value: resultLabel },
    { header: L.progress, kind: 'share', width: 10, value: (i) => i.progress },
    { header: L.pace, kind: 'text', width: 16, value: (i) => PACE_LABEL[i.pace] },
    { header: '责任部门', kind: 'text', width: 16, value: (i) => i.departmentName },
  ];
}

/** A row of the task table: a chapter, or one of its sections (indented). */
export interface ChapterRow {
  code: string | null;
  title: string;
  section: boolean;
  tasks: TaskCounts;
}

export function chapterRows(chapters: readonly EvaluationChapter[]): ChapterRow[] {
  return chapters.flatMap((c) => [
    { code: c.code, title: c.title, section: false, tasks: c.tasks },
    ...c.sections.map((s) => ({ code: s.code, title: s.title, section: true, tasks: s.tasks })),
  ]);
}

export function completedShare(tasks: TaskCounts): number | null {
  const due = tasks.total - tasks.cancelled - tasks.carriedOver;
  return due === 0 ? null : tasks.completed / due;
}

export const CHAPTER_COLUMNS: readonly Column<ChapterRow>[] = [
  { header: L.chapter, kind: 'text', width: 10, value: (r) => r.code ?? '' },
  { header: '标题', kind: 'text', width: 36, value: (r) => (r.section ? `　${r.title}` : r.title) },
  { header: L.total, kind: 'count', width: 8, value: (r) => r.tasks.total },
  { group: L.completed, header: '小计', kind: 'count', width: 8, value: (r) => r.tasks.completed },
  { group: L.completed, header: L.onTime, kind: 'count', width: 9, value: (r) => r.tasks.onTime },
  { group: L.completed, header: L.late, kind: 'count', width: 9, value: (r) => r.tasks.late },
  { group: L.open, header: L.overdue, kind: 'count', width: 10, value: (r) => r.tasks.overdue },
  { group: L.open, header: L.notDue, kind: 'count', width: 9, value: (r) => r.tasks.pending },
  { header: L.cancelled, kind: 'count', width: 8, value: (r) => r.tasks.cancelled },
  { header: L.carriedOver, kind: 'count', width: 8, value: (r) => r.tasks.carriedOver },
  { header: '完成率', kind: 'share', width: 9, value: (r) => completedShare(r.tasks) },
];

/** One open problem of a department, as a row. */
export interface ProblemRow {
  department: string;
  kind: string;
  item: string;
  detail: string;
}

export function problemRows(problems: readonly DepartmentProblems[]): ProblemRow[] {
  return problems.flatMap((p) => [
    ...p.overdueTasks.map((t) => ({
      department: p.departmentName,
      kind: '逾期未完成任务',
      item: t.code ? `${t.code} ${t.title}` : t.title,
      detail: `截止 ${t.dueDate}，逾期 ${t.daysOverdue} 天`,
    })),
    ...p.offTrackIndicators.map((i) => ({ department: p.departmentName, kind: '进展滞后指标', item: i.name, detail: PACE_LABEL[i.pace] })),
    ...p.unreportedIndicators.map((i) => ({ department: p.departmentName, kind: '未报送指标', item: i.name, detail: '尚无报送数据' })),
    ...p.missedReports.map((r) => ({
      department: p.departmentName,
      kind: '逾期未报',
      item: r.taskCode ? `${r.taskCode} ${r.taskTitle}` : r.taskTitle,
      detail: `${periodLabel(r.period)} 应于 ${r.dueDate} 前报送`,
    })),
  ]);
}

export const PROBLEM_COLUMNS: readonly Column<ProblemRow>[] = [
  { header: '责任部门', kind: 'text', width: 18, value: (r) => r.department },
  { header: '问题类别', kind: 'text', width: 14, value: (r) => r.kind },
  { header: '事项', kind: 'text', width: 44, value: (r) => r.item },
  { header: '说明', kind: 'text', width: 28, value: (r) => r.detail },
];

/** `泰兴市十四五教育事业发展规划实施情况评估（截至 2025-12-31）`. */
export function evaluationTitle(figures: Pick<EvaluationFigures, 'planTitle' | 'asOf'>): string {
  return `${figures.planTitle}实施情况评估（截至 ${figures.asOf}）`;
}

/** Whether the numbers are final, and the two headline totals. */
export function evaluationSubtitle(evaluation: PlanEvaluation): string {
  const state = evaluation.status === EVALUATION_STATUS.Finalized ? `已定稿（${formatDateTime(evaluation.finalizedAt!)}）` : '未定稿，数据随报送更新';
  const { targetsAchieved: t, tasksCompleted: c } = evaluation.totals;
  return `${state}；规划目标完成 ${t.achieved}/${t.total} 项；任务完成 ${c.completed}/${c.total} 项`;
}
