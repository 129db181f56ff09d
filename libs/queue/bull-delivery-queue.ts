import { Injectable, Logger } from '@nestjs/common';
import { ThrottledLog, withTimeout } from '../common/throttled-log.js';
import { DeliveryQueue } from '../notifications/delivery-queue.js';
import { QueueConnection } from './queue-connection.js';
import { JobName, type PayloadOf, QueueName } from './queue-names.js';

/** Longest an enqueue may hold up its caller (a sweep, a recovery pass). */
const ENQUEUE_TIMEOUT_MS = 5000;
/** Jobs per addBulk call: one round trip each, bounded memory. */
const CHUNK = 1000;

/**
 * DeliveryQueue on BullMQ: one `deliver` job per delivery row, whose job id is
 * the row's id, so queuing a row that is already queued adds nothing. Never
 * throws: when the queue is unreachable the rows stay pending in the database
 * and recovery queues them later.
 */
@Injectable()
export class BullDeliveryQueue extends DeliveryQueue {
  private readonly log = new ThrottledLog(new Logger('DeliveryQueue'));

  constructor(private readonly connection: QueueConnection) {
    super();
  }

  async enqueue(deliveryIds: string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    if (!this.connection.writable) {
      this.log.warn('unreachable', `队列不可用，${deliveryIds.length} 条消息暂存数据库，待恢复后发送`);
      return;
    }
    const queue = this.connection.queue(QueueName.Delivery);
    const opts = this.connection.jobOptions(QueueName.Delivery);
    try {
      for (let i = 0; i < deliveryIds.length; i += CHUNK) {
        const jobs = deliveryIds.slice(i, i + CHUNK).map((deliveryId) => {
          const data: PayloadOf<JobName.Deliver> = { deliveryId };
          return { name: JobName.Deliver, data, opts: { ...opts, jobId: deliveryId } };
        });
        await withTimeout(queue.addBulk(jobs), ENQUEUE_TIMEOUT_MS, '加入发送队列');
      }
      this.log.resolved('unreachable', '发送队列已恢复');
    } catch (error) {
      this.log.warn('unreachable', `加入发送队列失败（消息暂存数据库，待恢复后发送）：${(error as Error).message}`);
    }
  }
}
