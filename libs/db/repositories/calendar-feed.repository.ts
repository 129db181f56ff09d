import { Injectable } from '@nestjs/common';
import type { Role } from '../../common/roles.js';
import { CalendarFeedEntity } from '../entities/calendar-feed.entity.js';
import { Transactions } from '../transaction.js';
import { openSql } from './deadline-rules.sql.js';

/** The owner of a feed, as the feed needs it: its current role and department decide the tasks. */
export interface FeedOwner {
  feedId: string;
  userId: string;
  name: string;
  role: Role;
  departmentCode: string | null;
}

export interface FeedTask {
  id: string;
  code: string | null;
  title: string;
  dueDate: string;
  status: string;
  leadDepartmentCode: string;
  coDepartmentCodes: string[];
  version: number;
  updatedAt: Date;
}

/** Users' private calendar feeds (token hashes only) and the tasks a feed lists. */
@Injectable()
export class CalendarFeedRepository {
  constructor(private readonly tx: Transactions) {}

  private repo() {
    return this.tx.manager().getRepository(CalendarFeedEntity);
  }

  /** Serialises feed changes of one user until the transaction ends. */
  async lockUser(userId: string): Promise<void> {
    await this.tx.manager().query('SELECT pg_advisory_xact_lock(hashtext($1))', [`duban:calendar-feed:${userId}`]);
  }

  findActive(userId: string): Promise<CalendarFeedEntity | null> {
    return this.repo().createQueryBuilder('f').where('f.user_id = :userId AND f.revoked_at IS NULL', { userId }).getOne();
  }

  /** Revokes the user's active feed; its id, or null when there was none. */
  async revokeActive(userId: string): Promise<string | null> {
    // Wrapped in a SELECT: TypeORM's query() answers an UPDATE with [rows, count], a SELECT with the rows.
    const rows: Array<{ id: string }> = await this.tx.manager().query(
      `WITH revoked AS (UPDATE calendar_feed SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id)
       SELECT id FROM revoked`,
      [userId],
    );
    return rows[0]?.id ?? null;
  }

  insert(userId: string, tokenHash: string): Promise<CalendarFeedEntity> {
    return this.repo().save(this.repo().create({ userId, tokenHash, revokedAt: null }));
  }

  /** The active feed with this token hash, of an active user; null otherwise. */
  async findOwner(tokenHash: string): Promise<FeedOwner | null> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager().query(
      `SELECT f.id AS feed_id, u.id AS user_id, u.name, u.role, u.department_code
         FROM calendar_feed f JOIN app_user u ON u.id = f.user_id
        WHERE f.token_hash = $1 AND f.revoked_at IS NULL AND u.active`,
      [tokenHash],
    );
    const r = rows[0];
    return r
      ? {
          feedId: r.feed_id as string,
          userId: r.user_id as string,
          name: r.name as string,
          role: r.role as Role,
          departmentCode: r.department_code as string | null,
        }
      : null;
  }

  /**
   * Open tasks (not completed or cancelled) that `department` leads or co-operates on; every one when `department` is null. By due date.
   * An open-ended task (长期坚持) has no final deadline, so no event.
   */
  async openTasks(department: string | null, planId: string | null = null): Promise<FeedTask[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager().query(
      `SELECT id, code, title, to_char(due_date, 'YYYY-MM-DD') AS due_date, status, lead_department_code, co_department_codes, version, updated_at
         FROM task
        WHERE ${openSql('task')} AND due_date IS NOT NULL
          AND ($1::varchar IS NULL OR id IN (SELECT task_id FROM task_department td WHERE td.department_code = $1::varchar AND ${openSql('td')}))
          AND ($2::uuid IS NULL OR plan_id = $2::uuid)
        ORDER BY due_date, id`,
      [department, planId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      code: r.code as string | null,
      title: r.title as string,
      dueDate: r.due_date as string,
      status: r.status as string,
      leadDepartmentCode: r.lead_department_code as string,
      coDepartmentCodes: r.co_department_codes as string[],
      version: Number(r.version),
      updatedAt: r.updated_at as Date,
    }));
  }
}
