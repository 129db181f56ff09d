import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { TaskEntity } from './task.entity.js';

/** An uploaded supporting document (佐证材料). The user's filename is only metadata. */
@Entity('evidence')
@Index('idx_evidence_task', ['taskId', 'createdAt'])
export class EvidenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'task_id' })
  taskId: string;

  @ManyToOne('TaskEntity', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_task_id_task' })
  task?: Relation<TaskEntity>;

  @Column({ type: 'varchar', length: 64, name: 'department_code' })
  departmentCode: string;

  @Column({ type: 'uuid', name: 'uploaded_by' })
  uploadedBy: string;

  @Column({ type: 'varchar', length: 255 })
  filename: string;

  @Column({ type: 'varchar', length: 127, name: 'mime_type' })
  mimeType: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** Where the storage driver keeps the bytes; generated, never from user input. */
  @Column({ type: 'varchar', length: 255, name: 'storage_key' })
  storageKey: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
