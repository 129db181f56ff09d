import { Injectable } from '@nestjs/common';
import type { TaskEntity } from '../db/entities/task.entity.js';

/** What happened to a task that someone must hear about; wire values (notification kinds) never change once shipped. */
export type TaskEventKind =
  | 'task.assigned'
  | 'task.signoff_needed'
  | 'task.submitted'
  | 'task.returned'
  | 'task.approved'
  | 'task.cancelled'
  | 'task.reopened'
  | 'extension.requested'
  | 'extension.decided'
  | 'comment';

export interface TaskEvent {
  kind: TaskEventKind;
  /** The task as the change left it (inside the change's transaction). */
  task: TaskEntity;
  /** Who made the change; never notified of their own act. */
  actorId: string;
  /** Kind-specific facts for the message: a return's reason, a decision, a comment's body and @-mentions… */
  detail?: {
    reason?: string;
    comment?: string;
    extensionRequestId?: string;
    requestedDueDate?: string;
    approved?: boolean;
    commentId?: string;
    body?: string;
    instruction?: boolean;
    mentionedUserIds?: string[];
    /** Previous lead department or assignee, when a change moved the work to someone else. */
    previousAssigneeId?: string | null;
    /** An extension request: who asked (told of the decision). */
    requesterId?: string;
    /** An extension request on a task that requires sign-off waits for the lead department's leader first. */
    awaitingLeader?: boolean;
  };
}

/** Hears every task event, inside the change's transaction (a failure rolls the change back). */
export type TaskEventListener = (event: TaskEvent) => Promise<void>;

/**
 * The tasks domain announces each change here, inside the change's transaction, so a
 * notification is written if and only if the change is. The notifications domain subscribes
 * at start-up (who is the next person to act, in-app row, mail digest, robot): the tasks domain
 * may not import it, so it holds the subscribers instead. With none, events are heard by no one.
 */
@Injectable()
export class TaskEvents {
  private readonly listeners: TaskEventListener[] = [];

  subscribe(listener: TaskEventListener): void {
    this.listeners.push(listener);
  }

  async emit(event: TaskEvent): Promise<void> {
    for (const listener of this.listeners) await listener(event);
  }
}
