/** Task statuses; wire values never change once shipped. */
export enum TaskStatus {
  Assigned = 'assigned',
  InProgress = 'in_progress',
  Submitted = 'submitted',
  Completed = 'completed',
}

/** The grades a supervisor may give completed work (通过时评定), best first; wire values never change once shipped. */
export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

/** An extension request (延期申请) awaiting or after its decision; wire values never change once shipped. */
export enum ExtensionStatus {
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
}

/** What the audit log records of tasks and their extension requests (`task.return` is also counted by the assessment's SQL). */
export type TaskAuditAction =
  | 'task.create'
  | 'task.update'
  | 'task.accept'
  | 'task.submit'
  | 'task.approve'
  | 'task.return'
  | 'task.extend'
  | 'task.progress'
  | 'task.import.create'
  | 'task.import.update'
  | 'task.notice'
  | 'extension.request'
  | 'extension.approve'
  | 'extension.reject';
