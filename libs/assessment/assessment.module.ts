import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { AssessmentService } from './assessment.service.js';

/** The annual assessment: cycles, reviewers' scores and the ranking (the rubric comes from RubricModule; report periods from TasksModule). */
@Module({ imports: [AuditModule, TasksModule], providers: [AssessmentService], exports: [AssessmentService] })
export class AssessmentModule {}
