import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { PlanModule } from '../plan/plan.module.js';
import { CommentService } from './comment.service.js';
import { DeadlineClock } from './deadline-clock.js';
import { ExtensionService } from './extension.service.js';
import { TaskEvents } from './task-events.js';
import { TaskService } from './task.service.js';
import { ReportSlotService } from './report-slot.service.js';
import { TaskBulkService } from './task-bulk.service.js';
import { TaskExportService } from './task-export.service.js';
import { TaskImportService } from './task-import.service.js';

/**
 * Tasks: their life cycle, deadlines and extensions; the 分工表 import, the export and bulk changes. `TaskEvents` is provided here (a no-op) and
 * exported, so the notifications domain's implementation replaces this one provider
 * (`{ provide: TaskEvents, useClass: … }`, or `overrideProvider(TaskEvents)` in a test).
 */
@Module({
  imports: [AuditModule, CalendarModule, PlanModule],
  providers: [
    CommentService,
    TaskService,
    ExtensionService,
    DeadlineClock,
    TaskEvents,
    TaskImportService,
    TaskExportService,
    TaskBulkService,
    ReportSlotService,
  ],
  exports: [CommentService, TaskService, ExtensionService, DeadlineClock, TaskEvents, TaskImportService, TaskExportService, TaskBulkService, ReportSlotService],
})
export class TasksModule {}
