import { GRADE_LABEL } from '../../../../libs/vocabulary/tasks';
import { daysBetween, formatDate } from './format';
import { can, type Grantee } from './permissions';

export type TaskStatus = 'assigned' | 'in_progress' | 'leader_review' | 'submitted' | 'completed' | 'cancelled';
export type Light = 'green' | 'yellow' | 'red';
export type Grade = 'excellent' | 'good' | 'pass' | 'fail';
export type Role = 'admin' | 'supervisor' | 'leader' | 'liaison' | 'reviewer' | 'auditor' | 'security_admin';

export const STATUS_LABELS: Record<TaskStatus, string> = {
  assigned: '待签收',
  in_progress: '办理中',
  leader_review: '待负责人审签',
  submitted: '待审核',
  completed: '已办结',
  cancelled: '已撤销',
};

export const STATUS_COLORS: Record<TaskStatus, string> = {
  assigned: 'blue',
  in_progress: 'processing',
  leader_review: 'purple',
  submitted: 'gold',
  completed: 'success',
  cancelled: 'default',
};

/** Work still owed: neither completed nor cancelled. */
export function isOpen(status: TaskStatus): boolean {
  return status !== 'completed' && status !== 'cancelled';
}

export const REPORT_CYCLE_LABELS: Record<'P1M' | 'P3M' | 'P6M', string> = { P1M: '每月', P3M: '每季度', P6M: '每半年' };
export const SLOT_STATUS: Record<'open' | 'filed' | 'late' | 'missed', { label: string; color: string }> = {
  open: { label: '待报送', color: 'blue' },
  filed: { label: '按时报送', color: 'green' },
  late: { label: '逾期报送', color: 'orange' },
  missed: { label: '逾期未报', color: 'red' },
};

export { periodLabel } from '../../../../libs/vocabulary/tasks';
import { OPEN_ENDED_LABEL } from '../../../../libs/vocabulary/tasks';

/** One name per grade, shared with the reports (libs/vocabulary/tasks.ts). */
export const GRADE_LABELS: Record<Grade, string> = GRADE_LABEL;

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  supervisor: '督查',
  leader: '部门负责人',
  liaison: '联络员',
  reviewer: '考核',
  auditor: '安全审计员',
  security_admin: '安全管理员',
};

export const LIGHT_LABELS: Record<Light, string> = { green: '正常', yellow: '临期', red: '逾期' };
export const LIGHT_COLORS: Record<Light, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };

/** The policy's warning window (`warnBefore: P3D`); the API's `light` wins whenever it is present. */
export const DEFAULT_WARN_DAYS = 3;

/**
 * The traffic light of a task, as the contract defines it: red when not
 * completed and past its due date, yellow when due within the warning window,
 * else green. The API computes it in working days; this calendar-day version
 * only stands in when a row carries no `light` (never for a completed task).
 */
export function computeLight(status: TaskStatus, dueDate: string | null, today: string, warnDays = DEFAULT_WARN_DAYS): Light {
  if (!isOpen(status) || dueDate === null) return 'green';
  const left = daysBetween(today, dueDate);
  if (left < 0) return 'red';
  if (left <= warnDays) return 'yellow';
  return 'green';
}

export function lightOf(task: { status: TaskStatus; dueDate: string | null; light?: string | null }, today: string): Light {
  if (task.light === 'green' || task.light === 'yellow' || task.light === 'red') return task.light;
  return computeLight(task.status, task.dueDate, today);
}

/** The option and label of a task without a final deadline (dueDate null, only with a reporting cycle). */
export const OPEN_ENDED_OPTION = '长期坚持（无最终期限）';

/** A task's deadline as people read it: `2026年12月31日`, or 长期坚持 for an open-ended task. */
export function dueDateText(dueDate: string | null): string {
  return dueDate === null ? OPEN_ENDED_LABEL : formatDate(dueDate);
}

/** `还剩 5 天` / `今天到期` / `已逾期 3 天` / `已办结` / `按周期报送` (open-ended). */
export function deadlineText(status: TaskStatus, dueDate: string | null, today: string): string {
  if (!isOpen(status)) return STATUS_LABELS[status];
  if (dueDate === null) return '按周期报送';
  const left = daysBetween(today, dueDate);
  if (Number.isNaN(left)) return '';
  if (left > 0) return `还剩 ${left} 天`;
  if (left === 0) return '今天到期';
  return `已逾期 ${-left} 天`;
}

export type TaskAction =
  | 'accept'
  | 'progress'
  | 'evidence'
  | 'submit'
  | 'extend'
  | 'signoff'
  | 'leaderReturn'
  | 'endorse'
  | 'approve'
  | 'return'
  | 'edit'
  | 'cancel'
  | 'reopen'
  | 'split';

/**
 * What the caller may do to a task in its status: the permission from the API's table (can()),
 * then the status the step needs. The API decides; this only hides buttons it would refuse.
 */
