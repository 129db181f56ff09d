import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { ADMIN, startApp, type TestApp } from './support/app.js';
import { createTestDatabase, sql } from './support/database.js';
import { call, spawnApi } from './support/processes.js';

const run = promisify(execFile);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A CLI of the build with `env` (no Jest flags): its exit code and what it printed. */
async function cli(script: string, args: string[], env: Record<string, string | undefined>): Promise<{ code: number; out: string }> {
  const childEnv: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'warn', ...env };
  delete childEnv.NODE_OPTIONS;
  for (const [key, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[key];
  try {
    const { stdout, stderr } = await run(process.execPath, [`dist/apps/cli/${script}.js`, ...args], { env: childEnv, timeout: 120_000 });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

/**
 * `npm run backup` while duban runs and `npm run restore` into an empty database (DATABASE_URL, and the embedded
 * default): everything back, verified (rows, the audit chain, every evidence hash); a damaged backup or a target
 * that holds data refused before anything is written.
 */
describe('backup and restore', () => {
  let app: TestApp;
  let backupDir: string;
  const cleanup: Array<() => Promise<void> | void> = [];
  let taskId: string;
  let evidenceId: string;
  let liaisonEmail: string;

  beforeAll(async () => {
    app = await startApp();
    const supervisor = await app.user('supervisor');
    const liaison = await app.user('liaison', 'finance');
    liaisonEmail = liaison.email;
    taskId = (
      await app.as(supervisor.token).post('/api/v1/tasks').send({ title: '备份测试任务', leadDepartment: 'finance', dueDate: '2031-06-30' }).expect(201)
    ).body.id;
    evidenceId = (await app.as(liaison.token).post(`/api/v1/tasks/${taskId}/evidence`).attach('file', PDF, '拨付凭证.pdf').expect(201)).body.id;
    backupDir = join(mkdtempSync(join(tmpdir(), 'duban-backup-')), 'backup');
    cleanup.push(() => rmSync(join(backupDir, '..'), { recursive: true, force: true }));
  });
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
    await app?.close();
  });

  it('backs up while duban answers requests: the database from one snapshot, the evidence, a manifest of hashes', async () => {
    // Sessions on Shanghai's time (as a server configured for it gives them): the files are written in UTC all the same.
    const shanghai = new URL(app.databaseUrl);
    shanghai.searchParams.set('options', '-c TimeZone=Asia/Shanghai');
    expect(await sql(shanghai.toString(), 'SHOW TimeZone')).toEqual([{ TimeZone: 'Asia/Shanghai' }]);
    const source = { DATABASE_URL: shanghai.toString(), DATA_DIR: app.dataDir };
    const busy = (async () => {
      const token = await app.login(ADMIN.email, ADMIN.password);
      for (let i = 0; i < 20; i++) await app.as(token).get('/api/v1/tasks?limit=5').expect(200);
    })();
    const result = await cli('backup', [backupDir], source);
    await busy;
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('已备份到') });
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as {
      database: { rowCounts: Record<string, number>; evidence: Array<{ storageKey: string; sha256: string }> };
      files: Record<string, string>;
    };
    const [{ n: tasks }] = await sql<{ n: number }>(app.databaseUrl, 'SELECT count(*)::int AS n FROM task');
    expect(manifest.database.rowCounts.task).toBe(tasks);
    expect(manifest.database.evidence).toEqual([expect.objectContaining({ sha256: createHash('sha256').update(PDF).digest('hex') })]);
    expect(Object.keys(manifest.files)).toEqual(
      expect.arrayContaining(['database/task.copy', 'database/audit_log.copy', `evidence/${manifest.database.evidence[0].storageKey}`]),
    );
    // The audit chain's times in UTC to the millisecond, as the restore reads its links from the file's bytes.
    const audit = readFileSync(join(backupDir, 'database', 'audit_log.copy'), 'utf8');
    const times = [...audit.matchAll(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?([+-]\d\d)(?=\t|\n)/g)].map((m) => m[1]);
    expect(times.length).toBeGreaterThan(0);
    expect(new Set(times)).toEqual(new Set(['+00']));
    // Into a folder that holds something it does not write.
    expect((await cli('backup', [backupDir], source)).code).toBe(2);
  });

  it('names an evidence file altered or missing since its upload, and still backs up the rest', async () => {
    const source = { DATABASE_URL: app.databaseUrl, DATA_DIR: app.dataDir };
    const [{ storageKey }] = await sql<{ storageKey: string }>(app.databaseUrl, 'SELECT storage_key AS "storageKey" FROM evidence WHERE id = $1', [evidenceId]);
    const stored = join(app.dataDir, 'evidence', storageKey);
    const scratch = mkdtempSync(join(tmpdir(), 'duban-backup-evidence-'));
    cleanup.push(() => rmSync(scratch, { recursive: true, force: true }));
    try {
      writeFileSync(stored, Buffer.concat([PDF, Buffer.from('%altered')]));
      const altered = await cli('backup', [join(scratch, 'altered')], source);
      expect(altered).toMatchObject({ code: 1, out: expect.stringContaining(`佐证文件与登记的 SHA-256 不符：${storageKey}`) });
      expect(existsSync(join(scratch, 'altered', 'manifest.json'))).toBe(true);
      rmSync(stored);
      const missing = await cli('backup', [join(scratch, 'missing')], source);
      expect(missing).toMatchObject({ code: 1, out: expect.stringContaining(`无法读取佐证文件 ${storageKey}`) });
    } finally {
      writeFileSync(stored, PDF);
    }
  });

  it('restores into an empty DATABASE_URL, verifies it, and duban runs on it', async () => {
    const target = await createTestDatabase({ blank: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'duban-restored-'));
    cleanup.push(
      () => target.drop(),
      () => rmSync(dataDir, { recursive: true, force: true }),
    );
    const result = await cli('restore', [backupDir], { DATABASE_URL: target.url, DATA_DIR: dataDir });
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('已恢复并校验') });
    expect(result.out).toMatch(/审计链 \d+ 条完好（载入时由备份文件重算），佐证材料 1 个哈希一致/);

    const api = await spawnApi({
      DATABASE_URL: target.url,
      DATA_DIR: dataDir,
      SEED_ON_START: 'false',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    });
    cleanup.push(() => api.stop().then(() => undefined));
    const login = await call(api.url, 'POST', '/api/v1/auth/login', undefined, { email: liaisonEmail, password: 'password-123' });
    expect(login.status).toBe(200);
    const token = login.body.accessToken as string;
    expect((await call(api.url, 'GET', `/api/v1/tasks/${taskId}`, token)).body).toMatchObject({ title: '备份测试任务' });
    const file = await fetch(`${api.url}/api/v1/tasks/${taskId}/evidence/${evidenceId}`, { headers: { authorization: `Bearer ${token}` } });
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);

    // Restoring again over what is now there is refused.
    expect(await cli('restore', [backupDir], { DATABASE_URL: target.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'duban-again-')) })).toMatchObject({
      code: 2,
      out: expect.stringContaining('目标数据库已有数据'),
    });
  });

  it('refuses a damaged backup before writing anything', async () => {
    const damaged = join(backupDir, '..', 'damaged');
    cpSync(backupDir, damaged, { recursive: true });
    const evidenceFile = join(damaged, 'evidence', readdirSync(join(damaged, 'evidence'))[0]);
    const inner = readdirSync(evidenceFile);
    writeFileSync(join(evidenceFile, inner[0]), Buffer.concat([PDF, Buffer.from('x')]));
    const target = await createTestDatabase({ blank: true });
    cleanup.push(() => target.drop());
    const result = await cli('restore', [damaged], { DATABASE_URL: target.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'duban-damaged-')) });
    expect(result).toMatchObject({ code: 1, out: expect.stringContaining('文件内容与清单中的 SHA-256 不符') });
    expect(await sql(target.url, "SELECT 1 FROM pg_tables WHERE schemaname = 'public'")).toEqual([]);
  });

  it('undoes the load and the migrations when a table file differs from the manifest (hashed as it loads)', async () => {
    const damaged = join(backupDir, '..', 'damaged-table');
    cpSync(backupDir, damaged, { recursive: true });
    const table = join(damaged, 'database', 'audit_log.copy');
    const bytes = readFileSync(table);
    bytes[bytes.length - 2] ^= 1;
    writeFileSync(table, bytes);
    const target = await createTestDatabase({ blank: true });
    cleanup.push(() => target.drop());
    const dataDir = mkdtempSync(join(tmpdir(), 'duban-damaged-table-'));
    const result = await cli('restore', [damaged], { DATABASE_URL: target.url, DATA_DIR: dataDir });
    expect(result).toMatchObject({ code: 1, out: expect.stringContaining('文件内容与清单中的 SHA-256 不符：database/audit_log.copy') });
    expect(await sql(target.url, "SELECT 1 FROM pg_tables WHERE schemaname = 'public'")).toEqual([]);
    expect(existsSync(join(dataDir, 'evidence'))).toBe(false);
  });

  // The chain is recomputed from the file in stretches (a worker each), so an entry of the first and of the last.
  it.each([
    ['first', 0],
    ['last', -1],
  ])('names the first broken link of an audit chain altered before the backup was hashed (the %s entry)', async (which, index) => {
    // As if the chain had been altered in the database before the backup: the file and its manifest entry agree.
    const altered = join(backupDir, '..', `altered-chain-${which}`);
    cpSync(backupDir, altered, { recursive: true });
    const table = join(altered, 'database', 'audit_log.copy');
    const lines = readFileSync(table, 'utf8').split('\n');
    const at = index < 0 ? lines.length - 2 : index; // the file ends in a newline
    const fields = lines[at].split('\t');
    fields[3] = 'task.tampered'; // action (seq, at, actor_id, action, …)
    lines[at] = fields.join('\t');
    writeFileSync(table, lines.join('\n'));
    const manifestPath = join(altered, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: Record<string, string> };
    manifest.files['database/audit_log.copy'] = createHash('sha256').update(readFileSync(table)).digest('hex');
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const target = await createTestDatabase({ blank: true });
    cleanup.push(() => target.drop());
    const result = await cli('restore', [altered], { DATABASE_URL: target.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'duban-altered-chain-')) });
    expect(result).toMatchObject({ code: 1, out: expect.stringContaining(`审计链在第 ${fields[0]} 条断裂（content does not match its hash）`) });
    // In `seq` order: the first entry is 1, the last the count of entries.
    expect(fields[0]).toBe(String(index < 0 ? lines.length - 1 : 1));
  });

  it('restores into a new DATA_DIR on the embedded server (the default), whatever server the backup came from', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'duban-embedded-restore-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const result = await cli('restore', [backupDir], { DATA_DIR: dataDir, DATABASE_URL: undefined, REDIS_URL: undefined });
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('已恢复并校验') });
  }, 120_000);
});
