import { TaskStatus } from '../../vocabulary/tasks.js';

/**
 * The deadline rules that SQL needs, written once: the assessment, the dashboard's
 * on-time rate and the 通报 all judge a task by these (their TypeScript twins are in
 * libs/tasks/task-status.ts). `t` is the task table's alias, `tz` the SQL expression of
 * the plan's time zone (a parameter such as `$2`).
 */

/** The instant the due date ends in the plan's time zone: work handed in before it is on time. */
export function deadlineEndSql(t: string, tz: string): string {
  return `((${t}.due_date + 1)::timestamp AT TIME ZONE ${tz})`;
}

/**
 * When the work was handed in: its latest submission, which is the one an approval judges
 * (a returned and resubmitted task is judged by the resubmission). Rows completed before
 * submissions were recorded fall back to the completion.
 */
export function handedInSql(t: string): string {
  return `coalesce(${t}.submitted_at, ${t}.completed_at)`;
}

/** Completed on time: the submission finally approved was made by the end of the due date (the reviewer's delay is not the department's). */
export function completedOnTimeSql(t: string, tz: string): string {
  return `(${t}.status = '${TaskStatus.Completed}' AND ${handedInSql(t)} < ${deadlineEndSql(t, tz)})`;
}

/** Work still owed: neither completed nor cancelled (a cancelled task leaves every metric). Twin of isOpen(). */
export function openSql(t: string): string {
  return `${t}.status NOT IN ('${TaskStatus.Completed}', '${TaskStatus.Cancelled}')`;
}

/** Waiting for the leader's sign-off or the supervisor's review after a submission made by the end of the due date. */
export function waitingInTimeSql(t: string, tz: string): string {
  return `(${t}.status IN ('${TaskStatus.LeaderReview}', '${TaskStatus.Submitted}') AND ${t}.submitted_at < ${deadlineEndSql(t, tz)})`;
}

/**
 * Overdue on `today` (a date parameter): open, past its due date, and not waiting for
 * review after an on-time submission (one submitted late stays overdue). Twin of
 * isOverdue() in libs/tasks/task-status.ts; `t` may also be a task_department row, which
 * carries the same status, due date and submission.
 */
export function overdueSql(t: string, today: string, tz: string): string {
  return `(${openSql(t)} AND ${t}.due_date < ${today} AND NOT ${waitingInTimeSql(t, tz)})`;
}
