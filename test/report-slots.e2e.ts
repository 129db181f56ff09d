import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';

/**
 * Reporting cycles (定期报送): a task with `reportEvery` owes a report per period; the slots are
 * computed from the task, filed by a progress report naming the period, and judged on time,
 * late or missed against their own deadlines — through the HTTP API on real PostgreSQL.
 */
type User = { id: string; email: string; token: string };
type Slot = { period: string; dueDate: string; status: string; progressId: string | null };

describe('report slots (定期报送)', () => {
  let app: TestApp;
  let supervisor: User;
  let liaison: User;
  let stranger: User;

  beforeAll(async () => {
    app = await startApp();
    supervisor = await app.user('supervisor');
    liaison = await app.user('liaison', 'finance');
    stranger = await app.user('liaison', 'edu');
  });
  afterAll(() => app?.close());

  const api = (user: User) => app.as(user.token);
  const slots = async (id: string) => (await api(liaison).get(`/api/v1/tasks/${id}/report-slots`).expect(200)).body as Slot[];

  /** A monthly task created on 10 March 2026 (the creation moved back by SQL), due at the end of `dueDate`. */
  async function monthly(dueDate: string, extra: Record<string, unknown> = {}) {
    const task = (
      await api(supervisor)
        .post('/api/v1/tasks')
        .send({ title: '教育经费执行情况月报', leadDepartment: 'finance', dueDate, reportEvery: 'P1M', ...extra })
        .expect(201)
    ).body as { id: string; reportEvery: string; reportDueDay: number };
    await sql(app.databaseUrl, `UPDATE task SET created_at = '2026-03-10T09:00:00+08:00' WHERE id = $1`, [task.id]);
    await api(liaison).post(`/api/v1/tasks/${task.id}/accept`).send({}).expect(200);
    return task;
  }
  const file = (id: string, period: string, note = '本月执行进度正常') => api(liaison).post(`/api/v1/tasks/${id}/progress`).send({ note, period });

  it('lists a slot per month from the month of creation, each due on the 5th of the next (a working day), filed, late or missed', async () => {
    const task = await monthly('2026-12-31');
    expect(task).toMatchObject({ reportEvery: 'P1M', reportDueDay: 5 });
    const before = await slots(task.id);
    expect(before.map((s) => s.period)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    // 5 April 2026 is Qingming (a holiday to the 6th): due on the 7th; 5 December 2026 is a Saturday: due Monday the 7th.
    expect(before[0].dueDate).toBe('2026-04-07');
    expect(before.at(-1)!.dueDate).toBe('2026-12-07');

    const march = (await file(task.id, '2026-03').expect(201)).body;
    const april = (await file(task.id, '2026-04').expect(201)).body;
    // April's report was in fact filed on 3 May (moved back): on time.
    await sql(app.databaseUrl, `UPDATE progress_report SET created_at = '2026-05-03T10:00:00+08:00' WHERE id = $1`, [april.id]);
    // A second report for a filed period updates it: accepted and audited, the slot keeps its first filing.
    const again = (await file(task.id, '2026-04', '补充说明').expect(201)).body;
    const after = await slots(task.id);
    const byPeriod = Object.fromEntries(after.map((s) => [s.period, s]));
    expect(byPeriod['2026-03']).toMatchObject({ status: 'late', progressId: march.id });
    expect(byPeriod['2026-04']).toMatchObject({ status: 'filed', progressId: april.id });
    expect(byPeriod['2026-05']).toMatchObject({ status: 'missed', progressId: null });
    const today = (await sql<{ d: string }>(app.databaseUrl, `SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d`))[0].d;
    expect(byPeriod['2026-11'].status).toBe(byPeriod['2026-11'].dueDate < today ? 'missed' : 'open');
    const history = (await api(supervisor).get(`/api/v1/tasks/${task.id}/history`).expect(200)).body as Array<{
      action: string;
      detail: { after: { period?: string } };
    }>;
    expect(history.filter((h) => h.action === 'task.progress').map((h) => h.detail.after.period)).toEqual(['2026-03', '2026-04', '2026-04']);
    expect(again.period).toBe('2026-04');
  });

  it('refuses what is not a slot of the task, a period not yet begun, a cycle outside the set — changing nothing', async () => {
    const task = await monthly('2027-06-30');
    const count = async () => (await sql<{ n: number }>(app.databaseUrl, 'SELECT count(*)::int AS n FROM progress_report WHERE task_id = $1', [task.id]))[0].n;
    for (const [period, message] of [
      ['2026-02', '不是该任务的报送期'],
      ['2027-05', '尚未开始'],
      ['2026-13', '不是该任务的报送期'],
    ] as const) {
      const res = await file(task.id, period);
      expect([period, res.status, res.body.message]).toEqual([period, 400, expect.stringContaining(message)]);
    }
    expect(await count()).toBe(0);
    const plain = (await api(supervisor).post('/api/v1/tasks').send({ title: '一次性任务', leadDepartment: 'finance', dueDate: '2027-06-30' }).expect(201))
      .body;
    expect(await slots(plain.id)).toEqual([]);
    const noCycle = await api(liaison).post(`/api/v1/tasks/${plain.id}/progress`).send({ note: 'x', period: '2026-12' });
    expect([noCycle.status, noCycle.body.message]).toEqual([400, expect.stringContaining('没有定期报送要求')]);
    for (const body of [{ reportEvery: 'P2M' }, { reportEvery: 'P1M', reportDueDay: 31 }, { reportEvery: 'P1M', reportDueDay: 0 }]) {
      const res = await api(supervisor)
        .post('/api/v1/tasks')
        .send({ title: '错误周期', leadDepartment: 'finance', dueDate: '2027-06-30', ...body });
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
    }
    // Another department's liaison cannot see the task's slots.
    expect((await api(stranger).get(`/api/v1/tasks/${task.id}/report-slots`)).status).toBe(404);
    // A supervisor may change the cycle: quarterly from now on.
    const current = (await api(supervisor).get(`/api/v1/tasks/${task.id}`).expect(200)).body;
    await api(supervisor).patch(`/api/v1/tasks/${task.id}`).send({ version: current.version, reportEvery: 'P3M', reportDueDay: 10 }).expect(200);
    expect((await slots(task.id)).map((s) => [s.period, s.dueDate])).toEqual([
      ['2026-Q1', '2026-04-10'],
      ['2026-Q2', '2026-07-10'],
      ['2026-Q3', '2026-10-10'], // a Saturday, but a make-up workday (调休) after National Day
      ['2026-Q4', '2027-01-11'],
      ['2027-Q1', '2027-04-12'],
    ]);
  });

  it('lists what a department owes this month (本月待报): periods never filed, due by the end of the month or missed', async () => {
    const taxLiaison = await app.user('liaison', 'tax');
    const today = (await sql<{ d: string }>(app.databaseUrl, `SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d`))[0].d;
    const month = (back: number) => {
      const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - back, 1));
      return d.toISOString().slice(0, 7);
    };
    const task = (
      await api(supervisor)
        .post('/api/v1/tasks')
        .send({ title: '税收优惠政策落实情况月报', leadDepartment: 'tax', dueDate: '2030-12-31', reportEvery: 'P1M' })
        .expect(201)
    ).body as { id: string };
    // Created on the first of the month three months ago: three periods have ended; this month's is due next month.
    await sql(app.databaseUrl, `UPDATE task SET created_at = $2::date + time '09:00' AT TIME ZONE 'Asia/Shanghai' WHERE id = $1`, [task.id, `${month(3)}-01`]);
    type Owed = { taskId: string; period: string; dueDate: string; status: string };
    const owed = async (user: User, query = '') =>
      ((await api(user).get(`/api/v1/report-slots/owed${query}`).expect(200)).body as Owed[]).filter((o) => o.taskId === task.id);

    const before = await owed(taxLiaison);
    expect(before.map((o) => o.period)).toEqual([month(3), month(2), month(1)]);
    expect(before.slice(0, 2).map((o) => o.status)).toEqual(['missed', 'missed']);
    // Last month's report is due early this month: still open until its day has passed.
    expect(before[2].status).toBe(before[2].dueDate < today ? 'missed' : 'open');
    expect(before[2].dueDate.slice(0, 7)).toBe(month(0));

    // Filing a period (late) takes it off the list; the supervisor sees the department's list, other departments see none of it.
    await api(taxLiaison)
      .post(`/api/v1/tasks/${task.id}/progress`)
      .send({ note: '补报', period: month(3) })
      .expect(201);
    expect((await owed(taxLiaison)).map((o) => o.period)).toEqual([month(2), month(1)]);
    expect((await owed(supervisor, '?department=tax')).map((o) => o.period)).toEqual([month(2), month(1)]);
    expect(await owed(supervisor, '?department=finance')).toEqual([]);
    expect(await owed(stranger, '?department=tax')).toEqual([]);
    expect(await owed(liaison)).toEqual([]);
  });
});
