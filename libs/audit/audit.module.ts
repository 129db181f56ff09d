import { Module } from '@nestjs/common';
import { AuditService } from './audit.service.js';

/** The audit log: one chain per installation, appended to by every domain. */
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
