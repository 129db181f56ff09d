import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { CalendarFeedService } from './calendar-feed.service.js';

/** Departments' deadline feeds (iCalendar) behind secret links, with the next report period each owes (report periods from TasksModule). */
@Module({ imports: [AuditModule, TasksModule], providers: [CalendarFeedService], exports: [CalendarFeedService] })
export class CalendarFeedModule {}
