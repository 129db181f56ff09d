import { Injectable, Logger } from '@nestjs/common';
import { ThrottledLog } from '../common/throttled-log.js';
import { AppConfig } from '../config/app-config.js';
import type { DeliveryEntity } from '../db/entities/delivery.entity.js';
import { DeliveryStatus } from '../vocabulary/notifications.js';
import { DeliveryRepository } from '../db/repositories/delivery.repository.js';
import { Metrics } from '../metrics/metrics.js';
import { Undeliverable } from './channels/delivery-sender.js';
import { DeliverySenders } from './channels/registry.js';
import { NOTIFICATION_MESSAGES } from './notifications.messages.js';

/** What became of one delivery job. */
export type DeliveryOutcome = 'sent' | 'done-before' | 'gave-up';

/** A send failed and should be tried again, not later than `giveUpAt` (when the row is given up). */
export class DeliveryRetry extends Error {
  constructor(
    message: string,
    readonly giveUpAt: Date,
  ) {
    super(message);
    this.name = 'DeliveryRetry';
  }
}

/**
 * Sends one recorded delivery through its channel's sender (channels/registry.ts). The row decides: a row already
 * sent or given up is left alone; a send is recorded by a conditional update,
 * so of two workers holding the same row only one records it. A failure is
 * recorded on the row and retried until DELIVERY_GIVE_UP_MS after the row was
 * created; then the row is marked failed, which administrators see.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger('Delivery');
  // Bounded: after a day-long outage every waiting message is given up at once; the rows list them all.
  private readonly log = new ThrottledLog(this.logger);

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly senders: DeliverySenders,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  async deliver(id: string): Promise<DeliveryOutcome> {
    const row = await this.deliveries.findById(id);
    if (!row || row.status !== DeliveryStatus.Pending) return 'done-before';
    const giveUpAt = new Date(row.createdAt.getTime() + this.config.DELIVERY_GIVE_UP_MS);
    try {
      // Recorded as soon as the channel accepted it (for mail, before the next mail may be accepted).
      await this.send(row, () => this.deliveries.markSent(id));
    } catch (error) {
      const reason = (error as Error).message || String(error);
      if (error instanceof Undeliverable || Date.now() >= giveUpAt.getTime()) {
        this.metrics.deliveryFailures.inc({ channel: row.channel, outcome: 'gave_up' });
        if (await this.deliveries.markFailed(id, reason))
          this.log.warn(
            'gave-up',
            `消息 ${id}（${row.channel} → ${this.describeTarget(row)}）已放弃发送：${reason}（失败的消息见 GET /api/v1/deliveries?status=failed）`,
          );
        return 'gave-up';
      }
      this.metrics.deliveryFailures.inc({ channel: row.channel, outcome: 'retry' });
      await this.deliveries.recordAttempt(id, reason);
      throw new DeliveryRetry(reason, giveUpAt);
    }
    this.metrics.deliveriesSent.inc({ channel: row.channel });
    this.metrics.deliveryAge.observe({ channel: row.channel }, (Date.now() - row.createdAt.getTime()) / 1000);
    // Which process sent which message (the JSON line carries the pid): only at LOG_LEVEL=debug.
    this.logger.debug(`消息 ${id}（${row.channel}）已发送`);
    return 'sent';
  }

  /** Sends `row` and runs `record` once the channel accepted it; `record`'s false (another worker recorded it first) is fine: it went out. */
  private async send(row: DeliveryEntity, record: () => Promise<boolean>): Promise<void> {
    await this.senders.get(row.channel).send(row, record);
  }

  private describeTarget(row: DeliveryEntity): string {
    // An unknown channel's target may hold a secret: named by its department, as before the registry.
    return this.senders.find(row.channel)?.describeTarget(row) ?? NOTIFICATION_MESSAGES.departmentTarget(row.departmentCode);
  }
}
