import { Module } from '@nestjs/common';
import { AuditLogService } from './audit-log.service.js';
import { AuditService } from './audit.service.js';

/** The audit log: one chain per installation, appended to by every domain, read by the auditor. */
@Module({ providers: [AuditService, AuditLogService], exports: [AuditService, AuditLogService] })
export class AuditModule {}
