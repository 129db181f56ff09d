import { extensionView } from './task.view.js';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors.js';
import type { ExtensionRequestEntity } from '../db/entities/extension-request.entity.js';
import type { Actor } from '../common/roles.js';
import { ExtensionStatus } from '../vocabulary/tasks.js';
import { ExtensionRepository } from '../db/repositories/extension.repository.js';
import { Transactions } from '../db/transaction.js';
import { canRequestExtension } from './task-status.js';
import { EXTENSION_MESSAGES } from './tasks.messages.js';
import { TaskEvents } from './task-events.js';
import { TaskService } from './task.service.js';

/**
 * Deadline extensions: the lead department asks, a supervisor decides; both are kept. On a
 * task that requires sign-off the lead department's leader agrees first (`awaiting_leader`).
 */
@Injectable()
export class ExtensionService {
  constructor(
    private readonly extensions: ExtensionRepository,
    private readonly tasks: TaskService,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly events: TaskEvents,
  ) {}

  async request(actor: Actor, taskId: string, input: { requestedDueDate: string; reason: string }) {
    return this.tx.run(async () => {
      const task = await this.tasks.lockCurrent(taskId);
      if (!canRequestExtension(task.status)) throw new ConflictError(EXTENSION_MESSAGES.taskRefuses(task.status));
      // An open-ended task (长期坚持) has no final deadline to extend; a supervisor may give it one by editing the task.
      if (task.dueDate === null) throw new ConflictError(EXTENSION_MESSAGES.openEnded);
      if (input.requestedDueDate <= task.dueDate) {
        throw new InvalidInputError(EXTENSION_MESSAGES.notLater(task.dueDate));
      }
      if (await this.extensions.hasPending(taskId)) throw new ConflictError(EXTENSION_MESSAGES.alreadyPending);
      const request = await this.extensions.insert({
        taskId,
        requestedBy: actor.id,
        currentDueDate: task.dueDate,
        requestedDueDate: input.requestedDueDate,
        reason: input.reason,
        status: task.requireSignOff ? ExtensionStatus.AwaitingLeader : ExtensionStatus.Pending,
      });
      await this.audit.record({
        actorId: actor.id,
        action: 'extension.request',
        entityType: 'extension_request',
        entityId: request.id,
        taskId,
        after: { status: request.status, requestedDueDate: request.requestedDueDate, reason: request.reason },
      });
      await this.events.emit({ kind: 'extension.requested', task, actorId: actor.id, detail: extensionDetail(request) });
      return extensionView(request);
    });
  }

  /** The lead department's leader agrees (the supervisor decides next) or rejects, on a task that requires sign-off. */
  async endorse(actor: Actor, id: string, agree: boolean, comment?: string) {
    return this.tx.run(async () => {
      const request = await this.mustLock(id);
      if (request.status !== ExtensionStatus.AwaitingLeader) {
        throw new ConflictError(EXTENSION_MESSAGES.notAwaitingLeader(request.status));
      }
      const task = await this.tasks.lockCurrent(request.taskId);
      request.status = agree ? ExtensionStatus.Pending : ExtensionStatus.Rejected;
      if (!agree) {
        request.decidedBy = actor.id;
        request.decidedAt = new Date();
      }
      request.decisionComment = comment ?? null;
      const saved = await this.extensions.save(request);
      await this.audit.record({
        actorId: actor.id,
        action: agree ? 'extension.endorse' : 'extension.reject',
        entityType: 'extension_request',
        entityId: id,
        taskId: request.taskId,
        before: { status: ExtensionStatus.AwaitingLeader },
        after: { status: saved.status },
        detail: { comment },
      });
      await this.events.emit({ kind: agree ? 'extension.requested' : 'extension.decided', task, actorId: actor.id, detail: extensionDetail(saved) });
      return extensionView(saved);
    });
  }

  async decide(actor: Actor, id: string, approve: boolean, comment?: string) {
    return this.tx.run(async () => {
      const request = await this.mustLock(id);
      if (request.status !== ExtensionStatus.Pending) throw new ConflictError(EXTENSION_MESSAGES.notPending(request.status));
      const task = await this.tasks.lockCurrent(request.taskId);
      request.status = approve ? ExtensionStatus.Approved : ExtensionStatus.Rejected;
      request.decidedBy = actor.id;
      request.decidedAt = new Date();
      request.decisionComment = comment ?? null;
      const saved = await this.extensions.save(request);
      await this.audit.record({
        actorId: actor.id,
        action: approve ? 'extension.approve' : 'extension.reject',
        entityType: 'extension_request',
        entityId: id,
        taskId: request.taskId,
        before: { status: ExtensionStatus.Pending },
        after: { status: saved.status },
        detail: { comment },
      });
      if (approve) await this.tasks.moveDeadline(actor, task, request.requestedDueDate, { extensionRequestId: id });
      await this.events.emit({ kind: 'extension.decided', task, actorId: actor.id, detail: extensionDetail(saved) });
      return extensionView(saved);
    });
  }

  private async mustLock(id: string): Promise<ExtensionRequestEntity> {
    const request = await this.extensions.findByIdForUpdate(id);
    if (!request) throw new NotFoundError(EXTENSION_MESSAGES.notFound(id));
    return request;
  }
}

function extensionDetail(request: ExtensionRequestEntity) {
  return {
    extensionRequestId: request.id,
    requesterId: request.requestedBy,
    awaitingLeader: request.status === ExtensionStatus.AwaitingLeader,
    requestedDueDate: request.requestedDueDate,
    approved: request.status === ExtensionStatus.Approved,
    comment: request.decisionComment ?? undefined,
    reason: request.reason,
  };
}
