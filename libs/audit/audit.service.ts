import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../db/repositories/audit.repository.js';
import { Transactions } from '../db/transaction.js';
import type { AuditAction } from '../vocabulary/audit.js';
import { entryHash, GENESIS_HASH, verifyChain } from './audit-chain.js';

export interface AuditEvent {
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  taskId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  detail?: Record<string, unknown> | null;
}

/** Records who changed what, when: one chained entry per state change, in the change's transaction. */
@Injectable()
export class AuditService {
  constructor(
    private readonly entries: AuditRepository,
    private readonly tx: Transactions,
  ) {}

  /** Appends an entry; call inside the transaction of the change it records. */
  async record(event: AuditEvent): Promise<void> {
    await this.recordMany([event]);
  }

  /** Appends entries in order under one lock of the chain head (an import audits each of thousands of tasks). */
  async recordMany(events: AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.tx.run(async () => {
      const head = await this.entries.lockChainHead();
      let seq = head?.seq ?? 0;
      let prevHash = head?.hash ?? GENESIS_HASH;
      const at = new Date();
      const rows = events.map((event) => {
        const content = {
          seq: ++seq,
          at,
          actorId: event.actorId,
          action: event.action,
          entityType: event.entityType,
          entityId: event.entityId,
          taskId: event.taskId ?? null,
          // A JSON round trip stores exactly what is hashed (no undefined, no class instances).
          before: event.before ? (JSON.parse(JSON.stringify(event.before)) as Record<string, unknown>) : null,
          after: event.after ? (JSON.parse(JSON.stringify(event.after)) as Record<string, unknown>) : null,
          detail: event.detail ? (JSON.parse(JSON.stringify(event.detail)) as Record<string, unknown>) : null,
        };
        const row = { ...content, prevHash, hash: entryHash(prevHash, content) };
        prevHash = row.hash;
        return row;
      });
      await this.entries.insertMany(rows);
    });
  }

  forTask(taskId: string) {
    return this.entries.listForTask(taskId);
  }

  verify() {
    return verifyChain(this.entries.walk());
  }
}
