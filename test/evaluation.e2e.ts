import ExcelJS from 'exceljs';
import type { EvaluationIndicator, PlanEvaluation } from '../libs/evaluation/evaluation-types.js';
import { CHAPTER_COLUMNS, chapterRows, indicatorColumns } from '../libs/reports/evaluation-columns.js';
import { EVALUATION_CHART_SECTIONS } from '../libs/reports/evaluation-html.js';
import { HEADER_ROWS } from '../libs/reports/assessment-workbook.js';
import { EVALUATION_SHEETS } from '../libs/reports/evaluation-workbook.js';
import type { Column } from '../libs/reports/report-columns.js';
import { insertEvaluationPlan, SCRIPT_NAME, SCRIPT_TASK } from './fixtures/evaluation-plan.js';
import { startApp, type TestApp } from './support/app.js';
import { bytes } from './support/bytes.js';
import { sql } from './support/database.js';

const FINAL = '2025-12-31';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sheet's data rows (below the frozen header) as cell values. */
async function sheetRows(content: Buffer, name: string, width: number): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row, number) => {
    if (number > HEADER_ROWS) rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value));
  });
  return rows;
}

/** What the workbook should hold: the API's items through the same columns (empty text and null as an empty cell). */
function expectedRows<T>(columns: readonly Column<T>[], items: readonly T[]): unknown[][] {
  return items.map((item) =>
    columns.map((c) => {
      const value = c.value(item);
      return value === '' ? null : value;
    }),
  );
}

