import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AssessmentService } from './assessment.service.js';

/** The annual assessment: cycles, reviewers' scores and the ranking (the rubric comes from RubricModule). */
@Module({ imports: [AuditModule], providers: [AssessmentService], exports: [AssessmentService] })
export class AssessmentModule {}
