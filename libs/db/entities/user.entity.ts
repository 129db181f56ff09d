import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { DepartmentEntity } from './department.entity.js';
import { Role } from '../../common/roles.js';

@Entity('app_user')
@Index('idx_user_department_role', ['departmentCode', 'role'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Index('uq_user_email', { unique: true })
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 255, name: 'password_hash' })
  passwordHash: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ type: 'varchar', length: 64, name: 'department_code', nullable: true })
  departmentCode: string | null;

  @ManyToOne('DepartmentEntity', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'department_code', foreignKeyConstraintName: 'fk_department_code_department' })
  department?: Relation<DepartmentEntity>;

  /** Notification kinds this user gets in-app only (no mail): its own choice. */
  @Column({ type: 'varchar', array: true, name: 'mail_muted', default: () => "'{}'" })
  mailMuted: string[];

  /** 大字模式 (适老化): its own display choice, kept with the account so it follows the user to every computer and phone. */
  @Column({ type: 'boolean', name: 'large_text', default: false })
  largeText: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Failed logins since `firstFailedAt` (within the lockout window). */
  @Column({ type: 'integer', name: 'failed_logins', default: 0 })
  failedLogins: number;

  @Column({ type: 'timestamptz', name: 'first_failed_at', nullable: true })
  firstFailedAt: Date | null;

  /** Locked until then after LOGIN_MAX_FAILURES failures, whatever the client's address. */
  @Column({ type: 'timestamptz', name: 'locked_until', nullable: true })
  lockedUntil: Date | null;

  /** A password an administrator reset: every route but /me, /me/password, /me/preferences and logout answers 403 until it is changed. */
  @Column({ type: 'boolean', name: 'must_change_password', default: false })
  mustChangePassword: boolean;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
