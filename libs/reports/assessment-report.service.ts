import { Injectable, Logger } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../common/errors.js';
import type { Actor } from '../common/roles.js';
import { AppConfig } from '../config/app-config.js';
import { AssessmentRepository, type ReportStatusRow } from '../db/repositories/assessment.repository.js';
import { renderAssessmentHtml } from './assessment-html.js';
import { renderAssessmentWorkbook } from './assessment-workbook.js';
import { AssessmentService, CYCLE_STATUS } from '../assessment/assessment.service.js';
import type { AssessmentReport } from '../assessment/assessment-types.js';
import { ReportQueue } from '../assessment/report-queue.js';
import { REPORT_STATUS } from '../vocabulary/assessment.js';
import { REPORT_MESSAGES, REPORT_TEXT } from './reports.messages.js';

export const REPORT_FORMATS = ['xlsx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export { REPORT_STATUS };

/** What a download serves: the bytes, their type and a file name for people. */
export interface ReportFile {
  content: Buffer;
  contentType: string;
  /** For people, in Chinese (RFC 5987 `filename*`). */
  filename: string;
  /** ASCII, for clients that know only `filename`. */
  fallbackName: string;
  /** The workbook is saved; the page opens in the browser (and is saved under `filename`). */
  disposition: 'attachment' | 'inline';
}

const CONTENT_TYPE: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

/** A row left `queued` this long is re-queued by the worker (its job may never have reached the queue). */
const REQUEUE_AFTER_MS = 10_000;

/**
 * The year's report files. A small report is rendered in the request; a large
 * one (more than ASSESSMENT_INLINE_REPORT_MAX_TASKS tasks), or any report asked
 * for by POST, is a row in `assessment_report` rendered by the worker's
 * `assessment-report` job, which writes progress there and keeps the file.
 */
@Injectable()
export class AssessmentReportService {
  private readonly logger = new Logger('AssessmentReport');

  constructor(
    private readonly assessments: AssessmentService,
    private readonly reports: AssessmentRepository,
    private readonly queue: ReportQueue,
    private readonly config: AppConfig,
  ) {}

  /**
   * GET report.xlsx / report.html: the file when it is small enough to render
   * now, or when a finalised cycle already has one; else the job building it
   * (an earlier one still under way, or a new one) for the client to poll.
   */
  async download(actor: Actor, year: number, format: ReportFormat): Promise<{ file: ReportFile } | { job: ReturnType<typeof jobView> }> {
    const count = await this.assessments.taskCount(year);
    if (count <= this.config.ASSESSMENT_INLINE_REPORT_MAX_TASKS) {
      const report = await this.assessments.report(year);
      return { file: { content: await render(report, format), contentType: CONTENT_TYPE[format], ...fileNames(year, format) } };
    }
    const cycle = await this.assessments.get(year);
    // A finalised cycle's report never changes, so a file made from its snapshot serves forever.
    if (cycle.status === CYCLE_STATUS.Finalized && cycle.finalizedAt) {
      const done = await this.reports.latestReport(year, format, [REPORT_STATUS.Done], new Date(cycle.finalizedAt));
      if (done) return { file: await this.file(year, done.id) };
    }
    const pending = await this.reports.latestReport(year, format, [REPORT_STATUS.Queued, REPORT_STATUS.Running]);
    return { job: pending ? jobView(pending) : await this.request(actor, year, format) };
  }

  /** Records a report to build and queues its job. */
  async request(actor: Actor, year: number, format: ReportFormat) {
    await this.assessments.get(year);
    const row = await this.reports.insertReport({ year, format, requestedBy: actor.id });
    await this.queue.enqueue([row.id]);
    return jobView(row);
  }

  async status(year: number, id: string) {
    return jobView(await this.mustFind(year, id));
  }

  async file(year: number, id: string): Promise<ReportFile> {
    const row = await this.mustFind(year, id);
    if (row.status !== REPORT_STATUS.Done) {
      throw new ConflictError(row.status === REPORT_STATUS.Failed ? REPORT_MESSAGES.failed(row.error ?? '') : REPORT_MESSAGES.notReady(row.progress));
    }
    const content = await this.reports.reportContent(id);
    if (!content) throw new NotFoundError(REPORT_MESSAGES.fileNotFound(id));
    const format = row.format as ReportFormat;
    return { content, contentType: CONTENT_TYPE[format], ...fileNames(year, format) };
  }

  /**
   * The job: renders the row's report, writing progress as it goes, and keeps
   * the file in the row. A row already finished (a job run twice) is left as it is.
   */
  async generate(reportId: string): Promise<void> {
    if (!(await this.reports.claimReport(reportId))) return;
    const row = (await this.reports.findReport(reportId))!;
    try {
      const report = await this.assessments.report(row.year);
      let shown = 0;
      const content = await render(report, row.format as ReportFormat, async (done, total) => {
        // Progress stops at 99 until the file is stored; a write per whole percent, not per row.
        const percent = total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0;
        if (percent > shown) {
          shown = percent;
          await this.reports.setReportProgress(reportId, percent);
        }
      });
      await this.reports.finishReport(reportId, content);
    } catch (error) {
      const message = (error as Error).message;
      this.logger.error(`考核报告 ${reportId} 生成失败：${message}`);
      await this.reports.failReport(reportId, message);
      throw error;
    }
  }

  /** Queues again the rows whose job may have been lost (the queue was down when they were recorded). */
  async requeue(): Promise<number> {
    const ids = await this.reports.queuedReportIds(new Date(Date.now() - REQUEUE_AFTER_MS));
    await this.queue.enqueue(ids);
    return ids.length;
  }

  private async mustFind(year: number, id: string): Promise<ReportStatusRow> {
    const row = await this.reports.findReport(id);
    if (!row || row.year !== year) throw new NotFoundError(REPORT_MESSAGES.notFound(id));
    return row;
  }
}

async function render(report: AssessmentReport, format: ReportFormat, onProgress?: (done: number, total: number) => void | Promise<void>): Promise<Buffer> {
  if (format === 'xlsx') return renderAssessmentWorkbook(report, onProgress);
  const html = Buffer.from(renderAssessmentHtml(report), 'utf8');
  await onProgress?.(1, 1);
  return html;
}

/** `2025年度考核报告.xlsx`, and `assessment-report-2025.xlsx` for clients without RFC 5987. */
export function fileNames(year: number, format: ReportFormat): Pick<ReportFile, 'filename' | 'fallbackName' | 'disposition'> {
  return {
    filename: REPORT_TEXT.fileName(year, format),
    fallbackName: `assessment-report-${year}.${format}`,
    disposition: format === 'html' ? 'inline' : 'attachment',
  };
}

export function jobView(row: ReportStatusRow) {
  return {
    id: row.id,
    year: row.year,
    format: row.format,
    status: row.status,
    progress: row.progress,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
