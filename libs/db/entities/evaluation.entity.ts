import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { PlanEntity } from './plan.entity.js';
import { EVALUATION_STATUS, type EvaluationStatus } from '../../vocabulary/evaluation.js';

/**
 * A plan's evaluation as of a day (分期评估: mid-term, final): the evaluators' findings and
 * measures, kept with the numbers they were written against (`snapshot`, refreshed on each
 * save while a draft). `finalize` freezes both, as an assessment cycle is frozen.
 */
@Entity('plan_evaluation')
@Index('uq_plan_evaluation', ['planId', 'asOf'], { unique: true })
export class PlanEvaluationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'plan_id' })
  planId: string;

  @ManyToOne('PlanEntity', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_plan_evaluation_plan' })
  plan?: Relation<PlanEntity>;

  /** The day evaluated (its end), `YYYY-MM-DD`. */
  @Column({ type: 'date', name: 'as_of' })
  asOf: string;

  @Column({ type: 'varchar', length: 20, default: EVALUATION_STATUS.Draft })
  status: EvaluationStatus;

  /** 规划实施效果、存在问题. */
  @Column({ type: 'text', default: '' })
  findings: string;

  /** 对策建议. */
  @Column({ type: 'text', default: '' })
  measures: string;

  /** The numbers as of `asOf` when last saved (see libs/evaluation/evaluation-types.ts). */
  @Column({ type: 'jsonb' })
  snapshot: Record<string, unknown>;

  @Column({ type: 'uuid', name: 'updated_by' })
  updatedBy: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;

  @Column({ type: 'uuid', name: 'finalized_by', nullable: true })
  finalizedBy: string | null;

  @Column({ type: 'timestamptz', name: 'finalized_at', nullable: true })
  finalizedAt: Date | null;
}
