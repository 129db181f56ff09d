import { Injectable } from '@nestjs/common';
import { DeliveryChannel, type DeliveryStatus } from '../vocabulary/notifications.js';
import { DeliveryRepository } from '../db/repositories/delivery.repository.js';
import { maskSecrets } from '../webhook/webhook-driver.js';

/** What administrators see of outgoing messages: above all, the ones given up. */
@Injectable()
export class DeliveryAdminService {
  constructor(private readonly deliveries: DeliveryRepository) {}

  async list(status: DeliveryStatus | undefined, page: number, limit: number) {
    const { items, total } = await this.deliveries.list(status, (page - 1) * limit, limit);
    return {
      items: items.map((d) => ({
        id: d.id,
        channel: d.channel,
        recipientId: d.recipientId,
        departmentCode: d.departmentCode,
        target: d.channel === DeliveryChannel.Webhook ? maskSecrets(d.target) : d.target,
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
