/**
 * The dashboard's rules as pure functions: a department's light, the on-time
 * rate, the twelve months it is shown for, and the 通报's ranking.
 */
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

export interface Rankable {
  code: string;
  ordinal: number;
  overdue: number;
  escalated: number;
}

/**
 * The 通报's order: most overdue tasks first, then most escalated; departments
 * equal in both share a rank (1, 2, 2, 4) and are listed in the plan's order
 * of departments (then by code), so the same data always gives the same list.
 */
export function rankBulletin<T extends Rankable>(rows: readonly T[]): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) => b.overdue - a.overdue || b.escalated - a.escalated || a.ordinal - b.ordinal || a.code.localeCompare(b.code));
  let rank = 0;
  return sorted.map((row, index) => {
    const previous = sorted[index - 1];
    if (!previous || previous.overdue !== row.overdue || previous.escalated !== row.escalated) rank = index + 1;
    return { ...row, rank };
  });
}
