import { Injectable } from '@nestjs/common';
import { PlanClauseEntity, PlanEntity, PlanSectionEntity } from '../entities/plan.entity.js';
import { Transactions } from '../transaction.js';

@Injectable()
export class PlanRepository {
  constructor(private readonly tx: Transactions) {}

  list(): Promise<PlanEntity[]> {
    return this.tx
      .manager()
      .getRepository(PlanEntity)
      .find({ order: { startYear: 'DESC', code: 'ASC' } });
  }

  findById(id: string): Promise<PlanEntity | null> {
    return this.tx.manager().getRepository(PlanEntity).findOneBy({ id });
  }

  findByCode(code: string): Promise<PlanEntity | null> {
    return this.tx.manager().getRepository(PlanEntity).findOneBy({ code });
  }

  /** The plan whose period starts last, the most recently imported of those first: the current plan by default. */
  newest(): Promise<PlanEntity | null> {
    return this.tx
      .manager()
      .getRepository(PlanEntity)
      .findOne({ where: {}, order: { startYear: 'DESC', createdAt: 'DESC' } });
  }

  /** The plans holding a clause `ref` (several plans may number their clauses alike). */
  async plansWithClause(ref: string): Promise<string[]> {
    const rows = await this.tx
      .manager()
      .getRepository(PlanClauseEntity)
      .find({ select: { planId: true }, where: { ref } });
    return rows.map((r) => r.planId);
  }

  sections(planId: string): Promise<PlanSectionEntity[]> {
    return this.tx
      .manager()
      .getRepository(PlanSectionEntity)
      .find({ where: { planId }, order: { ordinal: 'ASC' } });
  }

  clauses(planId: string): Promise<PlanClauseEntity[]> {
    return this.tx
      .manager()
      .getRepository(PlanClauseEntity)
      .find({ where: { planId }, order: { ordinal: 'ASC', ref: 'ASC' } });
  }

  /** The clause refs of a plan (of every plan while none is loaded): the 分工表 import checks its clause column against them. */
  async clauseRefs(planId: string | null): Promise<Set<string>> {
    const rows = await this.tx
      .manager()
      .getRepository(PlanClauseEntity)
      .find({ select: { ref: true }, where: planId ? { planId } : {} });
    return new Set(rows.map((r) => r.ref));
  }

  /** The clause `ref` of any plan (the plan's own when `planId` is given). */
  findClause(ref: string, planId?: string | null): Promise<PlanClauseEntity | null> {
    return this.tx
      .manager()
      .getRepository(PlanClauseEntity)
      .findOne({ where: planId ? { ref, planId } : { ref } });
  }
}
