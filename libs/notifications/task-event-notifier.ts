import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { DepartmentRepository } from '../db/repositories/department.repository.js';
import { LadderRepository, type Recipient } from '../db/repositories/ladder.repository.js';
import { UserRepository } from '../db/repositories/user.repository.js';
import { type TaskEvent, TaskEvents } from '../tasks/task-events.js';
import { renderEvent } from './event-templates.js';
import { NOTIFICATION_MESSAGES } from './notifications.messages.js';

/**
 * Tells the next person to act when a task moves: who that is depends on the event (the
 * assignee or the lead department's liaisons, its leader, the owning supervisor, the one
 * who asked, the people in a conversation), never the one who acted. Each gets an in-app
 * notification at once, written in the change's transaction; those who have not turned mail
 * off for the kind get it in the next sweep's digest (ReminderSweep.mailEvents), and the lead
 * department's robot hears of it there too.
 */
@Injectable()
export class TaskEventNotifier implements OnModuleInit {
  constructor(
    private readonly events: TaskEvents,
    private readonly ladder: LadderRepository,
    private readonly users: UserRepository,
    private readonly departments: DepartmentRepository,
    private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    this.events.subscribe((event) => this.notify(event));
  }

  async notify(event: TaskEvent): Promise<void> {
    const recipients = (await this.recipientsOf(event)).filter((r) => r.id !== event.actorId);
    if (recipients.length === 0) return;
    // One after another: inside the transaction that emitted the event these share one client, which runs one query at a time.
    const actor = await this.users.findById(event.actorId);
    const departments = await this.departments.list();
    const muted = await this.users.mailMuted(recipients.map((r) => r.id));
    const { task, detail = {} } = event;
    const { subject, body } = renderEvent({
      kind: event.kind,
      taskTitle: task.title,
      departmentName: departments.find((d) => d.code === task.leadDepartmentCode)?.name ?? task.leadDepartmentCode,
      dueDate: task.dueDate,
      actorName: actor?.name ?? NOTIFICATION_MESSAGES.system,
      link: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/tasks/${task.id}`,
      reason: detail.reason,
      comment: detail.comment,
      requestedDueDate: detail.requestedDueDate,
      approved: detail.approved,
      instruction: detail.instruction,
      body: detail.body,
    });
    await this.ladder.insertEventNotifications(
      recipients.map((r) => ({
        taskId: task.id,
        recipientId: r.id,
        dueDate: task.dueDate,
        kind: event.kind,
        subject,
        body,
        mail: !(muted.get(r.id) ?? []).includes(event.kind),
      })),
    );
  }

  /** The next person to act on `event`, active accounts only. */
  private async recipientsOf(event: TaskEvent): Promise<Recipient[]> {
    const { task, detail = {} } = event;
    const staff = await this.ladder.recipients([task.leadDepartmentCode]);
    const of = (role: string) => staff.filter((u) => u.role === role && (role === 'supervisor' || u.departmentCode === task.leadDepartmentCode));
    const one = async (id: string | null | undefined) => (id ? await this.ladder.usersById([id]) : []);
    const assignee = async () => {
      const found = await one(task.assigneeId);
      return found.length > 0 ? found : of('liaison');
    };
    // The owning supervisor while active; otherwise every supervisor, so the work is not left unseen.
    const owner = async () => {
      const found = await one(task.supervisorId);
      return found.length > 0 ? found : of('supervisor');
    };
    switch (event.kind) {
      case 'task.assigned':
      case 'task.returned':
      case 'task.approved':
      case 'task.cancelled':
      case 'task.reopened':
        return assignee();
      case 'task.signoff_needed':
        return of('leader');
      case 'task.submitted':
        return owner();
      case 'extension.requested':
        return detail.awaitingLeader ? of('leader') : owner();
      case 'extension.decided': {
        const asker = await one(detail.requesterId);
        return asker.length > 0 ? asker : assignee();
      }
      case 'comment': {
        const people = [...(await one(task.assigneeId)), ...(await owner()), ...(await this.ladder.usersById(detail.mentionedUserIds ?? []))];
        return [...new Map(people.map((p) => [p.id, p])).values()];
      }
    }
  }
}
