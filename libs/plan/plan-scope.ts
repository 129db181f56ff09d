import { Injectable } from '@nestjs/common';
import { InvalidInputError, NotFoundError } from '../common/errors.js';
import { AppConfig } from '../config/app-config.js';
import type { PlanEntity } from '../db/entities/plan.entity.js';
import { PlanRepository } from '../db/repositories/plan.repository.js';
import { PLAN_MESSAGES } from './plan.messages.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a new task says about its plan: the plan it names, its parent's plan, the clause it cites. */
export interface TaskPlanHints {
  planId?: string;
  parentPlanId?: string | null;
  clauseRef?: string;
}

/**
 * Which plan a request or a new task belongs to. More than one plan lives in the database (十四五 beside
 * 十五五); lists take `?plan=` (an id or a code), and every task made by hand joins one plan.
 */
@Injectable()
export class PlanScope {
  constructor(
    private readonly plans: PlanRepository,
    private readonly config: AppConfig,
  ) {}

  /** The configured current plan (CURRENT_PLAN), else the newest; null only while no plan is imported. */
  async current(): Promise<PlanEntity | null> {
    const configured = this.config.CURRENT_PLAN ? await this.plans.findByCode(this.config.CURRENT_PLAN) : null;
    return configured ?? this.plans.newest();
  }

  /** `?plan=`: a plan's id or its code; 404 naming it when there is no such plan. */
  async resolve(plan: string): Promise<PlanEntity> {
    const found = UUID.test(plan) ? await this.plans.findById(plan) : await this.plans.findByCode(plan);
    if (!found) throw new NotFoundError(PLAN_MESSAGES.notFound(plan));
    return found;
  }

  /** The plan id of `?plan=` when given. */
  async filter(plan: string | undefined): Promise<string | undefined> {
    return plan === undefined ? undefined : (await this.resolve(plan)).id;
  }

  /**
   * The plan a new task joins: the one it names, else its parent's, else the one plan holding its clause
   * (the current plan when several do), else the current plan. Its clause must be in that plan (400 naming both).
   */
  async forNewTask(hints: TaskPlanHints): Promise<string | null> {
    const named = hints.planId ? await this.plans.findById(hints.planId) : null;
    if (hints.planId && !named) throw new InvalidInputError(PLAN_MESSAGES.unknownPlanId(hints.planId));
    if (named && hints.parentPlanId && named.id !== hints.parentPlanId) throw new InvalidInputError(PLAN_MESSAGES.otherThanParent);
    const ref = hints.clauseRef;
    let planId = named?.id ?? hints.parentPlanId ?? null;
    if (!planId && ref) {
      const holders = await this.plans.plansWithClause(ref);
      if (holders.length === 1) planId = holders[0];
      else if (holders.length > 1) {
        const current = await this.current();
        if (!current || !holders.includes(current.id)) throw new InvalidInputError(PLAN_MESSAGES.clauseInSeveral(ref));
        planId = current.id;
      }
    }
    planId ??= (await this.current())?.id ?? null;
    if (ref) await this.checkClause(ref, planId);
    return planId;
  }

  /** A clause reference resolves within the task's plan (any plan only while the task has none). */
  async checkClause(ref: string, planId: string | null): Promise<void> {
    if (await this.plans.findClause(ref, planId)) return;
    if (!planId) throw new InvalidInputError(PLAN_MESSAGES.unknownClause(ref));
    const plan = await this.plans.findById(planId);
    throw new InvalidInputError(PLAN_MESSAGES.clauseNotInPlan(ref, plan?.code ?? planId));
  }
}
