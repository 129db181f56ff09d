/**
 * The evaluation as a workbook: the 规划指标完成情况表 (stated targets, then those read from
 * the plan's wording), the tasks by chapter and section, the open problems by department, and
 * the evaluators' text. Made from the same `PlanEvaluation` the API returns, so the numbers agree.
 */
import type { PlanEvaluation } from '../evaluation/evaluation-types.js';
import { EVALUATION_LABEL as L } from '../vocabulary/evaluation.js';
import { streamWorkbook, table, writeSheet } from './assessment-workbook.js';
import { CHAPTER_COLUMNS, PROBLEM_COLUMNS, chapterRows, evaluationSubtitle, evaluationTitle, indicatorColumns, problemRows } from './evaluation-columns.js';
import type { Column } from './report-columns.js';
import { calendarDay } from './report-format.js';

export const EVALUATION_SHEETS = {
  indicators: '规划指标完成情况表',
  derived: '推算指标',
  chapters: '任务完成情况',
  problems: '存在问题',
  text: '评估意见',
} as const;

const TEXT_COLUMNS: readonly Column<{ label: string; text: string }>[] = [
  { header: '项目', kind: 'text', width: 24, value: (r) => r.label },
  { header: '内容', kind: 'text', width: 100, value: (r) => r.text },
];

export async function renderEvaluationWorkbook(evaluation: PlanEvaluation): Promise<Buffer> {
  // The document's date is the day evaluated, not the moment of rendering: the same evaluation, the same file.
  return streamWorkbook(calendarDay(evaluation.asOf), async (workbook) => {
    const title = evaluationTitle(evaluation);
    const subtitle = evaluationSubtitle(evaluation);
    const columns = indicatorColumns(evaluation);
    writeSheet(
      workbook,
      EVALUATION_SHEETS.indicators,
      [`${evaluation.planTitle}规划指标完成情况表（截至 ${evaluation.asOf}）`, subtitle],
      [table(columns, evaluation.indicators)],
      1,
    );
    writeSheet(workbook, EVALUATION_SHEETS.derived, [`${title} · 由规划表述推算目标的指标`, subtitle], [table(columns, evaluation.derivedIndicators)], 1);
    writeSheet(
      workbook,
      EVALUATION_SHEETS.chapters,
      [`${title} · 任务完成情况（按章节）`, subtitle],
      [table(CHAPTER_COLUMNS, chapterRows(evaluation.chapters))],
      2,
    );
    writeSheet(
      workbook,
      EVALUATION_SHEETS.problems,
      [`${title} · 存在问题（按责任部门）`, subtitle],
      [table(PROBLEM_COLUMNS, problemRows(evaluation.problems))],
      1,
    );
    writeSheet(
      workbook,
      EVALUATION_SHEETS.text,
      [`${title} · 评估意见`, subtitle],
      [
        table(TEXT_COLUMNS, [
          { label: L.findings, text: evaluation.findings },
          { label: L.measures, text: evaluation.measures },
        ]),
      ],
      0,
    );
  });
}
