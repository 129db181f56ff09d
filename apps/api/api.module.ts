import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { createSecretKey, randomBytes } from 'node:crypto';
import { AccessGuard } from '../../libs/auth/access.guard.js';
import { AuthService } from '../../libs/auth/auth.service.js';
import { UserService } from '../../libs/auth/user.service.js';
import { AuditService } from '../../libs/audit/audit.service.js';
import { AppConfig } from '../../libs/config/app-config.js';
import { SettingRepository } from '../../libs/db/repositories/setting.repository.js';
import { EvidenceService } from '../../libs/evidence/evidence.service.js';
import { IndicatorService } from '../../libs/indicators/indicator.service.js';
import { PlanService } from '../../libs/plan/plan.service.js';
import { StorageModule } from '../../libs/storage/storage.module.js';
import { DeadlineClock } from '../../libs/tasks/deadline-clock.js';
import { ExtensionService } from '../../libs/tasks/extension.service.js';
import { TaskService } from '../../libs/tasks/task.service.js';
import { TaskEvents } from '../../libs/tasks/task-events.js';
import { TaskImportService } from '../../libs/tasks/task-import.service.js';
import { TaskExportService } from '../../libs/tasks/task-export.service.js';
import { TaskBulkService } from '../../libs/tasks/task-bulk.service.js';
import { NoticeService } from '../../libs/tasks/notice.service.js';
import { TaskExcelController } from './controllers/task-excel.controller.js';
import { AuthController } from './controllers/auth.controller.js';
import { IndicatorsController } from './controllers/indicators.controller.js';
import { PlanController } from './controllers/plan.controller.js';
import { TasksController } from './controllers/tasks.controller.js';
import { UsersController } from './controllers/users.controller.js';
import { DomainExceptionFilter } from './domain-exception.filter.js';
import { NotificationsController } from './controllers/notifications.controller.js';
import { NotificationService } from '../../libs/notifications/notification.service.js';
import { HealthController } from './health.controller.js';
import { CalendarController } from './controllers/calendar.controller.js';
import { CalendarService } from '../../libs/calendar/calendar.service.js';
import { MailModule } from '../../libs/mail/mail.module.js';
import { DeliveryAdminService } from '../../libs/notifications/delivery-admin.service.js';
import { WebhookService } from '../../libs/notifications/webhook.service.js';
import { DeliveriesController } from './controllers/deliveries.controller.js';
import { WebhooksController } from './controllers/webhooks.controller.js';
import { AssessmentsController } from './controllers/assessments.controller.js';
import { AssessmentService } from '../../libs/assessment/assessment.service.js';
import { AssessmentReportService } from '../../libs/assessment/assessment-report.service.js';
import { DashboardController } from './controllers/dashboard.controller.js';
import { DashboardService } from '../../libs/dashboard/dashboard.service.js';
import { CalendarFeedController } from './controllers/calendar-feed.controller.js';
import { CalendarFeedService } from '../../libs/calendar-feed/calendar-feed.service.js';

/** HTTP only: records work and answers questions; processing happens in the worker. */
@Module({
  imports: [
    StorageModule,
    MailModule,
    TerminusModule.forRoot({ logger: false }),
    JwtModule.registerAsync({
      inject: [AppConfig, SettingRepository],
      useFactory: async (config: AppConfig, settings: SettingRepository) => ({
        // Shared by every process of the installation, so a token from one API process works on all.
        // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a PEM public key
        // on every verify (and fails), which took a quarter of the CPU of an authenticated request.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET ?? (await settings.getOrInit('jwt-secret', randomBytes(48).toString('base64url'))))),
        signOptions: { expiresIn: config.JWT_TTL_SECONDS },
      }),
    }),
  ],
  controllers: [AuthController, UsersController, PlanController, TasksController, IndicatorsController, NotificationsController, HealthController, CalendarController, WebhooksController, DeliveriesController, AssessmentsController, DashboardController, CalendarFeedController, TaskExcelController],
  providers: [
    AuditService,
    NotificationService,
    AuthService,
    UserService,
    PlanService,
    DeadlineClock,
    TaskService,
    TaskEvents,
    TaskImportService,
    TaskExportService,
    TaskBulkService,
    NoticeService,
    ExtensionService,
    EvidenceService,
    IndicatorService,
    CalendarService,
    WebhookService,
    DeliveryAdminService,
    AssessmentService,
    AssessmentReportService,
    DashboardService,
    CalendarFeedService,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: DomainExceptionFilter },
  ],
})
export class ApiModule {}
