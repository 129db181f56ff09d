/** How a recorded message goes out; wire values never change once shipped. */
export enum DeliveryChannel {
  Mail = 'mail',
  Webhook = 'webhook',
}

/** A recorded message's state: pending until sent, or given up (failed); wire values never change once shipped. */
export enum DeliveryStatus {
  Pending = 'pending',
  Sent = 'sent',
  Failed = 'failed',
}

/** What the audit log records of the departments' group robots. */
export type NotificationAuditAction = 'webhook.set' | 'webhook.remove' | 'user.notification_preferences';
