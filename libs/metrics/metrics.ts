import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** How often a scrape reads the state gauges (the database and the queue) again; Prometheus's default interval is 15 s. */
export const STATE_READ_MS = 5000;

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

  /**
   * A gauge read when scraped: `collect` sets its values, at most once every STATE_READ_MS (a scrape in between shows
   * the last values; scrapes at once share one read). Read on every scrape, the state gauges' queries over the bench's
   * 100,000 tasks (about 70 ms a scrape) cost the list route 15 % of its throughput when scraped every second
   * (`npm run bench -- metrics`).
   */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[], collect: (gauge: Gauge<L>) => Promise<void>): Gauge<L> {
    let readAt = -Infinity;
    let reading: Promise<void> | null = null;
    return new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        if (performance.now() - readAt < STATE_READ_MS) return;
        reading ??= collect(this)
          .then(() => {
            readAt = performance.now();
          })
          .finally(() => {
            reading = null;
          });
        await reading;
      },
    });
  }
}
