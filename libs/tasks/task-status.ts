import { TaskStatus } from '../vocabulary/tasks.js';

// Defined with the domain's other words, below the database layer, so the entity can use it too.
export { TaskStatus };

/** The transitions people make; each names the statuses it may start from. */
export enum TaskTransition {
  Accept = 'accept',
  Submit = 'submit',
  Approve = 'approve',
  Return = 'return',
}

const TRANSITIONS: Record<TaskTransition, { from: readonly TaskStatus[]; to: TaskStatus }> = {
  [TaskTransition.Accept]: { from: [TaskStatus.Assigned], to: TaskStatus.InProgress },
  [TaskTransition.Submit]: { from: [TaskStatus.InProgress], to: TaskStatus.Submitted },
  [TaskTransition.Approve]: { from: [TaskStatus.Submitted], to: TaskStatus.Completed },
  [TaskTransition.Return]: { from: [TaskStatus.Submitted], to: TaskStatus.InProgress },
};

/** The status `transition` leads to from `status`, or null when the status machine forbids it. */
export function nextStatus(status: TaskStatus, transition: TaskTransition): TaskStatus | null {
  const rule = TRANSITIONS[transition];
  return rule.from.includes(status) ? rule.to : null;
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
  return status === (TaskStatus.Submitted as string);
}

/** Progress and evidence may be added while the work is open. */
export function acceptsWork(status: TaskStatus): boolean {
  return status === TaskStatus.InProgress || status === TaskStatus.Assigned;
}

/** Deadline extensions make sense only before completion. */
export function canRequestExtension(status: TaskStatus): boolean {
  return status !== TaskStatus.Completed;
}

export type TaskLight = 'green' | 'yellow' | 'red';

/** Overdue: not completed and the due date (due at the end of that day) is before today. */
export function isOverdue(status: TaskStatus, dueDate: string, today: string): boolean {
  return status !== TaskStatus.Completed && dueDate < today;
}

/**
 * The traffic light: red when overdue, yellow when the deadline falls within the
 * warning window (on or before `warnUntil`, the last date inside it: today moved
 * by the policy's `warnBefore` in the ladder's days, see DeadlineClock), else
 * green. Completed work is green.
 */
export function taskLight(status: TaskStatus, dueDate: string, today: string, warnUntil: string): TaskLight {
  if (status === TaskStatus.Completed) return 'green';
  if (dueDate < today) return 'red';
  return dueDate <= warnUntil ? 'yellow' : 'green';
}

/** Chinese names of statuses, for messages people read. */
export const STATUS_LABEL: Record<TaskStatus, string> = {
  [TaskStatus.Assigned]: '待签收',
  [TaskStatus.InProgress]: '办理中',
  [TaskStatus.Submitted]: '待审核',
  [TaskStatus.Completed]: '已办结',
};
