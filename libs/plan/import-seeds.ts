import { AuditService } from '../audit/audit.service.js';
import { withOwnPool } from '../db/data-source.js';
import { AuditRepository } from '../db/repositories/audit.repository.js';
import { SeedRepository } from '../db/repositories/seed.repository.js';
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
  return withOwnPool(databaseUrl, { max: 2, application_name: 'duban-seed' }, (tx) => {
    const importer = new SeedImporter(new SeedRepository(tx), new AuditService(new AuditRepository(tx), tx), tx);
    return importer.import(() => readSeedSources(seedsDir), options);
  });
}
