import { randomUUID } from 'node:crypto';
import { Metrics } from '../metrics/metrics.js';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { WorkdayCalendar } from '../calendar/workday-calendar.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { addDays, calendarDate, daysBetween } from '../common/dates.js';
import { AppConfig } from '../config/app-config.js';
import { DepartmentRepository } from '../db/repositories/department.repository.js';
import { type DueTask, LadderRepository, type NewDelivery, type NewNotification, type Recipient } from '../db/repositories/ladder.repository.js';
import { Transactions } from '../db/transaction.js';
import type { EscalationPolicy, EscalationStep, TemplateName } from '../policy/escalation-policy.js';
import { ESCALATION_POLICY } from '../policy/policy.module.js';
import { DeliveryQueue } from './delivery-queue.js';
import { mailDelivery } from './channels/mail/mail-delivery.js';
import { robotDelivery } from './channels/robot/robot-delivery.js';
import { awaitsReview, isOpen } from '../tasks/task-status.js';
import { type ReportSlot, ReportSlotMemo, reportingDepartments, slotOwner } from '../tasks/report-slots.js';
import { dueSteps, nextStepAt, reviewStepMoment, stepMoment } from './reminder-ladder.js';
import { escapeMarkdown } from './markdown.js';
import { type ListCap, type ReminderItem, renderDigest, renderItem, renderMarkdown } from './templates.js';
import { renderEventDigest } from './event-templates.js';
import { NOTIFICATION_MESSAGES, ROBOT_DIGEST } from './notifications.messages.js';

/** Tasks handled per transaction; a larger backlog is worked through in several. */
const BATCH = 5000;
/**
 * Review steps are recorded under step indices from here on, beside the deadline ladder's
 * (the notification key is task, step, recipient and date; a review step's date is the submission's).
 */
export const REVIEW_STEP_BASE = 1000;
/** Report-period steps (定期报送) likewise, from here on; their notification's date is the period's report deadline. */
export const REPORT_STEP_BASE = 2000;
/** How far past today an open-ended task's report periods are worked out (its next period's steps lie within it). */
const OPEN_ENDED_HORIZON_DAYS = 366;

/**
 * Finds the ladder steps that have fallen due, records each (task, step,
 * recipient, deadline) once as a notification, groups them into one mail per
 * recipient (and one robot message per department), and queues the deliveries.
 * The database decides what is due; the queue only carries what was recorded.
 */
