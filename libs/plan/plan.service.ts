import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors.js';
import { DepartmentRepository } from '../db/repositories/department.repository.js';
import { PlanRepository } from '../db/repositories/plan.repository.js';
import type { PlanEntity } from '../db/entities/plan.entity.js';

/** Read side of the plan: departments with their duties, plans with sections and clauses. */
@Injectable()
export class PlanService {
  constructor(
    private readonly departmentsRepo: DepartmentRepository,
    private readonly plans: PlanRepository,
  ) {}

  async departments() {
    const [departments, duties] = await Promise.all([this.departmentsRepo.list(), this.departmentsRepo.duties()]);
    return departments.map((d) => {
      const own = duties.filter((duty) => duty.departmentCode === d.code);
      return {
        code: d.code,
        name: d.name,
        duties: own.map((duty) => duty.text),
        dutyDetails: own.map((duty) => ({ code: duty.code, clauseRef: duty.clauseRef, text: duty.text })),
      };
    });
  }

  async list() {
    return (await this.plans.list()).map(planView);
  }

  async get(id: string) {
    const plan = await this.plans.findById(id);
    if (!plan) throw new NotFoundError(`规划不存在：${id}`);
    const [sections, clauses] = await Promise.all([this.plans.sections(id), this.plans.clauses(id)]);
    return {
      ...planView(plan),
      sections: sections.map((s) => ({
        code: s.code,
        parentCode: s.parentCode,
        title: s.title,
        text: s.text,
        clauses: clauses.filter((c) => c.sectionCode === s.code).map((c) => ({ ref: c.ref, text: c.text })),
      })),
    };
  }
}

function planView(plan: PlanEntity) {
  return {
    id: plan.id,
    code: plan.code,
    title: plan.title,
    startYear: plan.startYear,
    endYear: plan.endYear,
    timezone: plan.timezone,
    preamble: plan.preamble,
    createdAt: plan.createdAt,
  };
}
