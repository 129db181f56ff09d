import type { EvidenceEntity } from '../db/entities/evidence.entity.js';
import type { ExtensionRequestEntity } from '../db/entities/extension-request.entity.js';
import type { ProgressReportEntity } from '../db/entities/progress-report.entity.js';
import type { TaskEntity } from '../db/entities/task.entity.js';
import type { TaskListRow } from '../db/repositories/task.repository.js';
import { calendarDate } from '../common/dates.js';
import { awaitsReview, type DeadlineFacts, isOverdue, type TaskLight, taskLight } from './task-status.js';

export type TaskSummaryView = TaskListRow & { overdue: boolean; light: TaskLight };

/** Today and the last date of the warning window, worked out once per request (DeadlineClock.window()). */
export interface DeadlineWindow {
  today: string;
  warnUntil: string;
  /** The plan's time zone (`TZ`), in which a submission's date is read. */
  timeZone: string;
}

/**
 * A list row as the API shows it, with its deadline state: one object with its fields
 * written out (a list makes fifty a request; copying each row by spread was ~5 % of its CPU).
 */
export function taskSummaryView(row: TaskListRow, window: DeadlineWindow): TaskSummaryView {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    leadDepartmentCode: row.leadDepartmentCode,
    coDepartmentCodes: row.coDepartmentCodes,
    assigneeId: row.assigneeId,
    dueDate: row.dueDate,
    status: row.status,
    version: row.version,
    parentId: row.parentId,
    clauseRef: row.clauseRef,
    percent: row.percent,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    ...deadlineState(row, window),
  };
}

/**
 * One task as the API shows it after a change (and as the base of GET /tasks/:id): its fields written out, so a new
 * column reaches clients only when it is added here and to TaskViewDto; the ladder's bookkeeping stays inside.
 */
export function taskView(task: TaskEntity, window: DeadlineWindow) {
  return {
    id: task.id,
    code: task.code,
    planId: task.planId,
    dutyCode: task.dutyCode,
    title: task.title,
    description: task.description,
    leadDepartmentCode: task.leadDepartmentCode,
    coDepartmentCodes: task.coDepartmentCodes,
    assigneeId: task.assigneeId,
    supervisorId: task.supervisorId,
    dueDate: task.dueDate,
    status: task.status,
    version: task.version,
    parentId: task.parentId,
    clauseRef: task.clauseRef,
    indicatorCodes: task.indicatorCodes,
    percent: task.percent,
    returnReason: task.returnReason,
    grade: task.grade,
    requireSignOff: task.requireSignOff,
    reportEvery: task.reportEvery,
    reportDueDay: task.reportDueDay,
    reportFrom: task.reportFrom,
    coDepartmentsReport: task.coDepartmentsReport,
    createdBy: task.createdBy,
    createdAt: task.createdAt,
    updatedAt: task.updatedAt,
    submittedAt: task.submittedAt,
    completedAt: task.completedAt,
    cancelledAt: task.cancelledAt,
    ...deadlineState(task, window),
  };
}
export type TaskView = ReturnType<typeof taskView>;

/** A piece of evidence without where it is stored. */
export function evidenceView(e: EvidenceEntity) {
  return {
    id: e.id,
    filename: e.filename,
    size: e.size,
    mimeType: e.mimeType,
    sha256: e.sha256,
    departmentCode: e.departmentCode,
    uploadedBy: e.uploadedBy,
    createdAt: e.createdAt,
  };
}
export type EvidenceView = ReturnType<typeof evidenceView>;

export function progressView(p: ProgressReportEntity) {
  return {
    id: p.id,
    authorId: p.authorId,
    departmentCode: p.departmentCode,
    kind: p.kind,
    note: p.note,
    percent: p.percent,
    evidenceIds: p.evidenceIds,
    period: p.period,
    createdAt: p.createdAt,
  };
}

export function extensionView(x: ExtensionRequestEntity) {
  return {
    id: x.id,
    taskId: x.taskId,
    requestedBy: x.requestedBy,
    currentDueDate: x.currentDueDate,
    requestedDueDate: x.requestedDueDate,
    reason: x.reason,
    status: x.status,
    decidedBy: x.decidedBy,
    decidedAt: x.decidedAt,
    decisionComment: x.decisionComment,
    createdAt: x.createdAt,
  };
}

/** What is derived from the deadline at read time: never stored, so never stale. */
export function deadlineState(task: Pick<TaskEntity, 'status' | 'dueDate' | 'submittedAt'>, window: DeadlineWindow): { overdue: boolean; light: TaskLight } {
  // Only work waiting for review needs the submission's date (the fair clock).
  const facts: DeadlineFacts = {
    status: task.status,
    dueDate: task.dueDate,
    submittedOn: awaitsReview(task.status) && task.submittedAt ? calendarDate(window.timeZone, new Date(task.submittedAt)) : null,
  };
  return { overdue: isOverdue(facts, window.today), light: taskLight(facts, window.today, window.warnUntil) };
}
