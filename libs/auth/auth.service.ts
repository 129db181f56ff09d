import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AppConfig } from '../config/app-config.js';
import { SessionRepository } from '../db/repositories/session.repository.js';
import { type Duties, grantsOf } from './permissions.js';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import { isUUID } from 'class-validator';
import { LockedError, UnauthorizedError } from '../common/errors.js';
import type { Actor, Role } from '../common/roles.js';
import { UserRepository } from '../db/repositories/user.repository.js';
import { hashPassword, verifyPassword } from './password.js';
import { SESSION_MESSAGES } from './auth.messages.js';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentCode: string | null;
}

/** Failed logins count towards a lock within this many minutes of the first. */
const LOCKOUT_WINDOW_MINUTES = 15;

/** How many verified tokens a process remembers: far more than the people signed in at once. */
const VERIFIED_TOKENS = 10_000;

@Injectable()
export class AuthService {
  /** Verified against when the e-mail is unknown, so timing does not reveal which accounts exist. */
  private readonly decoyHash = hashPassword('decoy-password-for-timing');
  private readonly verified = new LRUCache<string, { sub: unknown; sid: unknown; expiresAt: number }>({ max: VERIFIED_TOKENS });

  constructor(
    private readonly users: UserRepository,
    private readonly jwt: JwtService,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Signs in: a locked account is refused whatever the password (423), on every process (the
   * count is in PostgreSQL); each failure is counted against the account and audited with the
   * client's address; a success opens a session the token names.
   */
  async login(
    email: string,
    password: string,
    ip: string | null = null,
  ): Promise<{ accessToken: string; user: UserView & { permissions: Record<string, string>; mustChangePassword: boolean; largeText: boolean } }> {
    const user = await this.users.findByEmail(email);
    if (user?.lockedUntil && user.lockedUntil > new Date()) {
      await this.audit.record({ actorId: user.id, action: 'auth.login_failed', entityType: 'user', entityId: user.id, detail: { reason: 'locked' } });
      throw new LockedError(SESSION_MESSAGES.locked(user.lockedUntil.toISOString()));
    }
    // Unknown accounts cost the same hash, so the answer's timing does not tell which exist.
    const ok = await verifyPassword(user?.passwordHash ?? (await this.decoyHash), password);
    if (!user || !ok || !user.active) {
      const reason = !user ? 'unknown_account' : !user.active ? 'inactive' : 'wrong_password';
      const locked =
        user && !ok ? await this.sessions.failedLogin(user.id, this.config.LOGIN_MAX_FAILURES, LOCKOUT_WINDOW_MINUTES, this.config.LOGIN_LOCK_MINUTES) : false;
      await this.audit.record({
        actorId: user?.id ?? null,
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? email.toLowerCase().slice(0, 320),
        detail: { reason, ...(locked ? { locked: true } : {}) },
      });
      throw new UnauthorizedError(SESSION_MESSAGES.badCredentials);
    }
    await this.sessions.clearFailures(user.id);
    const sessionId = await this.sessions.open(user.id, ip);
    const view = toUserView(user);
    const accessToken = await this.jwt.signAsync({
      sub: view.id,
      sid: sessionId,
      email: view.email,
      name: view.name,
      role: view.role,
      dept: view.departmentCode,
    });
    await this.audit.record({ actorId: user.id, action: 'auth.login', entityType: 'user', entityId: user.id, detail: { sessionId } });
    return {
      accessToken,
      user: { ...view, permissions: this.grants(view.role), mustChangePassword: user.mustChangePassword, largeText: user.largeText },
    };
  }

  /** How duties are divided here (SEPARATION_OF_DUTIES). */
  get duties(): Duties {
    return { separated: this.config.SEPARATION_OF_DUTIES === 'true' };
  }

  /** What `role` may do in this deployment, for the console (GET /me and the login answer). */
  grants(role: Role): ReturnType<typeof grantsOf> {
    return grantsOf(role, this.duties);
  }

  /** Ends the caller's session: its token is refused from the next request on, on every process. */
  async logout(actor: Actor): Promise<void> {
    if (actor.sessionId) await this.sessions.end(actor.sessionId, 'logout');
    await this.audit.record({ actorId: actor.id, action: 'auth.logout', entityType: 'user', entityId: actor.id });
  }

  /**
   * The caller an access token names, as the database has it now: a token whose
   * user is gone or deactivated is refused, and a changed role or department
   * applies at once instead of when the token expires. Only `sub` is read from the
   * token, so a token with missing or odd claims cannot act as anyone.
   */
  async actorOf(token: string): Promise<Actor> {
    const { sub, sid } = await this.subjectOf(token);
    if (typeof sub !== 'string' || !isUUID(sub) || typeof sid !== 'string' || !isUUID(sid)) {
      throw new UnauthorizedError(SESSION_MESSAGES.accountGone);
    }
    return this.actorOfSession(sub, sid);
  }

  /** The user of a session, while the session holds (a token, or a ticket standing for one). */
  async actorOfSession(userId: string, sessionId: string): Promise<Actor> {
    const user = await this.sessions.account(userId, sessionId, this.config.SESSION_IDLE_MINUTES);
    if (!user || !user.active) throw new UnauthorizedError(SESSION_MESSAGES.accountGone);
    if (!user.live) throw new UnauthorizedError(SESSION_MESSAGES.sessionEnded);
    if (user.stale) await this.sessions.touch(sessionId);
    return { ...toUserView(user), sessionId, mustChangePassword: user.mustChangePassword, largeText: user.largeText };
  }

  /**
   * The subject of a valid, unexpired token. A token verified once is remembered with its
   * expiry until then: verifying (base64, JSON, HMAC) was a fifth of an authenticated
   * request's CPU, and a token's signature cannot change. Keyed by the whole token, so an
   * altered or forged one is never found and is verified in full.
   */
  private async subjectOf(token: string): Promise<{ sub: unknown; sid: unknown }> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAt) return known;
    try {
      const claims = await this.jwt.verifyAsync<{ sub?: unknown; sid?: unknown; exp?: number }>(token);
      if (typeof claims.exp === 'number') this.verified.set(token, { sub: claims.sub, sid: claims.sid, expiresAt: claims.exp * 1000 });
      return { sub: claims.sub, sid: claims.sid };
    } catch {
      this.verified.delete(token);
      throw new UnauthorizedError(SESSION_MESSAGES.invalidToken);
    }
  }
}

export function toUserView(user: UserView): UserView {
  return { id: user.id, email: user.email, name: user.name, role: user.role, departmentCode: user.departmentCode };
}
