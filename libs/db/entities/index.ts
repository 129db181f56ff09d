import { AssessmentCycleEntity, AssessmentReportEntity, AssessmentScoreEntity } from './assessment.entity.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { CalendarDayEntity } from './calendar-day.entity.js';
import { CalendarFeedEntity } from './calendar-feed.entity.js';
import { DeliveryEntity } from './delivery.entity.js';
import { DepartmentWebhookEntity } from './department-webhook.entity.js';
import { NotificationEntity } from './notification.entity.js';
import { NoticeEntity } from './notice.entity.js';
import { DepartmentEntity } from './department.entity.js';
import { DutyEntity } from './duty.entity.js';
import { EvidenceEntity } from './evidence.entity.js';
import { PlanEvaluationEntity } from './evaluation.entity.js';
import { ExtensionRequestEntity } from './extension-request.entity.js';
import { IndicatorEntity, IndicatorValueEntity } from './indicator.entity.js';
import { PlanClauseEntity, PlanEntity, PlanSectionEntity } from './plan.entity.js';
import { ProgressReportEntity } from './progress-report.entity.js';
import { SystemSettingEntity } from './system-setting.entity.js';
import { TaskCommentEntity } from './task-comment.entity.js';
import { TaskDepartmentEntity } from './task-department.entity.js';
import { TaskEntity } from './task.entity.js';
import { TaskCarryOverEntity } from './task-carry-over.entity.js';
import { UserEntity } from './user.entity.js';
import { SessionTicketEntity } from './session-ticket.entity.js';
import { UserSessionEntity } from './user-session.entity.js';

export * from './assessment.entity.js';
export * from './audit-entry.entity.js';
export * from './calendar-day.entity.js';
export * from './calendar-feed.entity.js';
export * from './delivery.entity.js';
export * from './department-webhook.entity.js';
export * from './notification.entity.js';
export * from './notice.entity.js';
export * from './department.entity.js';
export * from './duty.entity.js';
export * from './evaluation.entity.js';
export * from './evidence.entity.js';
export * from './extension-request.entity.js';
export * from './indicator.entity.js';
export * from './plan.entity.js';
export * from './progress-report.entity.js';
export * from './system-setting.entity.js';
export * from './task-comment.entity.js';
export * from './task-department.entity.js';
export * from './task.entity.js';
export * from './task-carry-over.entity.js';
export * from './user.entity.js';
export * from './user-session.entity.js';

export const ENTITIES = [
  AssessmentCycleEntity,
  AssessmentScoreEntity,
  AssessmentReportEntity,
  CalendarFeedEntity,
  AuditEntryEntity,
  CalendarDayEntity,
  DeliveryEntity,
  DepartmentWebhookEntity,
  NotificationEntity,
  NoticeEntity,
  DepartmentEntity,
  DutyEntity,
  EvidenceEntity,
  ExtensionRequestEntity,
  IndicatorEntity,
  IndicatorValueEntity,
  PlanEntity,
  PlanSectionEntity,
  PlanClauseEntity,
  PlanEvaluationEntity,
  ProgressReportEntity,
  SystemSettingEntity,
  TaskEntity,
  TaskDepartmentEntity,
  TaskCommentEntity,
  TaskCarryOverEntity,
  UserEntity,
  UserSessionEntity,
  SessionTicketEntity,
];
