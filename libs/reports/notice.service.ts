import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { calendarDate, daysBetween } from '../common/dates.js';
import { NotFoundError } from '../common/errors.js';
import type { Actor } from '../common/roles.js';
import { AppConfig } from '../config/app-config.js';
import { DepartmentRepository } from '../db/repositories/department.repository.js';
import { NoticeRepository } from '../db/repositories/notice.repository.js';
import { TaskRepository } from '../db/repositories/task.repository.js';
import { Transactions } from '../db/transaction.js';
import { type NoticeKind, noticeHtml, noticeNumber } from './notice-html.js';
import { DeadlineClock } from '../tasks/deadline-clock.js';
import { deadlineState } from '../tasks/task.view.js';
import { TASK_MESSAGES } from '../tasks/tasks.messages.js';

/**
 * Issues printed notices: each kind numbered per year, once per task and day (printing
 * it again the same day gives the same number), each issue audited.
 */
@Injectable()
export class NoticeService {
  constructor(
    private readonly notices: NoticeRepository,
    private readonly tasks: TaskRepository,
    private readonly departments: DepartmentRepository,
    private readonly audit: AuditService,
    private readonly clock: DeadlineClock,
    private readonly config: AppConfig,
    private readonly tx: Transactions,
  ) {}

  async issue(actor: Actor, taskId: string, kind: NoticeKind): Promise<{ html: string; number: string }> {
    return this.tx.run(async () => {
      const task = await this.tasks.findById(taskId);
      if (!task) throw new NotFoundError(TASK_MESSAGES.notFound(taskId));
      const issuedOn = calendarDate(this.config.TZ);
      let notice = await this.notices.findIssued(taskId, kind, issuedOn);
      if (!notice) {
        const year = Number(issuedOn.slice(0, 4));
        notice = await this.notices.insert({ kind, year, number: await this.notices.nextNumber(kind, year), taskId, issuedOn, issuedBy: actor.id });
        await this.audit.record({
          actorId: actor.id,
          action: 'task.notice',
          entityType: 'notice',
          entityId: notice.id,
          taskId,
          after: { kind, number: noticeNumber(notice), issuedOn },
        });
      }
      const names = new Map((await this.departments.list()).map((d) => [d.code, d.name]));
      const window = await this.clock.window();
      const { today } = window;
      const reminders = await this.notices.remindersSent(taskId);
      const html = noticeHtml({
        kind,
        year: notice.year,
        number: notice.number,
        title: task.title,
        description: task.description,
        clauseRef: task.clauseRef,
        leadDepartment: names.get(task.leadDepartmentCode) ?? task.leadDepartmentCode,
        coDepartments: task.coDepartmentCodes.map((c) => names.get(c) ?? c),
        dueDate: task.dueDate,
        daysOverdue: deadlineState(task, window).overdue && task.dueDate !== null ? daysBetween(task.dueDate, today) : 0,
        reminders: { count: reminders.count, last: reminders.last ? calendarDate(this.config.TZ, reminders.last) : null },
        office: this.config.NOTICE_OFFICE,
        issuedOn,
      });
      return { html, number: noticeNumber(notice) };
    });
  }
}
