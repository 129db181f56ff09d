import { Injectable } from '@nestjs/common';
import { NoticeEntity } from '../entities/notice.entity.js';
import { Transactions } from '../transaction.js';

@Injectable()
export class NoticeRepository {
  constructor(private readonly tx: Transactions) {}

  private repo() {
    return this.tx.manager().getRepository(NoticeEntity);
  }

  findIssued(taskId: string, kind: NoticeEntity['kind'], issuedOn: string): Promise<NoticeEntity | null> {
    return this.repo().findOneBy({ taskId, kind, issuedOn });
  }

  /** The next number of `kind` in `year`; the lock holds other issuers off until this transaction ends. */
  async nextNumber(kind: NoticeEntity['kind'], year: number): Promise<number> {
    await this.tx.manager().query('SELECT pg_advisory_xact_lock(hashtext($1))', [`duban:notice:${kind}:${year}`]);
    const [{ last }] = await this.tx
      .manager()
      .query<Array<{ last: number | null }>>('SELECT max(number) AS last FROM notice WHERE kind = $1 AND year = $2', [kind, year]);
    return (last ?? 0) + 1;
  }

  insert(notice: Omit<NoticeEntity, 'id' | 'createdAt'>): Promise<NoticeEntity> {
    return this.repo().save(this.repo().create(notice));
  }

  /** The reminders the ladder has sent about a task: how many steps, and when the last went out. */
  async remindersSent(taskId: string): Promise<{ count: number; last: Date | null }> {
    const [row] = await this.tx
      .manager()
      .query<Array<{ count: string; last: Date | null }>>(
        'SELECT count(DISTINCT (due_date, step_index)) AS count, max(created_at) AS last FROM notification WHERE task_id = $1 AND step_index IS NOT NULL',
        [taskId],
      );
    return { count: Number(row.count), last: row.last };
  }
}
