import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import type { UserSessionEntity } from './user-session.entity.js';

/**
 * A secret that stands for a signed-in session where a browser cannot send the bearer token (Bull Board's
 * pages): a single-use `ticket` valid for a minute, exchanged for a `cookie` kept HttpOnly on the dashboard's
 * path. Only the SHA-256 of each secret is stored; either holds only while its session holds.
 */
@Entity('session_ticket')
export class SessionTicketEntity {
  @PrimaryColumn({ type: 'char', length: 64 })
  hash: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'ticket' | 'cookie';

  @Column({ type: 'uuid', name: 'session_id' })
  sessionId: string;

  @ManyToOne('UserSessionEntity', { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_session_ticket_session' })
  session?: Relation<UserSessionEntity>;

  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', name: 'used_at', nullable: true })
  usedAt: Date | null;
}
