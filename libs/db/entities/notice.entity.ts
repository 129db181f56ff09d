import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { TaskEntity } from './task.entity.js';

/** A printed 督办通知单 or 催办通知单: numbered per kind and year (督〔2026〕3号), once per task, kind and day. */
@Entity('notice')
@Index('uq_notice_number', ['kind', 'year', 'number'], { unique: true })
@Index('uq_notice_task_day', ['taskId', 'kind', 'issuedOn'], { unique: true })
export class NoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  kind: 'supervise' | 'urge';

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'uuid', name: 'task_id' })
  taskId: string;

  @ManyToOne('TaskEntity', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_notice_task' })
  task?: Relation<TaskEntity>;

  /** Calendar date of issue in the installation's time zone: the date printed at the foot. */
  @Column({ type: 'date', name: 'issued_on' })
  issuedOn: string;

  @Column({ type: 'uuid', name: 'issued_by', nullable: true })
  issuedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
