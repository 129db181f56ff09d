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

/** What a stored task's slots are worked out from. */
export interface CycleTask {
  reportEvery: ReportCycle | null;
  reportDueDay: number;
  reportFrom: string | null;
  createdAt: Date;
  dueDate: string | null;
  completedAt?: Date | null;
  cancelledAt?: Date | null;
}

/**
 * A stored task's slots (none without a cycle): its first period is the one containing its `reportFrom`, else the day it
 * was created, in the plan's `timeZone`. An open-ended task's periods run up to the one containing `until` (never beyond
 * what is asked), and stop at the period in which it was completed or cancelled.
 */
export function taskReportSlots(task: CycleTask, timeZone: string, calendar?: Pick<WorkdayCalendar, 'isWorkday'>, until?: string): ReportSlot[] {
  if (!task.reportEvery) return [];
  const ended = task.completedAt ?? task.cancelledAt ?? null;
  const endedOn = ended ? calendarDate(timeZone, ended) : null;
  const last = endedOn && (!until || endedOn < until) ? endedOn : until;
  return reportSlots(
    {
      reportEvery: task.reportEvery,
      reportDueDay: task.reportDueDay,
      startOn: task.reportFrom ?? calendarDate(timeZone, task.createdAt),
      dueDate: task.dueDate,
      until: last,
    },
    calendar,
  );
}

/**
 * Every slot of the task, in order; the due day moves to the next working day when `calendar` is given (policy `workdays: true`).
 * A task with a final deadline owes the periods that end before it; an open-ended one those that begin by `until` (none without it).
 */
export function reportSlots(task: CycleFacts, calendar?: Pick<WorkdayCalendar, 'isWorkday'>): ReportSlot[] {
  const slots: ReportSlot[] = [];
  const more = (from: string, to: string) => (task.dueDate === null ? task.until !== undefined && from <= task.until : to < task.dueDate);
  let { period, from, to } = periodOf(task.reportEvery, task.startOn);
  // Bounded: a slot per month at most, for a deadline decades away at worst.
  for (let guard = 0; more(from, to) && guard < 1200; guard++) {
    slots.push({ period, from, to, dueDate: slotDueDate(to, task.reportDueDay, calendar) });
    ({ period, from, to } = periodOf(task.reportEvery, nextDay(to)));
  }
  return slots;
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

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
