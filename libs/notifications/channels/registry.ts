import { Inject, Injectable, Module } from '@nestjs/common';
import { MailModule } from '../../mail/mail.module.js';
import { DeliveryChannel } from '../../vocabulary/notifications.js';
import { WebhookModule } from '../../webhook/webhook.module.js';
import { type DeliverySender, Undeliverable } from './delivery-sender.js';
import { MailSender } from './mail/mail-sender.js';
import { RobotSender } from './robot/robot-sender.js';
import { NOTIFICATION_MESSAGES } from '../notifications.messages.js';

/**
 * Every channel's sender, in one place. Adding a channel: its folder beside mail/ and robot/, its
 * DeliveryChannel value, its class here (and its infrastructure module in the imports below).
 */
const SENDERS = [MailSender, RobotSender];

/** The Nest token of the list of senders (one instance of each class above). */
export const DELIVERY_SENDERS = Symbol('DELIVERY_SENDERS');

/** The senders by channel: what the delivery code looks up instead of branching on a row's channel. */
@Injectable()
export class DeliverySenders {
  private readonly byChannel = new Map<string, DeliverySender>();

  constructor(@Inject(DELIVERY_SENDERS) private readonly senders: DeliverySender[]) {
    // Checked at start-up, like the queue's job handlers: a channel without a sender would give up every message recorded for it.
    const problems: string[] = [];
    for (const sender of senders) {
      const other = this.byChannel.get(sender.channel);
      if (other) problems.push(`渠道 ${sender.channel} 有多个发送器：${other.constructor.name}、${sender.constructor.name}`);
      else this.byChannel.set(sender.channel, sender);
    }
    for (const channel of Object.values(DeliveryChannel)) if (!this.byChannel.has(channel)) problems.push(`渠道 ${channel} 没有发送器`);
    if (problems.length > 0) throw new Error(`发送渠道配置有误：${problems.join('；')}`);
  }

  /** The sender of `channel` (a row's column, so any string), or undefined. */
  find(channel: string): DeliverySender | undefined {
    return this.byChannel.get(channel);
  }

  /** The sender of `channel`; no sender means no retry can help, so the message is given up at once. */
  get(channel: string): DeliverySender {
    const sender = this.find(channel);
    if (!sender) throw new Undeliverable(NOTIFICATION_MESSAGES.unknownChannel(channel));
    return sender;
  }

  channels(): DeliveryChannel[] {
    return this.senders.map((sender) => sender.channel);
  }
}

/**
 * The senders and the drivers they use. A module of its own so that the worker (which sends) and the
 * API (whose delivery list shows targets as the channels display them) share one registry.
 */
@Module({
  imports: [MailModule, WebhookModule],
  providers: [...SENDERS, { provide: DELIVERY_SENDERS, inject: SENDERS, useFactory: (...senders: DeliverySender[]) => senders }, DeliverySenders],
  exports: [DeliverySenders],
})
export class DeliveryChannelsModule {}
