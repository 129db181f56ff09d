import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { dataSourceOptions } from '../db/data-source.js';
import { AuditRepository } from '../db/repositories/audit.repository.js';
import { SeedRepository } from '../db/repositories/seed.repository.js';
import { Transactions } from '../db/transaction.js';
import { readSeedSources } from './seed-files.js';
import { SeedImporter, type SeedReport } from './seed-importer.js';

/**
 * Imports every plan folder under `seedsDir` into the (migrated) database at
 * `databaseUrl`, outside any running app: for `npm run seed`, first start and tests.
 * Throws `SeedValidationError` listing every problem when the seeds are invalid.
 *
 * Wires the importer by hand on a small pool of its own rather than through a Nest
 * context: it runs before the apps start (and beside them in tests), and needs only
 * the same repositories and the same AuditService, so the audit chain stays one chain.
 */
export async function importSeeds(databaseUrl: string, seedsDir: string, options: { onlyIfEmpty?: boolean } = {}): Promise<SeedReport> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, { extra: { max: 2, application_name: 'duban-seed' } }));
  await dataSource.initialize();
  try {
    const tx = new Transactions(dataSource);
    const importer = new SeedImporter(new SeedRepository(tx), new AuditService(new AuditRepository(tx), tx), tx);
    return await importer.import(() => readSeedSources(seedsDir), options);
  } finally {
    await dataSource.destroy();
  }
}
