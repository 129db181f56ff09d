import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/roles.js';
import { LadderRepository } from '../db/repositories/ladder.repository.js';

/** The in-app copy of every reminder: each user sees only its own. */
@Injectable()
export class NotificationService {
  constructor(private readonly ladder: LadderRepository) {}

  async list(actor: Actor, page: number, limit: number) {
    const { items, total } = await this.ladder.forRecipient(actor.id, (page - 1) * limit, limit);
    return {
      items: items.map((n) => ({
        id: n.id, taskId: n.taskId, template: n.template, step: n.stepAt, dueDate: n.dueDate,
        subject: n.subject, body: n.body, createdAt: n.createdAt, readAt: n.readAt,
      })),
      total, page, limit,
    };
  }
}