@Injectable()
export class ReminderSweep implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ReminderSweep.name);
  private unsubscribe?: () => void;

  constructor(
    private readonly ladder: LadderRepository,
    private readonly departments: DepartmentRepository,
    private readonly calendars: CalendarService,
    private readonly deliveries: DeliveryQueue,
    private readonly config: AppConfig,
    @Inject(ESCALATION_POLICY) private readonly policy: EscalationPolicy,
    private readonly tx: Transactions,
    private readonly metrics: Metrics,
  ) {}

  /** Moved holidays move ladder steps: let the next sweep work every open ladder out again. */
  onModuleInit() {
    this.unsubscribe = this.calendars.onDaysChanged(() => this.tx.run(() => this.ladder.rescheduleOpenTasks()));
  }

  onModuleDestroy() {
    this.unsubscribe?.();
  }

  async run(now: Date = new Date()): Promise<{ recorded: number; deliveries: string[] }> {
    const timer = this.metrics.sweepDuration.startTimer();
    let recorded = 0;
    const deliveries: string[] = [];
    for (;;) {
      const batch = await this.tx.run(() => this.sweepBatch(now));
      recorded += batch.recorded;
      deliveries.push(...batch.deliveries);
      // Queue after commit: a job must never point at a row that is not there yet.
      if (batch.deliveries.length > 0) await this.deliveries.enqueue(batch.deliveries);
      if (batch.tasks < BATCH) break;
    }
    // What happened to tasks since the last sweep: each person's event notifications in one mail (the digest).
    for (;;) {
      const batch = await this.tx.run(() => this.mailEvents());
      deliveries.push(...batch.deliveries);
      if (batch.deliveries.length > 0) await this.deliveries.enqueue(batch.deliveries);
      if (batch.claimed < BATCH) break;
    }
    if (recorded > 0) this.logger.log(`已记录 ${recorded} 条提醒，待发送 ${deliveries.length} 封`);
    this.metrics.sweepRecorded.inc(recorded);
    timer();
    return { recorded, deliveries };
  }

  /**
   * The event notifications written since the last sweep (TaskEventNotifier) that are to be mailed:
   * one mail per person and one robot message per lead department, recorded and linked in one
   * transaction, so a crash before the commit leaves them pending for the next sweep and a crash
   * after it leaves deliveries the recovery re-queues — never a second mail.
   */
  private async mailEvents(): Promise<{ claimed: number; deliveries: string[] }> {
    const pending = await this.ladder.lockPendingEventMails(BATCH);
    if (pending.length === 0) return { claimed: 0, deliveries: [] };
    const mails: NewDelivery[] = [];
    const mailOf = new Map<string, string>();
    for (const [recipientId, rows] of groupBy(pending, (n) => n.recipientId)) {
      const { subject, body } = renderEventDigest(rows, this.cap.maxItems, this.cap.listLink);
      const id = randomUUID();
      mailOf.set(recipientId, id);
      mails.push(mailDelivery(id, { id: recipientId, email: rows[0].email }, subject, body));
    }
    const robots = await this.ladder.webhooks([...new Set(pending.map((n) => n.leadDepartmentCode))]);
    const names = new Map((await this.departments.list()).map((d) => [d.code, d.name]));
    // Once per event, however many people it went to.
    const events = [...new Map(pending.map((n) => [`${n.taskId}|${n.kind}|${n.createdAt.getTime()}`, n])).values()];
    const messages = robots.flatMap((robot): NewDelivery[] => {
      const rows = events.filter((n) => n.leadDepartmentCode === robot.departmentCode);
      if (rows.length === 0) return [];
      const heading = (name: string) => ROBOT_DIGEST.heading(name, rows.length);
      const name = names.get(robot.departmentCode) ?? robot.departmentCode;
      const lines = rows.slice(0, this.cap.maxItems).map((n) => ROBOT_DIGEST.line(escapeMarkdown(n.subject), `${this.publicUrl}/tasks/${n.taskId}`));
      const more = rows.length > lines.length ? ROBOT_DIGEST.more(rows.length - lines.length, this.cap.listLink) : '';
      return [robotDelivery(robot, heading(name), `### ${heading(escapeMarkdown(name))}\n${lines.join('\n')}${more}`)];
    });
    await this.ladder.insertDeliveries([...mails, ...messages]);
    await this.ladder.settleEventMails(pending.map((n) => ({ id: n.id, deliveryId: mailOf.get(n.recipientId) ?? null })));
    return { claimed: pending.length, deliveries: [...mails, ...messages].map((d) => d.id) };
  }

  private async sweepBatch(now: Date) {
    const tasks = await this.ladder.lockDueTasks(now, BATCH);
    if (tasks.length === 0) return { tasks: 0, recorded: 0, deliveries: [] as string[] };
    const calendar = await this.calendars.calendar();
    const names = new Map((await this.departments.list()).map((d) => [d.code, d.name]));
    const people = await this.people(tasks);
    const today = calendarDate(this.config.TZ, now);

    const wanted: Wanted[] = [];
    // Each recipient's mail of this batch is named before its notifications are written, so that they are written once, already linked to it.
    const mailIds = new Map<string, string>();
    const mailOf = (recipientId: string) => {
      let id = mailIds.get(recipientId);
      if (!id) mailIds.set(recipientId, (id = randomUUID()));
      return id;
    };
    // Tasks share deadlines and start moments by the thousand: work each ladder out once per batch.
    const ladders = new Map<string, { due: number[]; next: Date | null }>();
    const ladderOf = (task: DueTask & { dueDate: string }) => {
      const key = `${task.dueDate}|${task.ladderFrom.getTime()}`;
      let ladder = ladders.get(key);
      if (!ladder) {
        const moments = this.policy.steps.map((step) => stepMoment(task.dueDate, step, calendar, this.config.TZ));
        ladder = { due: dueSteps(moments, task.ladderFrom, now), next: nextStepAt(moments, task.ladderFrom, now) };
        ladders.set(key, ladder);
      }
      return ladder;
    };
    // 定期报送: each report deadline's moments (and the first of them) and each period's slot, worked out once per batch (tasks share them by the thousand).
    const reportMoments = new Map<string, { moments: Date[]; first: number }>();
    const reportMomentsOf = (dueDate: string) => {
      let found = reportMoments.get(dueDate);
      if (!found) {
        const moments = this.policy.reports.map((step) => stepMoment(dueDate, step, calendar, this.config.TZ));
        reportMoments.set(dueDate, (found = { moments, first: Math.min(...moments.map((m) => m.getTime())) }));
      }
      return found;
    };
    const slots = new ReportSlotMemo(this.policy.workdays ? calendar : undefined);
    // An open-ended task's periods are worked out a year past today: its next period's first step is then known.
    const horizon = addDays(today, OPEN_ENDED_HORIZON_DAYS);
    const filed = await this.ladder.filedPeriods(tasks.filter((t) => t.reportEvery).map((t) => t.id));
    const next: Array<{ id: string; at: Date | null }> = [];
    // `owner`: the co-department whose own report period (配合单位反馈) this is; its people hear of it, and it keys the notification.
    const record = (
      task: DueTask,
      steps: EscalationStep[],
      due: number[],
      indexBase: number,
      keyDate: string,
      daysWaiting?: number,
      slot?: ReportSlot,
      owner?: string,
    ) => {
      for (const index of due) {
        const step = steps[index];
        const base = this.item(task, slot?.dueDate ?? task.dueDate, step.template, names, today, calendar);
        const coDepartmentName = owner ? (names.get(owner) ?? owner) : undefined;
        const item = slot ? { ...base, period: slot.period, coDepartmentName } : { ...base, daysWaiting };
        const { subject, body } = renderItem(item);
        for (const recipient of people.resolve(task, step.to, owner)) {
          wanted.push({
            taskId: task.id,
            stepIndex: indexBase + index,
            stepAt: step.atText,
            recipientId: recipient.id,
            dueDate: keyDate,
            template: step.template,
            subject,
            body,
            deliveryId: mailOf(recipient.id),
            coDepartmentCode: owner ?? '',
            item,
          });
        }
      }
    };
    for (const task of tasks) {
      if (!isOpen(task.status)) {
        next.push({ id: task.id, at: null });
      } else if (awaitsReview(task.status) && task.submittedAt) {
        // The fair clock: while the work waits for review the department hears nothing; the reviewers are reminded from the submission on.
        const moments = this.policy.review.map((step) => reviewStepMoment(task.submittedAt!, step, calendar, this.config.TZ));
        const submittedOn = calendarDate(this.config.TZ, task.submittedAt);
        record(task, this.policy.review, dueSteps(moments, task.submittedAt, now), REVIEW_STEP_BASE, submittedOn, daysBetween(submittedOn, today));
        next.push({ id: task.id, at: nextStepAt(moments, task.submittedAt, now) });
      } else {
        // An open-ended task (长期坚持) has no final deadline: no deadline steps, its report periods' alone.
        const ladder = task.dueDate === null ? { due: [], next: null } : ladderOf(task as DueTask & { dueDate: string });
        if (task.dueDate !== null) record(task, this.policy.steps, ladder.due, 0, task.dueDate);
        let at = ladder.next;
        // Each department's report period not filed runs the report steps against its own deadline; a filed one stops (that department's only).
        const taskSlots = slots.taskSlots(task, this.config.TZ, horizon);
        const filedBy = filedByOwner(task, filed.get(task.id));
        // A period whose steps all lie ahead (most of a long task's): nothing is due, and its first step is its next.
        const ahead = Math.max(now.getTime(), task.ladderFrom.getTime());
        let firstAhead = Infinity;
        for (const department of taskSlots.length > 0 ? reportingDepartments(task) : []) {
          const owner = department === task.leadDepartmentCode ? undefined : department;
          for (const slot of taskSlots) {
            if (filedBy.get(department)?.has(slot.period)) continue;
            const { moments, first } = reportMomentsOf(slot.dueDate);
            if (first > ahead) {
              // Slots come in order and so do their moments: this department's later periods all lie further ahead.
              firstAhead = Math.min(firstAhead, first);
              break;
            }
            record(task, this.policy.reports, dueSteps(moments, task.ladderFrom, now), REPORT_STEP_BASE, slot.dueDate, undefined, slot, owner);
            at = earliest(at, nextStepAt(moments, task.ladderFrom, now));
          }
        }
        if (firstAhead < Infinity) at = earliest(at, new Date(firstAhead));
        next.push({ id: task.id, at });
      }
    }

    const inserted = await this.ladder.insertNotifications(wanted);
    const deliveries = [...(await this.mails(inserted, people)), ...(await this.robotMessages(inserted, tasks, names))];
    await this.ladder.setNextReminders(next);
    return { tasks: tasks.length, recorded: inserted.length, deliveries };
  }

  /** One mail per recipient listing its new reminders (the first DIGEST_MAX_ITEMS of them; the in-app list has all). */
  private async mails(inserted: Wanted[], people: People) {
    const mails: NewDelivery[] = [];
    for (const [recipientId, rows] of groupBy(inserted, (n) => n.recipientId)) {
      const recipient = people.byId.get(recipientId);
      if (!recipient) continue;
      const { subject, body } = renderDigest(
        rows.map((n) => n.item),
        this.cap,
      );
      mails.push(mailDelivery(rows[0].deliveryId!, recipient, subject, body));
    }
    await this.ladder.insertDeliveries(mails);
    return mails.map((m) => m.id);
  }

  /** One message per department robot listing its tasks' new reminders (once per task and step, capped like a digest). */
  private async robotMessages(inserted: Wanted[], tasks: DueTask[], names: Map<string, string>) {
    if (inserted.length === 0) return [];
    const leadOf = new Map(tasks.map((t) => [t.id, t.leadDepartmentCode]));
    // A co-department's own report period goes to its robot; everything else to the lead department's.
    const departmentOf = (n: Wanted) => n.coDepartmentCode || leadOf.get(n.taskId)!;
    const robots = await this.ladder.webhooks([...new Set(inserted.map(departmentOf))]);
    if (robots.length === 0) return [];
    // Once per task, step and department, however many people it went to.
    const steps = new Map(inserted.map((n) => [`${n.taskId}|${n.stepIndex}|${n.coDepartmentCode ?? ''}`, n]));
    const byDepartment = groupBy([...steps.values()], departmentOf);
    const messages = robots.flatMap((robot): NewDelivery[] => {
      const rows = byDepartment.get(robot.departmentCode);
      if (!rows) return [];
      const { title, text } = renderMarkdown(
        names.get(robot.departmentCode) ?? robot.departmentCode,
        rows.map((n) => n.item),
        this.cap,
      );
      return [robotDelivery(robot, title, text)];
    });
    await this.ladder.insertDeliveries(messages);
    return messages.map((m) => m.id);
  }

  /** How long lists in mails and robot messages get, and where people see the whole list. */
  private get cap(): ListCap {
    return { maxItems: this.config.DIGEST_MAX_ITEMS, listLink: `${this.publicUrl}/notifications` };
  }

  private get publicUrl(): string {
    return this.config.PUBLIC_URL.replace(/\/$/, '');
  }

  /** `dueDate` is the deadline the item is about: the task's (null: open-ended), or a report period's. */
  private item(
    task: DueTask,
    dueDate: string | null,
    template: TemplateName,
    names: Map<string, string>,
    today: string,
    calendar: WorkdayCalendar,
  ): ReminderItem {
    const year = Number((dueDate ?? today).slice(0, 4));
    return {
      template,
      taskTitle: task.title,
      departmentName: names.get(task.leadDepartmentCode) ?? task.leadDepartmentCode,
      dueDate,
      daysOverdue: dueDate === null ? 0 : daysBetween(dueDate, today),
      link: `${this.publicUrl}/tasks/${task.id}`,
      calendarNote: this.policy.workdays && !calendar.hasDataFor(year) ? NOTIFICATION_MESSAGES.calendarNote(year) : null,
    };
  }

  private async people(tasks: DueTask[]): Promise<People> {
    // Co-departments that report their own part hear of their periods.
    const departments = [...new Set(tasks.flatMap((t) => (t.reportEvery ? reportingDepartments(t) : [t.leadDepartmentCode])))];
    const staff = await this.ladder.recipients(departments);
    const named = tasks.flatMap((t) => [t.assigneeId, t.supervisorId]).filter((a): a is string => a !== null);
    return new People([...staff, ...(await this.ladder.usersById([...new Set(named)]))]);
  }
}

