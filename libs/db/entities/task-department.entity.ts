import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { TaskEntity } from './task.entity.js';

/**
 * One row per department a task involves (its lead and each co-department), with the
 * task's deadline and status copied in. It exists so that a department's list is a
 * range of one btree index — `(department, due date)` — page and exact count alike,
 * instead of a BitmapOr of the lead index and a GIN index over the co-department array
 * that visits every matching task's heap row. Written only by the trigger on `task`
 * (migration TaskDepartment): nothing in the application inserts or updates it.
 */
@Entity('task_department')
// Every task of a department in list order (the open and completed lists, the light filters).
@Index('idx_task_department_due', ['departmentCode', 'dueDate', 'taskId'])
// Open tasks of a department in list order: the overdue list and its count are index-only scans.
@Index('idx_task_department_open_due', ['departmentCode', 'dueDate', 'taskId'], { where: `"status" <> 'completed'` })
export class TaskDepartmentEntity {
  @PrimaryColumn({ type: 'uuid', name: 'task_id' })
  taskId: string;

  @ManyToOne('TaskEntity', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_task_department_task' })
  task?: Relation<TaskEntity>;

  @PrimaryColumn({ type: 'varchar', length: 64, name: 'department_code' })
  departmentCode: string;

  /** Copy of `task.due_date`. */
  @Column({ type: 'date', name: 'due_date', nullable: true })
  dueDate: string | null;

  /** Copy of `task.status`. */
  @Column({ type: 'varchar', length: 20 })
  status: string;

  /** Copy of `task.submitted_at`: the overdue rule spares work waiting for review after an on-time submission. */
  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true })
  submittedAt: Date | null;
}
