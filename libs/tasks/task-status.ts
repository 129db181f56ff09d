import { CLOSED_STATUSES, TaskStatus } from '../vocabulary/tasks.js';

// Defined with the domain's other words, below the database layer, so the entity can use it too.
export { TaskStatus };

/** The transitions people make; each names the statuses it may start from. */
export enum TaskTransition {
  Accept = 'accept',
  Submit = 'submit',
  Approve = 'approve',
  Return = 'return',
  /** The lead department's leader signs the completion report off (承办单位负责人审签). */
  SignOff = 'signoff',
  Cancel = 'cancel',
  Reopen = 'reopen',
}

const OPEN = [TaskStatus.Assigned, TaskStatus.InProgress, TaskStatus.LeaderReview, TaskStatus.Submitted];

const TRANSITIONS: Record<TaskTransition, { from: readonly TaskStatus[]; to: TaskStatus }> = {
  [TaskTransition.Accept]: { from: [TaskStatus.Assigned], to: TaskStatus.InProgress },
  // To `leader_review` instead when the task requires sign-off (see nextStatus).
  [TaskTransition.Submit]: { from: [TaskStatus.InProgress], to: TaskStatus.Submitted },
  [TaskTransition.SignOff]: { from: [TaskStatus.LeaderReview], to: TaskStatus.Submitted },
  [TaskTransition.Approve]: { from: [TaskStatus.Submitted], to: TaskStatus.Completed },
  // The supervisor returns from `submitted`, the leader from `leader_review` (TaskService checks which).
  [TaskTransition.Return]: { from: [TaskStatus.LeaderReview, TaskStatus.Submitted], to: TaskStatus.InProgress },
  [TaskTransition.Cancel]: { from: OPEN, to: TaskStatus.Cancelled },
  [TaskTransition.Reopen]: { from: CLOSED_STATUSES, to: TaskStatus.InProgress },
};

/** The status `transition` leads to from `status`, or null when the status machine forbids it. */
export function nextStatus(status: TaskStatus, transition: TaskTransition, requireSignOff = false): TaskStatus | null {
  const rule = TRANSITIONS[transition];
  if (!rule.from.includes(status)) return null;
  return transition === TaskTransition.Submit && requireSignOff ? TaskStatus.LeaderReview : rule.to;
}

/** Work still owed (not completed, not cancelled): it has a deadline ladder and counts in the metrics. */
export function isOpen(status: string): boolean {
  return !(CLOSED_STATUSES as readonly string[]).includes(status);
}

/** Statuses from which `transition` may start (for messages). */
export function allowedFrom(transition: TaskTransition): readonly TaskStatus[] {
  return TRANSITIONS[transition].from;
}

/**
 * Work waiting for review (the fair clock): the department has handed it in, so its
 * deadline ladder is paused and the policy's review steps remind the reviewers instead.
 */
export function awaitsReview(status: string): boolean {
  return status === (TaskStatus.Submitted as string) || status === (TaskStatus.LeaderReview as string);
}

/** Progress and evidence may be added while the work is open. */
export function acceptsWork(status: TaskStatus): boolean {
  return status === TaskStatus.InProgress || status === TaskStatus.Assigned;
}

/** Deadline extensions make sense only before completion. */
export function canRequestExtension(status: TaskStatus): boolean {
  return isOpen(status);
}

export type TaskLight = 'green' | 'yellow' | 'red';

/** What the deadline state of a task is judged from: `submittedOn` is the latest submission's date in `TZ`, when there is one. */
export interface DeadlineFacts {
  status: TaskStatus;
  /** Null: open-ended (长期坚持), judged on its report periods alone: never overdue, always green. */
  dueDate: string | null;
  submittedOn?: string | null;
}

/**
 * Overdue: still open and the due date (due at the end of that day) is before today, unless
 * the work waits for sign-off or review after a submission made by the due date (the
 * reviewer's delay is not the department's). Its SQL twin is overdueSql() in
 * libs/db/repositories/deadline-rules.sql.ts.
 */
export function isOverdue(task: DeadlineFacts, today: string): boolean {
  if (!isOpen(task.status) || task.dueDate === null || task.dueDate >= today) return false;
  return !(awaitsReview(task.status) && task.submittedOn != null && task.submittedOn <= task.dueDate);
}

/**
 * The traffic light: red when overdue, yellow when the deadline falls within the
 * warning window (on or before `warnUntil`, the last date inside it: today moved
 * by the policy's `warnBefore` in the ladder's days, see DeadlineClock), else
 * green. Completed, cancelled and in-time waiting work is green.
 */
export function taskLight(task: DeadlineFacts, today: string, warnUntil: string): TaskLight {
  if (!isOpen(task.status) || task.dueDate === null || (task.dueDate < today && !isOverdue(task, today))) return 'green';
  if (task.dueDate < today) return 'red';
  return task.dueDate <= warnUntil ? 'yellow' : 'green';
}
