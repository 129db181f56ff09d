import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { WebhookModule } from '../webhook/webhook.module.js';
import { DeliveryChannelsModule } from './channels/registry.js';
import { DeliveryAdminService } from './delivery-admin.service.js';
import { DeliveryRecovery } from './delivery-recovery.service.js';
import { DeliveryService } from './delivery.service.js';
import { NotificationService } from './notification.service.js';
import { ReminderSweep } from './reminder-sweep.service.js';
import { WebhookService } from './webhook.service.js';
import { TaskEventNotifier } from './task-event-notifier.js';
import { TasksModule } from '../tasks/tasks.module.js';

/** Notifications as people read and manage them: in-app lists, the departments' robots, the delivery log; and the events of tasks turned into them. */
@Module({
  imports: [AuditModule, DeliveryChannelsModule, TasksModule, WebhookModule],
  providers: [NotificationService, WebhookService, DeliveryAdminService, TaskEventNotifier],
  exports: [NotificationService, WebhookService, DeliveryAdminService],
})
export class NotificationsModule {}

/**
 * What the worker runs: the reminder sweep and the delivery of what it records. A module of its own
 * because the sweep starts work when it is built (it reschedules the ladders on a calendar change):
 * an API-only process must not build it; `npm start` imports both and still has one of each.
 */
@Module({
  imports: [CalendarModule, DeliveryChannelsModule],
  providers: [ReminderSweep, DeliveryService, DeliveryRecovery],
  exports: [ReminderSweep, DeliveryService, DeliveryRecovery],
})
export class NotificationDeliveryModule {}
