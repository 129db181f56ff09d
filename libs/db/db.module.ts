import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source.js';
import { AssessmentRepository } from './repositories/assessment.repository.js';
import { AuditRepository } from './repositories/audit.repository.js';
import { OperationsRepository } from './repositories/operations.repository.js';
import { CarryOverRepository } from './repositories/carry-over.repository.js';
import { CalendarFeedRepository } from './repositories/calendar-feed.repository.js';
import { CalendarRepository } from './repositories/calendar.repository.js';
import { DashboardRepository } from './repositories/dashboard.repository.js';
import { DeliveryRepository } from './repositories/delivery.repository.js';
import { DepartmentRepository } from './repositories/department.repository.js';
import { EvaluationRepository } from './repositories/evaluation.repository.js';
import { EvidenceRepository } from './repositories/evidence.repository.js';
import { ExtensionRepository } from './repositories/extension.repository.js';
import { IndicatorRepository } from './repositories/indicator.repository.js';
import { LadderRepository } from './repositories/ladder.repository.js';
import { NoticeRepository } from './repositories/notice.repository.js';
import { PlanRepository } from './repositories/plan.repository.js';
import { ProgressRepository } from './repositories/progress.repository.js';
import { CommentRepository } from './repositories/comment.repository.js';
import { SessionRepository } from './repositories/session.repository.js';
import { SeedRepository } from './repositories/seed.repository.js';
import { SettingRepository } from './repositories/setting.repository.js';
import { TaskRepository } from './repositories/task.repository.js';
import { UserRepository } from './repositories/user.repository.js';
import { WebhookRepository } from './repositories/webhook.repository.js';
import { Transactions } from './transaction.js';

const REPOSITORIES = [
  AssessmentRepository,
  AuditRepository,
  OperationsRepository,
  CarryOverRepository,
  CalendarFeedRepository,
  CalendarRepository,
  DashboardRepository,
  DeliveryRepository,
  DepartmentRepository,
  EvaluationRepository,
  EvidenceRepository,
  ExtensionRepository,
  IndicatorRepository,
  LadderRepository,
  NoticeRepository,
  PlanRepository,
  ProgressRepository,
  CommentRepository,
  SessionRepository,
  SeedRepository,
  SettingRepository,
  TaskRepository,
  UserRepository,
  WebhookRepository,
];

/** The database: one connection pool, the transaction context and every repository. */
@Global()
@Module({})
export class DbModule {
  static forRoot(url: string, poolSize: number): DynamicModule {
    return {
      module: DbModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(url, { extra: { max: poolSize } }), retryAttempts: 3, retryDelay: 1000 })],
      providers: [Transactions, ...REPOSITORIES],
      exports: [Transactions, ...REPOSITORIES],
    };
  }
}
