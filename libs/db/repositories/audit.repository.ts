import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AuditEntryEntity } from '../entities/audit-entry.entity.js';
import { Transactions } from '../transaction.js';

/** Rows per INSERT statement: well under PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 500;

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

  /** The chain in order, a page at a time, so verifying a million entries stays in bounded memory. */
  async *walk(pageSize = 5000): AsyncGenerator<AuditEntryEntity> {
    let after = 0;
    for (;;) {
      const page = await this.tx
        .manager()
        .getRepository(AuditEntryEntity)
        .createQueryBuilder('a')
        .where('a.seq > :after', { after })
        .orderBy('a.seq', 'ASC')
        .limit(pageSize)
        .getMany();
      if (page.length === 0) return;
      yield* page;
      after = page[page.length - 1].seq;
    }
  }
}
