import { Injectable } from '@nestjs/common';
import type { UserAccount } from './user.repository.js';
import { Transactions } from '../transaction.js';

/** An account as a request sees it through its session: whether the session still holds, and whether to note the request. */
export type SessionAccount = UserAccount & { mustChangePassword: boolean; largeText: boolean; live: boolean; stale: boolean };

/** Signed-in sessions (UserSessionEntity) and the per-account login failures, in hand-written SQL: every request reads one. */
@Injectable()
export class SessionRepository {
  constructor(private readonly tx: Transactions) {}

  async open(userId: string, ip: string | null): Promise<string> {
    const [row] = await this.tx.manager().query<Array<{ id: string }>>('INSERT INTO user_session (user_id, ip) VALUES ($1, $2) RETURNING id', [userId, ip]);
    return row.id;
  }

  /**
   * The account and its session in one read (the per-request cost of sessions): `live` when the
   * session is the account's, not ended and seen within `idleMinutes`; `stale` when its last-seen
   * time is more than a minute old (then the caller notes this request).
   */
  async account(userId: string, sessionId: string, idleMinutes: number): Promise<SessionAccount | null> {
    const rows = await this.tx.manager().query<SessionAccount[]>(
      `SELECT u.id, u.email, u.name, u.role, u.department_code AS "departmentCode", u.active, u.must_change_password AS "mustChangePassword",
              u.large_text AS "largeText",
              coalesce(s.ended_at IS NULL AND s.last_seen_at > now() - make_interval(mins => $3), false) AS live,
              coalesce(s.last_seen_at < now() - interval '1 minute', false) AS stale
         FROM app_user u LEFT JOIN user_session s ON s.id = $2 AND s.user_id = u.id
        WHERE u.id = $1`,
      [userId, sessionId, idleMinutes],
    );
    return rows[0] ?? null;
  }

  async touch(sessionId: string): Promise<void> {
    await this.tx.manager().query('UPDATE user_session SET last_seen_at = now() WHERE id = $1 AND ended_at IS NULL', [sessionId]);
  }

  async end(sessionId: string, reason: string): Promise<void> {
    await this.tx.manager().query('UPDATE user_session SET ended_at = now(), ended_reason = $2 WHERE id = $1 AND ended_at IS NULL', [sessionId, reason]);
  }

  /** Ends every open session of the user (all its tokens stop working at their next request, on every process). */
  async endAll(userId: string, reason: string): Promise<void> {
    await this.tx.manager().query('UPDATE user_session SET ended_at = now(), ended_reason = $2 WHERE user_id = $1 AND ended_at IS NULL', [userId, reason]);
  }

  /**
   * (A bare UPDATE … RETURNING comes back from TypeORM's query() as [rows, count]: the statements below end in a SELECT.)
   *
   * Counts a failed login of the account, in one statement so processes racing each other count
   * every one: failures within `windowMinutes` of the first add up; the `max`-th locks the account
   * for `lockMinutes`. Returns whether it is now locked.
   */
  async failedLogin(userId: string, max: number, windowMinutes: number, lockMinutes: number): Promise<boolean> {
    const [row] = await this.tx.manager().query<Array<{ locked: boolean }>>(
      `WITH counted AS (
         SELECT id, CASE WHEN first_failed_at > now() - make_interval(mins => $3) THEN failed_logins + 1 ELSE 1 END AS n,
                CASE WHEN first_failed_at > now() - make_interval(mins => $3) THEN first_failed_at ELSE now() END AS since
           FROM app_user WHERE id = $1 FOR UPDATE),
       updated AS (
         UPDATE app_user u SET failed_logins = c.n, first_failed_at = c.since,
                locked_until = CASE WHEN c.n >= $2 THEN now() + make_interval(mins => $4) ELSE u.locked_until END
           FROM counted c WHERE u.id = c.id
         RETURNING u.locked_until > now() AS locked)
       SELECT locked FROM updated`,
      [userId, max, windowMinutes, lockMinutes],
    );
    return row?.locked ?? false;
  }

  /** Records a ticket or cookie secret (by its hash) for a session, valid for `seconds`. */
  async addTicket(hash: string, kind: 'ticket' | 'cookie', userId: string, sessionId: string, seconds: number): Promise<void> {
    await this.tx
      .manager()
      .query(`INSERT INTO session_ticket (hash, kind, user_id, session_id, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`, [
        hash,
        kind,
        userId,
        sessionId,
        seconds,
      ]);
  }

  /** Uses a ticket up, once, if it is unexpired: the session it stands for, or null. Expired secrets are swept on the way. */
  async useTicket(hash: string): Promise<{ userId: string; sessionId: string } | null> {
    await this.tx.manager().query(`DELETE FROM session_ticket WHERE expires_at < now() - interval '1 day'`);
    const [row] = await this.tx.manager().query<Array<{ userId: string; sessionId: string }>>(
      `WITH used AS (
         UPDATE session_ticket SET used_at = now() WHERE hash = $1 AND kind = 'ticket' AND used_at IS NULL AND expires_at > now()
         RETURNING user_id, session_id)
       SELECT user_id AS "userId", session_id AS "sessionId" FROM used`,
      [hash],
    );
    return row ?? null;
  }

  /** The session an unexpired cookie secret stands for, or null. */
  async cookieSession(hash: string): Promise<{ userId: string; sessionId: string } | null> {
    const [row] = await this.tx
      .manager()
      .query<Array<{ userId: string; sessionId: string }>>(
        `SELECT user_id AS "userId", session_id AS "sessionId" FROM session_ticket WHERE hash = $1 AND kind = 'cookie' AND expires_at > now()`,
        [hash],
      );
    return row ?? null;
  }

  async clearFailures(userId: string): Promise<void> {
    await this.tx
      .manager()
      .query('UPDATE app_user SET failed_logins = 0, first_failed_at = NULL, locked_until = NULL WHERE id = $1 AND failed_logins > 0', [userId]);
  }
}
