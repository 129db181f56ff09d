import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { UserEntity } from './user.entity.js';

/**
 * A signed-in session: the access token names it, and every request checks it in the same
 * read as the account, so a logout, a deactivation, a role or department change or a password
 * change ends it at once on every process; a session idle for SESSION_IDLE_MINUTES ends too.
 */
@Entity('user_session')
@Index('idx_user_session_open', ['userId'], { where: '"ended_at" IS NULL' })
export class UserSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @ManyToOne('UserEntity', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_session_user' })
  user?: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  /** The last request (kept to the minute: it is written at most once a minute). */
  @Column({ type: 'timestamptz', name: 'last_seen_at', default: () => 'now()' })
  lastSeenAt: Date;

  @Column({ type: 'timestamptz', name: 'ended_at', nullable: true })
  endedAt: Date | null;

  /** Why it ended: logout, password, deactivated, role, reset. */
  @Column({ type: 'varchar', length: 20, name: 'ended_reason', nullable: true })
  endedReason: string | null;

  /** The client address it was opened from. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;
}
