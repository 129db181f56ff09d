import { Injectable } from '@nestjs/common';
import { DomainError, InvalidInputError } from '../common/errors.js';
import type { Actor } from '../common/roles.js';
import { Transactions } from '../db/transaction.js';
import { TaskService } from './task.service.js';
import { BULK_MESSAGES } from './tasks.messages.js';

export interface BulkChange {
  /** Null makes each task open-ended (refused, as by PATCH, for a task without a cycle). */
  dueDate?: string | null;
  assigneeId?: string;
  supervisorId?: string;
  coDepartments?: string[];
}

/**
 * One change to many tasks, all or nothing: each task goes through the same update as
 * `PATCH /tasks/:id` (its version checked, its change audited), in one transaction, so
 * one stale version or one refused value leaves every task as it was.
 */
@Injectable()
export class TaskBulkService {
  constructor(
    private readonly tasks: TaskService,
    private readonly tx: Transactions,
  ) {}

  async update(actor: Actor, items: Array<{ id: string; version: number }>, change: BulkChange): Promise<{ updated: number }> {
    const fields = change;
    if (Object.keys(fields).length === 0) throw new InvalidInputError(BULK_MESSAGES.nothingToChange);
    const ids = items.map((i) => i.id);
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (twice.length > 0) throw new InvalidInputError(BULK_MESSAGES.repeatedIds([...new Set(twice)]));
    // In id order, so two bulk changes over overlapping tasks lock them in the same order.
    const ordered = [...items].sort((a, b) => a.id.localeCompare(b.id));
    return this.tx.run(async () => {
      for (const item of ordered) {
        await this.tasks.update(actor, item.id, { ...fields, version: item.version }).catch((error: unknown) => {
          if (!(error instanceof DomainError)) throw error;
          const Refusal = error.constructor as new (message: string) => DomainError;
          throw new Refusal(BULK_MESSAGES.itemRefused(item.id, error.message));
        });
      }
      return { updated: items.length };
    });
  }
}
