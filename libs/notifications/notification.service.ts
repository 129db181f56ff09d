import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors.js';
import type { Actor } from '../common/roles.js';
import { LadderRepository } from '../db/repositories/ladder.repository.js';
import { UserRepository } from '../db/repositories/user.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { KIND_LABEL, NOTIFICATION_KINDS } from './event-templates.js';
import { NOTIFICATION_MESSAGES } from './notifications.messages.js';

/**
 * The in-app copy of every reminder: each user sees and marks only its own. `kind` says what
 * the notification is about (the ladder's template: reminder, overdue, escalation, review).
 * Marking read changes only the reader's own view, so it is not audited; a change of one's mail preferences is.
 */
@Injectable()
export class NotificationService {
  constructor(
    private readonly ladder: LadderRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditService,
  ) {}

  /** Which kinds reach the caller by mail; in-app notifications always come. */
  async preferences(actor: Actor) {
    const muted = (await this.users.mailMuted([actor.id])).get(actor.id) ?? [];
    return { kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, label: KIND_LABEL[kind], mail: !muted.includes(kind) })) };
  }

  async setPreferences(actor: Actor, mailOff: string[]) {
    const kinds = [...new Set(mailOff)];
    const before = (await this.users.mailMuted([actor.id])).get(actor.id) ?? [];
    await this.users.setMailMuted(actor.id, kinds);
    await this.audit.record({
      actorId: actor.id,
      action: 'user.notification_preferences',
      entityType: 'user',
      entityId: actor.id,
      before: { mailOff: before },
      after: { mailOff: kinds },
    });
    return this.preferences(actor);
  }

  async list(actor: Actor, page: number, limit: number, unread = false) {
    const { items, total } = await this.ladder.forRecipient(actor.id, (page - 1) * limit, limit, unread);
    return {
      items: items.map((n) => ({
        id: n.id,
        kind: n.template,
        taskId: n.taskId,
        template: n.template,
        step: n.stepAt,
        dueDate: n.dueDate,
        subject: n.subject,
        body: n.body,
        createdAt: n.createdAt,
        readAt: n.readAt,
      })),
      total,
      page,
      limit,
    };
  }

  async unreadCount(actor: Actor): Promise<{ count: number }> {
    return { count: await this.ladder.unreadCount(actor.id) };
  }

  /** Another user's notification is not found, like one that does not exist. */
  async markRead(actor: Actor, id: string): Promise<{ id: string; read: true }> {
    if (!(await this.ladder.markRead(actor.id, id))) throw new NotFoundError(NOTIFICATION_MESSAGES.notFound(id));
    return { id, read: true };
  }

  async markAllRead(actor: Actor): Promise<{ marked: number }> {
    return { marked: await this.ladder.markAllRead(actor.id) };
  }
}
