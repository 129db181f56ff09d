import ExcelJS from 'exceljs';
import { startApp, type TestApp } from './support/app.js';
import { bytes } from './support/bytes.js';
import { shanghaiToday } from './support/today.js';

describe('exporting the task list to Excel', () => {
  let app: TestApp;
  let supervisor: { token: string };
  let liaison: { token: string };

  beforeAll(async () => {
    app = await startApp();
    supervisor = await app.user('supervisor');
    liaison = await app.user('liaison', 'finance');
  });
  afterAll(() => app.close());

  async function exported(token: string, query: string) {
    const res = await bytes(app.as(token).get(`/api/v1/tasks.xlsx${query}`)).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    return { res, sheet: workbook.getWorksheet('任务清单')! };
  }

  async function listed(token: string, query: string) {
    const items: Array<Record<string, unknown>> = [];
    for (let page = 1; ; page++) {
      const body = (
        await app
          .as(token)
          .get(`/api/v1/tasks?limit=200&page=${page}${query ? `&${query.slice(1)}` : ''}`)
          .expect(200)
      ).body;
      items.push(...body.items);
      if (items.length >= body.total) return items;
    }
  }

  it.each(['', '?department=finance', '?light=red&q=教师', '?status=assigned&dueBefore=2025-12-31'])(
    'holds every task GET /tasks%s lists, in its order',
    async (query) => {
      const { sheet } = await exported(supervisor.token, query);
      const tasks = await listed(supervisor.token, query);
      expect(tasks.length).toBeGreaterThan(0);
      const rows = sheet.getRows(2, sheet.rowCount - 1) ?? [];
      // An open-ended task (长期坚持, the plan's 七(二) duties) has no date: the sheet says so.
      expect(rows.map((r) => [r.getCell(1).value, r.getCell(2).value, r.getCell(5).value])).toEqual(
        tasks.map((t) => [t.code, t.title, t.dueDate ?? '长期坚持']),
      );
    },
  );

  it('writes Chinese headers, department names, the light and days overdue, with the header frozen and filters on', async () => {
    const created = (
      await app
        .as(supervisor.token)
        .post('/api/v1/tasks')
        .send({
          title: '=HYPERLINK("http://evil.example","点此")',
          leadDepartment: 'finance',
          coDepartments: ['tax', 'edu'],
          dueDate: '2020-01-10',
        })
        .expect(201)
    ).body;
    await app.as(liaison.token).post(`/api/v1/tasks/${created.id}/progress`).send({ note: '+已拨付 50%', percent: 50 }).expect(201);
    const { res, sheet } = await exported(supervisor.token, '?q=HYPERLINK');
    // Named by Shanghai's date (a day ahead of UTC's from 16:00 UTC on).
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`任务清单-${shanghaiToday()}.xlsx`));
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '编号',
      '任务',
      '牵头单位',
      '配合单位',
      '完成时限',
      '状态',
      '灯号',
      '逾期天数',
      '进度（%）',
      '最近报送日期',
      '最近报送',
      '规划条款',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(2).width).toBe(48);
    const row = sheet.getRow(2);
    expect(row.getCell(3).value).toBe('财政部门');
    expect(row.getCell(4).value).toBe('税务部门、教育部门');
    expect(row.getCell(7).value).toBe('红灯');
    expect(Number(row.getCell(8).value)).toBeGreaterThan(365);
    expect(row.getCell(9).value).toBe(50);
    expect(row.getCell(11).value).toBe('+已拨付 50%');
    // Text that looks like a formula stays text.
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(2).value).toBe('=HYPERLINK("http://evil.example","点此")');
    expect(row.getCell(11).type).toBe(ExcelJS.ValueType.String);
  });

  it("gives a liaison its own department's tasks only, and refuses a bad filter with a 400", async () => {
    const { sheet } = await exported(liaison.token, '');
    expect(sheet.rowCount - 1).toBe((await listed(liaison.token, '')).length);
    expect((await app.as(liaison.token).get('/api/v1/tasks.xlsx?light=purple')).status).toBe(400);
  });
});
