/**
 * The dashboard's rules as pure functions: a department's light, the on-time
 * rate, the twelve months it is shown for, and the 通报's ranking.
 */
import type { SlotFact } from '../tasks/report-slot.service.js';
import type { TaskLight } from '../tasks/task-status.js';

/**
 * A department's light: red when any task it leads is overdue, yellow when any
 * is due within the warning window (the same window as a task's light), else green.
 */
export function departmentLight(overdue: number, dueSoon: number): TaskLight {
  if (overdue > 0) return 'red';
  return dueSoon > 0 ? 'yellow' : 'green';
}

/** On time / completed, four decimals; null when nothing was completed. */
export function onTimeRate(onTime: number, completed: number): number | null {
  return completed === 0 ? null : Math.round((onTime / completed) * 10_000) / 10_000;
}

/** The `YYYY-MM` of `today`'s month and the eleven before it, oldest first. */
export function lastMonths(today: string, count = 12): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.UTC(year, month - (count - 1 - i), 1));
    return at.toISOString().slice(0, 7);
  });
}

/** A department's report periods (定期报送) on the dashboard. */
export interface ReportCounts {
  /** Not filed, due this month (the month of `today`) and not yet past. */
  dueThisMonth: number;
  /** Never filed by their deadline (逾期未报). */
  missed: number;
}

/**
 * The report periods of open tasks counted per department that owes them (the lead, or a co-department
 * reporting its own part), as of `today`
 * (the day the slots were judged on); a completed or cancelled task owes nothing more.
 */
export function reportCounts(slots: ReadonlyArray<Pick<SlotFact, 'departmentCode' | 'open' | 'status' | 'dueDate'>>, today: string): Map<string, ReportCounts> {
  const counts = new Map<string, ReportCounts>();
  const month = today.slice(0, 7);
  for (const slot of slots) {
    if (!slot.open) continue;
    const dueThisMonth = slot.status === 'open' && slot.dueDate.slice(0, 7) === month;
    if (!dueThisMonth && slot.status !== 'missed') continue;
    const entry = counts.get(slot.departmentCode) ?? { dueThisMonth: 0, missed: 0 };
    if (dueThisMonth) entry.dueThisMonth += 1;
    else entry.missed += 1;
    counts.set(slot.departmentCode, entry);
  }
  return counts;
}

export interface Rankable {
  code: string;
  ordinal: number;
  overdue: number;
  escalated: number;
  /** Report periods (定期报送) of its open tasks never filed by their deadline. */
  missedReports: number;
}

/**
 * The 通报's order: most overdue tasks first, then most escalated; departments
 * equal in both share a rank (1, 2, 2, 4) and are listed in the plan's order
 * of departments (then by code), so the same data always gives the same list.
 * Missed reports do not reorder those: a department listed only for its missed
 * reports (none overdue or escalated) comes after all of them, most missed first,
 * equals again sharing a rank.
 */
export function rankBulletin<T extends Rankable>(rows: readonly T[]): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) => compareKeys(rankKey(b), rankKey(a)) || a.ordinal - b.ordinal || a.code.localeCompare(b.code));
  let rank = 0;
  return sorted.map((row, index) => {
    const previous = sorted[index - 1];
    if (!previous || compareKeys(rankKey(previous), rankKey(row)) !== 0) rank = index + 1;
    return { ...row, rank };
  });
}

function rankKey(row: Rankable): [number, number, number] {
  return [row.overdue, row.escalated, row.overdue + row.escalated === 0 ? row.missedReports : 0];
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
