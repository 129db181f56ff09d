import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureOutput } from './support/child-output.js';
import { createTestDatabase } from './support/database.js';
import { waitFor } from './support/worker.js';

/** The API process as `npm run start:api` runs it (from the build `npm test` makes first). */
function startApi(env: Record<string, string>) {
  const childEnv: Record<string, string | undefined> = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env };
  delete childEnv.NODE_OPTIONS;
  delete childEnv.ADMIN_PASSWORD;
  const child: ChildProcess = spawn(process.execPath, ['dist/apps/api/main.js'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = captureOutput(child, childEnv);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output };
}

describe('starting and stopping', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-start-'));
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(() => db.drop());

  it('refuses to start on a bad policy file, naming the step and field', async () => {
    const policy = join(dataDir, 'bad-policy.yaml');
    writeFileSync(policy, 'warnBefore: P3D\nsteps:\n  - { at: -P7D, to: [assignee], template: reminder }\n  - { at: P1D, to: [boss], template: reminder }\n');
    const api = startApi({ DATABASE_URL: db.url, DATA_DIR: dataDir, ESCALATION_POLICY: policy });
    expect(await api.exited).toBe(1);
    expect(api.output()).toContain('steps[1].to');
    expect(api.output()).toContain('boss');
  });

  it.each([
    ['weights not adding up to 100', 'metrics: { onTimeRate: 40, evidenceShare: 20 }\n', 'metrics: weights must add up to 100, they add up to 60'],
    ['an unknown metric', 'metrics: { onTimeRate: 60, speed: 40 }\n', 'metrics.speed: unknown metric'],
    ['negative points', 'metrics: { onTimeRate: 100 }\ndeductions: { turnedRed: -1 }\n', 'deductions.turnedRed: must not be negative'],
  ])('refuses to start on a bad assessment rubric (%s), naming the field', async (_case, yaml, message) => {
    const rubric = join(dataDir, 'bad-rubric.yaml');
    writeFileSync(rubric, yaml);
    const api = startApi({ DATABASE_URL: db.url, DATA_DIR: dataDir, ASSESSMENT_RUBRIC: rubric });
    expect(await api.exited).toBe(1);
    expect(api.output()).toContain(`${rubric}: ${message}`);
  });

  it('refuses a bad setting, naming the variable', async () => {
    const api = startApi({ DATABASE_URL: db.url, DATA_DIR: dataDir, PORT: 'eighty' });
    expect(await api.exited).toBe(1);
    expect(api.output()).toContain('PORT');
  });

  it('refuses an S3 evidence store without a bucket, naming the setting', async () => {
    const api = startApi({ DATABASE_URL: db.url, DATA_DIR: dataDir, EVIDENCE_STORE: 's3', S3_ACCESS_KEY_ID: 'key-only' });
    expect(await api.exited).toBe(1);
    expect(api.output()).toContain('S3_BUCKET is required when EVIDENCE_STORE=s3');
    expect(api.output()).toContain('S3_SECRET_ACCESS_KEY');
  });

  it('prints a first administrator password once, and stops cleanly on SIGTERM', async () => {
    const first = startApi({ DATABASE_URL: db.url, DATA_DIR: dataDir, ADMIN_EMAIL: 'root@duban.local' });
    await waitFor('the API to listen', () => first.output().includes('Server listening') || first.output().includes('已启动'), 30_000);
    expect(first.output()).toMatch(/初始密码（仅显示一次，首次登录须修改）：\S{12,}/);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = startApi({ DATABASE_URL: db.url, DATA_DIR: dataDir, ADMIN_EMAIL: 'root@duban.local' });
    await waitFor('the API to listen again', () => second.output().includes('Server listening') || second.output().includes('已启动'), 30_000);
    expect(second.output()).not.toContain('初始密码');
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });
});
