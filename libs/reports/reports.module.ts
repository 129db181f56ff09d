import { Module } from '@nestjs/common';
import { AssessmentModule } from '../assessment/assessment.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { EvaluationModule } from '../evaluation/evaluation.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { AssessmentReportService } from './assessment-report.service.js';
import { EvaluationReportService } from './evaluation-report.service.js';
import { NoticeService } from './notice.service.js';

/** The assessment's and the plan evaluation's report files (workbook, HTML), recorded by the API and built by the worker; printed 督办/催办 notices. */
@Module({
  imports: [AssessmentModule, AuditModule, EvaluationModule, TasksModule],
  providers: [AssessmentReportService, EvaluationReportService, NoticeService],
  exports: [AssessmentReportService, EvaluationReportService, NoticeService],
})
export class ReportsModule {}
