import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';
import { loggedClientClass } from './pg-client.js';
import { Transactions } from './transaction.js';

/** TypeORM options for duban's schema. The schema comes from migrations only. */
export function dataSourceOptions(url: string, options: Partial<DataSourceOptions> & { extra?: Record<string, unknown> } = {}): DataSourceOptions {
  // TypeORM types `extra` as any; this signature narrows it to the pool settings.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
  const { extra, ...rest } = options;
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'all',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // `max`: the pool's size (DB_POOL_SIZE for the app's own pool). connectionTimeoutMillis: while the server is
    // unreachable a request waits at most this for a connection, then is a 503.
    // Client: the pool's clients log a dropped session instead of crashing the process (libs/db/pg-client.ts).
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- as above
    extra: { max: 20, application_name: 'duban', connectionTimeoutMillis: 5000, Client: loggedClientClass('duban'), ...extra },
    ...rest,
  } as DataSourceOptions;
}

/**
 * Runs `work` with the transaction context of a small pool of its own (`extra` names and sizes it),
 * for code that runs outside the apps (the seed importer); the pool is closed afterwards.
 */
export async function withOwnPool<T>(url: string, extra: Record<string, unknown>, work: (tx: Transactions) => Promise<T>): Promise<T> {
  const dataSource = new DataSource(dataSourceOptions(url, { extra }));
  await dataSource.initialize();
  try {
    return await work(new Transactions(dataSource));
  } finally {
    await dataSource.destroy();
  }
}

/** Opens two connections (one holds the lock), runs pending migrations under a lock (many processes may start at once), closes it. */
export async function migrateDatabase(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url, { extra: { max: 2 } }));
  await dataSource.initialize();
  try {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock(hashtext($1))', ['duban:migrate']);
      const done = await dataSource.runMigrations({ transaction: 'all' });
      return done.map((m) => m.name);
    } finally {
      // On a session the server ended the lock went with it: the migration's own error is the one to report.
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', ['duban:migrate']).catch(() => undefined);
      await runner.release();
    }
  } finally {
    await dataSource.destroy();
  }
}
