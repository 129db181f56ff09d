import { Injectable } from '@nestjs/common';
import { DeliveryStatus } from '../../vocabulary/notifications.js';
import { DeliveryEntity } from '../entities/delivery.entity.js';
import { Transactions } from '../transaction.js';

/** Longest error text kept on a row. */
const ERROR_MAX = 2000;

/**
 * Delivery rows: the record of every message to send. State only moves
 * forward (pending → sent | failed) through conditional updates, so two
 * workers handling the same row cannot both record it.
 */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly tx: Transactions) {}

  /** One round trip, without the ORM's query building: this runs once per message sent. */
  async findById(id: string): Promise<DeliveryEntity | null> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager().query(
      `SELECT id, channel, recipient_id, department_code, target, subject, body, status, attempts, last_error, created_at, sent_at
         FROM delivery WHERE id = $1`,
      [id],
    );
    if (rows.length === 0) return null;
    const r = rows[0];
    return Object.assign(new DeliveryEntity(), {
      id: r.id,
      channel: r.channel,
      recipientId: r.recipient_id,
      departmentCode: r.department_code,
      target: r.target,
      subject: r.subject,
      body: r.body,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at,
      sentAt: r.sent_at,
    });
  }

  /**
   * Records a successful send; false when the row was no longer pending (sent or given up by someone else).
   *
   * Committed asynchronously (`synchronous_commit` off for this one statement's
   * transaction): the commit is visible to every session at once and survives
   * the worker being killed, but PostgreSQL does not wait for the WAL flush
   * (0.4–2 ms here, most of the mail driver's serial commit window). Only a
   * crash of PostgreSQL itself within a fraction of a second (wal_writer_delay)
   * can forget such records; their mails are then sent again: a duplicate,
   * never a lost mail.
   */
  async markSent(id: string): Promise<boolean> {
    return this.transition(
      `UPDATE delivery SET status = '${DeliveryStatus.Sent}', sent_at = now(), attempts = attempts + 1, last_error = NULL
         FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit
        WHERE id = $1 AND status = '${DeliveryStatus.Pending}'`,
      [id],
    );
  }

  /** Records a failed attempt of a pending row (it stays pending, to be retried). */
  async recordAttempt(id: string, error: string): Promise<void> {
    await this.transition(`UPDATE delivery SET attempts = attempts + 1, last_error = $2 WHERE id = $1 AND status = '${DeliveryStatus.Pending}'`, [
      id,
      error.slice(0, ERROR_MAX),
    ]);
  }

  /** Gives a pending row up; false when it was no longer pending. */
  async markFailed(id: string, error: string): Promise<boolean> {
    return this.transition(
      `UPDATE delivery SET status = '${DeliveryStatus.Failed}', attempts = attempts + 1, last_error = $2
        WHERE id = $1 AND status = '${DeliveryStatus.Pending}'`,
      [id, error.slice(0, ERROR_MAX)],
    );
  }

  /**
   * Ids of rows still pending that were recorded before `olderThan`, oldest
   * first, `limit` at a time after the key `after` (the last row of the
   * previous page). Reads the partial index of pending rows only.
   */
  async pendingIds(olderThan: Date, limit: number, after?: { createdAt: Date; id: string }): Promise<Array<{ id: string; createdAt: Date }>> {
    const rows: Array<{ id: string; created_at: Date }> = after
      ? await this.tx.manager().query(
          `SELECT id, created_at FROM delivery
            WHERE status = '${DeliveryStatus.Pending}' AND created_at < $1 AND (created_at, id) > ($2, $3)
            ORDER BY created_at, id LIMIT $4`,
          [olderThan, after.createdAt, after.id, limit],
        )
      : await this.tx
          .manager()
          .query(`SELECT id, created_at FROM delivery WHERE status = '${DeliveryStatus.Pending}' AND created_at < $1 ORDER BY created_at, id LIMIT $2`, [
            olderThan,
            limit,
          ]);
    return rows.map((r) => ({ id: r.id, createdAt: r.created_at }));
  }

  /** Rows for administrators, newest first, optionally of one status. */
  async list(status: DeliveryStatus | undefined, offset: number, limit: number): Promise<{ items: DeliveryEntity[]; total: number }> {
    const [items, total] = await this.tx
      .manager()
      .getRepository(DeliveryEntity)
      .findAndCount({
        where: status ? { status } : {},
        order: { createdAt: 'DESC', id: 'ASC' },
        skip: offset,
        take: limit,
      });
    return { items, total };
  }

  private async transition(sql: string, params: unknown[]): Promise<boolean> {
    const [, affected] = await this.tx.manager().query<[unknown[], number]>(sql, params);
    return affected > 0;
  }
}
