import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS } from '../libs/db/migrations/index.js';
import { createTestDatabase, sql } from './support/database.js';
import { type ApiProcess, spawnApi } from './support/processes.js';

/**
 * Two API processes started at the same moment on a database nobody has migrated yet (a fresh deployment of
 * two instances): one migrates and imports the plan under the lock, the other waits for it; each migration is
 * applied once, the plan imported once, one administrator made.
 */
describe('two API processes starting together on an empty database', () => {
  let db: { url: string; drop(): Promise<void> };
  const dirs: string[] = [];
  let apis: ApiProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ blank: true });
  });
  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    await db?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('migrates once, imports the plan once and makes one administrator', async () => {
    const env = () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'duban-concurrent-'));
      dirs.push(dataDir);
      return {
        DATABASE_URL: db.url,
        DATA_DIR: dataDir,
        ADMIN_EMAIL: 'admin@duban.local',
        ADMIN_PASSWORD: 'Chief-Pass-2026',
        SEED_ON_START: 'true',
        LOG_LEVEL: 'info',
      };
    };
    apis = await Promise.all([spawnApi(env(), 90_000), spawnApi(env(), 90_000)]);
    const migrations = await sql<{ name: string; n: number }>(db.url, 'SELECT name, count(*)::int AS n FROM schema_migration GROUP BY name');
    expect(migrations).toHaveLength(MIGRATIONS.length);
    expect(migrations.every((m) => m.n === 1)).toBe(true);
    const [{ plans }] = await sql<{ plans: number }>(db.url, 'SELECT count(*)::int AS plans FROM plan');
    expect(plans).toBe(1);
    const [{ admins }] = await sql<{ admins: number }>(db.url, "SELECT count(*)::int AS admins FROM app_user WHERE role = 'admin'");
    expect(admins).toBe(1);
    const imports = apis.map((api) => api.output().includes('首次启动，已导入规划种子'));
    expect(imports.filter(Boolean)).toHaveLength(1);
  }, 120_000);
});
