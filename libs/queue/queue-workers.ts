import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { handlersByName, JOB_HANDLERS, type JobHandler, PermanentJobError } from './job-handler.js';
import { QueueConnection } from './queue-connection.js';
import { JobName, type PayloadOf, QUEUE_OF, QueueName } from './queue-names.js';

/**
 * Runs the process's job handlers on BullMQ workers, one worker per queue.
 * Refuses to start unless every JobName has exactly one handler.
 */
@Injectable()
export class QueueWorkers implements OnModuleInit, OnModuleDestroy {
  private handlers = new Map<JobName, JobHandler>();

  constructor(
    private readonly connection: QueueConnection,
    @Inject(JOB_HANDLERS) private readonly registered: JobHandler[],
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.handlers = handlersByName(this.registered, Object.values(JobName));
  }

  /** Starts one worker per queue. */
  start(): void {
    for (const queue of Object.values(QueueName)) {
      const concurrency = queue === QueueName.Delivery ? this.config.DELIVERY_CONCURRENCY : 1;
      this.connection.worker(queue, (name, data, context) => this.run(queue, name, data, context), concurrency);
    }
  }

  /** Creates or updates a repeating job (every `everyMs`); idempotent, so calling it again restores a scheduler lost with Redis's data. */
  async schedule(schedulerId: string, name: JobName.Sweep, everyMs: number): Promise<void> {
    const queue = QUEUE_OF[name];
    const data: PayloadOf<typeof name> = {};
    await this.connection.queue(queue).upsertJobScheduler(
      schedulerId,
      { every: everyMs },
      {
        name,
        data,
        opts: { removeOnComplete: true, removeOnFail: { count: 100 } },
      },
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.connection.closeWorkers();
  }

  private run(queue: QueueName, name: JobName, data: unknown, context: { id: string; attemptsMade: number }): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler || QUEUE_OF[name] !== queue) throw new PermanentJobError(`队列 ${queue} 上没有任务 ${name} 的处理器`);
    // The payload's shape is fixed by the job name (JobPayload); producers build it typed.
    return handler.handle(data as PayloadOf<typeof name>, context);
  }
}
