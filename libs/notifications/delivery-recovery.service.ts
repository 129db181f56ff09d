import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { DeliveryRepository } from '../db/repositories/delivery.repository.js';
import { DeliveryQueue } from './delivery-queue.js';

/** Rows read and queued per round trip. */
const PAGE = 1000;

/**
 * Re-queues deliveries recorded but not yet sent, so that a flushed Redis, a
 * killed worker or an outage delays messages but loses none. Queuing is keyed
 * by the row's id, so rows whose jobs are still queued (waiting, retrying or
 * running) are not duplicated; rows younger than DELIVERY_RECOVER_AFTER_MS
 * are left to the sweep that is queuing them.
 */
@Injectable()
export class DeliveryRecovery {
  private readonly logger = new Logger('DeliveryRecovery');
  private running?: Promise<number>;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly queue: DeliveryQueue,
    private readonly config: AppConfig,
  ) {}

  /** Queues every pending delivery older than DELIVERY_RECOVER_AFTER_MS; returns how many rows it queued (or found queued). */
  recover(): Promise<number> {
    // One pass at a time per process: a pass started while one runs would only repeat it.
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<number> {
    const olderThan = new Date(Date.now() - this.config.DELIVERY_RECOVER_AFTER_MS);
    let after: { id: string; createdAt: Date } | undefined;
    let count = 0;
    for (;;) {
      const page = await this.deliveries.pendingIds(olderThan, PAGE, after);
      if (page.length === 0) break;
      await this.queue.enqueue(page.map((row) => row.id));
      count += page.length;
      after = page[page.length - 1];
      if (page.length < PAGE) break;
    }
    if (count > 0) this.logger.debug(`已重新排队 ${count} 条待发送的消息`);
    return count;
  }
}
