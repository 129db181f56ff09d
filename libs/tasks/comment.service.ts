import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { ConflictError, ForbiddenError, InvalidInputError } from '../common/errors.js';
import { type Actor, Role } from '../common/roles.js';
import { CommentRepository, type CommentRow } from '../db/repositories/comment.repository.js';
import { Transactions } from '../db/transaction.js';
import { TaskEvents } from './task-events.js';
import { TaskService } from './task.service.js';
import { TaskStatus } from './task-status.js';
import { COMMENT_MESSAGES } from './tasks.messages.js';

/** Who may write a 领导批示: the supervisors and the departments' leaders. */
const INSTRUCTING_ROLES: readonly Role[] = [Role.Supervisor, Role.Leader];

/** Control characters other than tab and line breaks have no place in a comment. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * The conversation on a task: comments by anyone working on it, and 领导批示 (instructions) by
 * supervisors and leaders, shown apart at the top of the task. `@姓名` tells that person. Audited;
 * a cancelled task takes no more.
 */
@Injectable()
export class CommentService {
  constructor(
    private readonly comments: CommentRepository,
    private readonly tasks: TaskService,
    private readonly audit: AuditService,
    private readonly events: TaskEvents,
    private readonly tx: Transactions,
  ) {}

  list(taskId: string): Promise<CommentRow[]> {
    return this.comments.forTask(taskId);
  }

  async add(actor: Actor, taskId: string, input: { body: string; instruction?: boolean }): Promise<CommentRow> {
    const body = input.body.trim();
    if (!body) throw new InvalidInputError(COMMENT_MESSAGES.emptyBody);
    if (CONTROL.test(body)) throw new InvalidInputError(COMMENT_MESSAGES.controlCharacters);
    if (input.instruction && !INSTRUCTING_ROLES.includes(actor.role)) throw new ForbiddenError(COMMENT_MESSAGES.instructionRefused);
    return this.tx.run(async () => {
      const task = await this.tasks.lockCurrent(taskId);
      if (task.status === TaskStatus.Cancelled) throw new ConflictError(COMMENT_MESSAGES.taskClosed(task.status));
      const names = [...new Set([...body.matchAll(/@([^\s@，,。；;：:]+)/g)].map((m) => m[1]))];
      const mentioned = await this.comments.mentionable(names, [task.leadDepartmentCode, ...task.coDepartmentCodes]);
      const comment = await this.comments.insert({
        taskId,
        authorId: actor.id,
        body,
        instruction: input.instruction ?? false,
        mentionedUserIds: mentioned.map((m) => m.id),
      });
      await this.audit.record({
        actorId: actor.id,
        action: 'comment.create',
        entityType: 'task_comment',
        entityId: comment.id,
        taskId,
        after: { body, instruction: comment.instruction, mentionedUserIds: comment.mentionedUserIds },
      });
      await this.events.emit({
        kind: 'comment',
        task,
        actorId: actor.id,
        detail: { commentId: comment.id, body, instruction: comment.instruction, mentionedUserIds: comment.mentionedUserIds },
      });
      return (await this.comments.forTask(taskId)).find((c) => c.id === comment.id)!;
    });
  }
}
