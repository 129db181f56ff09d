/**
 * `npm run audit:verify`: walks the audit chain and reports the first broken
 * link. Exit code 0 when the chain holds, 1 when it is broken, 2 when it cannot run.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AuditService } from '../../libs/audit/audit.service.js';
import { loadConfig } from '../../libs/config/app-config.js';
import { dataSourceOptions } from '../../libs/db/data-source.js';
import { startEmbeddedPostgres } from '../../libs/db/embedded-postgres.js';
import { AuditRepository } from '../../libs/db/repositories/audit.repository.js';
import { Transactions } from '../../libs/db/transaction.js';

try {
  const config = loadConfig();
  const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres(config.DATA_DIR);
  const dataSource = new DataSource(dataSourceOptions(config.DATABASE_URL ?? embedded!.url));
  await dataSource.initialize();
  const tx = new Transactions(dataSource);
  const { checked, broken } = await new AuditService(new AuditRepository(tx), tx).verify();
  await dataSource.destroy();
  await embedded?.stop();
  if (broken) console.log(`审计链断裂：第 ${broken.seq} 条记录（${broken.reason}）；此前 ${checked} 条完好`);
  else console.log(`审计链完好：共校验 ${checked} 条记录`);
  process.exit(broken ? 1 : 0);
} catch (error) {
  console.error(`无法校验审计链：${(error as Error).message}`);
  process.exit(2);
}
