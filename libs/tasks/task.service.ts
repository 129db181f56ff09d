import { Inject, Injectable } from '@nestjs/common';
import { assigneeCleared } from '../audit/audit-details.js';
import { AuditService } from '../audit/audit.service.js';
import { confinedDepartment } from '../auth/permissions.js';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors.js';
import { type Actor, Role } from '../common/roles.js';
import type { TaskEntity } from '../db/entities/task.entity.js';
import { CarryOverRepository } from '../db/repositories/carry-over.repository.js';
import { DepartmentRepository } from '../db/repositories/department.repository.js';
import { EvidenceRepository } from '../db/repositories/evidence.repository.js';
import { ExtensionRepository } from '../db/repositories/extension.repository.js';
import { PlanRepository } from '../db/repositories/plan.repository.js';
import { PlanScope } from '../plan/plan-scope.js';
import { ProgressRepository } from '../db/repositories/progress.repository.js';
import { type TaskListFilter, TaskRepository } from '../db/repositories/task.repository.js';
import { UserRepository } from '../db/repositories/user.repository.js';
import { Transactions } from '../db/transaction.js';
import { CalendarService } from '../calendar/calendar.service.js';
import type { EscalationPolicy } from '../policy/escalation-policy.js';
import { ESCALATION_POLICY } from '../policy/policy.module.js';
import { DeadlineClock } from './deadline-clock.js';
import { periodOf, slotOwner } from './report-slots.js';
import { ReportSlotService, type SlotFact } from './report-slot.service.js';
import { AppConfig } from '../config/app-config.js';
import { type TaskEventKind, TaskEvents } from './task-events.js';
import { acceptsWork, allowedFrom, isOpen, nextStatus, type TaskLight, TaskStatus, TaskTransition } from './task-status.js';
import { TASK_MESSAGES } from './tasks.messages.js';
import { type DeadlineWindow, evidenceView, extensionView, progressView, taskSummaryView, taskView } from './task.view.js';
import type { Grade, ReportCycle, TaskAuditAction } from '../vocabulary/tasks.js';

/** Reports are due by the 5th of the month after each period unless the task says otherwise. */
export const DEFAULT_REPORT_DUE_DAY = 5;

export interface NewTask {
  title: string;
  description?: string;
  leadDepartment: string;
  coDepartments?: string[];
  assigneeId?: string;
  /** Null: open-ended (长期坚持), allowed only with `reportEvery`. */
  dueDate: string | null;
  clauseRef?: string;
  indicatorCodes?: string[];
  parentId?: string;
  /** The plan the task joins; default: its parent's, its clause's, or the current plan (PlanScope.forNewTask). */
  planId?: string;
  /** The owning supervisor (督办责任人); default: the creator. */
  supervisorId?: string;
  /** Submissions go to the lead department's leader first; default: the policy's `signOff`. */
  requireSignOff?: boolean;
  /** 定期报送: a progress report per month, quarter or half year, due by `reportDueDay` of the month after. */
  reportEvery?: ReportCycle;
  reportDueDay?: number;
  /** The day report periods start from; default the day the task is created. */
  reportFrom?: string;
  /** 配合单位反馈: each co-department owes its own report for every period too (default false). */
  coDepartmentsReport?: boolean;
}

export type TaskChanges = Partial<Omit<NewTask, 'parentId' | 'planId'>> & { version: number };

export interface TaskQuery {
  department?: string;
  status?: TaskStatus;
  overdue?: boolean;
  light?: TaskLight;
  dueBefore?: string;
  q?: string;
  parentId?: string;
  /** A plan's id or code (`?plan=`). */
  plan?: string;
  page: number;
  limit: number;
}

/** Fields whose changes the audit log and history show. */
const TRACKED = [
  'title',
  'description',
  'leadDepartmentCode',
  'coDepartmentCodes',
  'assigneeId',
  'supervisorId',
  'dueDate',
  'clauseRef',
  'indicatorCodes',
  'status',
  'returnReason',
  'grade',
  'requireSignOff',
  'cancelledAt',
  'reportEvery',
  'reportDueDay',
  'reportFrom',
  'coDepartmentsReport',
] as const;

