import type { AssessmentAuditAction } from './assessment.js';
import type { EvaluationAuditAction } from './evaluation.js';
import type { NotificationAuditAction } from './notifications.js';
import type { TaskAuditAction } from './tasks.js';

/**
 * Every action the audit log records, by domain; wire values (audit_log.action, which the chain's
 * hashes cover) never change once shipped. A new state change adds its action to its domain's list.
 */
export type AuditAction =
  | TaskAuditAction
  | AssessmentAuditAction
  | EvaluationAuditAction
  | NotificationAuditAction
  | 'evidence.upload'
  | 'evidence.download'
  | 'report.download'
  | 'queue.dashboard.open'
  | 'calendar.set'
  | 'calendar.remove'
  | 'calendar-feed.create'
  | 'calendar-feed.revoke'
  | 'indicator.report'
  | 'seed.create'
  | 'seed.update'
  | 'plan.carry_over'
  | 'user.create'
  | 'user.update'
  | 'user.password_reset'
  | 'user.password_change'
  | 'user.preferences'
  | 'user.import'
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout';

/** Each action as the audit viewer and its export name it. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'task.create': '创建任务',
  'task.update': '修改任务',
  'task.accept': '签收任务',
  'task.submit': '提交办结',
  'task.approve': '审核通过',
  'task.return': '退回',
  'task.signoff': '负责人审签',
  'task.cancel': '撤销任务',
  'task.reopen': '重新打开任务',
  'task.extend': '截止日期顺延',
  'task.progress': '报送进展',
  'task.import.create': '导入新建任务',
  'task.import.update': '导入更新任务',
  'task.notice': '出具通知单',
  'task.carry_over': '结转任务',
  'extension.request': '申请延期',
  'extension.endorse': '负责人同意延期',
  'extension.approve': '同意延期',
  'extension.reject': '不同意延期',
  'comment.create': '发表评论或批示',
  'assessment.open': '开启考核',
  'assessment.score': '考核评分',
  'assessment.score.revise': '修改考核评分',
  'assessment.finalize': '考核定稿',
  'evaluation.save': '保存规划评估意见',
  'evaluation.finalize': '规划评估定稿',
  'webhook.set': '设置群机器人',
  'webhook.remove': '删除群机器人',
  'user.notification_preferences': '修改提醒设置',
  'evidence.upload': '上传佐证材料',
  'evidence.download': '下载佐证材料',
  'report.download': '下载报表',
  'queue.dashboard.open': '进入队列看板',
  'calendar.set': '设置工作日历',
  'calendar.remove': '删除工作日历',
  'calendar-feed.create': '创建日历订阅',
  'calendar-feed.revoke': '撤销日历订阅',
  'indicator.report': '填报指标',
  'seed.create': '导入规划数据',
  'seed.update': '更新规划数据',
  'plan.carry_over': '规划任务结转',
  'user.create': '创建用户',
  'user.update': '修改用户',
  'user.password_reset': '重置密码',
  'user.password_change': '修改密码',
  'user.preferences': '修改显示设置',
  'user.import': '批量导入用户',
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
};
