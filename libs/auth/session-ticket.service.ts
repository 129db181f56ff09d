import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { ForbiddenError, UnauthorizedError } from '../common/errors.js';
import type { Actor } from '../common/roles.js';
import { AppConfig } from '../config/app-config.js';
import { SessionRepository } from '../db/repositories/session.repository.js';
import { AuthService } from './auth.service.js';
import { decide, type Permission } from './permissions.js';
import { ACCESS_MESSAGES, SESSION_MESSAGES } from './auth.messages.js';

/** Long enough to open a new tab, short enough that a ticket seen in a log or history is already spent. */
const TICKET_SECONDS = 60;

const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * A way into pages a browser opens by address (Bull Board), where no bearer header can be sent and a token
 * must never sit in a URL: the signed-in caller gets a single-use ticket for a minute; the page exchanges it
 * for an HttpOnly cookie secret. Both stand for the caller's session, so a logout, a deactivation or a role
 * change ends them too; only their hashes are stored.
 */
@Injectable()
export class SessionTicketService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async issue(actor: Actor): Promise<{ ticket: string; expiresAt: Date }> {
    if (!actor.sessionId) throw new UnauthorizedError(SESSION_MESSAGES.noSession);
    const ticket = randomBytes(32).toString('base64url');
    await this.sessions.addTicket(sha256(ticket), 'ticket', actor.id, actor.sessionId, TICKET_SECONDS);
    return { ticket, expiresAt: new Date(Date.now() + TICKET_SECONDS * 1000) };
  }

  /** Uses `ticket` up and opens `permission`'s pages: a cookie secret to set, audited as `audit` from `ip`. */
  async exchange(ticket: string, permission: Permission, ip: string | null): Promise<{ actor: Actor; cookie: string }> {
    const session = await this.sessions.useTicket(sha256(ticket));
    if (!session) throw new UnauthorizedError(SESSION_MESSAGES.ticketExpired);
    const actor = await this.allowed(session, permission);
    const cookie = randomBytes(32).toString('base64url');
    await this.sessions.addTicket(sha256(cookie), 'cookie', actor.id, session.sessionId, this.config.JWT_TTL_SECONDS);
    await this.audit.record({ actorId: actor.id, action: 'queue.dashboard.open', entityType: 'queue-dashboard', entityId: session.sessionId, ip });
    return { actor, cookie };
  }

  /** The caller a cookie secret stands for, if its session still holds and the caller still holds `permission`. */
  async actorOfCookie(cookie: string, permission: Permission): Promise<Actor> {
    const session = await this.sessions.cookieSession(sha256(cookie));
    if (!session) throw new UnauthorizedError(SESSION_MESSAGES.ticketSessionGone);
    return this.allowed(session, permission);
  }

  private async allowed(session: { userId: string; sessionId: string }, permission: Permission): Promise<Actor> {
    const actor = await this.auth.actorOfSession(session.userId, session.sessionId);
    if (decide(actor, permission, undefined, this.auth.duties) !== 'allow') throw new ForbiddenError(ACCESS_MESSAGES.forbidden);
    return actor;
  }
}
