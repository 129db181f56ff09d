/**
 * Every text a reminder shows people, in one place (Simplified Chinese).
 * Template names are the ones a policy's steps may use.
 */
import type { TemplateName } from '../policy/escalation-policy.js';
import { escapeMarkdown } from './markdown.js';
import { OPEN_ENDED_LABEL, periodLabel } from '../vocabulary/tasks.js';

export interface ReminderItem {
  template: TemplateName;
  taskTitle: string;
  departmentName: string;
  /** Null: an open-ended task (长期坚持; only its review reminders have none). */
  dueDate: string | null;
  /** Calendar days past the due date; negative while it is still ahead. */
  daysOverdue: number;
  link: string;
  /** A caveat about the calendar for the due date's year, when its holidays are not known. */
  calendarNote?: string | null;
  /** Calendar days the submission has waited for review (review reminders only). */
  daysWaiting?: number;
  /** The report period owed (定期报送, report_due only): `2026-11`, `2026-Q4`, `2026-H2`; `dueDate` is then its report's deadline. */
  period?: string;
  /** The co-department whose own report period this is (配合单位反馈, report_due only); absent for the lead's. */
  coDepartmentName?: string;
}

/** 「title」, with the co-department that owes the report when it is one's own period. */
const reportOf = (i: ReminderItem) => `「${i.taskTitle}」${i.coDepartmentName ? `（${i.coDepartmentName}）` : ''}${periodLabel(i.period ?? '')}`;

const HEADINGS: Record<TemplateName, (i: ReminderItem) => string> = {
  reminder: (i) => `【督办提醒】「${i.taskTitle}」将于 ${i.dueDate} 到期`,
  overdue: (i) => `【逾期预警】「${i.taskTitle}」已逾期${i.daysOverdue > 0 ? ` ${i.daysOverdue} 天` : ''}`,
  escalation: (i) => `【督办升级】「${i.taskTitle}」逾期 ${Math.max(i.daysOverdue, 0)} 天仍未办结`,
  review: (i) => `【待审核】「${i.taskTitle}」已提交${i.daysWaiting ? ` ${i.daysWaiting} 天` : ''}，等待审核`,
  report_due: (i) =>
    i.daysOverdue > 0 ? `【逾期未报】${reportOf(i)}进展情况逾期 ${i.daysOverdue} 天未报送` : `【定期报送】${reportOf(i)}进展情况请于 ${i.dueDate} 前报送`,
};

function deadlineLine(item: ReminderItem): string {
  if (item.template === 'report_due')
    return `报送期限：${item.dueDate}（${periodLabel(item.period ?? '')}${item.daysOverdue > 0 ? `，已逾期 ${item.daysOverdue} 天` : ''}）`;
  if (item.dueDate === null) return `办理期限：${OPEN_ENDED_LABEL}`;
  if (item.daysOverdue > 0) return `办理期限：${item.dueDate}（已逾期 ${item.daysOverdue} 天）`;
  if (item.daysOverdue === 0) return `办理期限：${item.dueDate}（今天到期）`;
  return `办理期限：${item.dueDate}（还剩 ${-item.daysOverdue} 天）`;
}

const ACTIONS: Record<TemplateName, string> = {
  reminder: '请按期办理，并及时上传佐证材料。',
  overdue: '请尽快办结并提交佐证材料；确需延期的，请提出延期申请。',
  escalation: '该任务逾期未办结，现提请部门负责人督促落实。',
  review: '承办单位已提交办结材料，请及时审核（通过或退回）；审核期间不计入承办单位的逾期。',
  report_due: '请登录系统，在任务页“报送进展”中选择该报送期报送进展情况。',
};

/** One reminder: its subject and body. */
export function renderItem(item: ReminderItem): { subject: string; body: string } {
  const heading = HEADINGS[item.template](item);
  return { subject: heading, body: `${heading}\n\n${detailLines(item).join('\n')}` };
}

/** How much of a long list a digest or robot message shows, and where the whole list is. */
export interface ListCap {
  maxItems: number;
  /** The in-app list of notifications, named in the closing line of a capped message. */
  listLink: string;
}

/**
 * One mail for all of a recipient's reminders from one sweep. A long list is
 * cut after `cap.maxItems` items with a closing line that counts the rest and
 * points at the in-app list, which holds every one of them.
 */
export function renderDigest(items: ReminderItem[], cap: ListCap): { subject: string; body: string } {
  if (items.length === 1) return withFooter(renderItem(items[0]));
  const overdue = items.filter((i) => i.daysOverdue > 0).length;
  const subject = `【督办提醒】您有 ${items.length} 项任务需要关注${overdue > 0 ? `（其中 ${overdue} 项已逾期）` : ''}`;
  const shown = items.slice(0, cap.maxItems);
  const body = shown.map((item, n) => `${n + 1}. ${detailLines(item).join('\n   ')}`).join('\n\n');
  return withFooter({ subject, body: `${subject}\n\n${body}${moreLine(items.length - shown.length, cap)}` });
}

/** The same reminders as markdown for a department's group robot, cut after `cap.maxItems` like a digest. */
export function renderMarkdown(departmentName: string, items: ReminderItem[], cap: ListCap): { title: string; text: string } {
  const heading = (name: string) => `督办提醒：${name} ${items.length} 项任务`;
  // People's text (titles, names) is escaped; the title stays plain: DingTalk shows it as is in the chat list.
  const rows = items
    .slice(0, cap.maxItems)
    .map((i) => `- **${HEADINGS[i.template]({ ...i, taskTitle: escapeMarkdown(i.taskTitle) })}**\n  ${deadlineLine(i)}，[查看任务](${i.link})`);
  return {
    title: heading(departmentName),
    text: `### ${heading(escapeMarkdown(departmentName))}\n${rows.join('\n')}${moreLine(items.length - rows.length, cap)}`,
  };
}

/** The lines of one reminder below its heading. */
function detailLines(item: ReminderItem): string[] {
  const lines = [
    `任务：${item.taskTitle}`,
    `牵头单位：${item.departmentName}`,
    ...(item.coDepartmentName ? [`报送单位：${item.coDepartmentName}（配合单位，报送本单位负责部分的进展）`] : []),
    deadlineLine(item),
    ACTIONS[item.template],
    `查看任务：${item.link}`,
  ];
  if (item.calendarNote) lines.push(`注意：${item.calendarNote}`);
  return lines;
}

function moreLine(more: number, cap: ListCap): string {
  return more > 0 ? `\n\n另有 ${more} 项，请登录系统查看：${cap.listLink}` : '';
}

function withFooter(mail: { subject: string; body: string }) {
  return { subject: mail.subject, body: `${mail.body}\n\n——\n本邮件由督办系统自动发送，请勿直接回复。` };
}
