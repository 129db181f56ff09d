import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { PlanEntity } from './plan.entity.js';
import type { TaskEntity } from './task.entity.js';
import type { UserEntity } from './user.entity.js';

/**
 * A task carried over (结转) from one plan into the next. The task row holds only its current plan; these rows
 * say which plan it was in before `movedAt`, so an earlier day's evaluation of the old plan still counts it
 * (and shows it as 结转 after), a re-import of the old plan's seeds leaves it where it went, and its page says
 * where it came from. Append-only, like the audit log that records the same move.
 */
@Entity('task_carry_over')
@Index('idx_task_carry_over_task', ['taskId', 'movedAt'])
@Index('idx_task_carry_over_from', ['fromPlanId'])
@Index('idx_task_carry_over_to', ['toPlanId'])
export class TaskCarryOverEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The tasks carried over in one request share it. */
  @Column({ type: 'uuid', name: 'batch_id' })
  batchId: string;

  @Column({ type: 'uuid', name: 'task_id' })
  taskId: string;

  @ManyToOne('TaskEntity', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'fk_task_carry_over_task' })
  task?: Relation<TaskEntity>;

  @Column({ type: 'uuid', name: 'from_plan_id' })
  fromPlanId: string;

  @ManyToOne('PlanEntity', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'from_plan_id', foreignKeyConstraintName: 'fk_task_carry_over_from_plan' })
  fromPlan?: Relation<PlanEntity>;

  @Column({ type: 'uuid', name: 'to_plan_id' })
  toPlanId: string;

  @ManyToOne('PlanEntity', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'to_plan_id', foreignKeyConstraintName: 'fk_task_carry_over_to_plan' })
  toPlan?: Relation<PlanEntity>;

  /** The task's clause in the old plan, and the one it cites in the new plan (the same ref when the new plan has it, else null). */
  @Column({ type: 'varchar', length: 100, name: 'from_clause_ref', nullable: true })
  fromClauseRef: string | null;

  @Column({ type: 'varchar', length: 100, name: 'to_clause_ref', nullable: true })
  toClauseRef: string | null;

  /** The task's status when it moved (open by rule: 结转 carries only work still owed). */
  @Column({ type: 'varchar', length: 20 })
  status: string;

  @Column({ type: 'timestamptz', name: 'moved_at', default: () => 'now()' })
  movedAt: Date;

  @Column({ type: 'uuid', name: 'moved_by', nullable: true })
  movedBy: string | null;

  @ManyToOne('UserEntity', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'moved_by', foreignKeyConstraintName: 'fk_task_carry_over_moved_by' })
  mover?: Relation<UserEntity>;
}
