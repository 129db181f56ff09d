import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors.js';
import { DepartmentRepository } from '../db/repositories/department.repository.js';
import { PlanRepository } from '../db/repositories/plan.repository.js';
import { PlanScope } from './plan-scope.js';
import type { PlanEntity } from '../db/entities/plan.entity.js';

/** Read side of the plan: departments with their duties, plans with sections and clauses. */
@Injectable()
export class PlanService {
  constructor(
    private readonly departmentsRepo: DepartmentRepository,
    private readonly plans: PlanRepository,
    private readonly scope: PlanScope,
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
    const [plans, current] = await Promise.all([this.plans.list(), this.scope.current()]);
    return plans.map((p) => planView(p, current?.id ?? null));
  }

  async get(id: string) {
    const plan = await this.plans.findById(id);
    if (!plan) throw new NotFoundError(`规划不存在：${id}`);
    const [sections, clauses, current] = await Promise.all([this.plans.sections(id), this.plans.clauses(id), this.scope.current()]);
    return {
      ...planView(plan, current?.id ?? null),
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

function planView(plan: PlanEntity, currentId: string | null) {
  return {
    id: plan.id,
    code: plan.code,
    title: plan.title,
    startYear: plan.startYear,
    endYear: plan.endYear,
    timezone: plan.timezone,
    preamble: plan.preamble,
    createdAt: plan.createdAt,
    current: plan.id === currentId,
  };
}
