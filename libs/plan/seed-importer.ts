import { Injectable } from '@nestjs/common';
import { assigneeCleared } from '../audit/audit-details.js';
import { AuditService } from '../audit/audit.service.js';
import { SeedRepository } from '../db/repositories/seed.repository.js';
import { Transactions } from '../db/transaction.js';
import { SeedValidationError, type SeedSource } from './seed-files.js';
import {
  desiredRecords,
  diffRecords,
  ownershipProblems,
  SEED_KINDS,
  type SeedDiff,
  type SeedKind,
  storedRecords,
  type StoredRecord,
  toColumns,
} from './seed-diff.js';
import { validateSeeds } from './seed-validate.js';

export type KindCounts = Record<SeedKind, number>;

export interface SeedReport {
  /** True when `onlyIfEmpty` found a plan already imported and did nothing. */
  skipped: boolean;
  plans: string[];
  /** Records the seeds describe, yearly tasks counted once per year. */
  records: KindCounts;
  created: KindCounts;
  updated: KindCounts;
  unchanged: number;
  /** Records of the imported plans that the seeds no longer list; kept, since work may point to them. */
  missing: Array<{ kind: SeedKind; key: string }>;
  /** Seeded tasks carried over (结转) into another plan: the seeds no longer own them, so they are left as they are. */
  carriedOver: string[];
  durationMs: number;
}

const zero = (): KindCounts => Object.fromEntries(SEED_KINDS.map((k) => [k, 0])) as KindCounts;

/**
 * Loads plan seeds in one transaction: validate, compare with the database, then
 * create and update only what differs, one audit entry (actor null) per record.
 * Only seed-owned fields are written, so a task's status, assignee and progress
 * survive a re-import, and its version moves only when its seed fields change.
 */
@Injectable()
export class SeedImporter {
  constructor(
    private readonly seeds: SeedRepository,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
  ) {}

  /**
   * Imports what `read` returns. With `onlyIfEmpty` (first start) nothing is read
   * once any plan exists, so a later broken seed file cannot stop the app from starting.
   */
  async import(read: () => SeedSource[], options: { onlyIfEmpty?: boolean } = {}): Promise<SeedReport> {
    const started = performance.now();
    const report = await this.tx.run(async (): Promise<Omit<SeedReport, 'durationMs'>> => {
      await this.seeds.lock();
      if (options.onlyIfEmpty && (await this.seeds.hasPlan())) {
        return { skipped: true, plans: [], records: zero(), created: zero(), updated: zero(), unchanged: 0, missing: [], carriedOver: [] };
      }
      const { plans, problems } = validateSeeds(read());
      if (problems.length > 0) throw new SeedValidationError(problems);
      const allDesired = desiredRecords(plans);
      const allStored = storedRecords(await this.seeds.snapshot());
      // A task carried over into another plan has left its seeds: not pulled back, changed or made again.
      const carried = await this.seeds.carriedTaskIds();
      const isCarried = (r: StoredRecord) => r.kind === 'task' && carried.has(r.id);
      const carriedCodes = new Set(allStored.filter(isCarried).map((r) => r.key));
      const desired = allDesired.filter((r) => !(r.kind === 'task' && carriedCodes.has(r.key)));
      const stored = allStored.filter((r) => !isCarried(r));
      const taken = ownershipProblems(desired, stored);
      if (taken.length > 0) throw new SeedValidationError(taken);
      const diff = diffRecords(desired, stored, new Set(plans.map((p) => p.code)));
      await this.apply(diff, allStored);
      const records = zero();
      for (const r of allDesired) records[r.kind] += 1;
      const created = zero();
      for (const r of diff.create) created[r.kind] += 1;
      const updated = zero();
      for (const r of diff.update) updated[r.kind] += 1;
      return {
        skipped: false,
        plans: plans.map((p) => p.code),
        records,
        created,
        updated,
        unchanged: diff.unchanged,
        missing: diff.missing.map((r) => ({ kind: r.kind, key: r.key })),
        carriedOver: allDesired.filter((r) => r.kind === 'task' && carriedCodes.has(r.key)).map((r) => r.key),
      };
    });
    return { ...report, durationMs: Math.round(performance.now() - started) };
  }

  private async apply(diff: SeedDiff, stored: StoredRecord[]): Promise<void> {
    const ids = new Map(stored.map((r) => [`${r.kind} ${r.key}`, r.id]));
    const idOf = (kind: SeedKind, key: string) => ids.get(`${kind} ${key}`);
    for (const record of diff.create) {
      const id = await this.seeds.insert(record.kind, toColumns(record, record.fields, idOf, true));
      ids.set(`${record.kind} ${record.key}`, id);
      await this.audit.record({
        actorId: null,
        action: 'seed.create',
        entityType: record.kind,
        entityId: id,
        taskId: record.kind === 'task' ? id : null,
        after: record.fields,
        detail: { key: record.key, file: record.origin?.file ?? null },
      });
    }
    // After the creates, so a changed parent, plan or duty can name a record created just now.
    for (const change of diff.update) {
      await this.seeds.update(change.kind, change.id, toColumns(change, change.after, idOf, false));
      // As PATCH and the 分工表 import do: a task moved to another lead department leaves its assignee (of the old one).
      const unassigned = change.kind === 'task' && 'leadDepartmentCode' in change.after ? await this.seeds.clearAssignee(change.id) : null;
      await this.audit.record({
        actorId: null,
        action: 'seed.update',
        entityType: change.kind,
        entityId: change.id,
        taskId: change.kind === 'task' ? change.id : null,
        before: unassigned ? { ...change.before, assigneeId: unassigned } : change.before,
        after: unassigned ? { ...change.after, assigneeId: null } : change.after,
        detail: {
          key: change.key,
          file: change.origin?.file ?? null,
          ...(unassigned ? assigneeCleared(unassigned, change.before.leadDepartmentCode as string) : {}),
        },
      });
    }
  }
}

const KIND_LABEL: Record<SeedKind, string> = {
  plan: '规划',
  plan_section: '章节',
  plan_clause: '条文',
  department: '部门',
  duty: '职责',
  indicator: '指标',
  task: '任务',
};

/** One line for people: per kind, how many records the seeds hold and what changed. */
export function describeSeedReport(r: SeedReport): string {
  const kinds = SEED_KINDS.map((k) => {
    const changes = [r.created[k] ? `新建 ${r.created[k]}` : '', r.updated[k] ? `更新 ${r.updated[k]}` : ''].filter(Boolean).join('、');
    return `${KIND_LABEL[k]} ${r.records[k]}${changes ? `（${changes}）` : ''}`;
  });
  return `${kinds.join('，')}；${r.unchanged} 条未变，用时 ${r.durationMs} ms`;
}
