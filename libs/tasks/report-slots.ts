import type { WorkdayCalendar } from '../calendar/workday-calendar.js';
import type { ReportCycle, ReportSlotStatus } from '../vocabulary/tasks.js';
import { calendarDate } from '../common/dates.js';

/**
 * Reporting cycles (定期报送): a task with `reportEvery` owes a progress report for each period
 * (a month, a quarter, a half year) by day `reportDueDay` of the month after the period.
 * Slots are computed from the task, never stored: a five-year monthly task is sixty of them.
 * Dates are `YYYY-MM-DD` in the plan's time zone.
 */
export interface ReportSlot {
  /** `2026-03` (month), `2026-Q1` (quarter), `2026-H1` (half year). */
  period: string;
  /** The period's first and last day. */
  from: string;
  to: string;
  /** The report is due by the end of this day. */
  dueDate: string;
}

export interface CycleFacts {
  reportEvery: ReportCycle;
  /** Day of the month after each period (1–28 makes sense; a day past the month's end is its last day). */
  reportDueDay: number;
  /** The day reporting starts (the task's `reportFrom`, else its creation): its first period is the one containing it. */
  startOn: string;
  /**
   * The final deadline: the last period is the one that ends before it (the final submission covers the rest).
   * Null for an open-ended task (长期坚持): its periods run on up to the one containing `until`.
   */
  dueDate: string | null;
  /** An open-ended task's last period is the one containing this day (today, an `asOf`, or its completion). */
  until?: string;
}

const MONTHS: Record<ReportCycle, number> = { P1M: 1, P3M: 3, P6M: 6 };

