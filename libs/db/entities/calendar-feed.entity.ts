import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { UserEntity } from './user.entity.js';

/**
 * A user's private iCalendar feed. The URL carries a random token; only its
 * SHA-256 is stored, so a database reader cannot subscribe as someone else.
 * Revoking sets `revokedAt`; a revoked token's feed answers 404.
 */
@Entity('calendar_feed')
@Index('uq_calendar_feed_token', ['tokenHash'], { unique: true })
@Index('uq_calendar_feed_active_user', ['userId'], { unique: true, where: '"revoked_at" IS NULL' })
export class CalendarFeedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @ManyToOne('UserEntity', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_calendar_feed_user' })
  user?: Relation<UserEntity>;

  @Column({ type: 'char', length: 64, name: 'token_hash' })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}
