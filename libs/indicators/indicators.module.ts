import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { IndicatorService } from './indicator.service.js';

/** The plan's indicators and their reported values. */
@Module({ imports: [AuditModule], providers: [IndicatorService], exports: [IndicatorService] })
export class IndicatorsModule {}
