import { createHash, randomBytes } from 'node:crypto';
import ICAL from 'ical.js';
import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';
import { periodLabel as periodName } from '../libs/vocabulary/tasks.js';

/** Each user's private iCalendar feed: made, fetched without a bearer token, replaced, revoked. */
describe('calendar feeds', () => {
  let app: TestApp;
  let financeLiaison: { id: string; token: string };
  let financeLeader: { id: string; token: string };
  let eduLiaison: { id: string; token: string };
  let supervisor: { id: string; token: string };
  const task: Record<string, string> = {};

  beforeAll(async () => {
    app = await startApp({ PUBLIC_URL: 'https://duban.example.cn/' });
    financeLiaison = await app.user('liaison', 'finance');
    financeLeader = await app.user('leader', 'finance');
    eduLiaison = await app.user('liaison', 'edu');
    supervisor = await app.user('supervisor');
    const create = async (key: string, body: Record<string, unknown>) => {
      const res = await app
        .as(supervisor.token)
        .post('/api/v1/tasks')
        .send({ title: `日历-${key}`, dueDate: '2030-06-30', ...body });
      expect(res.status).toBe(201);
      task[key] = res.body.id;
    };
    await create('finance-leads', { leadDepartment: 'finance', coDepartments: ['tax'], dueDate: '2030-06-30' });
    await create('finance-co', { leadDepartment: 'tax', coDepartments: ['finance'], dueDate: '2030-07-15' });
    await create('edu-only', { leadDepartment: 'edu' });
    await create('finance-done', { leadDepartment: 'finance' });
    await sql(app.databaseUrl, `UPDATE task SET status = 'completed', completed_at = now() WHERE id = $1`, [task['finance-done']]);
  });
  afterAll(() => app.close());

  /** The feed path of a URL the API handed out. */
  const pathOf = (url: string) => new URL(url).pathname;

  async function fetchFeed(url: string) {
    return app.http
      .get(pathOf(url))
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      });
  }

  interface Parsed {
    calendar: ICAL.Component;
    /** The tasks' deadline events. */
    events: ICAL.Component[];
    taskIds: string[];
    /** The next reports owed (定期报送), as `taskId department`, and their events. */
    reports: string[];
    reportEvents: ICAL.Component[];
  }

  function parse(text: string): Parsed {
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    const all = calendar.getAllSubcomponents('vevent');
    const uid = (e: ICAL.Component) => String(e.getFirstPropertyValue('uid'));
    const events = all.filter((e) => uid(e).startsWith('task-'));
    const reportEvents = all.filter((e) => uid(e).startsWith('report-'));
    expect(events.length + reportEvents.length).toBe(all.length);
    const taskIds = events.map((e) => /^task-(.+)@duban$/.exec(uid(e))![1]);
    const reports = reportEvents.map((e) => /^report-(.{36})-(.+)@duban$/.exec(uid(e))!.slice(1).join(' '));
    return { calendar, events, taskIds, reports, reportEvents };
  }

  /** Open tasks with a final deadline (an open-ended one has no event) `department` leads or co-operates on (every one for null), by the database. */
  async function openTaskIds(department: string | null): Promise<string[]> {
    const rows = await sql<{ id: string }>(
      app.databaseUrl,
      `SELECT id FROM task WHERE status <> 'completed' AND due_date IS NOT NULL AND ($1::varchar IS NULL OR lead_department_code = $1 OR $1 = ANY(co_department_codes))`,
      [department],
    );
    return rows.map((r) => r.id).sort();
  }

  const feedAudit = () =>
    sql<{ action: string; entity_id: string; actor_id: string; after: unknown; detail: Record<string, unknown> | null }>(
      app.databaseUrl,
      `SELECT action, entity_id, actor_id, after, detail FROM audit_log WHERE entity_type = 'calendar_feed' ORDER BY seq`,
    );

  it('starts without a feed', async () => {
    const res = await app.as(financeLiaison.token).get('/api/v1/me/calendar-feed');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ active: false, createdAt: null });
  });

  it('makes a feed URL whose token only the caller sees, and audits it', async () => {
    const res = await app.as(financeLiaison.token).post('/api/v1/me/calendar-feed');
    expect(res.status).toBe(201);
    expect(res.body.url).toMatch(/^https:\/\/duban\.example\.cn\/api\/v1\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = /feeds\/(.+)\.ics$/.exec(res.body.url)![1];
    const rows = await sql<{ token_hash: string; user_id: string; revoked_at: Date | null }>(
      app.databaseUrl,
      'SELECT token_hash, user_id, revoked_at FROM calendar_feed',
    );
    expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex'), user_id: financeLiaison.id, revoked_at: null }]);
    const everything =
      JSON.stringify(await sql(app.databaseUrl, 'SELECT * FROM calendar_feed')) + JSON.stringify(await sql(app.databaseUrl, 'SELECT * FROM audit_log'));
    expect(everything).not.toContain(token);
    expect(await feedAudit()).toEqual([expect.objectContaining({ action: 'calendar-feed.create', actor_id: financeLiaison.id, detail: { replaced: null } })]);
    const status = await app.as(financeLiaison.token).get('/api/v1/me/calendar-feed');
    expect(status.body).toEqual({ active: true, createdAt: res.body.createdAt });
  });

  it('serves valid iCalendar of exactly the tasks a liaison’s department may act on', async () => {
    const { url } = (await app.as(financeLiaison.token).post('/api/v1/me/calendar-feed')).body;
    const res = await fetchFeed(url); // no Authorization header
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const { calendar, events, taskIds } = parse(res.body as string);

    expect(calendar.getFirstPropertyValue('x-wr-calname')).toContain('督办');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Shanghai');
    expect(taskIds.sort()).toEqual(await openTaskIds('finance'));
    expect(taskIds).toEqual(expect.arrayContaining([task['finance-leads'], task['finance-co']]));
    expect(taskIds).not.toContain(task['edu-only']);
    expect(taskIds).not.toContain(task['finance-done']);
    expect(new Set(taskIds).size).toBe(events.length);

    for (const event of events) {
      const start = event.getFirstProperty('dtstart')!;
      expect(start.type).toBe('date');
      expect((start.getFirstValue() as ICAL.Time).isDate).toBe(true);
      const alarms = event.getAllSubcomponents('valarm');
      expect(alarms.length).toBeGreaterThan(0);
      // 09:00 the day before and 09:00 on the day: both counted from the start of the due date.
      expect(alarms.map((a) => String(a.getFirstPropertyValue('trigger')))).toEqual(['-PT15H', 'PT9H']);
      expect(alarms.map((a) => a.getFirstProperty('trigger')!.getParameter('related') ?? 'START')).toEqual(['START', 'START']);
      expect(alarms.every((a) => a.getFirstPropertyValue('action') === 'DISPLAY')).toBe(true);
    }

    const event = events.find((e) => e.getFirstPropertyValue('uid') === `task-${task['finance-co']}@duban`)!;
    expect(event.getFirstPropertyValue('summary')).toBe('【截止】日历-finance-co');
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2030-07-15');
    expect((event.getFirstPropertyValue('dtend') as ICAL.Time).toString()).toBe('2030-07-16');
    const description = String(event.getFirstPropertyValue('description'));
    const names = new Map((await sql<{ code: string; name: string }>(app.databaseUrl, 'SELECT code, name FROM department')).map((d) => [d.code, d.name]));
    expect(description).toContain(`牵头单位：${names.get('tax')}`);
    expect(description).toContain(`配合单位：${names.get('finance')}`);
    expect(description).toContain('状态：待签收');
    expect(description).toContain(`https://duban.example.cn/tasks/${task['finance-co']}`);
    expect(event.getFirstPropertyValue('url')).toBe(`https://duban.example.cn/tasks/${task['finance-co']}`);
  });

  it('lists the department’s tasks for a leader and every open task for a supervisor', async () => {
    const leaderFeed = parse((await fetchFeed((await app.as(financeLeader.token).post('/api/v1/me/calendar-feed')).body.url)).body as string);
    expect(leaderFeed.taskIds.sort()).toEqual(await openTaskIds('finance'));
    const eduFeed = parse((await fetchFeed((await app.as(eduLiaison.token).post('/api/v1/me/calendar-feed')).body.url)).body as string);
    expect(eduFeed.taskIds).toContain(task['edu-only']);
    expect(eduFeed.taskIds).not.toContain(task['finance-leads']);
    const supervisorFeed = parse((await fetchFeed((await app.as(supervisor.token).post('/api/v1/me/calendar-feed')).body.url)).body as string);
    expect(supervisorFeed.taskIds.sort()).toEqual(await openTaskIds(null));
  });

  it('adds the next report each department owes (定期报送): the lead’s for its liaisons, a reporting co-department’s own for its', async () => {
    // Monthly reports since two months ago, led by finance, edu reporting its own part; finance files its first period.
    const [{ today }] = await sql<{ today: string }>(app.databaseUrl, `SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS today`);
    const [{ start }] = await sql<{ start: string }>(
      app.databaseUrl,
      `SELECT to_char(date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '2 months', 'YYYY-MM-DD') AS start`,
    );
    const created = await app
      .as(supervisor.token)
      .post('/api/v1/tasks')
      .send({
        title: '日历-月报',
        leadDepartment: 'finance',
        coDepartments: ['edu'],
        coDepartmentsReport: true,
        dueDate: null,
        reportEvery: 'P1M',
        reportDueDay: 10,
        reportFrom: start,
      });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const first = start.slice(0, 7);
    await app.as(financeLiaison.token).post(`/api/v1/tasks/${id}/progress`).send({ note: '首月进展', period: first }).expect(201);
    // What the task page says each department owes next: the first period neither filed nor past its deadline.
    const slots = (await app.as(supervisor.token).get(`/api/v1/tasks/${id}/report-slots`).expect(200)).body as Array<{
      period: string;
      dueDate: string;
      status: string;
    }>;
    const coSlots = (await app.as(supervisor.token).get(`/api/v1/tasks/${id}/co-report-slots`).expect(200)).body as Array<{
      departmentCode: string;
      slots: Array<{ period: string; dueDate: string; status: string }>;
    }>;
    const leadNext = slots.find((slot) => slot.status === 'open')!;
    const coNext = coSlots.find((c) => c.departmentCode === 'edu')!.slots.find((slot) => slot.status === 'open')!;
    expect(leadNext.dueDate >= today && coNext.dueDate >= today).toBe(true);
    // Edu filed nothing: its first period, due in the month after, is its next unless that deadline has passed.
    expect(coNext.period <= leadNext.period).toBe(true);

    const finance = parse((await fetchFeed((await app.as(financeLiaison.token).post('/api/v1/me/calendar-feed')).body.url)).body as string);
    const ours = (feed: Parsed) => feed.reportEvents.filter((e) => String(e.getFirstPropertyValue('uid')).includes(id));
    expect(finance.reports.filter((r) => r.startsWith(id))).toEqual([`${id} finance`]);
    const [event] = ours(finance);
    expect(event.getFirstPropertyValue('summary')).toBe(`【报送】日历-月报（${periodName(leadNext.period)}）`);
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe(leadNext.dueDate);
    expect((event.getFirstProperty('dtstart')!.getFirstValue() as ICAL.Time).isDate).toBe(true);
    const names = new Map((await sql<{ code: string; name: string }>(app.databaseUrl, 'SELECT code, name FROM department')).map((d) => [d.code, d.name]));
    const description = String(event.getFirstPropertyValue('description'));
    expect(description).toContain(`报送单位：${names.get('finance')}`);
    expect(description).toContain(`报送期限：${leadNext.dueDate}`);
    expect(description).toContain(`https://duban.example.cn/tasks/${id}`);
    expect(event.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger')))).toEqual(['-PT15H', 'PT9H']);
    // The open-ended task has no deadline event, only its report.
    expect(finance.taskIds).not.toContain(id);

    const edu = parse((await fetchFeed((await app.as(eduLiaison.token).post('/api/v1/me/calendar-feed')).body.url)).body as string);
    expect(edu.reports.filter((r) => r.startsWith(id))).toEqual([`${id} edu`]);
    expect((ours(edu)[0].getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe(coNext.dueDate);
    expect(ours(edu)[0].getFirstPropertyValue('summary')).toBe(`【报送】日历-月报（${periodName(coNext.period)}）`);
    // A supervisor sees both departments' next reports; a department not involved, none.
    const all = parse((await fetchFeed((await app.as(supervisor.token).post('/api/v1/me/calendar-feed')).body.url)).body as string);
    expect(all.reports.filter((r) => r.startsWith(id)).sort()).toEqual([`${id} edu`, `${id} finance`]);
    const taxLiaison = await app.user('liaison', 'tax');
    const tax = parse((await fetchFeed((await app.as(taxLiaison.token).post('/api/v1/me/calendar-feed')).body.url)).body as string);
    expect(tax.reports.filter((r) => r.startsWith(id))).toEqual([]);

    // Completed, it owes nothing more.
    await sql(app.databaseUrl, `UPDATE task SET status = 'completed', completed_at = now() WHERE id = $1`, [id]);
    const after = parse((await fetchFeed((await app.as(financeLiaison.token).post('/api/v1/me/calendar-feed')).body.url)).body as string);
    expect(after.reports.filter((r) => r.startsWith(id))).toEqual([]);
  });

  it('stops serving a replaced token; the new one works; unknown tokens get the same 404', async () => {
    const first = (await app.as(financeLiaison.token).post('/api/v1/me/calendar-feed')).body.url as string;
    expect((await fetchFeed(first)).status).toBe(200);
    const second = (await app.as(financeLiaison.token).post('/api/v1/me/calendar-feed')).body.url as string;
    expect(second).not.toBe(first);
    const revoked = await fetchFeed(first);
    expect(revoked.status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);

    const unknown = await app.http.get(`/api/v1/feeds/${randomBytes(32).toString('base64url')}.ics`);
    const malformed = await app.http.get('/api/v1/feeds/not-a-token.ics');
    const noSuffix = await app.http.get(`/api/v1/feeds/${/feeds\/(.+)\.ics$/.exec(second)![1]}`);
    for (const res of [unknown, malformed, noSuffix]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(JSON.parse(revoked.body as string));
    }
    const active = await sql<{ n: number }>(app.databaseUrl, 'SELECT count(*)::int AS n FROM calendar_feed WHERE user_id = $1 AND revoked_at IS NULL', [
      financeLiaison.id,
    ]);
    expect(active[0].n).toBe(1);
  });

  it('revokes the feed on DELETE, audited; a second DELETE changes nothing', async () => {
    const url = (await app.as(financeLiaison.token).post('/api/v1/me/calendar-feed')).body.url as string;
    const before = (await feedAudit()).length;
    expect((await app.as(financeLiaison.token).delete('/api/v1/me/calendar-feed')).status).toBe(204);
    expect((await fetchFeed(url)).status).toBe(404);
    expect((await app.as(financeLiaison.token).get('/api/v1/me/calendar-feed')).body).toEqual({ active: false, createdAt: null });
    const entries = (await feedAudit()).slice(before);
    expect(entries).toEqual([expect.objectContaining({ action: 'calendar-feed.revoke', actor_id: financeLiaison.id, detail: { reason: 'revoked' } })]);
    expect((await app.as(financeLiaison.token).delete('/api/v1/me/calendar-feed')).status).toBe(204);
    expect((await feedAudit()).length).toBe(before + 1);
    // A replaced feed is audited as revoked too.
    const actions = (await feedAudit()).map((e) => [e.action, e.detail?.reason ?? null]);
    expect(actions).toContainEqual(['calendar-feed.revoke', 'replaced']);
  });

  it('needs a bearer token to manage a feed', async () => {
    expect((await app.http.post('/api/v1/me/calendar-feed')).status).toBe(401);
    expect((await app.http.get('/api/v1/me/calendar-feed')).status).toBe(401);
    expect((await app.http.delete('/api/v1/me/calendar-feed')).status).toBe(401);
  });
});
