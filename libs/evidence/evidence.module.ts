import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { StorageModule } from '../storage/storage.module.js';
import { EvidenceService } from './evidence.service.js';

/** Evidence files of tasks, kept in the configured store (EVIDENCE_STORE). */
@Module({ imports: [AuditModule, StorageModule], providers: [EvidenceService], exports: [EvidenceService] })
export class EvidenceModule {}
