import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';

@Entity('plan')
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_plan_code', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'integer', name: 'start_year' })
  startYear: number;

  @Column({ type: 'integer', name: 'end_year' })
  endYear: number;

  /** IANA zone in which the plan's due dates are calendar days. */
  @Column({ type: 'varchar', length: 64, default: 'Asia/Shanghai' })
  timezone: string;

  /** The text before the plan's first heading. */
  @Column({ type: 'text', default: '' })
  preamble: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

/** What sections and clauses share: an id and the plan they belong to (deleted with it). */
abstract class PlanPart {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'plan_id' })
  planId: string;

  @ManyToOne('PlanEntity', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_plan_id_plan' })
  plan?: Relation<PlanEntity>;
}

/** A heading of the plan (一, 五(一), 五(一)1 …) with the text directly under it. */
@Entity('plan_section')
@Index('uq_plan_section', ['planId', 'code'], { unique: true })
export class PlanSectionEntity extends PlanPart {
  @Column({ type: 'varchar', length: 100 })
  code: string;

  @Column({ type: 'varchar', length: 100, name: 'parent_code', nullable: true })
  parentCode: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  text: string;

  @Column({ type: 'integer', default: 0 })
  ordinal: number;
}

/** A citable sentence of the plan that tasks and indicators point to by `ref`. */
@Entity('plan_clause')
@Index('uq_plan_clause', ['planId', 'ref'], { unique: true })
@Index('idx_plan_clause_ref', ['ref'])
export class PlanClauseEntity extends PlanPart {
  @Column({ type: 'varchar', length: 100 })
  ref: string;

  @Column({ type: 'varchar', length: 100, name: 'section_code' })
  sectionCode: string;

  @Column({ type: 'text' })
  text: string;

  /** Position in the plan's text: refs do not sort in document order (`#10` before `#2`). */
  @Column({ type: 'integer', default: 0 })
  ordinal: number;
}
