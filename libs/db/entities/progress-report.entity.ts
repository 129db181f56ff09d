import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { TaskEntity } from './task.entity.js';

/** A liaison's report on a task: a note, optionally a percentage and evidence. */
@Entity('progress_report')
@Index('idx_progress_task', ['taskId', 'createdAt'])
@Index('idx_progress_period', ['taskId', 'period', 'createdAt'], { where: '"period" IS NOT NULL' })
// The reminder sweep's read of a batch's filed periods, by task and filing department, from the index alone.
@Index('idx_progress_filed', ['taskId', 'departmentCode', 'period'], { where: '"period" IS NOT NULL' })
export class ProgressReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'task_id' })
  taskId: string;

  @ManyToOne('TaskEntity', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_task_id_task' })
  task?: Relation<TaskEntity>;

  @Column({ type: 'uuid', name: 'author_id' })
  authorId: string;

  @Column({ type: 'varchar', length: 64, name: 'department_code' })
  departmentCode: string;

  /** `progress` for an ordinary report, `submission` for the summary sent with a submit. */
  @Column({ type: 'varchar', length: 20, default: 'progress' })
  kind: string;

  @Column({ type: 'text' })
  note: string;

  @Column({ type: 'integer', nullable: true })
  percent: number | null;

  @Column({ type: 'uuid', array: true, name: 'evidence_ids', default: () => "'{}'" })
  evidenceIds: string[];

  /** The reporting period this report files (`2026-03`, `2026-Q1`, `2026-H1`), for a task with a reporting cycle. */
  @Column({ type: 'varchar', length: 7, nullable: true })
  period: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
