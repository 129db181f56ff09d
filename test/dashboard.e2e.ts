import { jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';

/**
 * The dashboard and the 通报 on hand-built departments, on a fixed day:
 * Thursday 2 April 2026 in Asia/Shanghai. Qingming (4–6 April, Saturday to
 * Monday) falls inside the three-working-day warning window, which therefore
 * runs to Wednesday 8 April (3 Apr, 7 Apr, 8 Apr); counted in calendar days it
 * would end on Sunday 5 April.
 */
const NOW = Date.parse('2026-04-02T02:00:00Z'); // 10:00 in Shanghai
const TODAY = '2026-04-02';

describe('the dashboard and the 通报', () => {
  let app: TestApp;
  let supervisor: string;
  let reviewer: string;
  let admin: string;
  let dashLiaison: string;
  let dashLeader: { id: string; token: string };
  let dash2Leader: { id: string };
  let dash3Leader: { id: string };
  const ids: Record<string, string> = {};

  async function task(key: string, lead: string, status: string, dueDate: string, completedAt: string | null = null, co: string[] = []) {
    const [row] = await sql<{ id: string }>(
      app.databaseUrl,
      `INSERT INTO task (title, lead_department_code, co_department_codes, due_date, status, completed_at, next_reminder_at)
       VALUES ($1, $2, $3, $4, $5, $6, NULL) RETURNING id`,
      [`看板-${key}`, lead, co, dueDate, status, completedAt],
    );
    ids[key] = row.id;
  }

  async function escalate(key: string, leaderId: string, dueDate: string) {
    await sql(
      app.databaseUrl,
      `INSERT INTO notification (task_id, step_index, step_at, recipient_id, due_date, template, subject, body)
       VALUES ($1, 3, 'P3D', $2, $3, 'escalation', '升级', '升级')`,
      [ids[key], leaderId, dueDate],
    );
  }

  beforeAll(async () => {
    // Only Date is faked: timers, I/O and the database run as usual.
    jest.useFakeTimers({
      now: NOW,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    app = await startApp();
    await sql(
      app.databaseUrl,
      `INSERT INTO department (code, name, ordinal) VALUES ('dash', '看板局', 901), ('dash2', '看板二局', 902), ('dash3', '看板三局', 903)`,
    );
    admin = await app.login('admin@duban.local', 'Chief-Pass-2026');
    supervisor = (await app.user('supervisor')).token;
    reviewer = (await app.user('reviewer')).token;
    dashLiaison = (await app.user('liaison', 'dash')).token;
    dashLeader = await app.user('leader', 'dash');
    dash2Leader = await app.user('leader', 'dash2');
    dash3Leader = await app.user('leader', 'dash3');

    // dash: every case of the day.
    await task('overdue-yesterday', 'dash', 'assigned', '2026-04-01');
    await task('overdue-long', 'dash', 'in_progress', '2026-03-15');
    await task('due-today', 'dash', 'submitted', '2026-04-02');
    await task('due-after-qingming', 'dash', 'in_progress', '2026-04-07'); // yellow only when working days count
    await task('due-window-end', 'dash', 'assigned', '2026-04-08');
    await task('due-in-7-days', 'dash', 'assigned', '2026-04-09'); // outside the window, inside seven days
    await task('due-later', 'dash', 'in_progress', '2026-04-10');
    // Completed on the due date at 23:59:59 in Shanghai (15:59:59Z): on time; a second later: late.
    await task('done-last-second', 'dash', 'completed', '2026-03-10', '2026-03-10T15:59:59Z');
    await task('done-next-day', 'dash', 'completed', '2026-03-10', '2026-03-10T16:00:00Z');
    // 00:30 on 1 February in Shanghai is still 31 January in UTC: late, and February's.
    await task('done-february', 'dash', 'completed', '2026-01-31', '2026-01-31T16:30:00Z');
    // 01:00 on 1 May 2025 in Shanghai: the first of the twelve months (2025-05 … 2026-04).
    await task('done-may', 'dash', 'completed', '2025-12-31', '2025-04-30T17:00:00Z');
    // 23:00 on 30 April 2025 in Shanghai: before the twelve months.
    await task('done-april', 'dash', 'completed', '2025-04-30', '2025-04-30T15:00:00Z');
    // Led by dash2 with dash co-operating: dash2's, not dash's.
    await task('dash2-co-dash', 'dash2', 'in_progress', '2026-04-07', null, ['dash']);
    await task('dash2-overdue', 'dash2', 'in_progress', '2026-03-01');
    await task('dash3-overdue-a', 'dash3', 'assigned', '2026-03-31');
    await task('dash3-overdue-b', 'dash3', 'assigned', '2026-03-20');
    await task('dash3-moved', 'dash3', 'in_progress', '2026-06-30');

    await escalate('overdue-long', dashLeader.id, '2026-03-15');
    await escalate('dash2-overdue', dash2Leader.id, '2026-03-01');
    await escalate('dash2-co-dash', dash2Leader.id, '2026-04-07');
    await escalate('dash3-overdue-b', dash3Leader.id, '2026-03-20');
    // An escalation of a deadline since moved (an extension) no longer counts.
    await escalate('dash3-moved', dash3Leader.id, '2026-03-01');
  });
  afterAll(async () => {
    await app.close();
    jest.useRealTimers();
  });

  const months = ['2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04'];
  const byMonth = (counts: Record<string, [number, number]>) =>
    months.map((month) => {
      const [completed, onTime] = counts[month] ?? [0, 0];
      return { month, completed, onTime, rate: completed === 0 ? null : Math.round((onTime / completed) * 10_000) / 10_000 };
    });

  it('counts a department by hand-computed numbers', async () => {
    const res = await app.as(supervisor).get('/api/v1/dashboard?department=dash');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asOf: TODAY, warnUntil: '2026-04-08', months });
    expect(res.body.departments).toEqual([
      {
        code: 'dash',
        name: '看板局',
        total: 12,
        byStatus: { assigned: 3, in_progress: 3, leader_review: 0, submitted: 1, completed: 5 },
        overdue: 2,
        dueSoon: 3, // today, 7 April (after Qingming), 8 April
        dueWithin7Days: 4, // and 9 April
        light: 'red',
        onTime: { completed: 4, onTime: 2, rate: 0.5 },
        onTimeByMonth: byMonth({ '2025-05': [1, 1], '2026-02': [1, 0], '2026-03': [2, 1] }),
        reports: { dueThisMonth: 0, missed: 0 }, // no task with a reporting cycle (test/report-figures.e2e.ts)
      },
    ]);
    expect(res.body.totals).toMatchObject({ total: 12, overdue: 2, dueSoon: 3, light: 'red' });
  });

  it('turns a department yellow for a deadline inside the working-day window', async () => {
    const res = await app.as(supervisor).get('/api/v1/dashboard');
    const dash2 = (res.body.departments as Array<{ code: string }>).find((d) => d.code === 'dash2');
    expect(dash2).toMatchObject({ total: 2, overdue: 1, dueSoon: 1, light: 'red' });
    await sql(app.databaseUrl, `UPDATE task SET status = 'completed', completed_at = '2026-03-01T01:00:00Z' WHERE id = $1`, [ids['dash2-overdue']]);
    const after = await app.as(supervisor).get('/api/v1/dashboard?department=dash2');
    expect(after.body.departments[0]).toMatchObject({ overdue: 0, dueSoon: 1, light: 'yellow', onTime: { completed: 1, onTime: 1, rate: 1 } });
    await sql(app.databaseUrl, `UPDATE task SET status = 'in_progress', completed_at = NULL WHERE id = $1`, [ids['dash2-overdue']]);
  });

  it('gives tasks the same working-day light, and filters by it', async () => {
    const light = async (key: string) => (await app.as(supervisor).get(`/api/v1/tasks/${ids[key]}`)).body.light;
    expect(await light('due-after-qingming')).toBe('yellow');
    expect(await light('due-window-end')).toBe('yellow');
    expect(await light('due-in-7-days')).toBe('green');
    expect(await light('overdue-yesterday')).toBe('red');
    expect(await light('done-next-day')).toBe('green');

    const list = async (light: string) =>
      (await app.as(supervisor).get(`/api/v1/tasks?department=dash&light=${light}&limit=200`)).body.items as Array<{ id: string; light: string }>;
    const yellow = await list('yellow');
    expect(yellow.map((t) => t.id).sort()).toEqual([ids['due-today'], ids['due-after-qingming'], ids['due-window-end'], ids['dash2-co-dash']].sort());
    expect(yellow.every((t) => t.light === 'yellow')).toBe(true);
    expect((await list('red')).map((t) => t.id).sort()).toEqual([ids['overdue-yesterday'], ids['overdue-long']].sort());
    expect((await list('green')).every((t) => t.light === 'green')).toBe(true);
    expect((await app.as(supervisor).get('/api/v1/tasks?light=blue')).status).toBe(400);
  });

  it('shows a liaison only its own department', async () => {
    const res = await app.as(dashLiaison).get('/api/v1/dashboard');
    expect(res.status).toBe(200);
    expect(res.body.departments.map((d: { code: string }) => d.code)).toEqual(['dash']);
    expect(res.body.totals).toMatchObject({ total: 12, overdue: 2 });
    expect((await app.as(dashLiaison).get('/api/v1/dashboard?department=dash')).status).toBe(200);
    expect((await app.as(dashLiaison).get('/api/v1/dashboard?department=dash2')).status).toBe(404);
    expect((await app.as(dashLeader.token).get('/api/v1/dashboard')).body.departments.map((d: { code: string }) => d.code)).toEqual(['dash']);
    expect((await app.as(supervisor).get('/api/v1/dashboard?department=nowhere')).status).toBe(404);
    const all = await app.as(reviewer).get('/api/v1/dashboard');
    expect(all.body.departments.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining(['dash', 'dash2', 'dash3', 'finance', 'edu']));
  });

  it('summarises the indicators’ pace plan-wide', async () => {
    const res = await app.as(dashLiaison).get('/api/v1/dashboard');
    const { tolerance, byPace, items } = res.body.indicators as {
      tolerance: number;
      byPace: Record<string, number>;
      items: Array<{ code: string; pace: string; baseline: number | null; latest: unknown; expected: number | null }>;
    };
    expect(tolerance).toBe(0.1);
    const [{ n }] = await sql<{ n: number }>(app.databaseUrl, 'SELECT count(*)::int AS n FROM indicator');
    expect(items).toHaveLength(n);
    expect(Object.values(byPace).reduce((a, b) => a + b, 0)).toBe(n);
    // Nothing is reported in the seeds: every pace is unknown until a value comes in.
    expect(byPace.unknown).toBe(n);

    const indicator = items.find((i) => i.baseline !== null)!;
    const [row] = await sql<{ baseline: string; target: string; comparator: string }>(
      app.databaseUrl,
      'SELECT baseline, target, comparator FROM indicator WHERE code = $1',
      [indicator.code],
    );
    await sql(app.databaseUrl, `INSERT INTO indicator_value (indicator_code, year, value, reported_by) VALUES ($1, 2025, $2, $3)`, [
      indicator.code,
      Number(row.target),
      dashLeader.id,
    ]);
    const after = (await app.as(dashLiaison).get('/api/v1/dashboard')).body.indicators;
    // The target reached: at or ahead of any point of the line.
    expect(after.items.find((i: { code: string }) => i.code === indicator.code)).toMatchObject({
      latest: { year: 2025, value: Number(row.target) },
      pace: 'green',
    });
    expect(after.byPace).toMatchObject({ green: 1, unknown: n - 1 });
  });

  it('ranks the 通报 by overdue, then escalated work, ties in the plan’s order', async () => {
    const res = await app.as(supervisor).get('/api/v1/dashboard/bulletin');
    expect(res.status).toBe(200);
    expect(res.body.asOf).toBe(TODAY);
    const items = res.body.items as Array<{
      code: string;
      rank: number;
      overdue: number;
      escalated: number;
      missedReports: number;
      worst: Array<{ id: string }>;
    }>;
    const mine = items.filter((i) => i.code.startsWith('dash'));
    expect(mine.map((i) => [i.code, i.overdue, i.escalated, i.missedReports])).toEqual([
      ['dash', 2, 1, 0],
      ['dash3', 2, 1, 0],
      ['dash2', 1, 2, 0],
    ]);
    expect(mine[0].rank).toBe(mine[1].rank);
    expect(mine[2].rank).toBeGreaterThan(mine[1].rank);
    // The whole list is ordered, and equal counts share a rank.
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1], items[i]];
      expect(a.overdue > b.overdue || (a.overdue === b.overdue && a.escalated >= b.escalated)).toBe(true);
      expect(b.rank).toBe(a.overdue === b.overdue && a.escalated === b.escalated ? a.rank : i + 1);
    }
    expect(mine[0].worst).toEqual([
      expect.objectContaining({ id: ids['overdue-long'], dueDate: '2026-03-15', daysOverdue: 18, overdue: true, escalated: true, status: 'in_progress' }),
      expect.objectContaining({ id: ids['overdue-yesterday'], daysOverdue: 1, escalated: false }),
    ]);
    expect(mine[2].worst.map((t) => t.id)).toEqual([ids['dash2-overdue'], ids['dash2-co-dash']]);

    expect((await app.as(reviewer).get('/api/v1/dashboard/bulletin')).status).toBe(200);
    expect((await app.as(admin).get('/api/v1/dashboard/bulletin')).status).toBe(200);
    expect((await app.as(dashLiaison).get('/api/v1/dashboard/bulletin')).status).toBe(403);
    expect((await app.as(dashLeader.token).get('/api/v1/dashboard/bulletin.xlsx')).status).toBe(403);
  });

  it('exports the 通报 as a workbook holding the numbers of the JSON', async () => {
    const json = (await app.as(supervisor).get('/api/v1/dashboard/bulletin')).body;
    const res = await app
      .as(supervisor)
      .get('/api/v1/dashboard/bulletin.xlsx')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="bulletin-${TODAY}.xlsx"; filename*=UTF-8''${encodeURIComponent(`督办通报-${TODAY}.xlsx`)}`,
    );
    const workbook = new ExcelJS.Workbook();
    // exceljs declares its own `Buffer` (an ArrayBuffer); a Node Buffer is what it reads.
    await workbook.xlsx.load(res.body);
    const sheet = workbook.getWorksheet('通报')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '排名',
      '部门代码',
      '部门',
      '逾期任务数',
      '已升级任务数',
      '逾期且已升级',
      '最长逾期天数',
      '逾期未报',
      '最严重的任务',
    ]);
    const rows = [] as unknown[][];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1, 9));
    });
    expect(rows).toEqual(
      json.items.map((i: Record<string, unknown>) => [
        i.rank,
        i.code,
        i.name,
        i.overdue,
        i.escalated,
        i.overdueAndEscalated,
        i.maxDaysOverdue,
        i.missedReports,
      ]),
    );

    const tasks = workbook.getWorksheet('任务明细')!;
    expect(tasks.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const titles: string[] = [];
    tasks.eachRow((row, n) => {
      if (n > 1) titles.push(row.getCell(4).value as string);
    });
    expect(titles).toEqual(json.items.flatMap((i: { worst: Array<{ title: string }> }) => i.worst.map((t) => t.title)));
    const dashRow = rows.find((r) => r[1] === 'dash')!;
    expect(dashRow.slice(3, 5)).toEqual([2, 1]);
  });
});
