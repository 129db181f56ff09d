import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { DepartmentEntity } from './department.entity.js';
import type { PlanEntity } from './plan.entity.js';
import type { Comparator } from '../../vocabulary/indicators.js';

/** `numeric` arrives from pg as a string (it may exceed a double); duban's measures fit in one. */
export const NUMERIC = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A quantified target of a plan (目标指标), with the 13th-plan baseline where the plan states one. */
@Entity('indicator')
@Index('idx_indicator_department', ['departmentCode'])
export class IndicatorEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  code: string;

  @Column({ type: 'uuid', name: 'plan_id' })
  planId: string;

  @ManyToOne('PlanEntity', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_plan_id_plan' })
  plan?: Relation<PlanEntity>;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  unit: string;

  /** Which side of the target meets it. */
  @Column({ type: 'varchar', length: 2 })
  comparator: Comparator;

  @Column({ type: 'numeric', transformer: NUMERIC })
  target: number;

  @Column({ type: 'integer', name: 'target_year' })
  targetYear: number;

  @Column({ type: 'numeric', nullable: true, transformer: NUMERIC })
  baseline: number | null;

  @Column({ type: 'integer', name: 'baseline_year', nullable: true })
  baselineYear: number | null;

  @Column({ type: 'varchar', length: 64, name: 'department_code' })
  departmentCode: string;

  @ManyToOne('DepartmentEntity', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'department_code', foreignKeyConstraintName: 'fk_department_code_department' })
  department?: Relation<DepartmentEntity>;

  @Column({ type: 'varchar', length: 100, name: 'clause_ref' })
  clauseRef: string;

  /** The plan's own words stating the target, verbatim. */
  @Column({ type: 'text', name: 'source_text' })
  sourceText: string;

  @Column({ type: 'varchar', length: 100, name: 'baseline_clause_ref', nullable: true })
  baselineClauseRef: string | null;

  @Column({ type: 'text', name: 'baseline_source_text', nullable: true })
  baselineSourceText: string | null;

  /** True when the plan states no number and the target was read from wording (全覆盖 → 100 %). */
  @Column({ type: 'boolean', default: false })
  derived: boolean;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Position in the plan's list of indicators, which follows the plan's text. */
  @Column({ type: 'integer', default: 0 })
  ordinal: number;
}

/** A year's measured value of an indicator; a later report for the same year replaces it. */
@Entity('indicator_value')
@Index('uq_indicator_value_year', ['indicatorCode', 'year'], { unique: true })
export class IndicatorValueEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100, name: 'indicator_code' })
  indicatorCode: string;

  @ManyToOne('IndicatorEntity', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'indicator_code', foreignKeyConstraintName: 'fk_indicator_code_indicator' })
  indicator?: Relation<IndicatorEntity>;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'numeric', transformer: NUMERIC })
  value: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', array: true, name: 'evidence_ids', default: () => "'{}'" })
  evidenceIds: string[];

  @Column({ type: 'uuid', name: 'reported_by' })
  reportedBy: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
