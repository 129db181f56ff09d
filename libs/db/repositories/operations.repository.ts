import { Injectable } from '@nestjs/common';
import { Transactions } from '../transaction.js';
import { DeliveryStatus } from '../../vocabulary/notifications.js';
import { TaskStatus } from '../../vocabulary/tasks.js';
import { overdueSql } from './deadline-rules.sql.js';

/** What an operator watches, read when metrics are scraped: a few aggregate queries over indexed columns. */
@Injectable()
export class OperationsRepository {
  constructor(private readonly tx: Transactions) {}

  tasksByStatus(): Promise<Array<{ status: TaskStatus; n: number }>> {
    return this.tx.manager().query('SELECT status, count(*)::int AS n FROM task GROUP BY status');
  }

  /** Open tasks overdue today in `timeZone` (the red light, by the one overdue rule). */
  async overdueTasks(timeZone: string): Promise<number> {
    const [row] = await this.tx
      .manager()
      .query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM task t WHERE ${overdueSql('t', '(now() AT TIME ZONE $1)::date', '$1')}`, [timeZone]);
    return row.n;
  }

  async deliveryCounts(): Promise<Array<{ status: DeliveryStatus; channel: string; n: number }>> {
    return this.tx.manager().query('SELECT status, channel, count(*)::int AS n FROM delivery GROUP BY status, channel');
  }

  /** How late the sweep is: seconds since the oldest ladder step that is due and not yet recorded (0 when none is). */
  async sweepLagSeconds(): Promise<number> {
    const [row] = await this.tx
      .manager()
      .query<Array<{ lag: number | null }>>('SELECT extract(epoch FROM now() - min(next_reminder_at))::float AS lag FROM task WHERE next_reminder_at <= now()');
    return Math.max(0, row?.lag ?? 0);
  }
}
