import { Injectable } from '@nestjs/common';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { CHAIN_COLUMNS, type ChainLink } from '../chain-link.js';
import { copyChainLinks } from '../chain-text.js';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AuditEntryEntity } from '../entities/audit-entry.entity.js';
import { Transactions } from '../transaction.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** bigint arrives as text from a raw select. */
function normaliseRow(row: AuditRow): AuditRow {
  return { ...row, seq: Number(row.seq) };
}

/** Rows per INSERT statement: well under PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 500;

/** What the audit viewer filters by; every field optional. */
export interface AuditFilter {
  /** A user's id, email or name. */
  actor?: string;
  /** An action (`task.approve`), or a domain's actions (`task.*`). */
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Calendar days in `timeZone`, both inclusive. */
  from?: string;
  to?: string;
  timeZone: string;
}

export interface AuditRow {
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  taskId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly tx: Transactions) {}

  /**
   * Takes the chain lock for the rest of the transaction and returns the last
   * entry's position and hash: appends are serialised, so the chain never forks.
   */
  async lockChainHead(): Promise<{ seq: number; hash: string } | null> {
    const manager = this.tx.manager();
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['duban:audit-chain']);
    const rows: Array<{ seq: string; hash: string }> = await manager.query('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
  }

  async insert(entry: AuditEntryEntity): Promise<void> {
    // insert()'s deep-partial typing cannot express arbitrary JSON columns; the entity type is exact.
    await this.tx
      .manager()
      .getRepository(AuditEntryEntity)
      .insert(entry as QueryDeepPartialEntity<AuditEntryEntity>);
  }

  /** Appends entries in chunks (an import writes thousands), each one statement. */
  async insertMany(entries: AuditEntryEntity[]): Promise<void> {
    const repo = this.tx.manager().getRepository(AuditEntryEntity);
    for (let i = 0; i < entries.length; i += INSERT_CHUNK)
      await repo.insert(entries.slice(i, i + INSERT_CHUNK) as Array<QueryDeepPartialEntity<AuditEntryEntity>>);
  }

  listForTask(taskId: string): Promise<AuditEntryEntity[]> {
    return this.tx
      .manager()
      .getRepository(AuditEntryEntity)
      .find({ where: { taskId }, order: { seq: 'ASC' } });
  }

  /** Entries matching `filter`, newest first, with the actor's name and email. */
  async search(filter: AuditFilter, offset: number, limit: number): Promise<{ items: AuditRow[]; total: number }> {
    const query = this.filtered(filter);
    const [items, total] = await Promise.all([query.clone().orderBy('a.seq', 'DESC').offset(offset).limit(limit).getRawMany<AuditRow>(), query.getCount()]);
    return { items: items.map(normaliseRow), total };
  }

  /** Every entry matching `filter`, newest first, a page at a time (an export of a whole year stays in bounded memory). */
  async *stream(filter: AuditFilter, pageSize = 2000): AsyncGenerator<AuditRow[]> {
    let below: number | null = null;
    for (;;) {
      const query = this.filtered(filter).orderBy('a.seq', 'DESC').limit(pageSize);
      if (below !== null) query.andWhere('a.seq < :below', { below });
      const page = (await query.getRawMany<AuditRow>()).map(normaliseRow);
      if (page.length === 0) return;
      yield page;
      below = page[page.length - 1].seq;
    }
  }

  private filtered(filter: AuditFilter) {
    const query = this.tx
      .manager()
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('a')
      .leftJoin('app_user', 'u', 'u.id = a.actor_id')
      .select([
        'a.seq AS "seq"',
        'a.at AS "at"',
        'a.actor_id AS "actorId"',
        'u.name AS "actorName"',
        'u.email AS "actorEmail"',
        'a.action AS "action"',
        'a.entity_type AS "entityType"',
        'a.entity_id AS "entityId"',
        'a.task_id AS "taskId"',
        'a.before AS "before"',
        'a.after AS "after"',
        'a.detail AS "detail"',
        'a.ip AS "ip"',
      ]);
    if (filter.actor) {
      if (UUID.test(filter.actor)) query.andWhere('a.actor_id = :actor', { actor: filter.actor });
      else query.andWhere('(lower(u.email) = lower(:actor) OR u.name = :actor)', { actor: filter.actor });
    }
    if (filter.action?.endsWith('.*')) query.andWhere('a.action LIKE :prefix', { prefix: `${filter.action.slice(0, -1).replace(/[\\%_]/g, '\\$&')}%` });
    else if (filter.action) query.andWhere('a.action = :action', { action: filter.action });
    if (filter.entityType) query.andWhere('a.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) query.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.from) query.andWhere('a.at >= (:from::date::timestamp AT TIME ZONE :tz)', { from: filter.from, tz: filter.timeZone });
    if (filter.to) query.andWhere('a.at < ((:to::date + 1)::timestamp AT TIME ZONE :tz)', { to: filter.to, tz: filter.timeZone });
    return query;
  }

  /**
   * The chain in order, in pages, so verifying a million entries stays in bounded memory: `COPY … TO STDOUT` on a
   * connection of its own, a range of `RANGE` entries at a time (each by the primary key, in order), made into links
   * here (chain-text.ts: each content written as it was hashed from the row's bytes, hashed there); several
   * times as fast as pages of entities.
   */
  async *walk(range = RANGE): AsyncGenerator<ChainLink[]> {
    const runner = this.tx.manager().connection.createQueryRunner();
    // TypeORM types the driver's connection as any: for PostgreSQL it is the pool's pg client.
    const client = (await runner.connect()) as pg.PoolClient;
    try {
      // The text of timestamptz as the driver expects it (and as every session has it, unless configured otherwise), in
      // UTC: chain-text.ts writes rows from their bytes only so, whatever the server's zone.
      await client.query("SET datestyle = 'ISO'");
      await client.query("SET TimeZone = 'UTC'");
      for (let after = 0; ;) {
        const copy = client.query(
          copyTo(
            `COPY (SELECT ${CHAIN_COLUMNS.join(', ')}
                     FROM audit_log WHERE seq > ${after} ORDER BY seq LIMIT ${range}) TO STDOUT`,
          ),
        );
        let read = 0;
        for await (const page of copyChainLinks(copy, IN_ORDER, IN_ORDER.length, Math.min(range, 5000))) {
          read += page.length;
          after = page[page.length - 1].seq;
          yield page;
        }
        if (read < range) return;
      }
    } finally {
      await client.query('RESET datestyle; RESET TimeZone').catch(() => undefined);
      await runner.release();
    }
  }
}

/** The chain's columns as the walk's COPY lists them: each in its place. */
const IN_ORDER = CHAIN_COLUMNS.map((_, i) => i);

/** Entries per COPY of the walk: a caller that stops early (a broken link) leaves at most this many unread. */
const RANGE = 100_000;
