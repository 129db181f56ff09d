import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarFeedService } from './calendar-feed.service.js';

/** Departments' deadline feeds (iCalendar) behind secret links. */
@Module({ imports: [AuditModule], providers: [CalendarFeedService], exports: [CalendarFeedService] })
export class CalendarFeedModule {}
