import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarService } from './calendar.service.js';

/**
 * The working-day calendar. One CalendarService per process: its listeners (the reminder sweep)
 * hear a change made through the API at once when API and worker share the process (`npm start`).
 */
@Module({ imports: [AuditModule], providers: [CalendarService], exports: [CalendarService] })
export class CalendarModule {}
