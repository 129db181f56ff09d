import type { ReportCycle } from '../../vocabulary/tasks.js';
import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type { DeliveryEntity } from '../entities/delivery.entity.js';
import { NotificationEntity } from '../entities/notification.entity.js';
import { Transactions } from '../transaction.js';
import { openSql } from './deadline-rules.sql.js';

export interface DueTask {
  id: string;
  title: string;
  leadDepartmentCode: string;
  assigneeId: string | null;
  /** Null: open-ended (长期坚持), no deadline ladder, only its report periods'. */
  dueDate: string | null;
  status: string;
  ladderFrom: Date;
  /** The owning supervisor (recipient `supervisor`); null for tasks that have none (then every supervisor). */
  supervisorId: string | null;
  /** The latest submission, from which review steps count. */
  submittedAt: Date | null;
  /** 定期报送: the cycle (null without one), the due day of each report, and the creation, where the first period begins. */
  reportEvery: ReportCycle | null;
  reportDueDay: number;
  reportFrom: string | null;
  createdAt: Date;
  /** 配合单位反馈: the co-departments, and whether each owes its own report for every period. */
  coDepartmentCodes: string[];
  coDepartmentsReport: boolean;
}

export interface Recipient {
  id: string;
  email: string;
  name: string;
  role: string;
  departmentCode: string | null;
}

export type NewNotification = Pick<NotificationEntity, 'taskId' | 'stepAt' | 'recipientId' | 'dueDate' | 'template' | 'subject' | 'body' | 'deliveryId'> & {
  stepIndex: number;
  /** The co-department whose report period this reminds (配合单位反馈); '' (or absent) for the task's own ladders. */
  coDepartmentCode?: string;
};

/** A notification of something that happened to a task (an event), for one person; `mail` marks it for the next digest. */
export interface NewEventNotification {
  taskId: string;
  recipientId: string;
  /** The task's deadline; null for an open-ended task. */
  dueDate: string | null;
  kind: string;
  subject: string;
  body: string;
  mail: boolean;
}

/** An event notification waiting for its mail, with what the digest and the robot message need. */
export interface PendingEventMail {
  id: string;
  taskId: string;
  recipientId: string;
  email: string;
  kind: string;
  subject: string;
  body: string;
  leadDepartmentCode: string;
  createdAt: Date;
}
/** A delivery to record, its id chosen by the caller (so that notifications can name it before it is written). */
export type NewDelivery = Pick<DeliveryEntity, 'id' | 'channel' | 'recipientId' | 'departmentCode' | 'target' | 'subject' | 'body'>;

const CHUNK = 5000;

/** The reminder sweep's reads and writes, in bulk: the sweep handles thousands of tasks at once. */
@Injectable()
export class LadderRepository {
  constructor(private readonly tx: Transactions) {}

