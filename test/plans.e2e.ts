import ExcelJS from 'exceljs';
import { importSeeds } from '../libs/plan/import-seeds.js';
import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';

/**
 * Two plans side by side: the 十四五 plan of seeds/ (every test database has it) and a small 十五五 draft
 * (test/fixtures/seeds-15th) imported beside it. Each keeps its own codes, clauses and indicators; lists, the
 * dashboard, the 通报 and the calendar feed take `?plan=`; a task made by hand joins one plan.
 */
const FIFTEENTH = 'test/fixtures/seeds-15th';
const FIFTEENTH_CODES = ['T15-2-2', 'T15-5-1'];

describe('more than one plan', () => {
  let app: TestApp;
  let supervisor: string;
  let fourteenth: { id: string; code: string };
  let fifteenth: { id: string; code: string };

  const codesOf = (items: Array<{ code: string | null }>) => items.map((t) => t.code);

  function newTask(body: Record<string, unknown>) {
    return app
      .as(supervisor)
      .post('/api/v1/tasks')
      .send({ title: '手工任务', leadDepartment: 'edu', dueDate: '2027-06-30', ...body });
  }

  beforeAll(async () => {
    app = await startApp();
    const report = await importSeeds(app.databaseUrl, FIFTEENTH);
    expect(report).toMatchObject({ plans: ['taixing-edu-15th'], created: { plan: 1, plan_clause: 3, indicator: 2, task: 2, department: 0 } });
    supervisor = (await app.user('supervisor')).token;
    const plans = (await app.as(supervisor).get('/api/v1/plans').expect(200)).body as Array<{ id: string; code: string; current: boolean }>;
    fourteenth = plans.find((p) => p.code === 'taixing-edu-14th')!;
    fifteenth = plans.find((p) => p.code === 'taixing-edu-15th')!;
    // By default the current plan is the one whose period starts last.
    expect(plans.map((p) => [p.code, p.current])).toEqual([
      ['taixing-edu-15th', true],
      ['taixing-edu-14th', false],
    ]);
  });

  afterAll(() => app?.close());

  it('keeps each plan its own clauses, indicators and tasks; importing one plan leaves the other untouched', async () => {
    const detail = (await app.as(supervisor).get(`/api/v1/plans/${fifteenth.id}`).expect(200)).body as { sections: Array<{ clauses: Array<{ ref: string }> }> };
    expect(detail.sections.flatMap((s) => s.clauses.map((c) => c.ref))).toEqual(['二#1', '二#2', '五(一)']);
    const [counts] = await sql<{ plan: string; tasks: number; indicators: number }>(
      app.databaseUrl,
      `SELECT (SELECT count(*)::int FROM task WHERE plan_id = $1) AS tasks, (SELECT count(*)::int FROM indicator WHERE plan_id = $1) AS indicators`,
      [fifteenth.id],
    );
    expect(counts).toMatchObject({ tasks: 2, indicators: 2 });
    const again = await importSeeds(app.databaseUrl, FIFTEENTH);
    expect(again.created.task + again.updated.task).toBe(0);
    const both = await importSeeds(app.databaseUrl, 'seeds');
    expect(both.created.task + both.updated.task).toBe(0);
  });

  it('scopes the task list by plan id or code; an unknown plan is 404 naming it', async () => {
    const byCode = (await app.as(supervisor).get('/api/v1/tasks?plan=taixing-edu-15th&limit=100').expect(200)).body;
    expect(codesOf(byCode.items).sort()).toEqual(FIFTEENTH_CODES);
    const byId = (await app.as(supervisor).get(`/api/v1/tasks?plan=${fifteenth.id}&limit=100`).expect(200)).body;
    expect(byId.total).toBe(byCode.total);
    const all = (await app.as(supervisor).get('/api/v1/tasks?limit=1').expect(200)).body.total as number;
    const older = (await app.as(supervisor).get(`/api/v1/tasks?plan=${fourteenth.code}&limit=100`).expect(200)).body;
    expect(older.total).toBe(all - byCode.total);
    expect(codesOf(older.items).some((c: string | null) => c?.startsWith('T15-'))).toBe(false);
    const unknown = await app.as(supervisor).get('/api/v1/tasks?plan=no-such-plan').expect(404);
    expect(unknown.body.message).toContain('no-such-plan');
    await app.as(supervisor).get('/api/v1/tasks.xlsx?plan=no-such-plan').expect(404);
  });

  it('scopes the dashboard, the 通报 and its workbook by plan', async () => {
    const dash = (await app.as(supervisor).get('/api/v1/dashboard?plan=taixing-edu-15th').expect(200)).body;
    const planTasks = (await app.as(supervisor).get('/api/v1/tasks?plan=taixing-edu-15th').expect(200)).body.total as number;
    expect(dash.totals.total).toBe(planTasks);
    expect(dash.indicators.items.map((i: { code: string }) => i.code)).toEqual(['preschool-coverage-15th', 'teacher-postgraduate-share-15th']);
    const whole = (await app.as(supervisor).get('/api/v1/dashboard').expect(200)).body;
    expect(whole.totals.total).toBeGreaterThan(dash.totals.total);

    // T15-2-2 was due on 31 January 2026: the 十五五 通报 names finance for it alone.
    const bulletin = (await app.as(supervisor).get('/api/v1/dashboard/bulletin?plan=taixing-edu-15th').expect(200)).body;
    const worst = bulletin.items.flatMap((d: { worst: Array<{ code: string }> }) => d.worst.map((t) => t.code));
    expect(worst).toEqual(['T15-2-2']);
    expect(bulletin.items.map((d: { code: string }) => d.code)).toEqual(['finance']);
    const older = (await app.as(supervisor).get(`/api/v1/dashboard/bulletin?plan=${fourteenth.id}`).expect(200)).body;
    expect(older.items.flatMap((d: { worst: Array<{ code: string }> }) => d.worst.map((t) => t.code))).not.toContain('T15-2-2');
    await app.as(supervisor).get('/api/v1/dashboard/bulletin.xlsx?plan=taixing-edu-15th').expect(200);
    for (const path of ['/api/v1/dashboard?plan=nope', '/api/v1/dashboard/bulletin?plan=nope', '/api/v1/dashboard/bulletin.xlsx?plan=nope']) {
      const res = await app.as(supervisor).get(path).expect(404);
      expect(res.body.message).toContain('nope');
    }
  });

  it('scopes the calendar feed by plan', async () => {
    const { url } = (await app.as(supervisor).post('/api/v1/me/calendar-feed').expect(201)).body as { url: string };
    const path = new URL(url).pathname;
    const text = (await app.http.get(`${path}?plan=taixing-edu-15th`).buffer(true).expect(200)).text;
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(text).toContain('建设高素质教师队伍');
    expect(text).toContain('保障学校建设资金');
    await app.http.get(`${path}?plan=nope`).expect(404);
  });

  it('gives a hand-made task a plan: the one named, its parent’s, its clause’s, else the current plan', async () => {
    const plain = (await newTask({}).expect(201)).body;
    expect(plain.planId).toBe(fifteenth.id);
    // A clause only the 14th plan has.
    const ofClause = (await newTask({ clauseRef: '七(二)财政部门' }).expect(201)).body;
    expect(ofClause.planId).toBe(fourteenth.id);
    // 五(一) is in both plans: the current plan's.
    expect((await newTask({ clauseRef: '五(一)' }).expect(201)).body.planId).toBe(fifteenth.id);
    const named = (await newTask({ clauseRef: '五(一)', planId: fourteenth.id }).expect(201)).body;
    expect(named.planId).toBe(fourteenth.id);
    expect((await app.as(supervisor).get(`/api/v1/tasks/${named.id}`).expect(200)).body.clauseText).toContain('加快实施人才强教');
    // A sub-task joins its parent's plan, even without a clause.
    const child = (await newTask({ parentId: ofClause.id, dueDate: '2027-01-31' }).expect(201)).body;
    expect(child.planId).toBe(fourteenth.id);

    // CURRENT_PLAN names the current plan (the config object is the app's own).
    app.config.CURRENT_PLAN = 'taixing-edu-14th';
    try {
      expect((await newTask({}).expect(201)).body.planId).toBe(fourteenth.id);
      expect((await newTask({ clauseRef: '五(一)' }).expect(201)).body.planId).toBe(fourteenth.id);
      const plans = (await app.as(supervisor).get('/api/v1/plans').expect(200)).body as Array<{ code: string; current: boolean }>;
      expect(plans.find((p) => p.current)?.code).toBe('taixing-edu-14th');
    } finally {
      app.config.CURRENT_PLAN = undefined;
    }
  });

  it('resolves clause references within the task’s plan and refuses what does not fit, changing nothing', async () => {
    const before = (await app.as(supervisor).get('/api/v1/tasks?limit=1').expect(200)).body.total as number;
    const notInPlan = await newTask({ clauseRef: '七(二)财政部门', planId: fifteenth.id }).expect(400);
    expect(notInPlan.body.message).toBe('clauseRef 在规划 taixing-edu-15th 中不存在：七(二)财政部门');
    const unknownPlan = await newTask({ planId: '00000000-0000-4000-8000-000000000000' }).expect(400);
    expect(unknownPlan.body.message).toContain('00000000-0000-4000-8000-000000000000');
    const parent = (await newTask({ clauseRef: '二#2' }).expect(201)).body;
    expect(parent.planId).toBe(fifteenth.id);
    const otherPlan = await newTask({ parentId: parent.id, planId: fourteenth.id, dueDate: '2027-01-31' }).expect(400);
    expect(otherPlan.body.message).toContain('同一规划');
    await newTask({ clauseRef: '不存在的条文' }).expect(400);
    expect((await app.as(supervisor).get('/api/v1/tasks?limit=1').expect(200)).body.total).toBe(before + 1);

    // A change of clause stays within the plan.
    const refused = await app.as(supervisor).patch(`/api/v1/tasks/${parent.id}`).send({ clauseRef: '七(二)财政部门', version: parent.version }).expect(400);
    expect(refused.body.message).toContain('taixing-edu-15th');
    await app.as(supervisor).patch(`/api/v1/tasks/${parent.id}`).send({ clauseRef: '五(一)', version: parent.version }).expect(200);
  });

  it('gives a task inserted without a plan (an older process mid-upgrade) its clause’s plan, else the newest', async () => {
    const rows = await sql<{ clause_ref: string | null; plan_id: string }>(
      app.databaseUrl,
      `INSERT INTO task (title, lead_department_code, due_date, clause_ref)
       VALUES ('旧版本任务', 'edu', '2027-01-01', '七(二)财政部门'), ('旧版本任务', 'edu', '2027-01-01', NULL)
       RETURNING clause_ref, plan_id`,
    );
    expect(rows.map((r) => r.plan_id)).toEqual([fourteenth.id, fifteenth.id]);
  });

  it('imports a 分工表 into one plan: ?plan= or the current plan; clauses read in it; a task of another plan refused', async () => {
    const table = async (rows: string[][]) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('分工表');
      sheet.addRow(['重点任务', '牵头单位', '完成时限', '规划条款']);
      for (const row of rows) sheet.addRow(row);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const upload = (file: Buffer, query: string) => app.as(supervisor).post(`/api/v1/tasks/import?dryRun=false${query}`).attach('file', file, '分工表.xlsx');
    const planOf = async (title: string) =>
      (await sql<{ plan_id: string }>(app.databaseUrl, 'SELECT plan_id FROM task WHERE title = $1', [title])).map((r) => r.plan_id);

    // 二#2 is a clause of the 十五五 draft only; imported into the 十四五 plan it is not a clause, and nothing is written.
    const fifteenthRow = ['导入任务：十五五条款', '教育部门', '2027年底', '二#2'];
    const refused = (await upload(await table([fifteenthRow]), `&plan=${fourteenth.code}`).expect(422)).body;
    expect(refused.errors.map((e: { column: string }) => e.column)).toEqual(['规划条款']);
    expect(refused.planId).toBe(fourteenth.id);
    expect(await planOf(fifteenthRow[0])).toEqual([]);

    // Without ?plan= the current plan (十五五, whose period starts last) takes it.
    const done = (await upload(await table([fifteenthRow]), '').expect(200)).body;
    expect(done).toMatchObject({ created: 1, planId: fifteenth.id });
    expect(await planOf(fifteenthRow[0])).toEqual([fifteenth.id]);

    // The same row (the same task key) imported into the other plan would move it: refused naming the plan.
    const moved = (await upload(await table([[fifteenthRow[0], '教育部门', '2027年底']]), `&plan=${fourteenth.code}`).expect(422)).body;
    expect(moved.errors[0].message).toContain('请在该规划下导入');
    expect(await planOf(fifteenthRow[0])).toEqual([fifteenth.id]);

    const fourteenthRow = ['导入任务：十四五', '教育部门', '2025年底'];
    expect((await upload(await table([fourteenthRow]), `&plan=${fourteenth.id}`).expect(200)).body).toMatchObject({ created: 1 });
    expect(await planOf(fourteenthRow[0])).toEqual([fourteenth.id]);

    const unknown = await upload(await table([fourteenthRow]), '&plan=no-such-plan').expect(404);
    expect(unknown.body.message).toContain('no-such-plan');
  });

  it('counts in a plan’s evaluation only its own tasks', async () => {
    const evaluation = (await app.as(supervisor).get(`/api/v1/plans/${fifteenth.id}/evaluation?asOf=2026-12-31`).expect(200)).body;
    const [{ n }] = await sql<{ n: number }>(app.databaseUrl, `SELECT count(*)::int AS n FROM task WHERE plan_id = $1 AND status <> 'cancelled'`, [
      fifteenth.id,
    ]);
    expect(evaluation.totals.tasksCompleted.total).toBe(n);
  });
});
