import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs work in one database transaction without services touching TypeORM:
 * repositories pick the transaction's manager up from async context.
 */
@Injectable()
export class Transactions {
  private readonly context = new AsyncLocalStorage<EntityManager>();
  /** Transactions open in this process. */
  private open = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction, or inside the one already open. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.context.getStore()) return work();
    this.open++;
    return this.dataSource
      .transaction((manager) => this.context.run(manager, work))
      .finally(() => {
        // On Node 20 an AsyncLocalStorage, once run, hooks every promise the process makes: about a tenth of a
        // read's CPU. With no transaction open there is no context to carry, so it sleeps until the next run().
        if (--this.open === 0) this.context.disable();
      });
  }

  /** The current transaction's manager, or the pool's. */
  manager(): EntityManager {
    return this.context.getStore() ?? this.dataSource.manager;
  }
}
