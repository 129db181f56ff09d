import { Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ThrottledLog } from '../../libs/common/throttled-log.js';
import type { Server } from 'node:http';
import { AppConfig } from '../../libs/config/app-config.js';
import { serveMetrics } from '../../libs/metrics/metrics-endpoint.js';
import { Metrics } from '../../libs/metrics/metrics.js';
import { DeliveryRecovery } from '../../libs/notifications/delivery-recovery.service.js';
import { NotificationDeliveryModule } from '../../libs/notifications/notifications.module.js';
import { JOB_HANDLERS } from '../../libs/queue/job-handler.js';
import { QueueConnection } from '../../libs/queue/queue-connection.js';
import { JobName, SWEEP_SCHEDULER_ID } from '../../libs/queue/queue-names.js';
import { QueueWorkers } from '../../libs/queue/queue-workers.js';
import { AssessmentReportService } from '../../libs/reports/assessment-report.service.js';
import { ReportsModule } from '../../libs/reports/reports.module.js';
import { MonitoringModule } from '../../libs/monitoring/monitoring.module.js';
import { AssessmentReportProcessor } from './assessment-report.processor.js';
import { DeliveryProcessor } from './delivery.processor.js';
import { SweepProcessor } from './sweep.processor.js';

/**
 * Queue consumers (no HTTP): the reminder sweep on a BullMQ job scheduler, the
 * delivery of what it records, and the assessment report files. Besides the queue, a local timer re-creates
 * the scheduler and re-queues pending deliveries every REMINDER_SWEEP_MS, and
 * so does Redis coming back: nothing depends on the queue having kept its data.
 */
@Module({
  imports: [NotificationDeliveryModule, ReportsModule, MonitoringModule],
  providers: [
    DeliveryProcessor,
    SweepProcessor,
    AssessmentReportProcessor,
    { provide: JOB_HANDLERS, inject: [DeliveryProcessor, SweepProcessor, AssessmentReportProcessor], useFactory: (...handlers: unknown[]) => handlers },
    QueueWorkers,
  ],
})
export class WorkerModule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Worker');
  private readonly problems = new ThrottledLog(this.logger);
  private timer?: NodeJS.Timeout;
  private metricsServer?: Server;
  private readonly reconnected = () => void this.reconcile('Redis 恢复后');

  constructor(
    private readonly workers: QueueWorkers,
    private readonly recovery: DeliveryRecovery,
    private readonly reports: AssessmentReportService,
    private readonly connection: QueueConnection,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.workers.start();
    if (this.config.METRICS_PORT) {
      // The worker has no HTTP of its own: a listener for the scraper alone (npm start's API serves /metrics itself).
      this.metricsServer = await serveMetrics(this.metrics.registry, this.config.METRICS_PORT, this.config.HOST, this.config.METRICS_TOKEN);
      this.logger.log(`worker 指标：http://${this.config.HOST}:${this.config.METRICS_PORT}/metrics`);
    }
    await this.reconcile('启动时');
    this.timer = setInterval(() => void this.reconcile('定时'), this.config.REMINDER_SWEEP_MS);
    this.timer.unref();
    this.connection.on('reconnected', this.reconnected);
    this.logger.log(`worker 已就绪（队列：${this.connection.kind === 'redis' ? 'Redis' : 'PostgreSQL'}）`);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await new Promise((resolve) => (this.metricsServer ? this.metricsServer.close(resolve) : resolve(undefined)));
    this.connection.off('reconnected', this.reconnected);
  }

  /** Makes sure the sweep is scheduled and nothing recorded (deliveries, report rows) waits unqueued; never throws (the queue may be down). */
  private async reconcile(when: string): Promise<void> {
    try {
      if (this.connection.writable) await this.workers.schedule(SWEEP_SCHEDULER_ID, JobName.Sweep, this.config.REMINDER_SWEEP_MS);
      const queued = await this.recovery.recover();
      if (queued > 0 && when !== '定时') this.logger.log(`${when}重新排队了 ${queued} 条待发送的消息`);
      const reports = await this.reports.requeue();
      if (reports > 0) this.logger.log(`${when}重新排队了 ${reports} 份待生成的考核报告`);
    } catch (error) {
      this.problems.warn('reconcile', `${when}的检查未完成：${(error as Error).message}`);
    }
  }
}
