import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';

/** Unread state: the list filter, the badge's count, marking one or all read, and nobody marking another's. */
describe('notifications: unread, count, mark read', () => {
  let app: TestApp;
  let liaison: { id: string; token: string };
  let other: { id: string; token: string };
  let taskId: string;

  beforeAll(async () => {
    app = await startApp();
    liaison = await app.user('liaison', 'finance');
    other = await app.user('liaison', 'finance');
    [{ id: taskId }] = await sql<{ id: string }>(app.databaseUrl, `SELECT id FROM task WHERE lead_department_code = 'finance' LIMIT 1`);
    // Three of the sweep's notifications for the liaison (steps of one ladder), one for another user.
    for (const [recipient, step, template] of [
      [liaison.id, 0, 'reminder'],
      [liaison.id, 1, 'reminder'],
      [liaison.id, 2, 'overdue'],
      [other.id, 2, 'overdue'],
    ] as const) {
      await sql(
        app.databaseUrl,
        `INSERT INTO notification (task_id, step_index, step_at, recipient_id, due_date, template, subject, body) VALUES ($1, $2, 'P0D', $3, '2030-01-01', $4, '督办提醒', '正文')`,
        [taskId, step, recipient, template],
      );
    }
  });
  afterAll(() => app?.close());

  const count = async (token: string) => (await app.as(token).get('/api/v1/notifications/unread-count').expect(200)).body as { count: number };
  const list = async (token: string, query = '') =>
    (await app.as(token).get(`/api/v1/notifications${query}`).expect(200)).body as {
      items: Array<{ id: string; kind: string; taskId: string; readAt: string | null }>;
      total: number;
    };

  it('counts and lists the unread, marks one read once, refuses another user’s and bad ids, then marks all read', async () => {
    expect(await count(liaison.token)).toEqual({ count: 3 });
    const all = await list(liaison.token);
    expect(all.total).toBe(3);
    expect(all.items.map((n) => n.kind).sort()).toEqual(['overdue', 'reminder', 'reminder']);
    expect(all.items.every((n) => n.taskId === taskId && n.readAt === null)).toBe(true);

    const first = all.items[0].id;
    expect((await app.as(liaison.token).post(`/api/v1/notifications/${first}/read`).expect(200)).body).toEqual({ id: first, read: true });
    const [{ read_at: readAt }] = await sql<{ read_at: Date }>(app.databaseUrl, 'SELECT read_at FROM notification WHERE id = $1', [first]);
    expect(readAt).toBeInstanceOf(Date);
    await app.as(liaison.token).post(`/api/v1/notifications/${first}/read`).expect(200); // again: keeps the first time
    expect((await sql<{ read_at: Date }>(app.databaseUrl, 'SELECT read_at FROM notification WHERE id = $1', [first]))[0].read_at).toEqual(readAt);
    expect(await count(liaison.token)).toEqual({ count: 2 });
    const unread = await list(liaison.token, '?unread=true');
    expect(unread.total).toBe(2);
    expect(unread.items.map((n) => n.id)).not.toContain(first);

    // Another user's notification is not found; a bad id or filter is a 400 naming it; nothing changed.
    const [{ id: othersId }] = await sql<{ id: string }>(app.databaseUrl, 'SELECT id FROM notification WHERE recipient_id = $1', [other.id]);
    const refused = await app.as(liaison.token).post(`/api/v1/notifications/${othersId}/read`);
    expect(refused.status).toBe(404);
    expect(refused.body.message).toContain('消息不存在');
    expect((await app.as(liaison.token).post('/api/v1/notifications/not-a-uuid/read')).status).toBe(400);
    const badFilter = await app.as(liaison.token).get('/api/v1/notifications?unread=maybe');
    expect(badFilter.status).toBe(400);
    expect(String(badFilter.body.message)).toContain('unread');
    expect(await count(other.token)).toEqual({ count: 1 });

    expect((await app.as(liaison.token).post('/api/v1/notifications/read-all').expect(200)).body).toEqual({ marked: 2 });
    expect(await count(liaison.token)).toEqual({ count: 0 });
    expect((await list(liaison.token, '?unread=true')).total).toBe(0);
    expect(await count(other.token)).toEqual({ count: 1 }); // only the caller's own
  });
});
