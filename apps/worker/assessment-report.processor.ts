import { Injectable } from '@nestjs/common';
import { AssessmentReportService } from '../../libs/reports/assessment-report.service.js';
import { type JobHandler, PermanentJobError } from '../../libs/queue/job-handler.js';
import { JobName, type PayloadOf } from '../../libs/queue/queue-names.js';

/** `assessment-report`: renders one recorded report row, writing its progress and file into the row; a failure is recorded there and not retried. */
@Injectable()
export class AssessmentReportProcessor implements JobHandler<JobName.AssessmentReport> {
  readonly jobName = JobName.AssessmentReport;

  constructor(private readonly reports: AssessmentReportService) {}

  async handle({ reportId }: PayloadOf<JobName.AssessmentReport>): Promise<void> {
    try {
      await this.reports.generate(reportId);
    } catch (error) {
      throw new PermanentJobError(`考核报告 ${reportId} 生成失败：${(error as Error).message}`);
    }
  }
}
