import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from './support/database.js';
import { call, spawnApi } from './support/processes.js';

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace']);

/**
 * One log format: everything `npm start` (API and worker in one process) prints — Nest's start-up, Fastify's
 * request lines, the worker's sweeps and sends, the app's warnings — is one pino JSON object a line with the
 * same fields; `LOG_FORMAT=pretty` turns the same lines into readable ones for a person.
 */
describe('log format', () => {
  let db: { url: string; drop(): Promise<void> };
  const dirs: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-logs-'));
    dirs.push(dir);
    return dir;
  };
  const env = (extra: Record<string, string>) => ({
    DATABASE_URL: db.url,
    DATA_DIR: dataDir(),
    ADMIN_EMAIL: 'admin@duban.local',
    ADMIN_PASSWORD: 'Chief-Pass-2026',
    SEED_ON_START: 'false',
    REMINDER_SWEEP_MS: '300',
    ...extra,
  });

  it('writes every line of npm start as JSON with level, time, msg, pid and context; request lines carry their id', async () => {
    const app = await spawnApi(env({ LOG_LEVEL: 'debug' }), 30_000, 'dist/apps/main.js');
    try {
      const token = (await call(app.url, 'POST', '/api/v1/auth/login', undefined, { email: 'admin@duban.local', password: 'Chief-Pass-2026' })).body
        .accessToken as string;
      await call(app.url, 'GET', '/api/v1/tasks?limit=1', token);
      await call(app.url, 'GET', '/api/v1/tasks/not-a-uuid', token);
      await call(app.url, 'GET', '/admin/queues?ticket=secret-ticket-value', undefined);
      // Long enough for the worker to sweep (its lines are part of the process's output too).
      await new Promise((resolve) => setTimeout(resolve, 1500));
    } finally {
      await app.stop();
    }
    const lines = app
      .output()
      .split('\n')
      .filter((line) => line.trim() !== '');
    const malformed: string[] = [];
    const entries = lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        malformed.push(line);
        return [];
      }
    });
    expect(malformed).toEqual([]);
    for (const entry of entries) {
      expect([LEVELS.has(entry.level as string), typeof entry.msg, typeof entry.pid]).toEqual([true, 'string', 'number']);
      expect(new Date(entry.time as string).toISOString()).toBe(entry.time);
    }
    const contexts = new Set(entries.map((e) => e.context));
    for (const context of ['Bootstrap', 'HTTP', 'Worker']) expect(contexts).toContain(context);
    const requests = entries.filter((e) => e.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(3);
    for (const line of requests)
      expect(line).toMatchObject({ context: 'HTTP', reqId: expect.anything(), method: expect.any(String), statusCode: expect.any(Number) });
    expect(entries.some((e) => typeof e.msg === 'string' && e.msg.startsWith('duban 已启动'))).toBe(true);
    expect(app.output()).not.toContain('secret-ticket-value');
  }, 90_000);

  it('prints readable lines for a person with LOG_FORMAT=pretty, the start-up summary in Chinese', async () => {
    const app = await spawnApi(env({ LOG_LEVEL: 'info', LOG_FORMAT: 'pretty' }), 30_000, 'dist/apps/main.js');
    await app.stop();
    const output = app.output();
    expect(output).toMatch(/INFO.*\[Bootstrap\] duban 已启动：控制台 http:\/\/127\.0\.0\.1:\d+\//);
    expect(output.split('\n').some((line) => line.startsWith('{'))).toBe(false);
  }, 90_000);
});
