import { ADMIN, startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';

describe('the working-day calendar', () => {
  let app: TestApp;
  let admin: string;
  let adminId: string;
  let supervisor: string;
  let liaison: string;
  /** The first year npm chinese-days has no State Council data for (2027 with 1.5.7). */
  let year: number;

  beforeAll(async () => {
    app = await startApp();
    admin = await app.login(ADMIN.email, ADMIN.password);
    adminId = (await app.as(admin).get('/api/v1/me')).body.id;
    supervisor = (await app.user('supervisor')).token;
    liaison = (await app.user('liaison', 'finance')).token;
    const coverage = await app.as(admin).get('/api/v1/calendar/coverage');
    year = Math.max(...(coverage.body.packageYears as number[])) + 1;
    // An open task due that year puts it among the years that matter, whatever today's date.
    const task = await app
      .as(supervisor)
      .post('/api/v1/tasks')
      .send({ title: '跨年任务', leadDepartment: 'finance', dueDate: `${year}-06-30` });
    expect(task.status).toBe(201);
  });
  afterAll(() => app.close());

  const calendarAudit = () =>
    sql<{ action: string; entity_id: string; actor_id: string; before: unknown; after: unknown }>(
      app.databaseUrl,
      "SELECT action, entity_id, actor_id, before, after FROM audit_log WHERE entity_type = 'calendar_day' ORDER BY seq",
    );
  const auditCount = async () => Number((await sql<{ n: string }>(app.databaseUrl, 'SELECT count(*) AS n FROM audit_log'))[0].n);

  it('covers the packaged years and lists a later year without data as missing', async () => {
    const res = await app.as(liaison).get('/api/v1/calendar/coverage');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ workdays: true, adminYears: [] });
    expect(res.body.packageYears).toEqual(expect.arrayContaining([2004, 2025, 2026]));
    expect(res.body.checkedYears).toContain(year);
    expect(res.body.missingYears).toContain(year);
    expect(res.body.message).toContain(`${year}`);
    expect(res.body.message).toContain('周一至周五');
  });

  it('keeps /health at 200 and warns there (to an administrator)', async () => {
    const res = await app.as(admin).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.info.calendar.status).toBe('up');
    expect(res.body.info.calendar.missingYears).toContain(year);
    expect(res.body.info.calendar.message).toContain('工作日历缺少');
  });

  it('lists the packaged holidays and make-up workdays of a year, for any role', async () => {
    const res = await app.as(liaison).get('/api/v1/calendar/days?year=2026');
    expect(res.status).toBe(200);
    const byDate = new Map((res.body as Array<{ date: string }>).map((d) => [d.date, d]));
    expect(byDate.get('2026-02-14')).toEqual({ date: '2026-02-14', kind: 'workday', note: '春节调休上班', source: 'package' });
    expect(byDate.get('2026-02-17')).toEqual({ date: '2026-02-17', kind: 'holiday', note: '春节', source: 'package' });
    expect(byDate.get('2026-10-01')).toMatchObject({ kind: 'holiday', source: 'package' });
    expect(byDate.has('2026-03-02')).toBe(false);
  });

  it('refuses what is not an administrator’s, or not valid, and changes nothing', async () => {
    const before = await auditCount();
    const cases: Array<[string, () => Promise<{ status: number; body: { message?: unknown } }>, number, string]> = [
      ['supervisor PUT', () => app.as(supervisor).put(`/api/v1/calendar/days/${year}-01-01`).send({ kind: 'holiday' }), 403, ''],
      ['liaison DELETE', () => app.as(liaison).delete(`/api/v1/calendar/days/${year}-01-01`), 403, ''],
      ['no token', () => app.http.put(`/api/v1/calendar/days/${year}-01-01`).send({ kind: 'holiday' }), 401, ''],
      ['impossible date', () => app.as(admin).put(`/api/v1/calendar/days/${year}-02-30`).send({ kind: 'holiday' }), 400, 'date'],
      ['not a date', () => app.as(admin).put('/api/v1/calendar/days/tomorrow').send({ kind: 'holiday' }), 400, 'date'],
      ['bad kind', () => app.as(admin).put(`/api/v1/calendar/days/${year}-01-01`).send({ kind: 'weekend' }), 400, 'kind'],
      ['no kind', () => app.as(admin).put(`/api/v1/calendar/days/${year}-01-01`).send({ note: '元旦' }), 400, 'kind'],
      ['unknown field', () => app.as(admin).put(`/api/v1/calendar/days/${year}-01-01`).send({ kind: 'holiday', source: 'package' }), 400, 'source'],
      [
        'long note',
        () =>
          app
            .as(admin)
            .put(`/api/v1/calendar/days/${year}-01-01`)
            .send({ kind: 'holiday', note: '节'.repeat(201) }),
        400,
        'note',
      ],
      ['bad year', () => app.as(admin).get('/api/v1/calendar/days?year=abc'), 400, 'year'],
      ['DELETE bad date', () => app.as(admin).delete('/api/v1/calendar/days/2027-13-01'), 400, 'date'],
      ['DELETE unknown', () => app.as(admin).delete(`/api/v1/calendar/days/${year}-03-03`), 404, `${year}-03-03`],
      ['DELETE a packaged day', () => app.as(admin).delete('/api/v1/calendar/days/2026-10-01'), 404, 'chinese-days'],
    ];
    for (const [name, request, status, mentions] of cases) {
      const res = await request();
      expect({ name, status: res.status }).toEqual({ name, status });
      expect(JSON.stringify(res.body.message ?? '')).toContain(mentions);
    }
    expect(await auditCount()).toBe(before);
    expect((await app.as(admin).get(`/api/v1/calendar/days?year=${year}`)).body).toEqual([]);
  });

  it('lets an administrator enter a later year’s holiday, audited, and then the year has data', async () => {
    const put = await app.as(admin).put(`/api/v1/calendar/days/${year}-01-01`).send({ kind: 'holiday', note: '元旦' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ date: `${year}-01-01`, kind: 'holiday', note: '元旦', source: 'admin', packageKind: null, updatedBy: adminId });

    const list = await app.as(liaison).get(`/api/v1/calendar/days?year=${year}`);
    expect(list.body).toEqual([expect.objectContaining({ date: `${year}-01-01`, kind: 'holiday', source: 'admin' })]);
    expect((await app.as(liaison).get('/api/v1/calendar/days')).body).toEqual([expect.objectContaining({ date: `${year}-01-01` })]);

    expect(await calendarAudit()).toEqual([
      { action: 'calendar.set', entity_id: `${year}-01-01`, actor_id: adminId, before: null, after: { date: `${year}-01-01`, kind: 'holiday', note: '元旦' } },
    ]);

    const coverage = (await app.as(admin).get('/api/v1/calendar/coverage')).body;
    expect(coverage.adminYears).toEqual([year]);
    expect(coverage.yearsWithData).toContain(year);
    expect(coverage.missingYears).not.toContain(year);
  });

  it('lets an administrator correct a packaged day; the entry wins and shows what the package said', async () => {
    const put = await app.as(admin).put('/api/v1/calendar/days/2026-02-14').send({ kind: 'holiday' });
    expect(put.status).toBe(200);
    const day = ((await app.as(admin).get('/api/v1/calendar/days?year=2026')).body as Array<{ date: string }>).find((d) => d.date === '2026-02-14');
    expect(day).toMatchObject({ kind: 'holiday', note: '', source: 'admin', packageKind: 'workday' });
    expect((await app.as(admin).delete('/api/v1/calendar/days/2026-02-14')).status).toBe(204);
    const restored = ((await app.as(admin).get('/api/v1/calendar/days?year=2026')).body as Array<{ date: string }>).find((d) => d.date === '2026-02-14');
    expect(restored).toMatchObject({ kind: 'workday', source: 'package' });
  });

  it('audits a correction with what it replaced, and a removal; then the year is missing again', async () => {
    expect((await app.as(admin).put(`/api/v1/calendar/days/${year}-01-01`).send({ kind: 'workday', note: '更正' })).status).toBe(200);
    expect((await app.as(admin).delete(`/api/v1/calendar/days/${year}-01-01`)).status).toBe(204);
    expect((await app.as(admin).delete(`/api/v1/calendar/days/${year}-01-01`)).status).toBe(404);

    const entries = (await calendarAudit()).filter((e) => e.entity_id === `${year}-01-01`);
    expect(entries.map((e) => e.action)).toEqual(['calendar.set', 'calendar.set', 'calendar.remove']);
    expect(entries[1]).toMatchObject({ before: { kind: 'holiday', note: '元旦' }, after: { kind: 'workday', note: '更正' } });
    expect(entries[2]).toMatchObject({ before: { kind: 'workday' }, after: null });

    const coverage = (await app.as(admin).get('/api/v1/calendar/coverage')).body;
    expect(coverage.adminYears).toEqual([]);
    expect(coverage.missingYears).toContain(year);
  });
});
