import { Injectable, Logger } from '@nestjs/common';
import { ReportQueue } from '../assessment/report-queue.js';
import { ThrottledLog, withTimeout } from '../common/throttled-log.js';
import { QueueConnection } from './queue-connection.js';
import { JobName, type PayloadOf, QUEUE_OF } from './queue-names.js';

const ENQUEUE_TIMEOUT_MS = 5000;

/**
 * ReportQueue on BullMQ: one `assessment-report` job per report row, whose job
 * id is the row's id. Never throws: a row the queue did not take stays `queued`
 * and the worker queues it again (on start and on its timer).
 */
@Injectable()
export class BullReportQueue extends ReportQueue {
  private readonly log = new ThrottledLog(new Logger('ReportQueue'));

  constructor(private readonly connection: QueueConnection) {
    super();
  }

  async enqueue(reportIds: string[]): Promise<void> {
    if (reportIds.length === 0) return;
    if (!this.connection.writable) {
      this.log.warn('unreachable', `队列不可用，${reportIds.length} 份考核报告待恢复后生成`);
      return;
    }
    const queue = QUEUE_OF[JobName.AssessmentReport];
    const opts = this.connection.jobOptions(queue);
    const jobs = reportIds.map((reportId) => {
      const data: PayloadOf<JobName.AssessmentReport> = { reportId };
      return { name: JobName.AssessmentReport, data, opts: { ...opts, jobId: reportId } };
    });
    try {
      await withTimeout(this.connection.queue(queue).addBulk(jobs), ENQUEUE_TIMEOUT_MS, '加入报告队列');
      this.log.resolved('unreachable', '报告队列已恢复');
    } catch (error) {
      this.log.warn('unreachable', `加入报告队列失败（待恢复后生成）：${(error as Error).message}`);
    }
  }
}
