/**
 * Writes a migration for the difference between the entities and the schema the
 * existing migrations build (`npm run migration:generate -- Name`). With `--check`
 * it writes nothing and fails when there is a difference (CI runs it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrateDatabase } from '../../libs/db/data-source.js';
import { startEmbeddedPostgres } from '../../libs/db/embedded-postgres.js';

const check = process.argv.includes('--check');
const name = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'Schema';
const dir = mkdtempSync(join(tmpdir(), 'duban-migration-'));
const db = await startEmbeddedPostgres(dir);
try {
  await migrateDatabase(db.url);
  const dataSource = new DataSource(dataSourceOptions(db.url));
  await dataSource.initialize();
  const sql = await dataSource.driver.createSchemaBuilder().log();
  await dataSource.destroy();
  if (sql.upQueries.length === 0) {
    console.log('The entities match the migrations.');
  } else if (check) {
    console.error('The entities differ from the migrations; run npm run migration:generate -- Name:');
    for (const q of sql.upQueries) console.error(`  ${q.query}`);
    process.exitCode = 1;
  } else {
    const stamp = Date.now();
    const className = `${name}${stamp}`;
    const line = (q: { query: string; parameters?: unknown[] }) =>
      `    await runner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`;
    const file = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(runner: QueryRunner): Promise<void> {
${sql.upQueries.map(line).join('\n')}
  }

  async down(runner: QueryRunner): Promise<void> {
${sql.downQueries.reverse().map(line).join('\n')}
  }
}
`;
    const path = join('libs/db/migrations', `${stamp}-${name}.ts`);
    writeFileSync(path, file);
    console.log(`Wrote ${path}; add it to libs/db/migrations/index.ts`);
  }
} finally {
  await db.stop();
  rmSync(dir, { recursive: true, force: true });
}
