import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuditModule } from '../../libs/audit/audit.module.js';
import { AssessmentModule } from '../../libs/assessment/assessment.module.js';
import { AccessGuard } from '../../libs/auth/access.guard.js';
import { AuthModule } from '../../libs/auth/auth.module.js';
import { CalendarFeedModule } from '../../libs/calendar-feed/calendar-feed.module.js';
import { CalendarModule } from '../../libs/calendar/calendar.module.js';
import { DashboardModule } from '../../libs/dashboard/dashboard.module.js';
import { EvaluationModule } from '../../libs/evaluation/evaluation.module.js';
import { EvidenceModule } from '../../libs/evidence/evidence.module.js';
import { IndicatorsModule } from '../../libs/indicators/indicators.module.js';
import { MailModule } from '../../libs/mail/mail.module.js';
import { NotificationsModule } from '../../libs/notifications/notifications.module.js';
import { PlanModule } from '../../libs/plan/plan.module.js';
import { ReportsModule } from '../../libs/reports/reports.module.js';
import { TasksModule } from '../../libs/tasks/tasks.module.js';
import { AssessmentsController } from './controllers/assessments.controller.js';
import { AuditController } from './controllers/audit.controller.js';
import { AuthController } from './controllers/auth.controller.js';
import { CalendarFeedController } from './controllers/calendar-feed.controller.js';
import { CalendarController } from './controllers/calendar.controller.js';
import { DashboardController } from './controllers/dashboard.controller.js';
import { DeliveriesController } from './controllers/deliveries.controller.js';
import { EvaluationController } from './controllers/evaluation.controller.js';
import { IndicatorsController } from './controllers/indicators.controller.js';
import { NotificationsController } from './controllers/notifications.controller.js';
import { PlanController } from './controllers/plan.controller.js';
import { QueueDashboardController } from './controllers/queue-dashboard.controller.js';
import { TaskExcelController } from './controllers/task-excel.controller.js';
import { TasksController } from './controllers/tasks.controller.js';
import { UsersController } from './controllers/users.controller.js';
import { WebhooksController } from './controllers/webhooks.controller.js';
import { DomainExceptionFilter } from './domain-exception.filter.js';
import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.controller.js';
import { MonitoringModule } from '../../libs/monitoring/monitoring.module.js';
import { RequestOriginInterceptor } from './request-origin.interceptor.js';

/** HTTP only: records work and answers questions; processing happens in the worker. The domains' services come from their modules. */
@Module({
  imports: [
    AuditModule,
    AuthModule,
    PlanModule,
    TasksModule,
    EvidenceModule,
    IndicatorsModule,
    CalendarModule,
    NotificationsModule,
    AssessmentModule,
    EvaluationModule,
    ReportsModule,
    DashboardModule,
    CalendarFeedModule,
    MonitoringModule,
    // /health checks the mail transport.
    MailModule,
    TerminusModule.forRoot({ logger: false }),
  ],
  controllers: [
    AuthController,
    UsersController,
    PlanController,
    TasksController,
    IndicatorsController,
    NotificationsController,
    HealthController,
    CalendarController,
    WebhooksController,
    DeliveriesController,
    AssessmentsController,
    EvaluationController,
    DashboardController,
    CalendarFeedController,
    TaskExcelController,
    AuditController,
    QueueDashboardController,
    MetricsController,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: DomainExceptionFilter },
    { provide: APP_INTERCEPTOR, useClass: RequestOriginInterceptor },
  ],
})
export class ApiModule {}
