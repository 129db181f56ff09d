import { Inject, Injectable } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service.js';
import { calendarDate } from '../common/dates.js';
import { AppConfig } from '../config/app-config.js';
import type { TaskEntity } from '../db/entities/task.entity.js';
import { ProgressRepository } from '../db/repositories/progress.repository.js';
import { TaskRepository } from '../db/repositories/task.repository.js';
import type { EscalationPolicy } from '../policy/escalation-policy.js';
import { ESCALATION_POLICY } from '../policy/policy.module.js';
import type { ReportSlotStatus } from '../vocabulary/tasks.js';
import { DeadlineClock } from './deadline-clock.js';
import { firstFilings, periodStart, type ReportSlot, reportingDepartments, slotKey, slotStatus, taskReportSlots } from './report-slots.js';

/** Tasks with a cycle read at once: far more than a county's plan holds (a bound, not a page). */
const CYCLE_TASK_LIMIT = 20_000;

/** One report period (定期报送) of a task, judged as of a day: what the dashboard, the 通报 and the assessment count. */
export interface SlotFact extends ReportSlot {
  taskId: string;
  taskCode: string | null;
  taskTitle: string;
  leadDepartmentCode: string;
  /** The department that owes the period: the lead, or a co-department that reports on its own part (配合单位反馈). */
  departmentCode: string;
  /** The task's plan and clause (a plan's evaluation counts its own tasks' periods). */
  planId: string | null;
  clauseRef: string | null;
  status: ReportSlotStatus;
  /** The day its first report was filed (in `TZ`), or null. */
  filedOn: string | null;
  progressId: string | null;
  /** The task is still open (its slots may still be owed). */
  open: boolean;
}

/**
 * The report periods of tasks, worked out from each task (never stored) with its filings: one place for
 * the task page, 本月待报, the dashboard, the 通报 and the assessment, so they all judge a period alike.
 */
@Injectable()
export class ReportSlotService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly progress: ProgressRepository,
    private readonly calendars: CalendarService,
    private readonly clock: DeadlineClock,
    private readonly config: AppConfig,
    @Inject(ESCALATION_POLICY) private readonly policy: EscalationPolicy,
  ) {}

  /** The slots of one task, judged today. */
  async ofTask(task: TaskEntity): Promise<SlotFact[]> {
    return this.judge([task], await this.calendar(), this.clock.today());
  }

  /**
   * The slots of every task with a cycle that is not cancelled (those one department owes, or all), judged as of
   * `asOf` (default today). A completed task owes no period that began after its completion.
   */
  async facts(options: { department?: string | null; asOf?: string } = {}): Promise<SlotFact[]> {
    const department = options.department ?? null;
    const tasks = await this.tasks.withReportCycle(department, CYCLE_TASK_LIMIT);
    const facts = await this.judge(tasks, await this.calendar(), options.asOf ?? this.clock.today());
    return department === null ? facts : facts.filter((slot) => slot.departmentCode === department);
  }

  /**
   * The task's slot for `period`, without its state (for checking a filing's period), begun or not: an open-ended task's periods are listed up to today only, so one that
   * begins later is looked for up to its own first day. Null when the task owes no such period.
   */
  async slotOf(task: TaskEntity, period: string): Promise<ReportSlot | null> {
    if (!task.reportEvery) return null;
    const today = this.clock.today();
    const from = periodStart(task.reportEvery, period);
    const until = from !== null && from > today ? from : today;
    return this.slotsOf(task, await this.calendar(), until).find((slot) => slot.period === period) ?? null;
  }

  private async judge(tasks: TaskEntity[], calendar: Awaited<ReturnType<ReportSlotService['calendar']>>, asOf: string): Promise<SlotFact[]> {
    const filings = await this.progress.firstFilingsOf(tasks.filter((t) => t.reportEvery).map((t) => t.id));
    return tasks.flatMap((task) => {
      const completedOn = task.completedAt ? calendarDate(this.config.TZ, task.completedAt) : null;
      const first = firstFilings(task, filings.get(task.id) ?? []);
      const slots = this.slotsOf(task, calendar, asOf).filter((slot) => !completedOn || slot.from <= completedOn);
      // The lead's periods first, then each reporting co-department's.
      return reportingDepartments(task).flatMap((departmentCode) =>
        slots.map((slot): SlotFact => {
          const filing = first.get(slotKey(departmentCode, slot.period));
          const filedOn = filing && calendarDate(this.config.TZ, filing.createdAt) <= asOf ? calendarDate(this.config.TZ, filing.createdAt) : null;
          return {
            ...slot,
            taskId: task.id,
            taskCode: task.code,
            taskTitle: task.title,
            leadDepartmentCode: task.leadDepartmentCode,
            departmentCode,
            planId: task.planId,
            clauseRef: task.clauseRef,
            status: slotStatus(slot, filedOn, asOf),
            filedOn,
            progressId: filedOn ? (filing?.id ?? null) : null,
            open: task.completedAt === null && task.cancelledAt === null,
          };
        }),
      );
    });
  }

  /** The working-day calendar slot deadlines move on, when the policy counts working days. */
  private async calendar() {
    return this.policy.workdays ? await this.calendars.calendar() : undefined;
  }

  /** An open-ended task's periods run up to the one containing `asOf`. */
  private slotsOf(task: TaskEntity, calendar: Awaited<ReturnType<ReportSlotService['calendar']>>, asOf: string): ReportSlot[] {
    return taskReportSlots(task, this.config.TZ, calendar, asOf);
  }
}
