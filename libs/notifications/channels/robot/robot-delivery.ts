import { randomUUID } from 'node:crypto';
import type { NewDelivery } from '../../../db/repositories/ladder.repository.js';
import { DeliveryChannel } from '../../../vocabulary/notifications.js';

/** One message to a department's group robot (the ladder's and the events' alike). */
export function robotDelivery(robot: { departmentCode: string; url: string }, title: string, text: string): NewDelivery {
  return {
    id: randomUUID(),
    channel: DeliveryChannel.Webhook,
    recipientId: null,
    departmentCode: robot.departmentCode,
    target: robot.url,
    subject: title,
    body: text,
  };
}
