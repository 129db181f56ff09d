import { Injectable } from '@nestjs/common';
import { EvaluationService } from '../evaluation/evaluation.service.js';
import type { PlanEvaluation } from '../evaluation/evaluation-types.js';
import { type ReportFile, type ReportFormat } from './assessment-report.service.js';
import { renderEvaluationHtml } from './evaluation-html.js';
import { renderEvaluationWorkbook } from './evaluation-workbook.js';

const CONTENT_TYPE: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

/**
 * The evaluation's files, rendered in the request. Unlike the assessment's, they do not
 * grow with the tasks: tasks are counted by chapter, and only overdue tasks and missed
 * reports are listed — a plan of 20,000 tasks renders in well under the 2 s the bench allows.
 */
@Injectable()
export class EvaluationReportService {
  constructor(private readonly evaluations: EvaluationService) {}

  async download(planId: string, asOf: string | undefined, format: ReportFormat): Promise<ReportFile> {
    const evaluation = await this.evaluations.evaluation(planId, asOf);
    const content = format === 'xlsx' ? await renderEvaluationWorkbook(evaluation) : Buffer.from(renderEvaluationHtml(evaluation), 'utf8');
    return { content, contentType: CONTENT_TYPE[format], ...evaluationFileNames(evaluation, format) };
  }
}

/** `泰兴市…规划实施情况评估（截至2025-12-31）.xlsx`, and `plan-evaluation-<code>-2025-12-31.xlsx` for clients without RFC 5987. */
export function evaluationFileNames(evaluation: Pick<PlanEvaluation, 'planTitle' | 'planCode' | 'asOf'>, format: ReportFormat) {
  return {
    filename: `${evaluation.planTitle}实施情况评估（截至${evaluation.asOf}）.${format}`,
    fallbackName: `plan-evaluation-${evaluation.planCode.replace(/[^A-Za-z0-9._-]/g, '_')}-${evaluation.asOf}.${format}`,
    disposition: format === 'html' ? ('inline' as const) : ('attachment' as const),
  };
}
