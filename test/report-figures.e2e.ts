import ExcelJS from 'exceljs';
import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';

/**
 * The report periods (定期报送) on the dashboard and in the 通报: per department, the periods of open
 * tasks due this month and those missed (逾期未报); the 通报 lists a department with missed reports even
 * when nothing of it is overdue. Monthly tasks created months ago (moved back by SQL), some periods
 * filed on time, one late, some never — months counted back from today, so any day gives the same story.
 */
type User = { id: string; email: string; token: string };
type Reports = { dueThisMonth: number; missed: number };
type Department = { code: string; reports: Reports };
type BulletinItem = { code: string; rank: number; overdue: number; escalated: number; missedReports: number; worst: unknown[] };

describe('report figures on the dashboard and in the 通报', () => {
  let app: TestApp;
  let supervisor: User;
  let liaisons: Record<string, User>;
  let today: string;
  const ids: Record<string, string> = {};

  /** `YYYY-MM` of `back` months before today's month. */
  const month = (back: number) => new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - back, 1)).toISOString().slice(0, 7);
  const api = (user: User) => app.as(user.token);

  /** A monthly task of `lead` created on the first of `createdIn`, accepted, due years ahead (never overdue). */
  async function monthly(key: string, lead: string, createdIn: string) {
    const task = (
      await api(supervisor)
        .post('/api/v1/tasks')
        .send({ title: `报送看板-${key}`, leadDepartment: lead, dueDate: '2030-12-31', reportEvery: 'P1M' })
        .expect(201)
    ).body as { id: string };
    await sql(app.databaseUrl, `UPDATE task SET created_at = $2::date + time '09:00' AT TIME ZONE 'Asia/Shanghai' WHERE id = $1`, [task.id, `${createdIn}-01`]);
    await api(liaisons[lead]).post(`/api/v1/tasks/${task.id}/accept`).send({}).expect(200);
    ids[key] = task.id;
  }
  const file = async (key: string, lead: string, period: string) =>
    (
      await api(liaisons[lead])
        .post(`/api/v1/tasks/${ids[key]}/progress`)
        .send({ note: `${period} 进展正常`, period })
        .expect(201)
    ).body as { id: string };
  const slots = async (key: string) =>
    (await api(supervisor).get(`/api/v1/tasks/${ids[key]}/report-slots`).expect(200)).body as Array<{ period: string; dueDate: string; status: string }>;
  const dashboard = async (user: User, query = '') =>
    (await api(user).get(`/api/v1/dashboard${query}`).expect(200)).body as { departments: Department[]; totals: { reports: Reports } };
  const bulletin = async () => ((await api(supervisor).get('/api/v1/dashboard/bulletin').expect(200)).body as { items: BulletinItem[] }).items;

  beforeAll(async () => {
    app = await startApp();
    await sql(
      app.databaseUrl,
      `INSERT INTO department (code, name, ordinal) VALUES ('rf1', '报送一局', 911), ('rf2', '报送二局', 912), ('rf3', '报送三局', 913)`,
    );
    supervisor = await app.user('supervisor');
    liaisons = { rf1: await app.user('liaison', 'rf1'), rf2: await app.user('liaison', 'rf2'), rf3: await app.user('liaison', 'rf3') };
    today = (await sql<{ d: string }>(app.databaseUrl, `SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d`))[0].d;

    // rf1: four ended months — the first filed on time, the second late, the third never; last month's is due this month.
    await monthly('a', 'rf1', month(4));
    const onTime = await file('a', 'rf1', month(4));
    await sql(app.databaseUrl, `UPDATE progress_report SET created_at = $2::date + time '10:00' AT TIME ZONE 'Asia/Shanghai' WHERE id = $1`, [
      onTime.id,
      `${month(3)}-02`,
    ]);
    await file('a', 'rf1', month(3));
    // and one task overdue (no cycle), so rf1 is in the 通报 for its overdue work too.
    const overdue = (await api(supervisor).post('/api/v1/tasks').send({ title: '报送看板-逾期', leadDepartment: 'rf1', dueDate: '2030-12-31' }).expect(201))
      .body as { id: string };
    await sql(app.databaseUrl, `UPDATE task SET due_date = $2::date - 3 WHERE id = $1`, [overdue.id, today]);

    // rf2: nothing overdue, three ended months never filed.
    await monthly('d', 'rf2', month(3));

    // rf3: the same periods missed, but by a completed task and a cancelled one: nothing more owed.
    await monthly('done', 'rf3', month(3));
    await monthly('cancelled', 'rf3', month(3));
    await sql(app.databaseUrl, `UPDATE task SET status = 'completed', completed_at = now() WHERE id = $1`, [ids.done]);
    await sql(app.databaseUrl, `UPDATE task SET status = 'cancelled', cancelled_at = now() WHERE id = $1`, [ids.cancelled]);
  });
  afterAll(() => app?.close());

  it('counts per department the periods due this month and those missed, of open tasks only', async () => {
    const a = Object.fromEntries((await slots('a')).map((s) => [s.period, s]));
    expect([a[month(4)].status, a[month(3)].status, a[month(2)].status]).toEqual(['filed', 'late', 'missed']);
    // Last month's period is due early this month: owed this month until its day has passed, then missed.
    const lastMonth = a[month(1)];
    expect(lastMonth.dueDate.slice(0, 7)).toBe(month(0));
    const past = lastMonth.dueDate < today;
    expect(lastMonth.status).toBe(past ? 'missed' : 'open');
    // This month's period is due next month: not counted yet.
    expect(a[month(0)].dueDate.slice(0, 7)).toBe(month(-1));

    const rf1 = { dueThisMonth: past ? 0 : 1, missed: past ? 2 : 1 };
    const rf2 = { dueThisMonth: past ? 0 : 1, missed: past ? 3 : 2 };
    const one = await dashboard(supervisor, '?department=rf1');
    expect(one.departments.map((d) => [d.code, d.reports])).toEqual([['rf1', rf1]]);
    expect(one.totals.reports).toEqual(rf1);

    const all = await dashboard(supervisor);
    const of = (code: string) => all.departments.find((d) => d.code === code)!.reports;
    expect([of('rf1'), of('rf2'), of('rf3')]).toEqual([rf1, rf2, { dueThisMonth: 0, missed: 0 }]);
    expect(all.totals.reports).toEqual({
      dueThisMonth: all.departments.reduce((s, d) => s + d.reports.dueThisMonth, 0),
      missed: all.departments.reduce((s, d) => s + d.reports.missed, 0),
    });

    // A liaison sees its own department's figures only.
    const mine = await dashboard(liaisons.rf2);
    expect(mine.departments.map((d) => [d.code, d.reports])).toEqual([['rf2', rf2]]);
    expect(mine.totals.reports).toEqual(rf2);
  });

  it('lists in the 通报 a department with missed reports and nothing overdue, after those with overdue or escalated work', async () => {
    const past = Object.fromEntries((await slots('a')).map((s) => [s.period, s]))[month(1)].dueDate < today;
    const items = await bulletin();
    const rf1 = items.find((i) => i.code === 'rf1')!;
    const rf2 = items.find((i) => i.code === 'rf2')!;
    expect(rf1).toMatchObject({ overdue: 1, escalated: 0, missedReports: past ? 2 : 1 });
    expect(rf2).toMatchObject({ overdue: 0, escalated: 0, overdueAndEscalated: 0, maxDaysOverdue: 0, missedReports: past ? 3 : 2, worst: [] });
    expect(items.map((i) => i.code)).not.toContain('rf3');
    // Ranked after every department with overdue or escalated work.
    const withWork = items.filter((i) => i.overdue + i.escalated > 0);
    expect(items.slice(0, withWork.length)).toEqual(withWork);
    expect(rf2.rank).toBeGreaterThan(Math.max(...withWork.map((i) => i.rank)));

    // Filing the missed periods late takes them off: rf2 then leaves the 通报; rf1 stays for its overdue task.
    for (const back of past ? [3, 2, 1] : [3, 2]) await file('d', 'rf2', month(back));
    await file('a', 'rf1', month(2));
    const after = await bulletin();
    expect(after.map((i) => i.code)).not.toContain('rf2');
    expect(after.find((i) => i.code === 'rf1')).toMatchObject({ overdue: 1, missedReports: past ? 1 : 0 });
    expect((await dashboard(supervisor, '?department=rf2')).totals.reports).toEqual({ dueThisMonth: past ? 0 : 1, missed: 0 });
  });

  it('writes the missed reports in the workbook’s column 逾期未报', async () => {
    // rf3's completed task reopened: its missed periods are owed again, and rf3 joins the 通报 on them alone.
    await sql(app.databaseUrl, `UPDATE task SET status = 'in_progress', completed_at = NULL WHERE id = $1`, [ids.done]);
    const past = Object.fromEntries((await slots('done')).map((s) => [s.period, s]))[month(1)].dueDate < today;
    const json = await bulletin();
    const rf3 = json.find((i) => i.code === 'rf3')!;
    expect(rf3).toMatchObject({ overdue: 0, missedReports: past ? 3 : 2 });

    const res = await api(supervisor)
      .get('/api/v1/dashboard/bulletin.xlsx')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    const sheet = workbook.getWorksheet('通报')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = headers.indexOf('逾期未报') + 1;
    expect(column).toBeGreaterThan(0);
    const byCode = new Map<unknown, unknown>();
    sheet.eachRow((row, n) => {
      if (n > 1) byCode.set(row.getCell(2).value, row.getCell(column).value);
    });
    expect(Object.fromEntries(byCode)).toEqual(Object.fromEntries(json.map((i) => [i.code, i.missedReports])));
    expect(byCode.get('rf3')).toBe(rf3.missedReports);
    expect(byCode.get('rf1')).toBe(json.find((i) => i.code === 'rf1')!.missedReports);
  });
});