@Injectable()
export class TaskService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly departments: DepartmentRepository,
    private readonly users: UserRepository,
    private readonly plans: PlanRepository,
    private readonly scope: PlanScope,
    private readonly progress: ProgressRepository,
    private readonly evidence: EvidenceRepository,
    private readonly extensions: ExtensionRepository,
    private readonly carryOvers: CarryOverRepository,
    private readonly audit: AuditService,
    private readonly clock: DeadlineClock,
    private readonly calendars: CalendarService,
    private readonly tx: Transactions,
    private readonly events: TaskEvents,
    private readonly slots: ReportSlotService,
    private readonly config: AppConfig,
    @Inject(ESCALATION_POLICY) private readonly policy: EscalationPolicy,
  ) {}

  async create(actor: Actor, input: NewTask) {
    await this.checkReferences(input.leadDepartment, input.coDepartments ?? [], input.assigneeId);
    checkOpenEnded(input.dueDate, input.reportEvery ?? null);
    const parent = await this.checkParent(actor, input);
    const planId = await this.scope.forNewTask({ planId: input.planId, parentPlanId: parent?.planId, clauseRef: input.clauseRef });
    if (input.supervisorId) await this.checkSupervisor(input.supervisorId);
    return this.tx.run(async () => {
      const task = await this.tasks.insert({
        title: input.title,
        description: input.description ?? '',
        leadDepartmentCode: input.leadDepartment,
        coDepartmentCodes: unique(input.coDepartments ?? []).filter((c) => c !== input.leadDepartment),
        assigneeId: input.assigneeId ?? null,
        dueDate: input.dueDate,
        planId,
        clauseRef: input.clauseRef ?? null,
        indicatorCodes: unique(input.indicatorCodes ?? []),
        parentId: input.parentId ?? null,
        status: TaskStatus.Assigned,
        createdBy: actor.id,
        // A department's own split keeps its parent's owner; a supervisor's task is its own unless it names another.
        supervisorId: input.supervisorId ?? (actor.role === Role.Supervisor ? actor.id : (parent?.supervisorId ?? null)),
        requireSignOff: input.requireSignOff ?? parent?.requireSignOff ?? this.policy.signOff === 'leader',
        reportEvery: input.reportEvery ?? null,
        reportDueDay: input.reportDueDay ?? DEFAULT_REPORT_DUE_DAY,
        reportFrom: input.reportFrom ?? null,
        coDepartmentsReport: input.coDepartmentsReport ?? false,
      });
      await this.audit.record({ actorId: actor.id, action: 'task.create', entityType: 'task', entityId: task.id, taskId: task.id, after: tracked(task) });
      await this.events.emit({ kind: 'task.assigned', task, actorId: actor.id });
      return this.view(task);
    });
  }

  async list(actor: Actor, query: TaskQuery) {
    const window = await this.clock.window();
    const planId = await this.scope.filter(query.plan);
    const { items, total } = await this.tasks.list({ ...listFilter(actor, query, window, planId), offset: (query.page - 1) * query.limit, limit: query.limit });
    return { items: items.map((row) => taskSummaryView(row, window)), total, page: query.page, limit: query.limit };
  }

  /** The task with its progress, evidence, extension requests and the clause it came from. */
  async get(id: string) {
    const task = await this.mustFind(id);
    const [progress, evidence, extensionRequests, clause, calendarNote, owner, children, moves] = await Promise.all([
      this.progress.listForTask(id),
      this.evidence.listForTask(id),
      this.extensions.listForTask(id),
      task.clauseRef ? this.plans.findClause(task.clauseRef, task.planId) : null,
      task.status === TaskStatus.Completed || task.dueDate === null ? null : this.calendars.calendarNote(task.dueDate),
      task.supervisorId ? this.users.findById(task.supervisorId) : null,
      this.tasks.childCounts(id),
      this.carryOvers.forTask(id),
    ]);
    const carried = moves.at(-1);
    return {
      ...(await this.view(task)),
      clauseText: clause?.text ?? null,
      /** The owning supervisor (督办责任人), by name for people. */
      supervisor: owner ? { id: owner.id, name: owner.name } : null,
      /** Set when the reminders of this deadline reach a year whose holidays are not published yet. */
      calendarNote,
      /** Decomposed work rolled up: sub-tasks in all, completed, and the completed share of those not cancelled (percent). */
      children: rollUp(children),
      /** The last carry-over (结转) that brought it into its plan; null when it was never carried. */
      carriedFrom: carried
        ? {
            planId: carried.fromPlanId,
            planCode: carried.fromPlanCode,
            planTitle: carried.fromPlanTitle,
            clauseRef: carried.fromClauseRef,
            movedAt: carried.movedAt,
            movedBy: carried.movedBy === null ? null : { id: carried.movedBy, name: carried.movedByName ?? '' },
          }
        : null,
      progress: progress.map(progressView),
      evidence: evidence.map(evidenceView),
      extensionRequests: extensionRequests.map(extensionView),
    };
  }

  async update(actor: Actor, id: string, changes: TaskChanges) {
    const { version, ...fields } = changes;
    if (Object.keys(fields).length === 0) throw new InvalidInputError(TASK_MESSAGES.nothingToChange);
    return this.tx.run(async () => {
      const task = await this.lockCurrent(id, version);
      if (!isOpen(task.status)) throw new ConflictError(TASK_MESSAGES.notEditable(task.status));
      await this.checkReferences(fields.leadDepartment ?? task.leadDepartmentCode, fields.coDepartments ?? [], fields.assigneeId);
      if (fields.clauseRef) await this.scope.checkClause(fields.clauseRef, task.planId);
      if (fields.supervisorId !== undefined) await this.checkSupervisor(fields.supervisorId);
      const before = tracked(task);
      // The work moves to another department: its assignee (of the old one, as every assignee is) no longer answers for it,
      // nor gets its reminders; the audit entry says so.
      const leadChanged = fields.leadDepartment !== undefined && fields.leadDepartment !== task.leadDepartmentCode;
      const unassigned = leadChanged && fields.assigneeId === undefined ? task.assigneeId : null;
      if (unassigned) task.assigneeId = null;
      if (fields.title !== undefined) task.title = fields.title;
      if (fields.description !== undefined) task.description = fields.description;
      if (fields.leadDepartment !== undefined) task.leadDepartmentCode = fields.leadDepartment;
      if (fields.coDepartments !== undefined) task.coDepartmentCodes = unique(fields.coDepartments);
      task.coDepartmentCodes = task.coDepartmentCodes.filter((c) => c !== task.leadDepartmentCode);
      if (fields.assigneeId !== undefined) task.assigneeId = fields.assigneeId;
      if (fields.supervisorId !== undefined) task.supervisorId = fields.supervisorId;
      if (fields.requireSignOff !== undefined) task.requireSignOff = fields.requireSignOff;
      if (fields.reportEvery !== undefined) task.reportEvery = fields.reportEvery;
      if (fields.reportDueDay !== undefined) task.reportDueDay = fields.reportDueDay;
      if (fields.reportFrom !== undefined) task.reportFrom = fields.reportFrom;
      if (fields.coDepartmentsReport !== undefined) task.coDepartmentsReport = fields.coDepartmentsReport;
      checkOpenEnded(fields.dueDate === undefined ? task.dueDate : fields.dueDate, task.reportEvery);
      // Report deadlines (or who owes them) moved: the sweep works the task's reminders out again (the ladder itself does not restart).
      const reporting = [fields.reportEvery, fields.reportDueDay, fields.reportFrom, fields.coDepartmentsReport, fields.coDepartments, fields.leadDepartment];
      if (reporting.some((f) => f !== undefined)) task.nextReminderAt = new Date();
      if (fields.dueDate !== undefined && fields.dueDate !== task.dueDate) {
        task.dueDate = fields.dueDate;
        restartLadder(task);
      }
      if (fields.clauseRef !== undefined) task.clauseRef = fields.clauseRef;
      if (fields.indicatorCodes !== undefined) task.indicatorCodes = unique(fields.indicatorCodes);
      const saved = await this.tasks.save(task);
      await this.recordChange(actor, 'task.update', saved, before, unassigned ? assigneeCleared(unassigned, before.leadDepartmentCode as string) : undefined);
      // Work handed to someone new (another assignee, or another lead department's liaisons) is theirs to hear of.
      const handedOver = before.leadDepartmentCode !== saved.leadDepartmentCode || (saved.assigneeId !== null && before.assigneeId !== saved.assigneeId);
      if (handedOver)
        await this.events.emit({ kind: 'task.assigned', task: saved, actorId: actor.id, detail: { previousAssigneeId: before.assigneeId as string | null } });
      return this.view(saved);
    });
  }

  /** 签收 / 提交 / 审签 / 通过 / 退回 / 撤销 / 重新打开: one status machine step, atomic under a row lock. */
  async transition(actor: Actor, id: string, transition: TaskTransition, input: TransitionInput = {}) {
    return this.tx.run(async () => {
      const task = await this.lockCurrent(id, input.version);
      const to = nextStatus(task.status, transition, task.requireSignOff);
      if (!to) throw new ConflictError(TASK_MESSAGES.stepRefused(task.status, allowedFrom(transition), transition));
      if (transition === TaskTransition.Return) checkReturner(actor, task);
      const before = tracked(task);
      const detail: Record<string, unknown> = {};
      if (transition === TaskTransition.Submit) {
        const evidenceIds = unique(input.evidenceIds ?? []);
        if (evidenceIds.length === 0) throw new InvalidInputError(TASK_MESSAGES.evidenceRequired);
        const foreign = await this.evidence.foreignIds(id, evidenceIds);
        if (foreign.length > 0) throw new InvalidInputError(TASK_MESSAGES.foreignEvidence(foreign));
        await this.progress.insert({
          taskId: id,
          authorId: actor.id,
          departmentCode: actor.departmentCode ?? task.leadDepartmentCode,
          kind: 'submission',
          note: input.summary ?? '',
          percent: 100,
          evidenceIds,
        });
        task.submittedAt = new Date();
        // The fair clock: the sweep pauses the deadline ladder and starts the review steps (sign-off included).
        task.nextReminderAt = task.submittedAt;
        Object.assign(detail, { summary: input.summary, evidenceIds });
      }
      if (transition === TaskTransition.SignOff) Object.assign(detail, { comment: input.comment });
      if (transition === TaskTransition.Approve) {
        const open = await this.tasks.openChildren(id);
        if (open.length > 0) throw new ConflictError(TASK_MESSAGES.openChildrenBlockApproval(open.map((c) => c.code ?? c.title)));
        task.completedAt = new Date();
        task.nextReminderAt = null; // completed work gets no more reminders
        task.grade = input.grade ?? null;
        task.percent = 100;
        Object.assign(detail, { comment: input.comment, grade: input.grade });
      }
      if (transition === TaskTransition.Return) {
        task.returnReason = input.reason ?? null;
        // Back with the department: its ladder resumes where the deadline stands (steps passed during review collapse into the latest one).
        restartLadder(task);
        Object.assign(detail, { reason: input.reason });
      }
      if (transition === TaskTransition.Cancel) {
        await this.settleChildren(actor, task, input);
        task.cancelledAt = new Date();
        task.nextReminderAt = null; // cancelled work gets no reminders
        Object.assign(detail, { reason: input.reason, ...(input.children ? { children: input.children } : {}) });
      }
      if (transition === TaskTransition.Reopen) {
        // Open again as work in hand: the approval or withdrawal no longer stands, and the ladder resumes where the deadline stands.
        task.completedAt = null;
        task.cancelledAt = null;
        task.grade = null;
        restartLadder(task);
        Object.assign(detail, { reason: input.reason });
      }
      task.status = to;
      const saved = await this.tasks.save(task);
      await this.recordChange(actor, TRANSITION_ACTION[transition], saved, before, detail);
      const kind = transitionEvent(transition, to);
      if (kind) await this.events.emit({ kind, task: saved, actorId: actor.id, detail: { reason: input.reason, comment: input.comment } });
      return this.view(saved);
    });
  }

  /** Cancelling a parent with open sub-tasks needs a word on them: cancel them too, or keep them (they stand on their own). */
  private async settleChildren(actor: Actor, parent: TaskEntity, input: TransitionInput): Promise<void> {
    const open = await this.tasks.openChildren(parent.id);
    if (open.length === 0) return;
    if (!input.children) {
      throw new ConflictError(TASK_MESSAGES.openChildrenNeedChoice(open.map((c) => c.code ?? c.title)));
    }
    if (input.children === 'keep') return;
    for (const { id } of open) {
      const child = await this.lockCurrent(id);
      const before = tracked(child);
      child.status = TaskStatus.Cancelled;
      child.cancelledAt = new Date();
      child.nextReminderAt = null;
      const saved = await this.tasks.save(child);
      await this.recordChange(actor, 'task.cancel', saved, before, { reason: input.reason, parentId: parent.id });
      await this.events.emit({ kind: 'task.cancelled', task: saved, actorId: actor.id, detail: { reason: input.reason } });
    }
  }

  async addProgress(actor: Actor, id: string, input: { note: string; percent?: number; evidenceIds?: string[]; period?: string }) {
    return this.tx.run(async () => {
      const task = await this.lockCurrent(id);
      if (!acceptsWork(task.status)) throw new ConflictError(TASK_MESSAGES.noMoreProgress(task.status));
      const department = actor.departmentCode ?? task.leadDepartmentCode;
      if (input.period !== undefined) await this.checkPeriod(task, input.period, department);
      const evidenceIds = unique(input.evidenceIds ?? []);
      const foreign = await this.evidence.foreignIds(id, evidenceIds);
      if (foreign.length > 0) throw new InvalidInputError(TASK_MESSAGES.foreignEvidence(foreign));
      const report = await this.progress.insert({
        taskId: id,
        authorId: actor.id,
        departmentCode: department,
        kind: 'progress',
        note: input.note,
        percent: input.percent ?? null,
        evidenceIds,
        period: input.period ?? null,
      });
      // Only the lead department's figure moves the task's percentage.
      if (input.percent !== undefined && actor.departmentCode === task.leadDepartmentCode) {
        task.percent = input.percent;
        await this.tasks.save(task);
      }
      await this.audit.record({
        actorId: actor.id,
        action: 'task.progress',
        entityType: 'progress_report',
        entityId: report.id,
        taskId: id,
        after: {
          note: report.note,
          percent: report.percent,
          evidenceIds,
          ...(report.period ? { period: report.period, departmentCode: slotOwner(task, department) } : {}),
        },
      });
      return progressView(report);
    });
  }

  /** The task's report slots (定期报送) — the lead department's — with their state today: filed, late, missed or open, and the report that filed each. */
  async reportSlots(id: string) {
    const task = await this.mustFind(id);
    return (await this.slots.ofTask(task)).filter((slot) => slot.departmentCode === task.leadDepartmentCode).map(slotView);
  }

  /**
   * 配合单位反馈: each reporting co-department's slots with its latest report and the periods it missed — all of them for
   * the lead department and those who oversee the task, its own for a co-department; none unless the task asks for them.
   */
  async coReportSlots(actor: Actor, id: string) {
    const task = await this.mustFind(id);
    if (!task.coDepartmentsReport) return [];
    const confined = confinedDepartment(actor);
    const shown = confined === null || confined === task.leadDepartmentCode ? task.coDepartmentCodes : task.coDepartmentCodes.filter((c) => c === confined);
    const [facts, departments] = await Promise.all([this.slots.ofTask(task), this.departments.list()]);
    const names = new Map(departments.map((d) => [d.code, d.name]));
    return shown.map((code) => {
      const slots = facts.filter((slot) => slot.departmentCode === code).map(slotView);
      const reported = slots.filter((slot) => slot.status === 'filed' || slot.status === 'late');
      return {
        departmentCode: code,
        departmentName: names.get(code) ?? code,
        latest: reported.at(-1) ?? null,
        missed: slots.filter((slot) => slot.status === 'missed').map((slot) => slot.period),
        slots,
      };
    });
  }

  /**
   * 本月待报: the report periods of open tasks that are owed — never filed and due by the end of this month
   * (those past their deadline are missed, 逾期未报) — for the caller's department, or one a supervisor names.
   */
  async reportsOwed(actor: Actor, department?: string) {
    const monthEnd = periodOf('P1M', this.clock.today()).to;
    const facts = await this.slots.facts({ department: confinedDepartment(actor) ?? department ?? null });
    return facts
      .filter((slot) => slot.open && slot.filedOn === null && slot.dueDate <= monthEnd)
      .map((slot) => ({
        taskId: slot.taskId,
        taskCode: slot.taskCode,
        taskTitle: slot.taskTitle,
        leadDepartmentCode: slot.leadDepartmentCode,
        departmentCode: slot.departmentCode,
        period: slot.period,
        from: slot.from,
        to: slot.to,
        dueDate: slot.dueDate,
        status: slot.status,
      }))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.taskTitle.localeCompare(b.taskTitle, 'zh-CN'));
  }

  /**
   * A report may file a period of the task's cycle that has begun (a second one for a filed period updates it: audited,
   * no new slot). A co-department files its own periods only, and only when the task asks co-departments to report.
   */
  private async checkPeriod(task: TaskEntity, period: string, department: string) {
    if (!task.reportEvery) throw new InvalidInputError(TASK_MESSAGES.noReportCycle);
    if (task.coDepartmentCodes.includes(department) && !task.coDepartmentsReport) throw new InvalidInputError(TASK_MESSAGES.coDepartmentsDoNotReport);
    const slot = await this.slots.slotOf(task, period);
    if (!slot) throw new InvalidInputError(TASK_MESSAGES.unknownPeriod(period));
    if (slot.from > this.clock.today()) throw new InvalidInputError(TASK_MESSAGES.periodNotStarted(period, slot.from));
  }

  /** An approved extension moves the deadline (and, with it, restarts the reminder ladder). */
  async moveDeadline(actor: Actor, task: TaskEntity, dueDate: string, detail: Record<string, unknown>) {
    const before = tracked(task);
    task.dueDate = dueDate;
    restartLadder(task);
    const saved = await this.tasks.save(task);
    await this.recordChange(actor, 'task.extend', saved, before, detail);
  }

  async history(id: string) {
    await this.mustFind(id);
    const entries = await this.audit.forTask(id);
    const actorIds = unique(entries.map((e) => e.actorId).filter((a): a is string => a !== null));
    const actors = new Map((await Promise.all(actorIds.map((a) => this.users.findById(a)))).filter((u) => u !== null).map((u) => [u.id, u]));
    return entries.map((e) => {
      const actor = e.actorId ? actors.get(e.actorId) : undefined;
      return {
        at: e.at.toISOString(),
        actor: actor ? { id: actor.id, name: actor.name, email: actor.email, role: actor.role } : null,
        action: e.action,
        from: (e.before?.status as string | undefined) ?? null,
        to: (e.after?.status as string | undefined) ?? null,
        detail: { ...(e.detail ?? {}), before: e.before, after: e.after },
      };
    });
  }

  /** Locks the task for this transaction and checks the caller's `version`, when given. */
  async lockCurrent(id: string, version?: number): Promise<TaskEntity> {
    const task = await this.tasks.findByIdForUpdate(id);
    if (!task) throw new NotFoundError(TASK_MESSAGES.notFound(id));
    if (version !== undefined && task.version !== version) {
      throw new ConflictError(TASK_MESSAGES.staleVersion(task.version, version));
    }
    return task;
  }

  async recordChange(actor: Actor, action: TaskAuditAction, task: TaskEntity, before: Record<string, unknown>, detail?: Record<string, unknown>) {
    const after = tracked(task);
    const changedBefore: Record<string, unknown> = {};
    const changedAfter: Record<string, unknown> = {};
    for (const key of TRACKED) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
        changedBefore[key] = before[key];
        changedAfter[key] = after[key];
      }
    }
    await this.audit.record({
      actorId: actor.id,
      action,
      entityType: 'task',
      entityId: task.id,
      taskId: task.id,
      before: changedBefore,
      after: changedAfter,
      detail: detail ?? null,
    });
  }

  async view(task: TaskEntity) {
    return taskView(task, await this.clock.window());
  }

  private async mustFind(id: string): Promise<TaskEntity> {
    const task = await this.tasks.findById(id);
    if (!task) throw new NotFoundError(TASK_MESSAGES.notFound(id));
    return task;
  }

  /**
   * Decomposition (分解): a supervisor may split any task; the lead department's liaison or leader only its own, into parts
   * for itself or a co-department. A sub-task is due no later than its parent, and only open work is split.
   */
  private async checkParent(actor: Actor, input: NewTask): Promise<TaskEntity | null> {
    const department = confinedDepartment(actor);
    if (!input.parentId) {
      if (actor.role !== Role.Supervisor) throw new ForbiddenError(TASK_MESSAGES.onlySupervisorsCreate);
      return null;
    }
    const parent = await this.tasks.findById(input.parentId);
    const visible = parent && (department === null || parent.leadDepartmentCode === department || parent.coDepartmentCodes.includes(department));
    if (!parent || !visible) {
      if (department === null) throw new InvalidInputError(TASK_MESSAGES.unknownParent(input.parentId));
      throw new NotFoundError(TASK_MESSAGES.notFound(input.parentId));
    }
    if (department !== null && parent.leadDepartmentCode !== department) throw new ForbiddenError(TASK_MESSAGES.onlyLeadSplits);
    if (!isOpen(parent.status)) throw new ConflictError(TASK_MESSAGES.parentClosed(parent.status));
    const parts = [parent.leadDepartmentCode, ...parent.coDepartmentCodes];
    if (department !== null && !parts.includes(input.leadDepartment)) {
      throw new InvalidInputError(TASK_MESSAGES.childOutsideParent(parts));
    }
    // An open-ended parent (长期坚持) bounds nothing; under a final deadline a part has one too, no later.
    if (parent.dueDate !== null && (input.dueDate === null || input.dueDate > parent.dueDate))
      throw new InvalidInputError(TASK_MESSAGES.childDueAfterParent(parent.dueDate));
    return parent;
  }

  private async checkSupervisor(id: string) {
    const supervisor = await this.users.findById(id);
    if (!supervisor || !supervisor.active || supervisor.role !== Role.Supervisor) throw new InvalidInputError(TASK_MESSAGES.notASupervisor(id));
  }

  private async checkReferences(lead: string, co: string[], assigneeId: string | undefined) {
    const unknown = await this.departments.unknownCodes(unique([lead, ...co]));
    if (unknown.length > 0) throw new InvalidInputError(TASK_MESSAGES.unknownDepartments(unknown));
    if (assigneeId) {
      const assignee = await this.users.findById(assigneeId);
      if (!assignee) throw new InvalidInputError(TASK_MESSAGES.unknownAssignee(assigneeId));
      if (assignee.departmentCode !== lead) throw new InvalidInputError(TASK_MESSAGES.assigneeOutsideLead(assignee.name, lead));
    }
  }
}

