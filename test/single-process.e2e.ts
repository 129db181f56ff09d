import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestDatabase, sql } from './support/database.js';
import { type ApiProcess, spawnApi } from './support/processes.js';
import { waitFor } from './support/worker.js';

/**
 * `npm start` runs API and worker in one process, and each domain module there is built once:
 * one CalendarService, so a calendar change made through the API reaches the reminder sweep
 * (which re-works every open ladder on a change) at once, not at the next 30-second refresh
 * that a second copy of the service would wait for.
 */
const FAR = '2099-01-01T00:00:00.000Z';
/** Well inside the calendar's refresh (30 s): what a second copy of CalendarService would need. */
const AT_ONCE_MS = 10_000;

describe('npm start: one instance of each service in the process', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let duban: ApiProcess | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-single-'));

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await duban?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reschedules the open ladders as soon as an administrator changes the calendar through the API', async () => {
    duban = await spawnApi(
      {
        DATABASE_URL: db.url,
        DATA_DIR: dataDir,
        SMTP_URL: '',
        // No sweep of its own during the test (the first one runs at start): only the calendar change moves the ladder.
        REMINDER_SWEEP_MS: '3600000',
        ADMIN_EMAIL: 'admin@duban.local',
        ADMIN_PASSWORD: 'Chief-Pass-2026',
        QUEUE_PREFIX: `duban-single-${process.pid}`,
      },
      60_000,
      'dist/apps/main.js',
    );
    const http = request(duban.url);
    const admin = (await http.post('/api/v1/auth/login').send({ email: 'admin@duban.local', password: 'Chief-Pass-2026' }).expect(200)).body
      .accessToken as string;

    // One open task whose next step the sweep would otherwise not look at before 2099.
    const [task] = await sql<{ id: string }>(db.url, `SELECT id FROM task WHERE status <> 'completed' ORDER BY code LIMIT 1`);
    await sql(db.url, 'UPDATE task SET next_reminder_at = $2 WHERE id = $1', [task.id, FAR]);
    const nextReminder = async () => (await sql<{ at: Date }>(db.url, 'SELECT next_reminder_at AS at FROM task WHERE id = $1', [task.id]))[0].at;
    expect((await nextReminder()).toISOString()).toBe(FAR);

    await http.put('/api/v1/calendar/days/2027-03-03').set('Authorization', `Bearer ${admin}`).send({ kind: 'holiday', note: '临时放假' }).expect(200);
    const moved = await waitFor(
      'the sweep to reschedule the ladder',
      async () => {
        const at = await nextReminder();
        return at && at.toISOString() !== FAR ? at : null;
      },
      AT_ONCE_MS,
      100,
    );
    expect(moved.getTime()).toBeLessThan(new Date(FAR).getTime());
  }, 120_000);
});
