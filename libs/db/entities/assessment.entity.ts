import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import type { DepartmentEntity } from './department.entity.js';
import type { UserEntity } from './user.entity.js';
import { CYCLE_STATUS, type CycleStatus, REPORT_STATUS, type ReportStatus } from '../../vocabulary/assessment.js';

/**
 * One year's assessment (年度目标考核). While `open`, metrics are computed from
 * the live record; `finalize` freezes them, the scores and the ranking into
 * `snapshot`, so later edits to tasks never change a finalised report.
 */
@Entity('assessment_cycle')
export class AssessmentCycleEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 20, default: CYCLE_STATUS.Open })
  status: CycleStatus;

  @Column({ type: 'uuid', name: 'opened_by', nullable: true })
  openedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'opened_at' })
  openedAt: Date;

  @Column({ type: 'uuid', name: 'finalized_by', nullable: true })
  finalizedBy: string | null;

  @Column({ type: 'timestamptz', name: 'finalized_at', nullable: true })
  finalizedAt: Date | null;

  /** The whole report as it stood when finalised (see libs/assessment/assessment-types.ts). */
  @Column({ type: 'jsonb', nullable: true })
  snapshot: Record<string, unknown> | null;
}

/** A reviewer's score of one department in one cycle: one per (year, department, reviewer), revisable until finalised. */
@Entity('assessment_score')
@Index('uq_assessment_score', ['year', 'departmentCode', 'reviewerId'], { unique: true })
export class AssessmentScoreEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'integer' })
  year: number;

  @ManyToOne('AssessmentCycleEntity', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'year', foreignKeyConstraintName: 'fk_assessment_score_cycle' })
  cycle?: Relation<AssessmentCycleEntity>;

  @Column({ type: 'varchar', length: 64, name: 'department_code' })
  departmentCode: string;

  @ManyToOne('DepartmentEntity', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'department_code', foreignKeyConstraintName: 'fk_assessment_score_department' })
  department?: Relation<DepartmentEntity>;

  @Column({ type: 'uuid', name: 'reviewer_id' })
  reviewerId: string;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'reviewer_id', foreignKeyConstraintName: 'fk_assessment_score_reviewer' })
  reviewer?: Relation<UserEntity>;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  score: number;

  @Column({ type: 'text', default: '' })
  comment: string;

  /** A revision must name the version it revises, so a second first-score is a conflict, not a silent overwrite. */
  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}

/**
 * A generated report file (`xlsx` or `html`) of a cycle. Large reports are built
 * by a BullMQ job that writes `progress` here, which the client polls; the file
 * is kept in the database so any API process can serve it.
 */
@Entity('assessment_report')
@Index('idx_assessment_report_year', ['year', 'createdAt'])
export class AssessmentReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'integer' })
  year: number;

  @ManyToOne('AssessmentCycleEntity', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'year', foreignKeyConstraintName: 'fk_assessment_report_cycle' })
  cycle?: Relation<AssessmentCycleEntity>;

  /** `xlsx` or `html`. */
  @Column({ type: 'varchar', length: 10 })
  format: string;

  @Column({ type: 'varchar', length: 20, default: REPORT_STATUS.Queued })
  status: ReportStatus;

  /** 0–100. */
  @Column({ type: 'integer', default: 0 })
  progress: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'bytea', nullable: true })
  content: Buffer | null;

  @Column({ type: 'uuid', name: 'requested_by', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true })
  finishedAt: Date | null;
}
