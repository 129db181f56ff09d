import { AuditEntryEntity } from './audit-entry.entity.js';
import { DepartmentEntity } from './department.entity.js';
import { DutyEntity } from './duty.entity.js';
import { EvidenceEntity } from './evidence.entity.js';
import { ExtensionRequestEntity } from './extension-request.entity.js';
import { IndicatorEntity, IndicatorValueEntity } from './indicator.entity.js';
import { PlanClauseEntity, PlanEntity, PlanSectionEntity } from './plan.entity.js';
import { ProgressReportEntity } from './progress-report.entity.js';
import { SystemSettingEntity } from './system-setting.entity.js';
import { TaskEntity } from './task.entity.js';
import { UserEntity } from './user.entity.js';

export * from './audit-entry.entity.js';
export * from './department.entity.js';
export * from './duty.entity.js';
export * from './evidence.entity.js';
export * from './extension-request.entity.js';
export * from './indicator.entity.js';
export * from './plan.entity.js';
export * from './progress-report.entity.js';
export * from './system-setting.entity.js';
export * from './task.entity.js';
export * from './user.entity.js';

export const ENTITIES = [
  AuditEntryEntity,
  DepartmentEntity,
  DutyEntity,
  EvidenceEntity,
  ExtensionRequestEntity,
  IndicatorEntity,
  IndicatorValueEntity,
  PlanEntity,
  PlanSectionEntity,
  PlanClauseEntity,
  ProgressReportEntity,
  SystemSettingEntity,
  TaskEntity,
  UserEntity,
];
