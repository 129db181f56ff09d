import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { EvaluationService } from './evaluation.service.js';

/** The plan's staged evaluation (分期评估): the plan as of a day, and the evaluators' findings (report periods from TasksModule). */
@Module({ imports: [AuditModule, TasksModule], providers: [EvaluationService], exports: [EvaluationService] })
export class EvaluationModule {}
