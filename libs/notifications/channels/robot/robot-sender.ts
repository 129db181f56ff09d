import { Injectable } from '@nestjs/common';
import type { DeliveryEntity } from '../../../db/entities/delivery.entity.js';
import { WebhookRepository } from '../../../db/repositories/webhook.repository.js';
import { DeliveryChannel } from '../../../vocabulary/notifications.js';
import { maskSecrets, WebhookDriver, WebhookKind } from '../../../webhook/webhook-driver.js';
import { WebhookRefused } from '../../../webhook/webhook-policy.js';
import { type DeliverySender, Undeliverable } from '../delivery-sender.js';
import { NOTIFICATION_MESSAGES } from '../../notifications.messages.js';

/** A message to a department's group robot (WeCom, DingTalk, Feishu), as the robot is configured when it is sent. */
@Injectable()
export class RobotSender implements DeliverySender {
  readonly channel = DeliveryChannel.Webhook;

  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly robots: WebhookDriver,
  ) {}

  async send(row: DeliveryEntity, record: () => Promise<boolean>): Promise<void> {
    // A robot message is addressed by its department; without one it never had a way out (the message is the one it always had).
    if (!row.departmentCode) throw new Undeliverable(NOTIFICATION_MESSAGES.unknownChannel(row.channel));
    // The robot as configured now: an administrator who fixes a wrong URL fixes the messages still waiting too.
    const robot = await this.webhooks.get(row.departmentCode);
    if (!robot || !robot.enabled) throw new Undeliverable(NOTIFICATION_MESSAGES.robotGone);
    if (!Object.values<string>(WebhookKind).includes(robot.kind)) throw new Undeliverable(NOTIFICATION_MESSAGES.unknownRobotKind(robot.kind));
    try {
      await this.robots.post({ kind: robot.kind as WebhookKind, url: robot.url, title: row.subject, text: row.body });
    } catch (error) {
      // A URL or address the policy refuses stays refused until an administrator changes it: no retries.
      if (error instanceof WebhookRefused) throw new Undeliverable(error.message);
      throw error;
    }
    await record();
  }

  describeTarget(row: DeliveryEntity): string {
    return NOTIFICATION_MESSAGES.departmentTarget(row.departmentCode);
  }

  displayTarget(row: DeliveryEntity): string {
    return maskSecrets(row.target);
  }
}