describe('the plan’s staged evaluation (分期评估)', () => {
  let app: TestApp;
  let admin: string;
  let supervisor: { id: string; token: string };
  let reviewer: { id: string; token: string };
  let liaison: { token: string };
  let planId: string;
  let tasks: Record<string, string>;

  beforeAll(async () => {
    app = await startApp();
    admin = await app.login('admin@duban.local', 'Chief-Pass-2026');
    supervisor = await app.user('supervisor');
    reviewer = await app.user('reviewer');
    liaison = await app.user('liaison', 'edu');
    ({ planId, tasks } = await insertEvaluationPlan(app.databaseUrl));
  });
  afterAll(() => app.close());

  const evaluation = async (asOf: string, token = reviewer.token): Promise<PlanEvaluation> =>
    (await app.as(token).get(`/api/v1/plans/${planId}/evaluation?asOf=${asOf}`).expect(200)).body as PlanEvaluation;
  const byCode = (items: EvaluationIndicator[]) => Object.fromEntries(items.map((i) => [i.code, i]));

  it('judges every indicator as of the final day by its comparator, ignoring values of later years', async () => {
    const e = await evaluation(FINAL);
    expect(e).toMatchObject({ planId, planCode: 'eval-test', asOf: FINAL, startYear: 2021, endYear: 2025, status: null, findings: '', measures: '' });
    expect(e.indicators.map((i) => i.code)).toEqual(['ev-ge', 'ev-le', 'ev-eq', 'ev-keep', 'ev-none']);
    const i = byCode(e.indicators);
    // ≥ 90 from 80: 92 reported for 2025 meets it; 1.2 of the way; the line stands at the target at the end of 2025.
    expect(i['ev-ge']).toMatchObject({
      name: SCRIPT_NAME,
      baseline: 80,
      target: 90,
      latest: 92,
      latestYear: 2025,
      achieved: true,
      progress: 1.2,
      expected: 90,
      pace: 'green',
      trend: 'on_track',
      chapterCode: '一',
    });
    // ≤ 5 from 8: the 2026 value (4) is after asOf; 6 of 2024 is 1 above the target: a third of the way behind (red), heading for 5.5 (off track).
    expect(i['ev-le']).toMatchObject({
      latest: 6,
      latestYear: 2024,
      achieved: false,
      expected: 5,
      pace: 'red',
      trend: 'off_track',
      chapterCode: '二',
      departmentName: expect.any(String),
    });
    expect(i['ev-le'].progress).toBeCloseTo(2 / 3, 12);
    // = 100 from 90: exactly hit.
    expect(i['ev-eq']).toMatchObject({ latest: 100, latestYear: 2025, achieved: true, progress: 1, expected: 100, pace: 'green', trend: 'on_track' });
    // 保持在95%以上 (≥ 95 from 95): 94 misses; no way to go so no progress; a dip of 1/95 is yellow; at risk, not off track.
    expect(i['ev-keep']).toMatchObject({ latest: 94, achieved: false, progress: null, expected: 95, pace: 'yellow', trend: 'at_risk' });
    expect(i['ev-none']).toMatchObject({ latest: null, latestYear: null, achieved: null, progress: null, expected: null, pace: 'unknown', trend: null });
    // Derived targets are shown apart.
    expect(e.derivedIndicators).toEqual([
      expect.objectContaining({ code: 'ev-derived', derived: true, latest: 100, achieved: true, progress: null, pace: 'unknown' }),
    ]);
    expect(e.totals).toEqual({
      targetsAchieved: { achieved: 2, total: 5 },
      derivedAchieved: { achieved: 1, total: 1 },
      tasksCompleted: { completed: 2, total: 10 },
      overdueTasks: 4,
      offTrackIndicators: 1,
      unreportedIndicators: 1,
      missedReports: 1,
    });
  });

  it('counts the tasks by chapter and section as they stood at the end of the day', async () => {
    const e = await evaluation(FINAL);
    const counts = (total: number, onTime: number, late: number, overdue: number, pending: number, cancelled: number) => ({
      total,
      completed: onTime + late,
      onTime,
      late,
      overdue,
      pending,
      cancelled,
      carriedOver: 0,
    });
    expect(e.chapters).toEqual([
      {
        code: '一',
        title: '发展目标',
        // on time, late, cancelled before the day, due on the day, the half-yearly task not yet due.
        tasks: counts(5, 1, 1, 0, 2, 1),
        indicators: { achieved: 1, total: 2 },
        sections: [{ code: '一(一)', title: '普及水平', tasks: counts(5, 1, 1, 0, 2, 1) }],
      },
      {
        code: '二',
        title: '主要任务',
        // completed only after the day (overdue then), overdue in progress, not due, waiting after an on-time submission, submitted late.
        tasks: counts(5, 0, 0, 3, 2, 0),
        indicators: { achieved: 1, total: 3 },
        sections: [{ code: '二(一)', title: '财政保障', tasks: counts(2, 0, 0, 2, 0, 0) }],
      },
      // Cancelled only after the day, without a clause: overdue then.
      { code: null, title: '未关联章节', tasks: counts(1, 0, 0, 1, 0, 0), indicators: { achieved: 0, total: 0 }, sections: [] },
    ]);
  });

  it('lists the open problems by department', async () => {
    const e = await evaluation(FINAL);
    expect(e.problems.map((p) => p.departmentCode)).toEqual(['edu', 'finance', 'tax']);
    const [edu, finance, tax] = e.problems;
    expect(edu.overdueTasks).toEqual([{ id: tasks.signLate, code: null, title: '逾期提交待审签', dueDate: '2025-11-01', daysOverdue: 60 }]);
    expect(edu.offTrackIndicators).toEqual([]);
    expect(edu.unreportedIndicators).toEqual([]);
    // The half-yearly task's first half of 2025 was due on 7 July and never filed; the second half is due in January.
    expect(edu.missedReports).toEqual([{ taskId: tasks.halfYearly, taskCode: null, taskTitle: '半年报任务', period: '2025-H1', dueDate: '2025-07-07' }]);
    expect(finance).toMatchObject({
      overdueTasks: [{ id: tasks.doneAfter, code: null, title: '评估日后完成', dueDate: '2025-10-31', daysOverdue: 61 }],
      offTrackIndicators: [{ code: 'ev-le', name: '生均债务', pace: 'red', trend: 'off_track' }],
      unreportedIndicators: [],
      missedReports: [],
    });
    expect(tax).toMatchObject({
      overdueTasks: [
        { id: tasks.cancelledAfter, title: '评估日后撤销', dueDate: '2025-08-31', daysOverdue: 122 },
        { id: tasks.overdue, title: SCRIPT_TASK, dueDate: '2025-09-30', daysOverdue: 92 },
      ],
      offTrackIndicators: [],
      unreportedIndicators: [{ code: 'ev-none', name: '未报送指标' }],
      missedReports: [],
    });
  });

  it('evaluates the middle of the period the same way', async () => {
    const e = await evaluation('2023-06-30');
    const i = byCode(e.indicators);
    expect(i['ev-ge']).toMatchObject({ latest: 86, latestYear: 2023, achieved: false, progress: 0.6, pace: 'green' });
    expect(i['ev-ge'].expected).toBeCloseTo(80 + 10 * ((2 + 181 / 365) / 5), 5);
    expect(i['ev-le']).toMatchObject({ latest: null, achieved: null, pace: 'unknown' });
    expect(e.totals).toMatchObject({
      targetsAchieved: { achieved: 0, total: 5 },
      tasksCompleted: { completed: 0, total: 11 },
      overdueTasks: 0,
      missedReports: 0,
    });
  });

  it('refuses bad input and unknown plans, and department roles', async () => {
    const r = app.as(reviewer.token);
    for (const asOf of ['2025-13-01', '2025-02-30', '20251231', 'x']) {
      const res = await r.get(`/api/v1/plans/${planId}/evaluation?asOf=${asOf}`).expect(400);
      expect(JSON.stringify(res.body)).toContain('asOf');
    }
    const early = await r.get(`/api/v1/plans/${planId}/evaluation?asOf=2020-12-31`).expect(400);
    expect(JSON.stringify(early.body)).toContain('2021-01-01');
    await r.get(`/api/v1/plans/00000000-0000-4000-8000-000000000000/evaluation?asOf=${FINAL}`).expect(404);
    await r.get(`/api/v1/plans/not-a-uuid/evaluation?asOf=${FINAL}`).expect(400);
    await r.get(`/api/v1/plans/00000000-0000-4000-8000-000000000000/evaluation.xlsx?asOf=${FINAL}`).expect(404);
    await app.as(supervisor.token).put(`/api/v1/plans/${planId}/evaluations/2025-02-30`).send({ findings: 'a', measures: 'b' }).expect(400);
    await app.as(supervisor.token).put(`/api/v1/plans/${planId}/evaluations/${FINAL}`).send({ findings: 1 }).expect(400);
    await app.as(liaison.token).get(`/api/v1/plans/${planId}/evaluation?asOf=${FINAL}`).expect(403);
    await app.as(liaison.token).put(`/api/v1/plans/${planId}/evaluations/${FINAL}`).send({ findings: 'a', measures: 'b' }).expect(403);
    await app.as(supervisor.token).post(`/api/v1/plans/${planId}/evaluations/${FINAL}/finalize`).expect(403);
    // Nothing written for the day yet: nothing to finalise.
    await app.as(admin).post(`/api/v1/plans/${planId}/evaluations/${FINAL}/finalize`).expect(404);
    expect(await sql(app.databaseUrl, 'SELECT 1 FROM plan_evaluation')).toEqual([]);
  });

  it('renders the workbook with the API’s numbers', async () => {
    const e = await evaluation(FINAL);
    const res = await bytes(app.as(reviewer.token).get(`/api/v1/plans/${planId}/evaluation.xlsx?asOf=${FINAL}`)).expect(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain(`plan-evaluation-eval-test-${FINAL}.xlsx`);
    const content = res.body as Buffer;
    const columns = indicatorColumns(e);
    expect(columns.slice(0, 5).map((c) => c.header)).toEqual(['指标', '单位', '2020年基数', '2025年目标', '实际完成']);
    expect(columns[6].header).toBe('完成情况');
    expect(await sheetRows(content, EVALUATION_SHEETS.indicators, columns.length)).toEqual(expectedRows(columns, e.indicators));
    const rows = await sheetRows(content, EVALUATION_SHEETS.indicators, columns.length);
    expect(rows.map((r) => [r[0], r[3], r[6]])).toEqual([
      [SCRIPT_NAME, '≥90', '已完成'],
      ['生均债务', '≤5', '未完成'],
      ['标准化学校数', '100', '已完成'],
      ['巩固率保持在95%以上', '≥95', '未完成'],
      ['未报送指标', '≥50', '未报送'],
    ]);
    expect(await sheetRows(content, EVALUATION_SHEETS.derived, columns.length)).toEqual(expectedRows(columns, e.derivedIndicators));
    expect(await sheetRows(content, EVALUATION_SHEETS.chapters, CHAPTER_COLUMNS.length)).toEqual(expectedRows(CHAPTER_COLUMNS, chapterRows(e.chapters)));
  });

  it('renders the HTML report escaped, with its charts, the same bytes twice', async () => {
    const get = () => bytes(app.as(supervisor.token).get(`/api/v1/plans/${planId}/evaluation.html?asOf=${FINAL}`)).expect(200);
    const [first, second] = [await get(), await get()];
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(first.headers['content-disposition']).toMatch(/^inline;/);
    expect(Buffer.compare(first.body as Buffer, second.body as Buffer)).toBe(0);
    const html = (first.body as Buffer).toString('utf8');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;入学率');
    expect(html).toContain('&lt;script&gt;steal()&lt;/script&gt;逾期任务');
    for (const section of EVALUATION_CHART_SECTIONS) {
      const part = html.slice(html.indexOf(`data-section="${section}"`));
      expect(part.slice(0, part.indexOf('</section>')).match(/<svg/g)).toHaveLength(1);
    }
    expect(html).toContain('规划目标完成</dt><dd>2/5');
  });

  it('keeps the findings with the numbers, audited, and freezes them on finalising', async () => {
    const url = `/api/v1/plans/${planId}/evaluations/${FINAL}`;
    const first = await app.as(supervisor.token).put(url).send({ findings: '目标总体完成。\n<b>部分滞后</b>', measures: '加强督办' }).expect(200);
    expect(first.body).toMatchObject({
      planId,
      asOf: FINAL,
      status: 'draft',
      findings: '目标总体完成。\n<b>部分滞后</b>',
      measures: '加强督办',
      updatedBy: supervisor.id,
      finalizedAt: null,
    });
    expect(first.body.totals.targetsAchieved).toEqual({ achieved: 2, total: 5 });
    await app.as(reviewer.token).put(url).send({ findings: '目标总体完成，部分指标滞后。', measures: '十五五期间加强督办' }).expect(200);
    const audit = await sql(app.databaseUrl, `SELECT actor_id, before, after FROM audit_log WHERE action = 'evaluation.save' ORDER BY seq`);
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({
      actor_id: reviewer.id,
      before: { findings: '目标总体完成。\n<b>部分滞后</b>', measures: '加强督办' },
      after: { findings: '目标总体完成，部分指标滞后。', measures: '十五五期间加强督办' },
    });
    expect((await evaluation(FINAL)).findings).toBe('目标总体完成，部分指标滞后。');
    const html = (await bytes(app.as(reviewer.token).get(`/api/v1/plans/${planId}/evaluation.html?asOf=${FINAL}`)).expect(200)).body.toString('utf8');
    expect(html).toContain('<p>十五五期间加强督办</p>');

    const finalized = await app.as(admin).post(`${url}/finalize`).expect(200);
    expect(finalized.body).toMatchObject({ status: 'finalized', finalizedAt: expect.any(String) });
    expect(await sql(app.databaseUrl, `SELECT 1 FROM audit_log WHERE action = 'evaluation.finalize'`)).toHaveLength(1);
    await app.as(reviewer.token).put(url).send({ findings: '改', measures: '改' }).expect(409);
    await app.as(admin).post(`${url}/finalize`).expect(409);
    expect(await sql(app.databaseUrl, `SELECT 1 FROM audit_log WHERE action LIKE 'evaluation.%'`)).toHaveLength(3);

    // A value reported later does not change a finalised evaluation; another day is still computed live.
    await sql(app.databaseUrl, `UPDATE indicator_value SET value = 5 WHERE indicator_code = 'ev-le' AND year = 2024`);
    const frozen = await evaluation(FINAL);
    expect(frozen).toMatchObject({ status: 'finalized', findings: '目标总体完成，部分指标滞后。' });
    expect(byCode(frozen.indicators)['ev-le']).toMatchObject({ latest: 6, achieved: false });
    expect(byCode((await evaluation('2025-12-30')).indicators)['ev-le']).toMatchObject({ latest: 5, achieved: true });

    const list = (await app.as(reviewer.token).get(`/api/v1/plans/${planId}/evaluations`).expect(200)).body;
    expect(list).toEqual([expect.objectContaining({ asOf: FINAL, status: 'finalized', measures: '十五五期间加强督办' })]);
  });
});
