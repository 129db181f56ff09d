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

/** Waiting for review after an on-time submission: not overdue while the reviewer has it. */
export function awaitingReviewInTimeSql(t: string, tz: string): string {
  return `(${t}.status = '${TaskStatus.Submitted}' AND ${t}.submitted_at < ${deadlineEndSql(t, tz)})`;
}
