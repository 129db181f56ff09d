import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { TaskEntity } from './task.entity.js';
import type { UserEntity } from './user.entity.js';

/**
 * One step of a task's reminder ladder for one recipient: the in-app copy of
 * what is mailed. The unique key makes each (task, step, recipient, deadline,
 * co-department) happen once, however many sweeps run at the same time.
 */
@Entity('notification')
@Index('uq_notification_step', ['taskId', 'stepIndex', 'recipientId', 'dueDate', 'coDepartmentCode'], { unique: true })
@Index('idx_notification_recipient', ['recipientId', 'createdAt'])
@Index('idx_notification_delivery', ['deliveryId'])
@Index('idx_notification_mail_pending', ['createdAt'], { where: '"mail_pending"' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'task_id' })
  taskId: string;

  @ManyToOne('TaskEntity', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_notification_task' })
  task?: Relation<TaskEntity>;

  /**
   * Position of the step in the policy; with `stepAt` it says which moment of the ladder this was.
   * Null for a notification of something that happened to the task (an event: `template` is its kind).
   */
  @Column({ type: 'integer', name: 'step_index', nullable: true })
  stepIndex: number | null;

  @Column({ type: 'varchar', length: 40, name: 'step_at' })
  stepAt: string;

  @Column({ type: 'uuid', name: 'recipient_id' })
  recipientId: string;

  @ManyToOne('UserEntity', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'recipient_id', foreignKeyConstraintName: 'fk_notification_recipient' })
  recipient?: Relation<UserEntity>;

  /** The deadline this ladder belongs to: a moved deadline starts a new ladder. Null only on an event notification of an open-ended task. */
  @Column({ type: 'date', name: 'due_date', nullable: true })
  dueDate: string | null;

  /**
   * The co-department whose report period (配合单位反馈) this reminds; '' for the task's own ladders. In the unique key:
   * a supervisor hears of the lead's period and of each co-department's on the same deadline. Not null, since a
   * unique index treats nulls as distinct.
   */
  @Column({ type: 'varchar', length: 64, name: 'co_department_code', default: '' })
  coDepartmentCode: string;

  @Column({ type: 'varchar', length: 40 })
  template: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  /** The mail that carries it (several notifications of one sweep share one mail). */
  @Column({ type: 'uuid', name: 'delivery_id', nullable: true })
  deliveryId: string | null;

  /** An event's notification still to be mailed: the next sweep gathers each person's into one mail (the digest). */
  @Column({ type: 'boolean', name: 'mail_pending', default: false })
  mailPending: boolean;

  @Column({ type: 'timestamptz', name: 'read_at', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
