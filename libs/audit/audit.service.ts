import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../db/repositories/audit.repository.js';
import { Transactions } from '../db/transaction.js';
import { currentOrigin } from '../common/request-origin.js';
import type { AuditAction } from '../vocabulary/audit.js';
import { type ChainBreak, entryHash, GENESIS_HASH, verifyChain } from './audit-chain.js';

export interface AuditEvent {
  actorId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  taskId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  detail?: Record<string, unknown> | null;
  /** Where the change came from, when not from a request Nest handles (whose address is picked up by itself). */
  ip?: string | null;
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
      const requestIp = currentOrigin()?.ip ?? null;
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
          ip: event.ip ?? requestIp,
        };
        const row = { ...content, prevHash, hash: entryHash(prevHash, content) };
        prevHash = row.hash;
        return row;
      });
      await this.entries.insertMany(rows);
    });
  }

  /**
   * A file that left the system: evidence (`entityId` its id) or a report (`entityId` the report's name, e.g.
   * `assessment-2025.xlsx`). Not tied to a task's history, which lists changes only.
   */
  async recordDownload(actorId: string, what: 'evidence' | 'report', entityId: string, detail: Record<string, unknown>): Promise<void> {
    await this.record({ actorId, action: what === 'evidence' ? 'evidence.download' : 'report.download', entityType: what, entityId, detail });
  }

  forTask(taskId: string) {
    return this.entries.listForTask(taskId);
  }

  /** Walks the whole chain (`npm run audit:verify` does the same): the first broken link, or null. */
  async verify(): Promise<{ checked: number; broken: ChainBreak | null }> {
    return verifyChain(this.entries.walk());
  }
}
