import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MIGRATIONS } from '../libs/db/migrations/index.js';
import { ROLLING_UPGRADE } from '../libs/db/migrations/rolling.js';
import { createTestDatabase, sql } from './support/database.js';
import { type ApiProcess, call, createUser, login, spawnApi } from './support/processes.js';

const ADMIN_PASSWORD = 'Chief-Pass-2026';
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();

/**
 * The previous version: this checkout at the commit before the newest migration was added, its files written out
 * by `git archive` and built with this checkout's packages.
 */
function buildPreviousVersion(dir: string): { commit: string; migration: string } {
  if (git('rev-parse', '--is-shallow-repository') === 'true')
    throw new Error('a shallow clone has no previous version: clone with history (git clone without --depth)');
  const newest = readdirSync('libs/db/migrations')
    .filter((f) => /^\d+-\w+\.ts$/.test(f))
    .sort()
    .at(-1)!;
  const added = git('log', '--diff-filter=A', '--format=%H', '-1', '--', `libs/db/migrations/${newest}`);
  const commit = git('rev-parse', `${added}^`);
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C ${dir}`]);
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  execFileSync(
    process.execPath,
    [resolve('node_modules/@swc/cli/bin/swc.js'), 'apps', 'libs', '-d', 'dist', '--copy-files', '--quiet', '--ignore', 'apps/web/**'],
    {
      cwd: dir,
    },
  );
  return { commit, migration: newest.replace(/^(\d+)-(\w+)\.ts$/, '$2$1') };
}

/**
 * A rolling upgrade (issue 19): the previous version's API serves under load while this version's API starts on the
 * same database and runs the new migrations; the old process keeps answering every request, before, during and after,
 * and both see the same data. Which migrations may run this way is declared in libs/db/migrations/rolling.ts.
 */
describe('a rolling upgrade from the previous version', () => {
  let db: { url: string; drop(): Promise<void> };
  let previous: { commit: string; migration: string };
  const oldTree = mkdtempSync(join(tmpdir(), 'duban-previous-'));
  const dataDirs = [mkdtempSync(join(tmpdir(), 'duban-rolling-old-')), mkdtempSync(join(tmpdir(), 'duban-rolling-new-'))];
  let oldApi: ApiProcess | undefined;
  let newApi: ApiProcess | undefined;

  beforeAll(async () => {
    previous = buildPreviousVersion(oldTree);
    db = await createTestDatabase({ blank: true });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([oldApi?.stop(), newApi?.stop()]);
    await db?.drop();
    for (const dir of [oldTree, ...dataDirs]) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the old process answering while the new one migrates, and both serve the same tasks', async () => {
    expect({ migration: previous.migration, online: ROLLING_UPGRADE[previous.migration]?.online ?? true }).toEqual({
      migration: previous.migration,
      online: true,
    });
    const env = { DATABASE_URL: db.url, ADMIN_EMAIL: 'admin@duban.local', ADMIN_PASSWORD, LOG_LEVEL: 'warn' };
    oldApi = await spawnApi({ ...env, DATA_DIR: dataDirs[0] }, 120_000, 'dist/apps/api/main.js', oldTree);
    const applied = async () => (await sql<{ name: string }>(db.url, 'SELECT name FROM schema_migration')).map((r) => r.name);
    expect(await applied()).not.toContain(previous.migration);

    const admin = (await call(oldApi.url, 'POST', '/api/v1/auth/login', undefined, { email: 'admin@duban.local', password: ADMIN_PASSWORD })).body
      .accessToken as string;
    const supervisor = await createUser(oldApi.url, admin, 'sup-rolling@taixing.gov.cn', 'supervisor');
    const liaison = await createUser(oldApi.url, admin, 'lia-rolling@taixing.gov.cn', 'liaison', 'finance');

    // The old process under a supervisor's and a liaison's work all through the upgrade.
    const answers: string[] = [];
    const created: string[] = [];
    let stop = false;
    const load = (async () => {
      for (let i = 0; !stop; i++) {
        const task = await call(oldApi.url, 'POST', '/api/v1/tasks', supervisor.token, {
          title: `滚动升级 ${i}`,
          leadDepartment: 'finance',
          dueDate: '2031-06-30',
        });
        answers.push(`POST /tasks ${task.status}`);
        if (task.status !== 201) continue;
        created.push(task.body.id as string);
        answers.push(`accept ${(await call(oldApi.url, 'POST', `/api/v1/tasks/${task.body.id as string}/accept`, liaison.token, {})).status}`);
        answers.push(`GET /tasks ${(await call(oldApi.url, 'GET', '/api/v1/tasks?limit=20', liaison.token)).status}`);
        answers.push(`GET /dashboard ${(await call(oldApi.url, 'GET', '/api/v1/dashboard', supervisor.token)).status}`);
      }
    })();

    newApi = await spawnApi({ ...env, DATA_DIR: dataDirs[1] }, 120_000);
    expect(await applied()).toEqual(MIGRATIONS.map((m) => new m().name));
    // A few more rounds on the old process after the schema changed under it.
    const rounds = answers.length + 16;
    while (answers.length < rounds) await new Promise((r) => setTimeout(r, 100));
    stop = true;
    await load;

    expect(answers.filter((a) => !/ 20[01]$/.test(a))).toEqual([]);
    // Signed in afresh: a token of an older version may be refused by a newer one (DEPLOY.md §7 says when).
    const seen = await call(newApi.url, 'GET', `/api/v1/tasks/${created.at(-1)}`, await login(newApi.url, liaison.email, 'password-123'));
    expect([seen.status, seen.body.status]).toEqual([200, 'in_progress']);
    expect(oldApi.child.exitCode).toBeNull();
  }, 300_000);
});
