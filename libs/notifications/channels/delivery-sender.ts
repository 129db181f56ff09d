import type { DeliveryEntity } from '../../db/entities/delivery.entity.js';
import type { DeliveryChannel } from '../../vocabulary/notifications.js';

/** A message that cannot be sent whatever the retries (its robot was removed, its channel is unknown): given up at once. */
export class Undeliverable extends Error {}

/**
 * One way out for recorded deliveries (mail, a department's group robot, …). Each channel has its
 * folder beside this file and is listed once in registry.ts; the delivery code only looks senders up.
 */
export interface DeliverySender {
  readonly channel: DeliveryChannel;
  /**
   * Sends `row` and runs `record` once the channel accepted it (a channel that accepts one message at
   * a time, like the mail driver, runs it before accepting the next). Throws Undeliverable for what no
   * retry can fix; any other error is retried.
   */
  send(row: DeliveryEntity, record: () => Promise<boolean>): Promise<void>;
  /** Whom the message is for, in the logs (never a secret: a robot is named by its department). */
  describeTarget(row: DeliveryEntity): string;
  /** The target as administrators see it in the delivery list (secrets masked). */
  displayTarget(row: DeliveryEntity): string;
}
