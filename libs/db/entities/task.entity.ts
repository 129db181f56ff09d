import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { DepartmentEntity } from './department.entity.js';
import type { DutyEntity } from './duty.entity.js';
import type { PlanEntity } from './plan.entity.js';
import type { UserEntity } from './user.entity.js';
import { type Grade, type ReportCycle, TaskStatus } from '../../vocabulary/tasks.js';

/**
 * A duty turned into tracked work. `overdue` and the light are derived from
 * `status` and `dueDate` at read time, never stored.
 */
@Entity('task')
// The overdue and per-department lists only look at open work.
@Index('idx_task_open_lead_due', ['leadDepartmentCode', 'dueDate'], { where: `"status" <> 'completed'` })
@Index('idx_task_lead_status', ['leadDepartmentCode', 'status'])
@Index('idx_task_status_due', ['status', 'dueDate'])
@Index('idx_task_due', ['dueDate'])
// The dashboard's deadline counts and the overdue list: open tasks by due date (the department rides along for index-only scans).
@Index('idx_task_open_due', ['dueDate', 'leadDepartmentCode'], { where: `"status" <> 'completed'` })
// The dashboard's on-time rate by month: completed tasks by completion time, covering what it counts.
@Index('idx_task_completed', ['completedAt', 'leadDepartmentCode', 'dueDate'], { where: `"status" = 'completed'` })
// A GIN index (created by the migration; TypeORM cannot declare its method) serves `co_department_codes @> ARRAY[code]` (not `code = ANY(…)`, which no index serves).
@Index('idx_task_co_departments', { synchronize: false })
@Index('idx_task_parent', ['parentId'])
@Index('idx_task_assignee', ['assigneeId'])
// The sweep reads only tasks whose next step is due: a range on this index, not a scan.
@Index('idx_task_next_reminder', ['nextReminderAt'], { where: `"next_reminder_at" IS NOT NULL` })
@Index('idx_task_plan', ['planId'])
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable code of a task imported from a plan's seeds; null for tasks made by hand. */
  @Index('uq_task_code', { unique: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  code: string | null;

  @Column({ type: 'uuid', name: 'plan_id', nullable: true })
  planId: string | null;

  @ManyToOne('PlanEntity', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_plan_id_plan' })
  plan?: Relation<PlanEntity>;

  /** The duty (e.g. `finance-d1`) an imported task implements; every yearly occurrence carries it. */
  @Column({ type: 'varchar', length: 100, name: 'duty_code', nullable: true })
  dutyCode: string | null;

  @ManyToOne('DutyEntity', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'duty_code', foreignKeyConstraintName: 'fk_duty_code_duty' })
  duty?: Relation<DutyEntity>;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 64, name: 'lead_department_code' })
  leadDepartmentCode: string;

  @ManyToOne('DepartmentEntity', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'lead_department_code', foreignKeyConstraintName: 'fk_lead_department_code_leadDepartment' })
  leadDepartment?: Relation<DepartmentEntity>;

  @Column({ type: 'varchar', array: true, name: 'co_department_codes', default: () => "'{}'" })
  coDepartmentCodes: string[];

  @Column({ type: 'uuid', name: 'assignee_id', nullable: true })
  assigneeId: string | null;

  @ManyToOne('UserEntity', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'fk_assignee_id_assignee' })
  assignee?: Relation<UserEntity>;

  /**
   * Calendar date in the plan's time zone; due at the end of that day. Null: an open-ended duty
   * (长期坚持) with no final deadline, allowed only with a `reportEvery` cycle; it is judged on its report periods alone.
   */
  @Column({ type: 'date', name: 'due_date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'varchar', length: 20, default: TaskStatus.Assigned })
  status: TaskStatus;

  @VersionColumn({ default: 1 })
  version: number;

  @Column({ type: 'uuid', name: 'parent_id', nullable: true })
  parentId: string | null;

  @ManyToOne('TaskEntity', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_parent_id_parent' })
  parent?: Relation<TaskEntity>;

  @Column({ type: 'varchar', length: 100, name: 'clause_ref', nullable: true })
  clauseRef: string | null;

  @Column({ type: 'varchar', array: true, name: 'indicator_codes', default: () => "'{}'" })
  indicatorCodes: string[];

  /** Why the supervisor last returned the work; kept until the next submission is approved. */
  @Column({ type: 'text', name: 'return_reason', nullable: true })
  returnReason: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  grade: Grade | null;

  @Column({ type: 'integer', default: 0 })
  percent: number;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;

  /** The owning supervisor (督办责任人): receives the task's `supervisor` ladder steps and review reminders. Default: its creator. */
  @Column({ type: 'uuid', name: 'supervisor_id', nullable: true })
  supervisorId: string | null;

  /** Reporting cycle (定期报送): a progress report is owed for each period; null: none. */
  @Column({ type: 'varchar', length: 8, name: 'report_every', nullable: true })
  reportEvery: ReportCycle | null;

  /** The day report periods start from (its first period is the one containing it); null: the day the task was created. */
  @Column({ type: 'date', name: 'report_from', nullable: true })
  reportFrom: string | null;

  /** Reports are due by this day of the month after each period. */
  @Column({ type: 'smallint', name: 'report_due_day', default: 5 })
  reportDueDay: number;

  /** 配合单位反馈: each co-department owes its own report for every period of the cycle too (filed as its own progress). */
  @Column({ type: 'boolean', name: 'co_departments_report', default: false })
  coDepartmentsReport: boolean;

  /** Submissions go to the lead department's leader first (承办单位负责人审签); default from the policy's `signOff`. */
  @Column({ type: 'boolean', name: 'require_sign_off', default: false })
  requireSignOff: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;

  /** The latest submission: the one a supervisor approves decides whether the task was done on time. */
  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'completed_at', nullable: true })
  completedAt: Date | null;

  /** When a supervisor withdrew the task (撤销); cleared by a reopen. */
  @Column({ type: 'timestamptz', name: 'cancelled_at', nullable: true })
  cancelledAt: Date | null;

  /** When the current deadline was set: ladder steps already past then are skipped but the latest. */
  @Column({ type: 'timestamptz', name: 'ladder_from', default: () => 'now()' })
  ladderFrom: Date;

  /**
   * When the reminder sweep must look at this task next; null when no step is
   * left. A new task (however inserted) or a moved deadline is due at once, so
   * the sweep alone works out the ladder.
   */
  @Column({ type: 'timestamptz', name: 'next_reminder_at', nullable: true, default: () => 'now()' })
  nextReminderAt: Date | null;
}
