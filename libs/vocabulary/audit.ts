import type { AssessmentAuditAction } from './assessment.js';
import type { NotificationAuditAction } from './notifications.js';
import type { TaskAuditAction } from './tasks.js';

/**
 * Every action the audit log records, by domain; wire values (audit_log.action, which the chain's
 * hashes cover) never change once shipped. A new state change adds its action to its domain's list.
 */
export type AuditAction =
  | TaskAuditAction
  | AssessmentAuditAction
  | NotificationAuditAction
  | 'evidence.upload'
  | 'calendar.set'
  | 'calendar.remove'
  | 'calendar-feed.create'
  | 'calendar-feed.revoke'
  | 'indicator.report'
  | 'seed.create'
  | 'seed.update'
  | 'user.create'
  | 'user.update'
  | 'user.password_reset'
  | 'user.password_change'
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout';