export interface TransitionInput {
  version?: number;
  /** Cancelling a parent: what becomes of its open sub-tasks. */
  children?: 'cancel' | 'keep';
  summary?: string;
  evidenceIds?: string[];
  comment?: string;
  grade?: Grade;
  reason?: string;
}

const TRANSITION_ACTION: Record<TaskTransition, TaskAuditAction> = {
  [TaskTransition.Accept]: 'task.accept',
  [TaskTransition.Submit]: 'task.submit',
  [TaskTransition.SignOff]: 'task.signoff',
  [TaskTransition.Approve]: 'task.approve',
  [TaskTransition.Return]: 'task.return',
  [TaskTransition.Cancel]: 'task.cancel',
  [TaskTransition.Reopen]: 'task.reopen',
};

/** Whom a step concerns next, as a notification kind (the notifications domain picks the people); accepting concerns no one. */
function transitionEvent(transition: TaskTransition, to: TaskStatus): TaskEventKind | null {
  switch (transition) {
    case TaskTransition.Submit:
      return to === TaskStatus.LeaderReview ? 'task.signoff_needed' : 'task.submitted';
    case TaskTransition.SignOff:
      return 'task.submitted';
    case TaskTransition.Approve:
      return 'task.approved';
    case TaskTransition.Return:
      return 'task.returned';
    case TaskTransition.Cancel:
      return 'task.cancelled';
    case TaskTransition.Reopen:
      return 'task.reopened';
    case TaskTransition.Accept:
      return null;
  }
}

