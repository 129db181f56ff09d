import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { calendarDate, isCalendarDate } from '../common/dates.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors.js';
import type { Actor } from '../common/roles.js';
import { AppConfig } from '../config/app-config.js';
import type { PlanEvaluationEntity } from '../db/entities/evaluation.entity.js';
import type { PlanEntity } from '../db/entities/plan.entity.js';
import { DepartmentRepository } from '../db/repositories/department.repository.js';
import { EvaluationRepository } from '../db/repositories/evaluation.repository.js';
import { IndicatorRepository } from '../db/repositories/indicator.repository.js';
import { PlanRepository } from '../db/repositories/plan.repository.js';
import { Transactions } from '../db/transaction.js';
import { ReportSlotService } from '../tasks/report-slot.service.js';
import { EVALUATION_STATUS } from '../vocabulary/evaluation.js';
import { addTasks, isOffTrack, judgeIndicator, noTasks, placesInPlan } from './evaluation-rules.js';
import type { DepartmentProblems, EvaluationChapter, EvaluationFigures, EvaluationIndicator, PlanEvaluation, TaskCounts } from './evaluation-types.js';
import { EVALUATION_MESSAGES } from './evaluation.messages.js';

export interface FindingsInput {
  findings: string;
  measures: string;
}

/** Tasks whose clause is not in the plan's text. */
const UNPLACED_TITLE = EVALUATION_MESSAGES.unplacedTitle;

