import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors.js';
import type { Actor } from '../common/roles.js';
import { LadderRepository } from '../db/repositories/ladder.repository.js';

/**
 * The in-app copy of every reminder: each user sees and marks only its own. `kind` says what
 * the notification is about (the ladder's template: reminder, overdue, escalation, review).
 * Marking read changes only the reader's own view, so it is not audited.
 */
@Injectable()
export class NotificationService {
  constructor(private readonly ladder: LadderRepository) {}

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
    if (!(await this.ladder.markRead(actor.id, id))) throw new NotFoundError(`消息不存在：${id}`);
    return { id, read: true };
  }

  async markAllRead(actor: Actor): Promise<{ marked: number }> {
    return { marked: await this.ladder.markAllRead(actor.id) };
  }
}