/** The supervisor returns what waits for review; the lead department's leader what waits for its sign-off. */
function checkReturner(actor: Actor, task: TaskEntity): void {
  const expected = task.status === TaskStatus.LeaderReview ? Role.Leader : Role.Supervisor;
  if (actor.role === expected) return;
  throw new ForbiddenError(task.status === TaskStatus.LeaderReview ? TASK_MESSAGES.returnAwaitsLeader : TASK_MESSAGES.returnAwaitsSupervisor);
}

/** What `GET /tasks` filters by, for the caller: the list and its Excel export share it. */
export function listFilter(
  actor: Actor,
  query: Omit<TaskQuery, 'page' | 'limit'>,
  window: DeadlineWindow,
  planId: string | undefined,
): Omit<TaskListFilter, 'offset' | 'limit'> {
  return {
    planId,
    visibleDepartment: confinedDepartment(actor) ?? undefined,
    department: query.department,
    status: query.status,
    overdueBefore: query.overdue ? window.today : undefined,
    light: query.light ? { light: query.light, today: window.today, warnUntil: window.warnUntil } : undefined,
    timeZone: window.timeZone,
    dueBefore: query.dueBefore,
    q: query.q,
    parentId: query.parentId,
  };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** A new deadline starts the reminder ladder again, from now; the sweep looks at the task at once. */
export function restartLadder(task: TaskEntity): void {
  const now = new Date();
  task.ladderFrom = now;
  task.nextReminderAt = now;
}

/** One report period as the task page shows it. */
function slotView(slot: SlotFact) {
  return {
    period: slot.period,
    from: slot.from,
    to: slot.to,
    dueDate: slot.dueDate,
    status: slot.status,
    progressId: slot.progressId,
    departmentCode: slot.departmentCode,
  };
}

function tracked(task: TaskEntity): Record<string, unknown> {
  return Object.fromEntries(TRACKED.map((k) => [k, task[k]]));
}

/** The parent's figures of its sub-tasks; cancelled parts are left out of the share. */
export function rollUp(counts: { total: number; completed: number; cancelled: number }) {
  const counted = counts.total - counts.cancelled;
  return { total: counts.total, completed: counts.completed, percent: counted > 0 ? Math.round((100 * counts.completed) / counted) : null };
}

/** An open-ended task (长期坚持, no final deadline) is tracked by its report periods alone: without a cycle nothing would be owed. */
function checkOpenEnded(dueDate: string | null, reportEvery: ReportCycle | null): void {
  if (dueDate === null && reportEvery === null) throw new InvalidInputError(TASK_MESSAGES.openEndedNeedsCycle);
}