  /**
   * Tasks whose next reminder moment has come, row-locked; rows another sweep
   * holds are skipped, so any number of workers can sweep at once.
   */
  async lockDueTasks(now: Date, limit: number): Promise<DueTask[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager().query(
      `SELECT id, title, lead_department_code, assignee_id, to_char(due_date, 'YYYY-MM-DD') AS due_date, status, ladder_from, supervisor_id, submitted_at,
              report_every, report_due_day, to_char(report_from, 'YYYY-MM-DD') AS report_from, created_at, co_department_codes, co_departments_report
         FROM task WHERE next_reminder_at < $1::timestamptz + interval '1 millisecond' -- PostgreSQL keeps µs, JavaScript ms
        ORDER BY next_reminder_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((r) => ({
      id: r.id as string,
      title: r.title as string,
      leadDepartmentCode: r.lead_department_code as string,
      assigneeId: r.assignee_id as string | null,
      dueDate: r.due_date as string | null,
      status: r.status as string,
      ladderFrom: r.ladder_from as Date,
      supervisorId: r.supervisor_id as string | null,
      submittedAt: r.submitted_at as Date | null,
      reportEvery: r.report_every as ReportCycle | null,
      reportDueDay: r.report_due_day as number,
      reportFrom: r.report_from as string | null,
      createdAt: r.created_at as Date,
      coDepartmentCodes: r.co_department_codes as string[],
      coDepartmentsReport: r.co_departments_report as boolean,
    }));
  }

  /**
   * The report periods (定期报送) already filed, by task and filing department, each period once: a filed period's reminders stop.
   * A long cycle's task has dozens of filings and a batch thousands of tasks (the bench: 145,000 a batch of 5,000), so a task's
   * periods come back as one string per filing department: a DISTINCT over the filings sorted them on disk past work_mem, and
   * parsing two text arrays a task cost the sweep as much again (together 0.5–1 s a batch). Periods (`2026-03`, `2026-Q1`) hold no space.
   */
  async filedPeriods(taskIds: string[]): Promise<Map<string, Array<{ departmentCode: string; periods: Set<string> }>>> {
    const filed = new Map<string, Array<{ departmentCode: string; periods: Set<string> }>>();
    if (taskIds.length === 0) return filed;
    const rows: Array<{ task_id: string; department_code: string; periods: string }> = await this.tx.manager().query(
      `SELECT task_id, department_code, string_agg(period, ' ') AS periods
         FROM progress_report WHERE task_id = ANY($1::uuid[]) AND period IS NOT NULL
        GROUP BY task_id, department_code`,
      [taskIds],
    );
    for (const r of rows) {
      const entry = { departmentCode: r.department_code, periods: new Set(r.periods.split(' ')) };
      const found = filed.get(r.task_id);
      if (found) found.push(entry);
      else filed.set(r.task_id, [entry]);
    }
    return filed;
  }

  /** Active supervisors, and the leaders and liaisons of `departments`. */
  async recipients(departments: string[]): Promise<Recipient[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager().query(
      `SELECT id, email, name, role, department_code FROM app_user
        WHERE active AND (role = 'supervisor' OR (role IN ('leader', 'liaison') AND department_code = ANY($1)))`,
      [departments],
    );
    return rows.map(toRecipient);
  }

  async usersById(ids: string[]): Promise<Recipient[]> {
    if (ids.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.tx
      .manager()
      .query('SELECT id, email, name, role, department_code FROM app_user WHERE active AND id = ANY($1)', [ids]);
    return rows.map(toRecipient);
  }

  /** Records notifications; those already recorded (same task, step, recipient, deadline and co-department) are left out of the result. */
  async insertNotifications<T extends NewNotification>(rows: T[]): Promise<T[]> {
    const inserted: T[] = [];
    const key = (taskId: string, stepIndex: number, recipientId: string, coDepartmentCode: string) =>
      `${taskId}|${stepIndex}|${recipientId}|${coDepartmentCode}`;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      // One statement per chunk, the columns as arrays: the sweep writes thousands of rows at once.
      const result: Array<{ task_id: string; step_index: number; recipient_id: string; co_department_code: string }> = await this.tx.manager().query(
        `INSERT INTO notification (task_id, step_index, step_at, recipient_id, due_date, template, subject, body, delivery_id, co_department_code)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::varchar[], $4::uuid[], $5::date[], $6::varchar[], $7::text[], $8::text[], $9::uuid[], $10::varchar[])
         ON CONFLICT (task_id, step_index, recipient_id, due_date, co_department_code) DO NOTHING
         RETURNING task_id, step_index, recipient_id, co_department_code`,
        [
          chunk.map((r) => r.taskId),
          chunk.map((r) => r.stepIndex),
          chunk.map((r) => r.stepAt),
          chunk.map((r) => r.recipientId),
          chunk.map((r) => r.dueDate),
          chunk.map((r) => r.template),
          chunk.map((r) => r.subject),
          chunk.map((r) => r.body),
          chunk.map((r) => r.deliveryId),
          chunk.map((r) => r.coDepartmentCode ?? ''),
        ],
      );
      // RETURNING lists only the rows actually inserted; match them back by their key.
      const byKey = new Map(chunk.map((r) => [key(r.taskId, r.stepIndex, r.recipientId, r.coDepartmentCode ?? ''), r]));
      for (const raw of result) {
        const row = byKey.get(key(raw.task_id, raw.step_index, raw.recipient_id, raw.co_department_code));
        if (row) inserted.push(row);
      }
    }
    return inserted;
  }

  /** Records deliveries in one statement. */
  async insertDeliveries(deliveries: NewDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.tx.manager().query(
      `INSERT INTO delivery (id, channel, recipient_id, department_code, target, subject, body)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::varchar[], $5::text[], $6::text[], $7::text[])`,
      [
        deliveries.map((d) => d.id),
        deliveries.map((d) => d.channel),
        deliveries.map((d) => d.recipientId),
        deliveries.map((d) => d.departmentCode),
        deliveries.map((d) => d.target),
        deliveries.map((d) => d.subject),
        deliveries.map((d) => d.body),
      ],
    );
  }

  async setNextReminders(next: Array<{ id: string; at: Date | null }>): Promise<void> {
    for (let i = 0; i < next.length; i += CHUNK) {
      const chunk = next.slice(i, i + CHUNK);
      await this.tx
        .manager()
        .query(`UPDATE task t SET next_reminder_at = v.at FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, at) WHERE t.id = v.id`, [
          chunk.map((n) => n.id),
          chunk.map((n) => n.at),
        ]);
    }
  }

  /** Records event notifications (never deduplicated: each event is its own), in one statement. */
  async insertEventNotifications(rows: NewEventNotification[]): Promise<void> {
    if (rows.length === 0) return;
    await this.tx.manager().query(
      `INSERT INTO notification (task_id, step_index, step_at, recipient_id, due_date, template, subject, body, mail_pending)
       SELECT t, NULL, k, r, d, k, s, b, m FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::varchar[], $5::text[], $6::text[], $7::bool[]) AS v(t, r, d, k, s, b, m)`,
      [
        rows.map((r) => r.taskId),
        rows.map((r) => r.recipientId),
        rows.map((r) => r.dueDate),
        rows.map((r) => r.kind),
        rows.map((r) => r.subject),
        rows.map((r) => r.body),
        rows.map((r) => r.mail),
      ],
    );
  }

  /** Event notifications waiting for a mail, oldest first, row-locked (another sweep skips them). */
  async lockPendingEventMails(limit: number): Promise<PendingEventMail[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager().query(
      `SELECT n.id, n.task_id, n.recipient_id, u.email, n.template, n.subject, n.body, t.lead_department_code, n.created_at
         FROM notification n JOIN app_user u ON u.id = n.recipient_id JOIN task t ON t.id = n.task_id
        WHERE n.mail_pending ORDER BY n.created_at, n.id LIMIT $1 FOR UPDATE OF n SKIP LOCKED`,
      [limit],
    );
    return rows.map((r) => ({
      id: r.id as string,
      taskId: r.task_id as string,
      recipientId: r.recipient_id as string,
      email: r.email as string,
      kind: r.template as string,
      subject: r.subject as string,
      body: r.body as string,
      leadDepartmentCode: r.lead_department_code as string,
      createdAt: r.created_at as Date,
    }));
  }

  /** Links mailed event notifications to their digest (or clears them when nothing is sent), in one statement. */
  async settleEventMails(rows: Array<{ id: string; deliveryId: string | null }>): Promise<void> {
    if (rows.length === 0) return;
    await this.tx
      .manager()
      .query(`UPDATE notification n SET mail_pending = false, delivery_id = v.d FROM unnest($1::uuid[], $2::uuid[]) AS v(id, d) WHERE n.id = v.id`, [
        rows.map((r) => r.id),
        rows.map((r) => r.deliveryId),
      ]);
  }

  /** Makes every open task due for the sweep, which works its ladder out again (after the calendar changed). */
  async rescheduleOpenTasks(): Promise<void> {
    await this.tx.manager().query(`UPDATE task SET next_reminder_at = now() WHERE ${openSql('task')} AND next_reminder_at IS NOT NULL`);
  }

  /** Enabled group robots of `departments`. */
  async webhooks(departments: string[]): Promise<Array<{ departmentCode: string; kind: string; url: string }>> {
    const rows: Array<Record<string, unknown>> = await this.tx
      .manager()
      .query('SELECT department_code, kind, url FROM department_webhook WHERE enabled AND department_code = ANY($1)', [departments]);
    return rows.map((r) => ({ departmentCode: r.department_code as string, kind: r.kind as string, url: r.url as string }));
  }

  /** A user's own notifications, newest first; `unread` keeps those not yet read. */
  async forRecipient(recipientId: string, offset: number, limit: number, unread = false): Promise<{ items: NotificationEntity[]; total: number }> {
    const [items, total] = await this.tx
      .manager()
      .getRepository(NotificationEntity)
      .findAndCount({
        where: { recipientId, ...(unread ? { readAt: IsNull() } : {}) },
        order: { createdAt: 'DESC', id: 'ASC' },
        skip: offset,
        take: limit,
      });
    return { items, total };
  }

  async unreadCount(recipientId: string): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.tx
      .manager()
      .query('SELECT count(*)::int AS n FROM notification WHERE recipient_id = $1 AND read_at IS NULL', [recipientId]);
    return n;
  }

  /** Marks one of the recipient's own notifications read (once: a second call keeps the first time); false when it has none with that id. */
  async markRead(recipientId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager().query(
      // In a CTE: TypeORM hands back a bare UPDATE's result as [rows, count], a SELECT's as rows.
      'WITH marked AS (UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND recipient_id = $2 RETURNING id) SELECT id FROM marked',
      [id, recipientId],
    );
    return rows.length > 0;
  }

  /** Marks every unread notification of the recipient read; returns how many. */
  async markAllRead(recipientId: string): Promise<number> {
    const rows: unknown[] = await this.tx
      .manager()
      .query('WITH marked AS (UPDATE notification SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL RETURNING id) SELECT id FROM marked', [
        recipientId,
      ]);
    return rows.length;
  }
}

function toRecipient(r: Record<string, unknown>): Recipient {
  return { id: r.id as string, email: r.email as string, name: r.name as string, role: r.role as string, departmentCode: r.department_code as string | null };
}
