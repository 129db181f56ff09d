import type { NewDelivery } from '../../../db/repositories/ladder.repository.js';
import { DeliveryChannel } from '../../../vocabulary/notifications.js';

/** One mail to a person, to record; `id` is chosen by the caller, which links notifications to it before it is written. */
export function mailDelivery(id: string, recipient: { id: string; email: string }, subject: string, body: string): NewDelivery {
  return { id, channel: DeliveryChannel.Mail, recipientId: recipient.id, departmentCode: null, target: recipient.email, subject, body };
}
