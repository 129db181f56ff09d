import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A fresh database copied from the migrated template, with the plan imported
 * (or without, for `{ seeded: false }`; or not even migrated, for `{ blank: true }`); dropped by `drop()`.
 */
export async function createTestDatabase(options: { seeded?: boolean; blank?: boolean } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.DUBAN_TEST_ADMIN_URL;
  const template = process.env.DUBAN_TEST_TEMPLATE;
  if (!adminUrl || !template) throw new Error('test/global-setup.ts did not run');
  const name = `duban_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(options.blank ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${template}${options.seeded === false ? '_empty' : ''}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Runs one SQL statement against `url` (for assertions and for tampering in tests). */
export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
