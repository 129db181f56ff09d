import { Injectable } from '@nestjs/common';
import type { DeliveryEntity } from '../../../db/entities/delivery.entity.js';
import { MailDriver } from '../../../mail/mail-driver.js';
import { DeliveryChannel } from '../../../vocabulary/notifications.js';
import type { DeliverySender } from '../delivery-sender.js';

/** Mail to one person, through the configured MailDriver (SMTP or .eml files). */
@Injectable()
export class MailSender implements DeliverySender {
  readonly channel = DeliveryChannel.Mail;

  constructor(private readonly mail: MailDriver) {}

  async send(row: DeliveryEntity, record: () => Promise<boolean>): Promise<void> {
    // The driver runs `record` before it accepts the next mail: at most one sent and not yet recorded.
    await this.mail.send({ id: row.id, to: row.target, subject: row.subject, text: row.body, date: row.createdAt }, record);
  }

  describeTarget(row: DeliveryEntity): string {
    return row.target;
  }

  displayTarget(row: DeliveryEntity): string {
    return row.target;
  }
}
