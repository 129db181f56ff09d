import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, type AuditEvent } from '../audit/audit.service.js';
import { ConflictError, NotFoundError } from '../common/errors.js';
import type { Actor } from '../common/roles.js';
import type { PlanEntity } from '../db/entities/plan.entity.js';
import { CarryOverRepository, type CarryOverRow, type CarryTaskRow } from '../db/repositories/carry-over.repository.js';
import { PlanRepository } from '../db/repositories/plan.repository.js';
import { Transactions } from '../db/transaction.js';
import { carriedClause, carrySelection } from './carry-over-rules.js';
import { PLAN_MESSAGES } from './plan.messages.js';

export interface CarryOverInput {
  toPlanId: string;
  /** Absent: every open task of the plan. */
  taskIds?: string[];
}

/**
 * Carry-over (结转): open tasks of one plan move into the next with everything they hold (history, progress,
 * evidence, comments, the reminder ladder), in one transaction. Each move is kept in task_carry_over, so the old
 * plan's evaluation as of any day before it stays as it was (EvaluationRepository reads the task there until its
 * move and as 结转 after), and audited on the task and on both plans.
 */
@Injectable()
export class CarryOverService {
  constructor(
    private readonly moves: CarryOverRepository,
    private readonly plans: PlanRepository,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
  ) {}

  async carryOver(actor: Actor, fromPlanId: string, input: CarryOverInput) {
    const from = await this.mustFind(fromPlanId, PLAN_MESSAGES.notFound(fromPlanId));
    const to = await this.mustFind(input.toPlanId, PLAN_MESSAGES.carryOverTargetNotFound(input.toPlanId));
    if (from.id === to.id) throw new ConflictError(PLAN_MESSAGES.carryOverSamePlan(from.title));
    const targetRefs = new Set((await this.plans.clauses(to.id)).map((c) => c.ref));
    return this.tx.run(async () => {
      const tasks = await this.moves.lockPlanTasks(from.id);
      const selection = carrySelection(tasks, input.taskIds);
      if (!selection.ok) {
        const byId = new Map(tasks.map((t) => [t.id, t]));
        const named = (ids: string[]) => ids.map((id) => taskName(byId.get(id)!));
        if (selection.notInPlan.length > 0) throw new NotFoundError(PLAN_MESSAGES.carryOverNotInPlan(from.title, selection.notInPlan));
        if (selection.closed.length > 0) throw new ConflictError(PLAN_MESSAGES.carryOverClosed(named(selection.closed)));
        throw new ConflictError(PLAN_MESSAGES.carryOverSplit(named(selection.split)));
      }
      const batchId = randomUUID();
      const chosen = new Set(selection.ids);
      const moving = tasks.filter((t) => chosen.has(t.id));
      const planned = moving.map((t) => ({ task: t, clauseRef: carriedClause(t.clauseRef, targetRefs) }));
      await this.moves.moveTasks(planned.map((m) => ({ taskId: m.task.id, toPlanId: to.id, clauseRef: m.clauseRef })));
      await this.moves.insertMoves(
        planned.map((m) => ({
          batchId,
          taskId: m.task.id,
          fromPlanId: from.id,
          toPlanId: to.id,
          fromClauseRef: m.task.clauseRef,
          toClauseRef: m.clauseRef,
          status: m.task.status,
          movedBy: actor.id,
        })),
      );
      const ids = moving.map((t) => t.id);
      const plans = { fromPlan: planRef(from), toPlan: planRef(to), batchId };
      const events: AuditEvent[] = planned.map((m) => ({
        actorId: actor.id,
        action: 'task.carry_over',
        entityType: 'task',
        entityId: m.task.id,
        taskId: m.task.id,
        before: { planId: from.id, clauseRef: m.task.clauseRef },
        after: { planId: to.id, clauseRef: m.clauseRef },
        detail: plans,
      }));
      // Each plan's own history (GET /audit?entity=plan&entityId=…) shows the move too.
      if (ids.length > 0) {
        for (const [plan, direction] of [
          [from, 'out'],
          [to, 'in'],
        ] as const)
          events.push({ actorId: actor.id, action: 'plan.carry_over', entityType: 'plan', entityId: plan.id, detail: { ...plans, direction, taskIds: ids } });
      }
      await this.audit.recordMany(events);
      return {
        batchId,
        fromPlanId: from.id,
        toPlanId: to.id,
        moved: ids.length,
        taskIds: ids,
        clausesCleared: planned.filter((m) => m.task.clauseRef !== null && m.clauseRef === null).length,
      };
    });
  }

  /** The tasks carried out of and into the plan, latest first. */
  async list(planId: string) {
    await this.mustFind(planId, PLAN_MESSAGES.notFound(planId));
    return (await this.moves.forPlan(planId)).map((m) => carryOverView(m, planId));
  }

  private async mustFind(id: string, message: string): Promise<PlanEntity> {
    const plan = await this.plans.findById(id);
    if (!plan) throw new NotFoundError(message);
    return plan;
  }
}

function planRef(plan: PlanEntity) {
  return { id: plan.id, code: plan.code, title: plan.title };
}

function taskName(task: CarryTaskRow): string {
  return task.code ? `《${task.title}》（${task.code}）` : `《${task.title}》`;
}

/** A move as the API shows it; `direction` from the point of view of `planId` (omitted on a task's own list). */
export function carryOverView(m: CarryOverRow, planId?: string) {
  return {
    id: m.id,
    batchId: m.batchId,
    direction: planId === undefined ? null : m.fromPlanId === planId ? ('out' as const) : ('in' as const),
    task: { id: m.taskId, code: m.taskCode, title: m.taskTitle },
    fromPlan: { id: m.fromPlanId, code: m.fromPlanCode, title: m.fromPlanTitle },
    toPlan: { id: m.toPlanId, code: m.toPlanCode, title: m.toPlanTitle },
    fromClauseRef: m.fromClauseRef,
    toClauseRef: m.toClauseRef,
    status: m.status,
    movedAt: m.movedAt,
    movedBy: m.movedBy === null ? null : { id: m.movedBy, name: m.movedByName ?? '' },
  };
}
