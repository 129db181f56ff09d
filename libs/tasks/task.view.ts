import type { TaskEntity } from '../db/entities/task.entity.js';
import type { TaskListRow } from '../db/repositories/task.repository.js';
import { isOverdue, type TaskLight, taskLight } from './task-status.js';

export type TaskSummaryView = TaskListRow & { overdue: boolean; light: TaskLight };

/** Today and the last date of the warning window, worked out once per request (DeadlineClock.window()). */
export interface DeadlineWindow {
  today: string;
  warnUntil: string;
}

/** Adds what is derived from the deadline at read time: never stored, so never stale. */
export function withDeadlineState<T extends Pick<TaskEntity, 'status' | 'dueDate'>>(task: T, window: DeadlineWindow) {
  return {
    ...task,
    overdue: isOverdue(task.status, task.dueDate, window.today),
    light: taskLight(task.status, task.dueDate, window.today, window.warnUntil),
  };
}
