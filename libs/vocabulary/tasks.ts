/** Task statuses; wire values never change once shipped. */
export enum TaskStatus {
  Assigned = 'assigned',
  InProgress = 'in_progress',
  /** Handed in, waiting for the lead department's leader to sign off (承办单位负责人审签); only when the task requires sign-off. */
  LeaderReview = 'leader_review',
  Submitted = 'submitted',
  Completed = 'completed',
  /** Withdrawn (撤销) by a supervisor: terminal unless reopened, no reminders, out of every metric. */
  Cancelled = 'cancelled',
}

/** Statuses in which work is still owed: everything but completed and cancelled. */
export const CLOSED_STATUSES = [TaskStatus.Completed, TaskStatus.Cancelled] as const;

/** Reporting cycles (定期报送: 月报, 季报, 半年报) a task may carry; wire values never change once shipped. */
export const REPORT_CYCLES = ['P1M', 'P3M', 'P6M'] as const;
export type ReportCycle = (typeof REPORT_CYCLES)[number];

/** How people read a task without a final deadline (dueDate null): an open-ended duty with a reporting cycle. */
export const OPEN_ENDED_LABEL = '长期坚持';

/** A task's deadline as people read it: the date, or 长期坚持 for an open-ended task. */
export function deadlineLabel(dueDate: string | null): string {
  return dueDate ?? OPEN_ENDED_LABEL;
}

/** A report period as people name it: `2026-03` → 2026年3月, `2026-Q1` → 2026年第一季度, `2026-H2` → 2026年下半年 (the console's too). */
export function periodLabel(period: string): string {
  const [year, part] = period.split('-');
  if (part.startsWith('Q')) return `${year}年第${'一二三四'[Number(part.slice(1)) - 1]}季度`;
  if (part.startsWith('H')) return `${year}年${part === 'H1' ? '上' : '下'}半年`;
  return `${year}年${Number(part)}月`;
}

/** A report slot's state: still to come or due, filed by its deadline, filed after it, or never filed by it. */
export const REPORT_SLOT_STATUSES = ['open', 'filed', 'late', 'missed'] as const;
export type ReportSlotStatus = (typeof REPORT_SLOT_STATUSES)[number];

/** The grades a supervisor may give completed work (通过时评定), best first; wire values never change once shipped. */
export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];
/** A grade's name, wherever a person reads it: the task page, the reports' counts by grade (the console imports this file too). */
export const GRADE_LABEL: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

/** An extension request (延期申请) awaiting or after its decision; wire values never change once shipped. */
export enum ExtensionStatus {
  /** On a task that requires sign-off, the lead department's leader agrees first (then `pending`). */
  AwaitingLeader = 'awaiting_leader',
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
  | 'task.signoff'
  | 'task.cancel'
  | 'task.reopen'
  | 'task.extend'
  | 'task.progress'
  | 'task.import.create'
  | 'task.import.update'
  | 'task.notice'
  | 'task.carry_over'
  | 'extension.request'
  | 'comment.create'
  | 'extension.endorse'
  | 'extension.approve'
  | 'extension.reject';
