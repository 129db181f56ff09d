/**
 * What people read when a task moves (Simplified Chinese), in one place beside the ladder's
 * templates.ts. One subject per kind; the body adds the reason, comment or decision given.
 */
import type { TaskEventKind } from '../tasks/task-events.js';
import { deadlineLabel } from '../vocabulary/tasks.js';

/** The kinds of notification a user may take off mail (in-app stays); the ladder's kinds are in the policy's templates. */
export const EVENT_KINDS: readonly TaskEventKind[] = [
  'task.assigned',
  'task.signoff_needed',
  'task.submitted',
  'task.returned',
  'task.approved',
  'task.cancelled',
  'task.reopened',
  'extension.requested',
  'extension.decided',
  'comment',
];

/** Every kind a notification may have: the events and the ladder's templates. */
export const NOTIFICATION_KINDS = [...EVENT_KINDS, 'reminder', 'overdue', 'escalation', 'review', 'report_due'] as const;

/** Chinese names of every notification kind (events and ladder steps), for people choosing what to mail. */
export const KIND_LABEL: Record<string, string> = {
  'task.assigned': '新交办任务',
  'task.signoff_needed': '待负责人审签',
  'task.submitted': '任务已提交待审核',
  'task.returned': '任务被退回',
  'task.approved': '任务审核通过',
  'task.cancelled': '任务已撤销',
  'task.reopened': '任务重新打开',
  'extension.requested': '延期申请待处理',
  'extension.decided': '延期申请有结果',
  comment: '评论与批示',
  reminder: '到期提醒',
  overdue: '逾期预警',
  escalation: '督办升级',
  review: '待审核提醒',
  report_due: '定期报送提醒',
};

export interface EventText {
  kind: TaskEventKind;
  taskTitle: string;
  departmentName: string;
  /** Null: open-ended (长期坚持). */
  dueDate: string | null;
  actorName: string;
  link: string;
  reason?: string;
  comment?: string;
  requestedDueDate?: string;
  approved?: boolean;
  instruction?: boolean;
  body?: string;
}

const SUBJECTS: Record<TaskEventKind, (e: EventText) => string> = {
  'task.assigned': (e) => `【新任务】「${e.taskTitle}」已交办${e.departmentName}，请签收办理`,
  'task.signoff_needed': (e) => `【待审签】「${e.taskTitle}」办结材料已提交，请负责人审签`,
  'task.submitted': (e) => `【待审核】「${e.taskTitle}」已提交办结材料，请审核`,
  'task.returned': (e) => `【退回】「${e.taskTitle}」已被退回，请修改后重新提交`,
  'task.approved': (e) => `【已办结】「${e.taskTitle}」审核通过`,
  'task.cancelled': (e) => `【已撤销】「${e.taskTitle}」已撤销，无需继续办理`,
  'task.reopened': (e) => `【重新打开】「${e.taskTitle}」已重新打开，请继续办理`,
  'extension.requested': (e) => `【延期申请】「${e.taskTitle}」申请延期至 ${e.requestedDueDate ?? ''}，请审批`,
  'extension.decided': (e) =>
    `【延期${e.approved ? '已同意' : '未同意'}】「${e.taskTitle}」${e.approved ? `截止日期调整为 ${e.requestedDueDate ?? ''}` : '维持原截止日期'}`,
  comment: (e) => `【${e.instruction ? '领导批示' : '评论'}】${e.actorName} 在「${e.taskTitle}」中${e.instruction ? '作出批示' : '发表了评论'}`,
};

/** The subject and body of one event's notification. */
export function renderEvent(e: EventText): { subject: string; body: string } {
  const subject = SUBJECTS[e.kind](e);
  const lines = [subject, '', `任务：${e.taskTitle}`, `牵头单位：${e.departmentName}`, `办理期限：${deadlineLabel(e.dueDate)}`, `经办人：${e.actorName}`];
  if (e.reason) lines.push(`理由：${e.reason}`);
  if (e.comment) lines.push(`意见：${e.comment}`);
  if (e.body) lines.push(`内容：${e.body}`);
  lines.push(`查看任务：${e.link}`);
  return { subject, body: lines.join('\n') };
}

/** One mail for all of a person's event notifications of one sweep. */
export function renderEventDigest(items: Array<{ subject: string; body: string }>, maxItems: number, listLink: string): { subject: string; body: string } {
  const footer = '\n\n——\n本邮件由督办系统自动发送，请勿直接回复。';
  if (items.length === 1) return { subject: items[0].subject, body: `${items[0].body}${footer}` };
  const subject = `【督办动态】您有 ${items.length} 条新消息`;
  const shown = items.slice(0, maxItems).map((item, n) => `${n + 1}. ${item.body.split('\n').filter(Boolean).join('\n   ')}`);
  const more = items.length > shown.length ? `\n\n另有 ${items.length - shown.length} 条，请登录系统查看：${listLink}` : '';
  return { subject, body: `${subject}\n\n${shown.join('\n\n')}${more}${footer}` };
}
