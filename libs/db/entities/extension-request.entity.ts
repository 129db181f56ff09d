import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { TaskEntity } from './task.entity.js';

import { ExtensionStatus } from '../../vocabulary/tasks.js';

// Defined in libs/vocabulary (services import it from there); re-exported for the entity's readers.
export { ExtensionStatus };

/** A lead department's request to move a deadline, and the supervisor's decision. */
@Entity('extension_request')
@Index('idx_extension_task', ['taskId', 'createdAt'])
// At most one open request per task.
@Index('uq_extension_pending', ['taskId'], { unique: true, where: `"status" = 'pending'` })
export class ExtensionRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'task_id' })
  taskId: string;

  @ManyToOne('TaskEntity', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_task_id_task' })
  task?: Relation<TaskEntity>;

  @Column({ type: 'uuid', name: 'requested_by' })
  requestedBy: string;

  @Column({ type: 'date', name: 'current_due_date' })
  currentDueDate: string;

  @Column({ type: 'date', name: 'requested_due_date' })
  requestedDueDate: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'varchar', length: 20, default: ExtensionStatus.Pending })
  status: ExtensionStatus;

  @Column({ type: 'uuid', name: 'decided_by', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', name: 'decision_comment', nullable: true })
  decisionComment: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
