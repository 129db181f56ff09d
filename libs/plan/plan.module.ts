import { Module } from '@nestjs/common';
import { PlanScope } from './plan-scope.js';
import { PlanService } from './plan.service.js';

/** The plans as imported from the seeds: sections, clauses, duties and departments; which plan a request or a new task belongs to. */
@Module({ providers: [PlanService, PlanScope], exports: [PlanService, PlanScope] })
export class PlanModule {}
