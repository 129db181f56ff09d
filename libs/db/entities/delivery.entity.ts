import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { DeliveryChannel, DeliveryStatus } from '../../vocabulary/notifications.js';

// Defined in libs/vocabulary (services import them from there); re-exported for the entity's readers.
export { DeliveryChannel, DeliveryStatus };

/**
 * One message to send on one channel: the database row is the truth, the
 * queue job (whose id is this row's id) only transport. Pending rows are
 * re-enqueued on start and on every sweep, so nothing recorded is lost.
 */
@Entity('delivery')
@Index('idx_delivery_pending', ['createdAt'], { where: `"status" = 'pending'` })
@Index('idx_delivery_status', ['status', 'createdAt'])
export class DeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  channel: DeliveryChannel;

  /** The user a mail goes to; null for a department's webhook. */
  @Column({ type: 'uuid', name: 'recipient_id', nullable: true })
  recipientId: string | null;

  /** The department whose group robot a webhook message goes to. */
  @Column({ type: 'varchar', length: 64, name: 'department_code', nullable: true })
  departmentCode: string | null;

  /** E-mail address or webhook URL, fixed when the message was recorded. */
  @Column({ type: 'text' })
  target: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 20, default: DeliveryStatus.Pending })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true })
  sentAt: Date | null;
}