/**
 * The plan's staged evaluation (分期评估, 规划七(一)): the plan as of a day — its targets met,
 * its tasks by chapter, its open problems by department — with the evaluators' findings and
 * measures, saved while a draft and frozen on finalising (as an assessment cycle is).
 * A finalised evaluation is served from its snapshot only.
 */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly evaluations: EvaluationRepository,
    private readonly plans: PlanRepository,
    private readonly indicators: IndicatorRepository,
    private readonly departments: DepartmentRepository,
    private readonly slots: ReportSlotService,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly config: AppConfig,
  ) {}

  /** The evaluation as of `asOf` (default today): a finalised one as frozen, else computed now with any saved findings. */
  async evaluation(planId: string, asOf?: string): Promise<PlanEvaluation> {
    const plan = await this.mustFindPlan(planId);
    const day = this.checkDay(plan, asOf ?? calendarDate(this.config.TZ));
    const saved = await this.evaluations.find(planId, day);
    if (saved?.status === EVALUATION_STATUS.Finalized) return withText(frozen(saved.snapshot), saved);
    return withText(await this.compute(plan, day), saved);
  }

  async list(planId: string) {
    await this.mustFindPlan(planId);
    return (await this.evaluations.list(planId)).map(recordView);
  }

  /** Saves the findings and measures with the numbers as they stand now; 409 once finalised. */
  async save(actor: Actor, planId: string, asOf: string, input: FindingsInput) {
    const plan = await this.mustFindPlan(planId);
    const day = this.checkDay(plan, asOf);
    // Computed before the transaction: its queries run side by side on the pool, not queued on one connection.
    const figures = await this.compute(plan, day);
    return this.tx.run(async () => {
      await this.evaluations.insertIfAbsent({ planId, asOf: day, snapshot: figures as unknown as Record<string, unknown>, updatedBy: actor.id });
      const row = (await this.evaluations.findForUpdate(planId, day))!;
      if (row.status === EVALUATION_STATUS.Finalized)
        throw new ConflictError(EVALUATION_MESSAGES.finalizedNoChange(plan.title, day, row.finalizedAt?.toISOString()));
      const before = { findings: row.findings, measures: row.measures };
      row.findings = input.findings;
      row.measures = input.measures;
      row.snapshot = figures as unknown as Record<string, unknown>;
      row.updatedBy = actor.id;
      const saved = await this.evaluations.save(row);
      await this.audit.record({
        actorId: actor.id,
        action: 'evaluation.save',
        entityType: 'plan_evaluation',
        entityId: saved.id,
        before,
        after: { findings: saved.findings, measures: saved.measures },
        detail: { planId, asOf: day, totals: figures.totals },
      });
      return recordView(saved);
    });
  }

  /** Freezes the evaluation: its numbers as they stand now and its text; 404 when nothing was saved, 409 when already final. */
  async finalize(actor: Actor, planId: string, asOf: string) {
    const plan = await this.mustFindPlan(planId);
    const day = this.checkDay(plan, asOf);
    const figures = await this.compute(plan, day);
    return this.tx.run(async () => {
      const row = await this.evaluations.findForUpdate(planId, day);
      if (!row) throw new NotFoundError(EVALUATION_MESSAGES.nothingSaved(plan.title, day));
      if (row.status === EVALUATION_STATUS.Finalized)
        throw new ConflictError(EVALUATION_MESSAGES.alreadyFinalized(plan.title, day, row.finalizedAt?.toISOString()));
      row.snapshot = figures as unknown as Record<string, unknown>;
      row.status = EVALUATION_STATUS.Finalized;
      row.finalizedAt = new Date();
      row.finalizedBy = actor.id;
      const saved = await this.evaluations.save(row);
      await this.audit.record({
        actorId: actor.id,
        action: 'evaluation.finalize',
        entityType: 'plan_evaluation',
        entityId: saved.id,
        before: { status: EVALUATION_STATUS.Draft },
        after: { status: EVALUATION_STATUS.Finalized },
        detail: { planId, asOf: day, totals: figures.totals },
      });
      return recordView(saved);
    });
  }

  /** The numbers of `plan` at the end of `asOf`, from the live record. */
  private async compute(plan: PlanEntity, asOf: string): Promise<EvaluationFigures> {
    const tz = this.config.TZ;
    const [sections, clauses, indicators, values, departments, outcomes, overdue, slots, placed] = await Promise.all([
      this.plans.sections(plan.id),
      this.plans.clauses(plan.id),
      this.indicators.ofPlan(plan.id),
      this.evaluations.indicatorValues(plan.id),
      this.departments.list(),
      this.evaluations.clauseOutcomes(plan.id, asOf, tz),
      this.evaluations.overdueTasks(plan.id, asOf, tz),
      this.slots.facts({ asOf }),
      this.evaluations.placedTasks(plan.id, asOf, tz),
    ]);
    const departmentName = new Map(departments.map((d) => [d.code, d.name]));
    const place = placesInPlan(sections, new Map(clauses.map((c) => [c.ref, c.sectionCode])));

    const judged: EvaluationIndicator[] = indicators.map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      comparator: i.comparator,
      departmentCode: i.departmentCode,
      departmentName: departmentName.get(i.departmentCode) ?? i.departmentCode,
      chapterCode: place(i.clauseRef).chapter,
      baseline: i.baseline,
      baselineYear: i.baselineYear,
      target: i.target,
      targetYear: i.targetYear,
      ...judgeIndicator(i, values.get(i.code) ?? [], asOf),
      derived: i.derived,
    }));
    const stated = judged.filter((i) => !i.derived);
    const derived = judged.filter((i) => i.derived);

    // Chapters in the plan's order, each with its sections; tasks outside the text last.
    const chapters = new Map<string | null, EvaluationChapter>();
    for (const s of sections) {
      if (s.parentCode === null) chapters.set(s.code, { code: s.code, title: s.title, tasks: noTasks(), indicators: { achieved: 0, total: 0 }, sections: [] });
    }
    for (const s of sections) {
      const { chapter, section } = place(s.code);
      if (s.parentCode !== null && section === s.code && chapter !== null)
        chapters.get(chapter)?.sections.push({ code: s.code, title: s.title, tasks: noTasks() });
    }
    for (const row of outcomes) {
      const { chapter, section } = place(row.clauseRef);
      if (!chapters.has(chapter))
        chapters.set(chapter, { code: null, title: UNPLACED_TITLE, tasks: noTasks(), indicators: { achieved: 0, total: 0 }, sections: [] });
      const group = chapters.get(chapter)!;
      addTasks(group.tasks, row.outcome, row.count);
      const part = group.sections.find((s) => s.code === section);
      if (part) addTasks(part.tasks, row.outcome, row.count);
    }
    for (const i of stated) {
      const group = chapters.get(i.chapterCode);
      if (!group) continue;
      group.indicators.total += 1;
      if (i.achieved) group.indicators.achieved += 1;
    }

    // A carried task's reports count in the plan it was in at the end of asOf (none once it is 结转 out of this one).
    const planAt = new Map(placed.map((p) => [p.taskId, p.planAt]));
    const missed = slots.filter((s) => s.status === 'missed' && (planAt.get(s.taskId) ?? s.planId) === plan.id);
    const problems = new Map<string, DepartmentProblems>();
    const problemsOf = (code: string): DepartmentProblems => {
      let own = problems.get(code);
      if (!own) {
        own = {
          departmentCode: code,
          departmentName: departmentName.get(code) ?? code,
          overdueTasks: [],
          offTrackIndicators: [],
          unreportedIndicators: [],
          missedReports: [],
        };
        problems.set(code, own);
      }
      return own;
    };
    for (const t of overdue)
      problemsOf(t.leadDepartmentCode).overdueTasks.push({ id: t.id, code: t.code, title: t.title, dueDate: t.dueDate, daysOverdue: t.daysOverdue });
    for (const i of judged) {
      if (i.latest === null) problemsOf(i.departmentCode).unreportedIndicators.push({ code: i.code, name: i.name });
      else if (isOffTrack(i)) problemsOf(i.departmentCode).offTrackIndicators.push({ code: i.code, name: i.name, pace: i.pace, trend: i.trend });
    }
    for (const s of missed) {
      problemsOf(s.departmentCode).missedReports.push({
        taskId: s.taskId,
        taskCode: s.taskCode,
        taskTitle: s.taskTitle,
        period: s.period,
        dueDate: s.dueDate,
      });
    }
    const order = new Map(departments.map((d, index) => [d.code, index]));
    const byDepartment = [...problems.values()].sort((a, b) => (order.get(a.departmentCode) ?? Infinity) - (order.get(b.departmentCode) ?? Infinity));
    for (const p of byDepartment)
      p.missedReports.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.taskId.localeCompare(b.taskId) || a.period.localeCompare(b.period));

    const all = noTasks();
    for (const row of outcomes) addTasks(all, row.outcome, row.count);
    const count = (items: EvaluationIndicator[]) => ({ achieved: items.filter((i) => i.achieved).length, total: items.length });
    return {
      planId: plan.id,
      planCode: plan.code,
      planTitle: plan.title,
      startYear: plan.startYear,
      endYear: plan.endYear,
      asOf,
      computedAt: new Date().toISOString(),
      indicators: stated,
      derivedIndicators: derived,
      chapters: [...chapters.values()],
      problems: byDepartment,
      totals: {
        targetsAchieved: count(stated),
        derivedAchieved: count(derived),
        tasksCompleted: { completed: all.completed, total: all.total - all.cancelled - all.carriedOver },
        overdueTasks: all.overdue,
        offTrackIndicators: byDepartment.reduce((s, p) => s + p.offTrackIndicators.length, 0),
        unreportedIndicators: byDepartment.reduce((s, p) => s + p.unreportedIndicators.length, 0),
        missedReports: missed.length,
      },
    };
  }

  private async mustFindPlan(planId: string): Promise<PlanEntity> {
    const plan = await this.plans.findById(planId);
    if (!plan) throw new NotFoundError(EVALUATION_MESSAGES.planNotFound(planId));
    return plan;
  }

  /** A real day, not before the plan's first year (a plan is evaluated from its start). */
  private checkDay(plan: PlanEntity, asOf: string): string {
    if (!isCalendarDate(asOf)) throw new InvalidInputError(EVALUATION_MESSAGES.badDay(asOf));
    const start = `${plan.startYear}-01-01`;
    if (asOf < start) throw new InvalidInputError(EVALUATION_MESSAGES.beforeStart(asOf, start));
    return asOf;
  }
}

