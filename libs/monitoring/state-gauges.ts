import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CalendarService } from '../calendar/calendar.service.js';
import { AppConfig } from '../config/app-config.js';
import { OperationsRepository } from '../db/repositories/operations.repository.js';
import { Metrics } from '../metrics/metrics.js';
import { QueueConnection } from '../queue/queue-connection.js';
import { QueueName } from '../queue/queue-names.js';
import { DeliveryChannel, DeliveryStatus } from '../vocabulary/notifications.js';
import { TaskStatus } from '../vocabulary/tasks.js';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized'] as const;

/**
 * The gauges read from the database and the queue when Prometheus scrapes: tasks by status and overdue,
 * deliveries by status and channel, the sweep's lag, queue jobs by state, calendar years without data.
 * Every process exposes the same values (aggregate them with max, not sum).
 */
@Injectable()
export class StateGauges implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly operations: OperationsRepository,
    private readonly queues: QueueConnection,
    private readonly calendar: CalendarService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const { metrics, operations, queues, calendar, config } = this;
    metrics.gauge('duban_tasks', 'Tasks by status', ['status'], async (gauge) => {
      const byStatus = await operations.tasksByStatus();
      gauge.reset();
      for (const status of Object.values(TaskStatus)) gauge.set({ status }, byStatus.find((row) => row.status === status)?.n ?? 0);
    });
    metrics.gauge('duban_tasks_overdue', 'Open tasks past their deadline (the red light), in the plan time zone', [], async (gauge) => {
      gauge.set(await operations.overdueTasks(config.TZ));
    });
    metrics.gauge('duban_deliveries', 'Mails and robot messages by status (pending, sent, failed) and channel', ['status', 'channel'], async (gauge) => {
      gauge.reset();
      const rows = await operations.deliveryCounts();
      // Every channel (the vocabulary's: monitoring sits below notifications and its registry) at every status, zero when it has none.
      for (const status of Object.values(DeliveryStatus))
        for (const channel of Object.values<string>(DeliveryChannel))
          if (!rows.some((r) => r.status === status && r.channel === channel)) gauge.set({ status, channel }, 0);
      for (const row of rows) gauge.set({ status: row.status, channel: row.channel }, row.n);
    });
    metrics.gauge(
      'duban_reminder_sweep_lag_seconds',
      'Seconds since the oldest ladder step that is due and not yet recorded (0: the sweep is keeping up)',
      [],
      async (gauge) => gauge.set(await operations.sweepLagSeconds()),
    );
    metrics.gauge('duban_queue_jobs', 'Queue jobs by queue and state', ['queue', 'state'], async (gauge) => {
      for (const queue of Object.values(QueueName)) {
        const counts = await queues.queue(queue).getJobCounts(...JOB_STATES);
        for (const state of JOB_STATES) gauge.set({ queue, state }, counts[state] ?? 0);
      }
    });
    metrics.gauge('duban_calendar_missing_years', 'Years the ladder reaches that have no holiday data (counted Monday to Friday)', [], async (gauge) => {
      gauge.set((await calendar.healthCoverage()).missingYears.length);
    });
  }
}
