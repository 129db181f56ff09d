import { Module } from '@nestjs/common';
import { PlanService } from './plan.service.js';

/** The plan as imported from the seeds: sections, clauses, duties and departments. */
@Module({ providers: [PlanService], exports: [PlanService] })
export class PlanModule {}
