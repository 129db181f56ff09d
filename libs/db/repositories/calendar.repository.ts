import { Injectable } from '@nestjs/common';
import { Between } from 'typeorm';
import { CalendarDayEntity } from '../entities/calendar-day.entity.js';
import { Transactions } from '../transaction.js';
import { openSql } from './deadline-rules.sql.js';

/** Administrators' working-day calendar entries, and the deadline years the calendar must cover. */
@Injectable()
export class CalendarRepository {
  constructor(private readonly tx: Transactions) {}

  private repo() {
    return this.tx.manager().getRepository(CalendarDayEntity);
  }

  /** The entries of `year`, or all of them, by date. */
  list(year?: number): Promise<CalendarDayEntity[]> {
    const where = year === undefined ? {} : { date: Between(`${year}-01-01`, `${year}-12-31`) };
    return this.repo().find({ where, order: { date: 'ASC' } });
  }

  findByDate(date: string): Promise<CalendarDayEntity | null> {
    return this.repo().findOneBy({ date });
  }

  /** Serialises calendar changes until the transaction ends, so each audit entry's `before` is what it replaced. */
  async lockChanges(): Promise<void> {
    await this.tx.manager().query('SELECT pg_advisory_xact_lock(hashtext($1))', ['duban:calendar-day']);
  }

  /** Inserts or replaces the entry of `day.date`. */
  async upsert(day: Pick<CalendarDayEntity, 'date' | 'kind' | 'note' | 'updatedBy'>): Promise<CalendarDayEntity> {
    await this.tx.manager().query(
      `INSERT INTO calendar_day (date, kind, note, updated_by, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [day.date, day.kind, day.note, day.updatedBy],
    );
    return (await this.findByDate(day.date))!;
  }

  /** Deletes the entry of `date`; false when there was none. */
  async remove(date: string): Promise<boolean> {
    const result = await this.repo().delete({ date });
    return (result.affected ?? 0) > 0;
  }

  /**
   * The distinct years of open tasks' deadlines, ascending. One index probe per
   * year (`idx_task_due`) instead of reading every open task: the next open
   * deadline on or after 1 January of the year after the last one found.
   */
  async openTaskDueYears(): Promise<number[]> {
    const rows: Array<{ year: number }> = await this.tx.manager().query(
      `WITH RECURSIVE years(year) AS (
         SELECT extract(year FROM min(due_date))::int FROM task WHERE ${openSql('task')}
         UNION ALL
         SELECT (SELECT extract(year FROM min(t.due_date))::int FROM task t
                 WHERE ${openSql('t')} AND t.due_date >= make_date(years.year + 1, 1, 1))
         FROM years WHERE years.year IS NOT NULL
       )
       SELECT year FROM years WHERE year IS NOT NULL ORDER BY year`,
    );
    return rows.map((row) => Number(row.year));
  }
}
