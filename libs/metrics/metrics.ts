import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus instruments (prom-client), one registry per process: what happens (HTTP requests, sweeps,
 * sends) is counted where it happens; what is (tasks, deliveries, queue jobs) is read when scraped (libs/monitoring).
 * `npm start` runs the API and the worker in one process and so one registry.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'duban_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'duban_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly sweepDuration = new Histogram({
    name: 'duban_reminder_sweep_duration_seconds',
    help: 'Time of one reminder sweep (ladder steps recorded and event digests queued)',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });

  readonly sweepRecorded = new Counter({
    name: 'duban_reminder_steps_recorded_total',
    help: 'Ladder steps (reminders, overdue alerts, escalations) recorded by sweeps',
    registers: [this.registry],
  });

  readonly deliveriesSent = new Counter({
    name: 'duban_deliveries_sent_total',
    help: 'Mails and robot messages handed to their channel, by channel',
    labelNames: ['channel'],
    registers: [this.registry],
  });

  readonly deliveryFailures = new Counter({
    name: 'duban_delivery_failures_total',
    help: 'Failed sends, by channel and outcome (retry: tried again later; gave_up: marked failed)',
    labelNames: ['channel', 'outcome'],
    registers: [this.registry],
  });

  readonly deliveryAge = new Histogram({
    name: 'duban_delivery_age_seconds',
    help: 'How long a message waited from being recorded to being sent (reminder lateness), by channel',
    labelNames: ['channel'],
    buckets: [1, 5, 15, 30, 60, 300, 900, 3600, 4 * 3600, 24 * 3600],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'duban_' });
  }

  /** A gauge read when scraped: `collect` sets its values. */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[], collect: (gauge: Gauge<L>) => Promise<void>): Gauge<L> {
    return new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        await collect(this);
      },
    });
  }
}
