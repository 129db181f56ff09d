import { Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';

/**
 * Queue consumers (no HTTP). Reminders, escalations and report generation are
 * added here as BullMQ processors; for now the worker only starts and stops cleanly.
 */
@Module({})
export class WorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');

  onApplicationBootstrap() {
    this.logger.log('worker 已就绪');
  }
}