export function availableActions(
  user: Grantee,
  task: { status: TaskStatus; leadDepartmentCode: string; coDepartmentCodes: string[]; dueDate?: string | null },
): Set<TaskAction> {
  const actions = new Set<TaskAction>();
  const open = isOpen(task.status);
  const working = task.status === 'assigned' || task.status === 'in_progress';
  const lead = user.departmentCode !== null && task.leadDepartmentCode === user.departmentCode;
  const rules: Array<[TaskAction, string, boolean]> = [
    ['accept', 'task.accept', task.status === 'assigned'],
    ['progress', 'task.progress', working],
    ['evidence', 'task.evidence.upload', open],
    ['submit', 'task.submit', task.status === 'in_progress'],
    // An open-ended task (长期坚持) has no final deadline to extend.
    ['extend', 'task.extension.request', open && task.dueDate !== null],
    ['signoff', 'task.signoff', task.status === 'leader_review'],
    // One route, two hands: the leader returns what waits for its sign-off, the supervisor what waits for review.
    ['leaderReturn', 'task.return', task.status === 'leader_review' && user.role === 'leader'],
    ['return', 'task.return', task.status === 'submitted' && user.role !== 'leader'],
    ['endorse', 'extension.endorse', open],
    ['approve', 'task.approve', task.status === 'submitted'],
    ['edit', 'task.edit', open],
    ['cancel', 'task.cancel', open],
    ['reopen', 'task.reopen', !open],
    // 分解: a department role splits only work its department leads (TaskService checks the parent).
    ['split', 'task.create', open && (user.role === 'supervisor' || lead)],
  ];
  for (const [action, permission, when] of rules) if (when && can(user, permission, task)) actions.add(action);
  return actions;
}

export const HISTORY_ACTIONS: Record<string, string> = {
  'task.create': '创建任务',
  'task.update': '修改任务',
  'task.carry_over': '结转到新规划',
  'task.accept': '签收',
  'task.progress': '报送进展',
  'evidence.upload': '上传佐证材料',
  'indicator.report': '填报指标',
  'task.submit': '提交办结',
  'task.approve': '审核通过',
  'task.return': '退回',
  'task.signoff': '负责人审签',
  'task.cancel': '撤销任务',
  'task.reopen': '重新打开',
  'extension.endorse': '负责人同意延期',
  'comment.create': '发表评论或批示',
  'extension.request': '申请延期',
  'extension.approve': '同意延期',
  'extension.reject': '不同意延期',
  'task.extend': '截止日期顺延',
};

export function historyActionLabel(action: string): string {
  return HISTORY_ACTIONS[action] ?? action;
}

export const EXTENSION_LABELS: Record<string, string> = { awaiting_leader: '待负责人同意', pending: '待审批', approved: '已同意', rejected: '未同意' };

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * What a history entry says beyond its action, in Chinese: the status change,
 * a moved deadline, and the reason, comment, grade, summary or note given.
 */
export function historyDetail(entry: { action: string; from: string | null; to: string | null; detail: Record<string, unknown> | null }): string[] {
  const lines: string[] = [];
  const labels: Record<string, string> = entry.action.startsWith('extension.') ? EXTENSION_LABELS : STATUS_LABELS;
  if (entry.from && entry.to && entry.from !== entry.to) lines.push(`${labels[entry.from] ?? entry.from} → ${labels[entry.to] ?? entry.to}`);
  const detail = entry.detail ?? {};
  const before = (detail.before ?? {}) as Record<string, unknown>;
  const after = (detail.after ?? {}) as Record<string, unknown>;
  if (typeof before.dueDate === 'string' && typeof after.dueDate === 'string' && before.dueDate !== after.dueDate) {
    lines.push(`截止日期：${formatDate(before.dueDate)} → ${formatDate(after.dueDate)}`);
  }
  const toPlan = detail.toPlan as { title?: unknown } | undefined;
  const fromPlan = detail.fromPlan as { title?: unknown } | undefined;
  if (entry.action === 'task.carry_over' && typeof fromPlan?.title === 'string' && typeof toPlan?.title === 'string')
    lines.push(`自《${fromPlan.title}》结转到《${toPlan.title}》`);
  if (typeof after.requestedDueDate === 'string') lines.push(`申请延期至：${formatDate(after.requestedDueDate)}`);
  const grade = text(detail.grade);
  if (grade) lines.push(`评定等次：${GRADE_LABELS[grade as Grade] ?? grade}`);
  for (const [key, label] of [
    ['reason', '理由'],
    ['comment', '意见'],
    ['summary', '办结说明'],
  ] as const) {
    const value = text(detail[key]) ?? (key === 'reason' ? text(after.reason) : null);
    if (value) lines.push(`${label}：${value}`);
  }
  const note = text(after.note);
  if (note) lines.push(`进展：${note}${typeof after.percent === 'number' ? `（${after.percent}%）` : ''}`);
  const filename = text(after.filename);
  if (filename) lines.push(`文件：${filename}`);
  return lines;
}
