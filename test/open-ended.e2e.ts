import ExcelJS from 'exceljs';
import { startApp, type TestApp } from './support/app.js';
import { bytes } from './support/bytes.js';
import { sql } from './support/database.js';

/**
 * Open-ended tasks (长期坚持): a task with a reporting cycle and no final deadline (`dueDate: null`). It is
 * never overdue, its report periods run from its start up to today, and everything that reads a deadline
 * (lists, extension requests, the calendar feed, the export) copes — through the HTTP API on real PostgreSQL.
 */
type User = { id: string; token: string };

describe('open-ended tasks (长期坚持)', () => {
  let app: TestApp;
  let supervisor: User;
  let liaison: User;

  beforeAll(async () => {
    app = await startApp();
    supervisor = await app.user('supervisor');
    liaison = await app.user('liaison', 'nrp');
  });
  afterAll(() => app?.close());

  const api = (user: User) => app.as(user.token);
  const today = async () => (await sql<{ d: string }>(app.databaseUrl, `SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d`))[0].d;

  /** An open-ended quarterly task of the planning department, started on `from` (reportFrom). */
  async function ongoing(title: string, extra: Record<string, unknown> = {}) {
    const res = await api(supervisor)
      .post('/api/v1/tasks')
      .send({ title, leadDepartment: 'nrp', dueDate: null, reportEvery: 'P3M', reportDueDay: 10, ...extra });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number; dueDate: null; reportEvery: string; reportFrom: string | null; overdue: boolean; light: string };
  }

  it('is created with a cycle and no deadline; without a cycle it is refused with a 400 naming the field, and nothing is written', async () => {
    const count = async () => (await sql<{ n: number }>(app.databaseUrl, `SELECT count(*)::int AS n FROM task WHERE title LIKE '长期-无周期%'`))[0].n;
    const refused = await api(supervisor).post('/api/v1/tasks').send({ title: '长期-无周期', leadDepartment: 'nrp', dueDate: null });
    expect([refused.status, refused.body.message]).toEqual([400, expect.stringContaining('reportEvery')]);
    // Leaving dueDate out is still a missing field, not an open-ended task.
    const missing = await api(supervisor).post('/api/v1/tasks').send({ title: '长期-无周期2', leadDepartment: 'nrp', reportEvery: 'P3M' });
    expect([missing.status, String(missing.body.message)]).toEqual([400, expect.stringContaining('dueDate')]);
    expect(await count()).toBe(0);

    const task = await ongoing('长期-耕地保护责任');
    expect(task).toMatchObject({ dueDate: null, reportEvery: 'P3M', reportFrom: null, overdue: false, light: 'green' });
    // A task with a deadline may become open-ended only with a cycle.
    const plain = (await api(supervisor).post('/api/v1/tasks').send({ title: '长期-一次性', leadDepartment: 'nrp', dueDate: '2030-12-31' }).expect(201)).body;
    const noCycle = await api(supervisor).patch(`/api/v1/tasks/${plain.id}`).send({ version: plain.version, dueDate: null });
    expect([noCycle.status, noCycle.body.message]).toEqual([400, expect.stringContaining('reportEvery')]);
    const made = await api(supervisor).patch(`/api/v1/tasks/${plain.id}`).send({ version: plain.version, dueDate: null, reportEvery: 'P6M' }).expect(200);
    expect(made.body).toMatchObject({ dueDate: null, reportEvery: 'P6M' });
    const history = (await api(supervisor).get(`/api/v1/tasks/${plain.id}/history`).expect(200)).body as Array<{
      action: string;
      detail: { before: Record<string, unknown>; after: Record<string, unknown> };
    }>;
    expect(history.find((h) => h.action === 'task.update')!.detail).toMatchObject({
      before: { dueDate: '2030-12-31', reportEvery: null },
      after: { dueDate: null, reportEvery: 'P6M' },
    });
  });

  it('is never overdue, comes last in lists, and owes a report per quarter from its start up to today', async () => {
    const task = await ongoing('长期-国土空间规划实施监测', { reportFrom: '2025-11-20' });
    expect(task.reportFrom).toBe('2025-11-20');
    // Started long ago, nothing filed: its periods are missed, the task itself is not overdue.
    await sql(app.databaseUrl, `UPDATE task SET created_at = '2025-11-20T09:00:00+08:00' WHERE id = $1`, [task.id]);
    await api(liaison).post(`/api/v1/tasks/${task.id}/accept`).send({}).expect(200);
    const slots = (await api(liaison).get(`/api/v1/tasks/${task.id}/report-slots`).expect(200)).body as Array<{
      period: string;
      dueDate: string;
      status: string;
    }>;
    const now = await today();
    const quarter = `${now.slice(0, 4)}-Q${Math.floor((Number(now.slice(5, 7)) - 1) / 3) + 1}`;
    expect(slots[0]).toMatchObject({ period: '2025-Q4', status: 'missed' });
    expect(slots[1].period).toBe('2026-Q1');
    // The last one is the quarter we are in: never a period that has not begun.
    expect(slots.at(-1)).toMatchObject({ period: quarter, status: 'open' });
    expect(slots.filter((s) => s.status === 'open')).toHaveLength(1);

    // Filing the first period makes it late (after its deadline); the task is still not overdue.
    await api(liaison).post(`/api/v1/tasks/${task.id}/progress`).send({ note: '四季度监测完成', period: '2025-Q4' }).expect(201);
    const after = (await api(liaison).get(`/api/v1/tasks/${task.id}/report-slots`).expect(200)).body as Array<{ period: string; status: string }>;
    expect(after[0]).toMatchObject({ period: '2025-Q4', status: 'late' });
    // A quarter that has not begun is refused as not started (not as foreign to the task), and nothing is filed; a period of
    // another cycle or before the task's start is still not one of its periods.
    const next = Number(quarter.slice(-1)) === 4 ? `${Number(quarter.slice(0, 4)) + 1}-Q1` : `${quarter.slice(0, 6)}${Number(quarter.slice(-1)) + 1}`;
    const reports = async () =>
      (await sql<{ n: number }>(app.databaseUrl, 'SELECT count(*)::int AS n FROM progress_report WHERE task_id = $1', [task.id]))[0].n;
    const filed = await reports();
    for (const [period, message] of [
      [next, `报送期 ${next} 尚未开始`],
      ['2031-Q2', '报送期 2031-Q2 尚未开始（2031-04-01 起）'],
      ['2025-Q3', '不是该任务的报送期'],
      ['2031-05', '不是该任务的报送期'],
    ]) {
      const refused = await api(liaison).post(`/api/v1/tasks/${task.id}/progress`).send({ note: '提前报送', period });
      expect([period, refused.status, refused.body.message]).toEqual([period, 400, expect.stringContaining(message)]);
    }
    expect(await reports()).toBe(filed);

    const overdue = (await api(liaison).get('/api/v1/tasks?overdue=true&limit=200').expect(200)).body.items as Array<{ id: string }>;
    expect(overdue.map((t) => t.id)).not.toContain(task.id);
    const green = (await api(liaison).get('/api/v1/tasks?light=green&limit=200').expect(200)).body.items as Array<{ id: string }>;
    expect(green.map((t) => t.id)).toContain(task.id);
    for (const light of ['red', 'yellow']) {
      const items = (await api(liaison).get(`/api/v1/tasks?light=${light}&limit=200`).expect(200)).body.items as Array<{ id: string }>;
      expect([light, items.map((t) => t.id).includes(task.id)]).toEqual([light, false]);
    }
    // A dated task of the department comes before every open-ended one.
    const dated = (await api(supervisor).post('/api/v1/tasks').send({ title: '长期-对照', leadDepartment: 'nrp', dueDate: '2099-12-31' }).expect(201)).body;
    const list = (await api(liaison).get('/api/v1/tasks?department=nrp&limit=200').expect(200)).body.items as Array<{ id: string; dueDate: string | null }>;
    const firstOpenEnded = list.findIndex((t) => t.dueDate === null);
    expect(list.findIndex((t) => t.id === dated.id)).toBeLessThan(firstOpenEnded);
    expect(list.slice(firstOpenEnded).every((t) => t.dueDate === null)).toBe(true);
    const detail = (await api(liaison).get(`/api/v1/tasks/${task.id}`).expect(200)).body;
    expect(detail).toMatchObject({ dueDate: null, overdue: false, light: 'green', calendarNote: null });
  });

  it('stops owing periods once completed', async () => {
    const task = await ongoing('长期-办结后停报', { reportFrom: '2025-01-15' });
    await sql(app.databaseUrl, `UPDATE task SET status = 'completed', completed_at = '2025-08-20T10:00:00+08:00' WHERE id = $1`, [task.id]);
    const slots = (await api(supervisor).get(`/api/v1/tasks/${task.id}/report-slots`).expect(200)).body as Array<{ period: string }>;
    expect(slots.map((s) => s.period)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
  });

  it('has no deadline to extend (409), and a sub-task under a deadline cannot be open-ended (400)', async () => {
    const task = await ongoing('长期-不可延期');
    const extension = await api(liaison).post(`/api/v1/tasks/${task.id}/extension-requests`).send({ requestedDueDate: '2031-12-31', reason: '工作量大' });
    expect([extension.status, extension.body.message]).toEqual([409, expect.stringContaining('长期坚持')]);
    expect((await sql<{ n: number }>(app.databaseUrl, 'SELECT count(*)::int AS n FROM extension_request WHERE task_id = $1', [task.id]))[0].n).toBe(0);

    const parent = (await api(supervisor).post('/api/v1/tasks').send({ title: '长期-有期限的上级', leadDepartment: 'nrp', dueDate: '2030-06-30' }).expect(201))
      .body;
    const child = await api(supervisor)
      .post('/api/v1/tasks')
      .send({ title: '长期-子任务', leadDepartment: 'nrp', dueDate: null, reportEvery: 'P1M', parentId: parent.id });
    expect([child.status, child.body.message]).toEqual([400, expect.stringContaining('2030-06-30')]);
    // Under an open-ended parent a part may have a deadline or none.
    await api(supervisor).post('/api/v1/tasks').send({ title: '长期-子任务2', leadDepartment: 'nrp', dueDate: '2030-06-30', parentId: task.id }).expect(201);
  });

  it('has no deadline event in the calendar feed, only its next report, and is exported as 长期坚持', async () => {
    const task = await ongoing('长期-导出与日历');
    const dated = (await api(supervisor).post('/api/v1/tasks').send({ title: '长期-日历对照', leadDepartment: 'nrp', dueDate: '2030-03-31' }).expect(201)).body;
    const { url } = (await api(liaison).post('/api/v1/me/calendar-feed').expect(201)).body as { url: string };
    const feed = ((await bytes(app.http.get(new URL(url).pathname)).expect(200)).body as Buffer).toString('utf8');
    expect(feed).toContain(`task-${dated.id}@duban`);
    expect(feed).not.toContain(`task-${task.id}@duban`);
    expect(feed).toContain(`report-${task.id}-nrp@duban`);

    const res = await bytes(api(liaison).get('/api/v1/tasks.xlsx?q=长期-导出与日历')).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    const sheet = workbook.getWorksheet('任务清单')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row[header.indexOf('任务')]).toBe('长期-导出与日历');
    expect(row[header.indexOf('完成时限')]).toBe('长期坚持');
    expect(row[header.indexOf('逾期天数')]).toBe(0);
  });
});
