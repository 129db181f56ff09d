import { Column, JoinColumn, ManyToOne, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { DepartmentEntity } from './department.entity.js';
import type { PlanEntity } from './plan.entity.js';

/** One duty sentence a plan assigns to a department (e.g. section 七(二)). */
@Entity('duty')
@Index('idx_duty_department', ['departmentCode', 'ordinal'])
export class DutyEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  code: string;

  @Column({ type: 'varchar', length: 64, name: 'department_code' })
  departmentCode: string;

  @ManyToOne('DepartmentEntity', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'department_code', foreignKeyConstraintName: 'fk_department_code_department' })
  department?: Relation<DepartmentEntity>;

  /** The plan that states the duty; codes are global, so this tells which plan owns one. */
  @Column({ type: 'uuid', name: 'plan_id', nullable: true })
  planId: string | null;

  @ManyToOne('PlanEntity', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_plan_id_plan' })
  plan?: Relation<PlanEntity>;

  @Column({ type: 'varchar', length: 100, name: 'clause_ref', nullable: true })
  clauseRef: string | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'integer', default: 0 })
  ordinal: number;
}
