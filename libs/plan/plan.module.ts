import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CarryOverService } from './carry-over.service.js';
import { PlanScope } from './plan-scope.js';
import { PlanService } from './plan.service.js';

/**
 * The plans as imported from the seeds: sections, clauses, duties and departments; which plan a request or a new
 * task belongs to; carrying open tasks over (结转) from one plan into the next.
 */
@Module({ imports: [AuditModule], providers: [PlanService, PlanScope, CarryOverService], exports: [PlanService, PlanScope, CarryOverService] })
export class PlanModule {}
