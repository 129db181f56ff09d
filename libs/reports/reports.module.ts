import { Module } from '@nestjs/common';
import { AssessmentModule } from '../assessment/assessment.module.js';
import { AssessmentReportService } from './assessment-report.service.js';

/** The assessment's report files (workbook, HTML): recorded by the API, built by the worker. */
@Module({ imports: [AssessmentModule], providers: [AssessmentReportService], exports: [AssessmentReportService] })
export class ReportsModule {}