/** A notification to record, with the reminder it shows (for the digest and the robot message). */
type Wanted = NewNotification & { item: ReminderItem };

/** Who a step's `to` names, for one task. */
class People {
  readonly byId: Map<string, Recipient>;
  /** Users by `role|department` (supervisors under `supervisor|`), built once per batch. */
  private readonly byRole = new Map<string, Recipient[]>();

  constructor(users: Recipient[]) {
    this.byId = new Map(users.map((u) => [u.id, u]));
    for (const user of this.byId.values()) {
      const key = `${user.role}|${user.role === 'supervisor' ? '' : (user.departmentCode ?? '')}`;
      this.byRole.set(key, [...(this.byRole.get(key) ?? []), user]);
    }
  }

  /** `department`: a co-department's own report period — its liaisons stand for the assignee (who is the lead's) and its leader for the leader. */
  resolve(task: DueTask, to: string[], department?: string): Recipient[] {
    const found = new Map<string, Recipient>();
    const of = (role: string) => this.byRole.get(`${role}|${department ?? task.leadDepartmentCode}`) ?? [];
    for (const who of to) {
      const assignee = task.assigneeId && !department ? this.byId.get(task.assigneeId) : undefined;
      const chosen =
        who === 'assignee'
          ? assignee
            ? [assignee]
            : of('liaison')
          : who === 'liaisons'
            ? of('liaison')
            : who === 'leader'
              ? of('leader')
              : who === 'supervisor'
                ? this.owner(task)
                : who === 'supervisors'
                  ? this.supervisors
                  : [];
      for (const user of chosen) found.set(user.id, user);
    }
    return [...found.values()];
  }

  private get supervisors(): Recipient[] {
    return this.byRole.get('supervisor|') ?? [];
  }

  /** The task's owning supervisor while that account is active; a task without one (or whose owner left) falls back to every supervisor, so no alert goes unread. */
  private owner(task: DueTask): Recipient[] {
    const owner = task.supervisorId ? this.byId.get(task.supervisorId) : undefined;
    return owner ? [owner] : this.supervisors;
  }
}

/** A task's filed periods by the department whose slots they fill (a former lead's filings are the lead's: `slotOwner`). */
function filedByOwner(task: DueTask, filings: Array<{ departmentCode: string; periods: Set<string> }> = []): Map<string, Set<string>> {
  const byOwner = new Map<string, Set<string>>();
  for (const { departmentCode, periods } of filings) {
    const owner = slotOwner(task, departmentCode);
    const known = byOwner.get(owner);
    if (known) for (const period of periods) known.add(period);
    else byOwner.set(owner, periods);
  }
  return byOwner;
}

function earliest(a: Date | null, b: Date | null): Date | null {
  return a === null ? b : b === null ? a : a <= b ? a : b;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
