import type { DataSource, EntityManager } from 'typeorm';
import { Transactions } from './transaction.js';

/** A data source whose transactions hand out numbered managers (the context logic needs nothing more). */
function fakeDataSource() {
  let opened = 0;
  const pool = { name: 'pool' } as unknown as EntityManager;
  const dataSource = {
    manager: pool,
    transaction: async <T>(work: (manager: EntityManager) => Promise<T>) => work({ name: `tx-${++opened}` } as unknown as EntityManager),
  } as unknown as DataSource;
  return { dataSource, pool };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
const nameOf = (manager: EntityManager) => (manager as unknown as { name: string }).name;

describe('transactions carried by async context', () => {
  it('keeps each open transaction its own manager while others start and end, and the pool outside them', async () => {
    const { dataSource, pool } = fakeDataSource();
    const tx = new Transactions(dataSource);
    expect(tx.manager()).toBe(pool);
    let releaseLong!: () => void;
    const longHeld = new Promise<void>((resolve) => (releaseLong = resolve));
    const seen: string[] = [];

    const long = tx.run(async () => {
      seen.push(`long:${nameOf(tx.manager())}`);
      await longHeld;
      await tick();
      seen.push(`long after short ended:${nameOf(tx.manager())}`);
      // Nested: the open transaction, not a new one.
      await tx.run(async () => seen.push(`nested:${nameOf(tx.manager())}`));
    });
    await tick();
    await tx.run(async () => {
      await tick();
      seen.push(`short:${nameOf(tx.manager())}`);
    });
    expect(tx.manager()).toBe(pool);
    releaseLong();
    await long;
    expect(tx.manager()).toBe(pool);
    await tx.run(async () => seen.push(`later:${nameOf(tx.manager())}`));
    expect(seen).toEqual(['long:tx-1', 'short:tx-2', 'long after short ended:tx-1', 'nested:tx-1', 'later:tx-3']);
    expect(tx.manager()).toBe(pool);
  });
});