/** A finalised evaluation's numbers; those frozen before carry-over (结转) existed had no carriedOver: none were. */
function frozen(snapshot: Record<string, unknown>): EvaluationFigures {
  const figures = snapshot as unknown as EvaluationFigures;
  const counts = (tasks: TaskCounts): TaskCounts => ({ ...tasks, carriedOver: (tasks as Partial<TaskCounts>).carriedOver ?? 0 });
  return {
    ...figures,
    chapters: figures.chapters.map((c) => ({ ...c, tasks: counts(c.tasks), sections: c.sections.map((s) => ({ ...s, tasks: counts(s.tasks) })) })),
  };
}

function withText(figures: EvaluationFigures, saved: PlanEvaluationEntity | null): PlanEvaluation {
  return {
    ...figures,
    status: saved?.status ?? null,
    findings: saved?.findings ?? '',
    measures: saved?.measures ?? '',
    updatedAt: saved?.updatedAt.toISOString() ?? null,
    finalizedAt: saved?.finalizedAt?.toISOString() ?? null,
  };
}

/** A saved evaluation without its numbers: what the list and the writes return. */
function recordView(row: PlanEvaluationEntity) {
  const figures = row.snapshot as unknown as EvaluationFigures;
  return {
    id: row.id,
    planId: row.planId,
    asOf: row.asOf,
    status: row.status,
    findings: row.findings,
    measures: row.measures,
    totals: figures.totals,
    updatedBy: row.updatedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finalizedBy: row.finalizedBy,
    finalizedAt: row.finalizedAt?.toISOString() ?? null,
  };
}