/** The period of `cycle` that contains `date`. */
export function periodOf(cycle: ReportCycle, date: string): { period: string; from: string; to: string } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const span = MONTHS[cycle];
  const index = Math.floor((month - 1) / span); // 0-based period of the year
  const firstMonth = index * span + 1;
  const lastMonth = firstMonth + span - 1;
  const period = cycle === 'P1M' ? `${year}-${pad(month)}` : cycle === 'P3M' ? `${year}-Q${index + 1}` : `${year}-H${index + 1}`;
  return { period, from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(daysIn(year, lastMonth))}` };
}

/**
 * The first day of `period` when it names a period of `cycle` (`2026-03` monthly, `2026-Q1` quarterly, `2026-H1`
 * half-yearly), else null: a period of another cycle, a month 13, free text.
 */
export function periodStart(cycle: ReportCycle, period: string): string | null {
  const match = /^(\d{4})-(\d{2}|Q[1-4]|H[12])$/.exec(period);
  if (!match) return null;
  const part = match[2];
  const month = part[0] === 'Q' ? (Number(part[1]) - 1) * 3 + 1 : part[0] === 'H' ? (Number(part[1]) - 1) * 6 + 1 : Number(part);
  if (month < 1 || month > 12) return null;
  const from = `${match[1]}-${pad(month)}-01`;
  return periodOf(cycle, from).period === period ? from : null;
}

/**
 * A stored task's slots (none without a cycle): its first period is the one containing its `reportFrom`, else the day it
 * was created, in the plan's `timeZone`. An open-ended task's periods run up to the one containing `until` (never beyond
 * what is asked), and stop at the period in which it was completed or cancelled.
 */
export function taskReportSlots(task: StoredCycle, timeZone: string, calendar?: Pick<WorkdayCalendar, 'isWorkday'>, until?: string): ReportSlot[] {
  return new ReportSlotMemo(calendar).taskSlots(task, timeZone, until);
}

/**
 * Every slot of the task, in order; the due day moves to the next working day when `calendar` is given (policy `workdays: true`).
 * A task with a final deadline owes the periods that end before it; an open-ended one those that begin by `until` (none without it).
 */
export function reportSlots(task: CycleFacts, calendar?: Pick<WorkdayCalendar, 'isWorkday'>): ReportSlot[] {
  return new ReportSlotMemo(calendar).slots(task);
}

/** What a stored task says about its reporting cycle. */
export interface StoredCycle {
  reportEvery: ReportCycle | null;
  reportDueDay: number;
  /** The day report periods start from; null: the day it was created. */
  reportFrom: string | null;
  createdAt: Date;
  /** Null: open-ended (长期坚持). */
  dueDate: string | null;
  completedAt?: Date | null;
  cancelledAt?: Date | null;
}

/** A period's slot, linked to the next period's once that is asked for. */
interface SlotLink {
  slot: ReportSlot;
  next?: SlotLink;
}

/**
 * Slots against one calendar, for a caller that lists many tasks' (a sweep batch: ten thousand
 * five-year monthly tasks are 600,000 slots). Tasks share periods, so each period's slot (its
 * due date moved past weekends and holidays) is worked out once and linked to the next: listing
 * a task's slots is then a walk along the links. Tasks share the slot objects: read them, never change them.
 */
export class ReportSlotMemo {
  private readonly links = new Map<string, SlotLink>();
  /** Creation instants' calendar dates: tasks created together (an import) share them. */
  private readonly startDays = new Map<string, string>();

  constructor(private readonly calendar?: Pick<WorkdayCalendar, 'isWorkday'>) {}

  /** A stored task's slots (none without a cycle), as `taskReportSlots`. */
  taskSlots(task: StoredCycle, timeZone: string, until?: string): ReportSlot[] {
    if (!task.reportEvery) return [];
    let startOn = task.reportFrom;
    if (!startOn) {
      const created = `${timeZone}|${task.createdAt.getTime()}`;
      startOn = this.startDays.get(created) ?? null;
      if (!startOn) this.startDays.set(created, (startOn = calendarDate(timeZone, task.createdAt)));
    }
    // An open-ended task stops at the period in which it ended.
    const ended = task.dueDate === null ? (task.completedAt ?? task.cancelledAt ?? null) : null;
    const endedOn = ended ? calendarDate(timeZone, ended) : null;
    const last = endedOn && (!until || endedOn < until) ? endedOn : until;
    return this.slots({ reportEvery: task.reportEvery, reportDueDay: task.reportDueDay, startOn, dueDate: task.dueDate, until: last });
  }

  /** Every slot of the task, in order, as `reportSlots`. */
  slots(task: CycleFacts): ReportSlot[] {
    const slots: ReportSlot[] = [];
    const { dueDate, until } = task;
    const more = dueDate === null ? (slot: ReportSlot) => until !== undefined && slot.from <= until : (slot: ReportSlot) => slot.to < dueDate;
    let link = this.link(task.reportEvery, task.reportDueDay, task.startOn);
    // Bounded: a slot per month at most, for a deadline decades away at worst.
    for (let guard = 0; more(link.slot) && guard < 1200; guard++) {
      slots.push(link.slot);
      link = link.next ??= this.link(task.reportEvery, task.reportDueDay, firstOfNextMonth(link.slot.to));
    }
    return slots;
  }

  /** The slot of the period containing `date`. */
  private link(cycle: ReportCycle, dueDay: number, date: string): SlotLink {
    const { period, from, to } = periodOf(cycle, date);
    const key = `${cycle}|${dueDay}|${period}`;
    let link = this.links.get(key);
    if (!link) this.links.set(key, (link = { slot: { period, from, to, dueDate: slotDueDate(to, dueDay, this.calendar) } }));
    return link;
  }
}

/** Day `dueDay` of the month after the period's last day `to`, on a working day when a calendar is given. */
export function slotDueDate(to: string, dueDay: number, calendar?: Pick<WorkdayCalendar, 'isWorkday'>): string {
  let year = Number(to.slice(0, 4));
  let month = Number(to.slice(5, 7)) + 1;
  if (month > 12) {
    month = 1;
    year += 1;
  }
  let date = `${year}-${pad(month)}-${pad(Math.min(dueDay, daysIn(year, month)))}`;
  if (calendar) for (let guard = 0; !calendar.isWorkday(date) && guard < 60; guard++) date = nextDay(date);
  return date;
}

/** A slot's state on `today`: `filedOn` is the first report for the period, as a date in the plan's time zone. */
export function slotStatus(slot: Pick<ReportSlot, 'dueDate'>, filedOn: string | null, today: string): ReportSlotStatus {
  if (filedOn) return filedOn <= slot.dueDate ? 'filed' : 'late';
  return slot.dueDate < today ? 'missed' : 'open';
}

/** What decides who owes a task's report periods (配合单位反馈). */
export interface ReportingParties {
  leadDepartmentCode: string;
  coDepartmentCodes: readonly string[];
  /** Each co-department owes its own report for every period too. */
  coDepartmentsReport: boolean;
}

/** The departments that owe a report for each period: the lead, then each co-department when the task says so. */
export function reportingDepartments(task: ReportingParties): string[] {
  return task.coDepartmentsReport ? [task.leadDepartmentCode, ...task.coDepartmentCodes] : [task.leadDepartmentCode];
}

/**
 * The department whose slot a filing by `department` fills: a co-department's filing is its own (never the lead's),
 * any other is the lead's (a former lead's filings stay the task's when the lead changes).
 */
export function slotOwner(task: Pick<ReportingParties, 'leadDepartmentCode' | 'coDepartmentCodes'>, department: string): string {
  return task.coDepartmentCodes.includes(department) ? department : task.leadDepartmentCode;
}

/** The key of one department's slot of a task: filings and slots meet on it. */
export function slotKey(department: string, period: string): string {
  return `${department}|${period}`;
}

/** The first filing of each (owing department, period) of a task, from its period filings in any order. */
export function firstFilings<F extends { departmentCode: string; period: string; createdAt: Date }>(
  task: Pick<ReportingParties, 'leadDepartmentCode' | 'coDepartmentCodes'>,
  filings: readonly F[],
): Map<string, F> {
  const first = new Map<string, F>();
  for (const filing of filings) {
    const key = slotKey(slotOwner(task, filing.departmentCode), filing.period);
    const seen = first.get(key);
    if (!seen || filing.createdAt < seen.createdAt) first.set(key, filing);
  }
  return first;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day after `to`, a month's last day. */
function firstOfNextMonth(to: string): string {
  const year = Number(to.slice(0, 4));
  const month = Number(to.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
