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
  };
}

/**
 * The tasks domain announces each change here, inside the change's transaction, so a
 * notification is written if and only if the change is. The notifications domain provides
 * the implementation (who is the next person to act, in-app row, queued mail, robot); this
 * default hears nothing.
 */
@Injectable()
export class TaskEvents {
  async emit(_event: TaskEvent): Promise<void> {}
}
