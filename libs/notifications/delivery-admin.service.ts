import { Injectable } from '@nestjs/common';
import type { DeliveryStatus } from '../vocabulary/notifications.js';
import { DeliveryRepository } from '../db/repositories/delivery.repository.js';
import { DeliverySenders } from './channels/registry.js';

/** What administrators see of outgoing messages: above all, the ones given up. */
@Injectable()
export class DeliveryAdminService {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly senders: DeliverySenders,
  ) {}

  async list(status: DeliveryStatus | undefined, page: number, limit: number) {
    const { items, total } = await this.deliveries.list(status, (page - 1) * limit, limit);
    return {
      items: items.map((d) => ({
        id: d.id,
        channel: d.channel,
        recipientId: d.recipientId,
        departmentCode: d.departmentCode,
        // Each channel masks its own secrets (a robot's URL holds its key); a row of an unknown channel shows as recorded.
        target: this.senders.find(d.channel)?.displayTarget(d) ?? d.target,
        subject: d.subject,
        status: d.status,
        attempts: d.attempts,
        lastError: d.lastError,
        createdAt: d.createdAt,
        sentAt: d.sentAt,
      })),
      total,
      page,
      limit,
    };
  }
}
