import type { TaskEntity } from '../db/entities/task.entity.js';
import type { TaskListRow } from '../db/repositories/task.repository.js';
import { isOverdue, type TaskLight, taskLight } from './task-status.js';

export type TaskSummaryView = TaskListRow & { overdue: boolean; light: TaskLight };

/** Adds what is derived from the deadline at read time: never stored, so never stale. */
export function withDeadlineState<T extends Pick<TaskEntity, 'status' | 'dueDate'>>(task: T, today: string, warnDays: number) {
  return { ...task, overdue: isOverdue(task.status, task.dueDate, today), light: taskLight(task.status, task.dueDate, today, warnDays) };
}
