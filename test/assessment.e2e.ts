import ExcelJS from 'exceljs';
import type { INestApplicationContext } from '@nestjs/common';
import type request from 'supertest';
import type { DepartmentAssessment } from '../libs/assessment/assessment-types.js';
import { calendarDate, daysBetween } from '../libs/common/dates.js';
import { CHART_SECTIONS } from '../libs/reports/assessment-html.js';
import { HEADER_ROWS, RANKING_SHEET } from '../libs/reports/assessment-workbook.js';
import { RANKING_COLUMNS } from '../libs/reports/report-columns.js';
import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';
import { startWorker, waitFor } from './support/worker.js';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const YEAR = 2024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The response with its body as bytes. */
function bytes(test: request.Test): request.Test {
  return test.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

/** The ranking sheet's data rows, keyed by department name: each a list of cell values in RANKING_COLUMNS order. */
async function rankingRows(bytes: Buffer): Promise<Map<string, unknown[]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(RANKING_SHEET);
  if (!sheet) throw new Error(`no sheet ${RANKING_SHEET}`);
  const rows = new Map<string, unknown[]>();
  sheet.eachRow((row, number) => {
    if (number <= HEADER_ROWS) return;
    const cells = RANKING_COLUMNS.map((_c, i) => row.getCell(i + 1).value);
    rows.set(cells[1] as string, cells);
  });
  return rows;
}

/** What the workbook should hold for a department: the API's numbers through the same columns (shares and days as numbers). */
function expectedRow(d: DepartmentAssessment): unknown[] {
  return RANKING_COLUMNS.map((c) => {
    const value = c.value(d);
    return value === '' ? null : value;
  });
}

describe('annual assessment (年度考核)', () => {
  let app: TestApp;
  let supervisor: { id: string; token: string };
  let liaison: { id: string; token: string };
  let leader: { id: string; token: string };
  let reviewerA: { id: string; token: string };
  let reviewerB: { id: string; token: string };
  let admin: string;
  const tasks: Record<string, string> = {};

  beforeAll(async () => {
    app = await startApp();
    admin = await app.login('admin@duban.local', 'Chief-Pass-2026');
    supervisor = await app.user('supervisor');
    liaison = await app.user('liaison', 'tax');
    leader = await app.user('leader', 'tax');
    reviewerA = await app.user('reviewer');
    reviewerB = await app.user('reviewer');
  });
  afterAll(() => app.close());

  /** A tax task taken through the API: accepted, evidence, `returns` returns, approved with `grade` (or left open). */
  async function taxTask(title: string, dueDate: string, flow: { returns?: number; grade?: string; open?: boolean; extension?: 'rejected' | 'pending' }) {
    const s = app.as(supervisor.token);
    const l = app.as(liaison.token);
    const task = (await s.post('/api/v1/tasks').send({ title, leadDepartment: 'tax', dueDate })).body;
    expect(task.id).toBeDefined();
    await l.post(`/api/v1/tasks/${task.id}/accept`).send({}).expect(200);
    if (flow.extension) {
      const request = await l
        .post(`/api/v1/tasks/${task.id}/extension-requests`)
        .send({ requestedDueDate: `${YEAR + 1}-06-30`, reason: '需要更多时间' })
        .expect(201);
      if (flow.extension === 'rejected') await s.post(`/api/v1/extension-requests/${request.body.id}/reject`).send({ comment: '不同意' }).expect(200);
    }
    if (flow.open) return task.id as string;
    const evidence = (await l.post(`/api/v1/tasks/${task.id}/evidence`).attach('file', PDF, '佐证.pdf').expect(201)).body.id;
    for (let i = 0; i < (flow.returns ?? 0); i++) {
      await l
        .post(`/api/v1/tasks/${task.id}/submit`)
        .send({ summary: '已完成', evidenceIds: [evidence] })
        .expect(200);
      await s.post(`/api/v1/tasks/${task.id}/return`).send({ reason: '材料不全' }).expect(200);
    }
    await l
      .post(`/api/v1/tasks/${task.id}/submit`)
      .send({ summary: '已完成', evidenceIds: [evidence] })
      .expect(200);
    await s.post(`/api/v1/tasks/${task.id}/approve`).send({ grade: flow.grade }).expect(200);
    return task.id as string;
  }

  /**
   * The finally approved submission was made at `at`; the supervisor approved it three days later.
   * The fair clock judges the submission: the reviewer's three days never make a department late.
   */
  async function submittedAt(taskId: string, at: string) {
    await sql(app.databaseUrl, `UPDATE task SET submitted_at = $2, completed_at = $2::timestamptz + interval '3 days' WHERE id = $1`, [taskId, at]);
  }

  async function tax(year = YEAR): Promise<DepartmentAssessment> {
    const res = await app.as(reviewerA.token).get(`/api/v1/assessments/${year}/departments`).expect(200);
    return (res.body as DepartmentAssessment[]).find((d) => d.departmentCode === 'tax')!;
  }

  /** Rows an assessment write may touch, to show a refused request changed nothing. */
  async function state() {
    return {
      scores: await sql(
        app.databaseUrl,
        'SELECT id, year, department_code, reviewer_id, score, comment, version, updated_at FROM assessment_score ORDER BY id',
      ),
      cycles: await sql(app.databaseUrl, 'SELECT year, status, finalized_at, snapshot FROM assessment_cycle ORDER BY year'),
      audit: await sql(app.databaseUrl, 'SELECT count(*)::int AS n FROM audit_log'),
    };
  }

  it('opens a cycle once; reviewers and admins list it; others may not', async () => {
    const opened = await app.as(reviewerA.token).post('/api/v1/assessments').send({ year: YEAR });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ year: YEAR, status: 'open', openedBy: reviewerA.id, finalizedAt: null });

    const again = await app.as(admin).post('/api/v1/assessments').send({ year: YEAR });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(`${YEAR} 年度考核已存在`);
    expect((await app.as(admin).post('/api/v1/assessments').send({ year: 1999 })).status).toBe(400);

    expect((await app.as(admin).get('/api/v1/assessments')).body).toEqual([expect.objectContaining({ year: YEAR, status: 'open' })]);
    expect((await app.as(supervisor.token).get('/api/v1/assessments')).status).toBe(403);
    expect((await app.as(supervisor.token).post('/api/v1/assessments').send({ year: 2023 })).status).toBe(403);
    expect((await app.as(liaison.token).get(`/api/v1/assessments/${YEAR}/departments`)).status).toBe(403);
    expect((await app.as(supervisor.token).get(`/api/v1/assessments/${YEAR}/departments`)).status).toBe(200);
    expect((await app.as(reviewerA.token).get('/api/v1/assessments/2019')).status).toBe(404);
    const audit = await sql(app.databaseUrl, `SELECT actor_id FROM audit_log WHERE action = 'assessment.open' AND entity_id = $1`, [String(YEAR)]);
    expect(audit).toEqual([{ actor_id: reviewerA.id }]);
  });

  it('computes a hand-built year of one department from the record, to the second at the day boundary in Asia/Shanghai', async () => {
    // T1 due 31 March, (re)submitted at 23:59:59 Shanghai time that day and approved 3 April: on time; one return; excellent.
    tasks.t1 = await taxTask('一季度任务', `${YEAR}-03-31`, { returns: 1, grade: 'excellent' });
    await submittedAt(tasks.t1, `${YEAR}-03-31 23:59:59+08`);
    // T2 due 30 June, submitted at 00:00:00 Shanghai time the next day: one day late; good.
    tasks.t2 = await taxTask('二季度任务', `${YEAR}-06-30`, { grade: 'good' });
    await submittedAt(tasks.t2, `${YEAR}-07-01 00:00:00+08`);
    // T3 due 30 September, submitted 5 October: five days late; a rejected extension request, one return; pass.
    tasks.t3 = await taxTask('三季度任务', `${YEAR}-09-30`, { returns: 1, grade: 'pass', extension: 'rejected' });
    await submittedAt(tasks.t3, `${YEAR}-10-05 10:00:00+08`);
    // T4 due 31 December, still open (overdue), an extension request pending, escalated to the tax leader.
    tasks.t4 = await taxTask('四季度任务', `${YEAR}-12-31`, { open: true, extension: 'pending' });
    // T5 completed early, without evidence, graded fail (recorded directly).
    const [t5] = await sql<{ id: string }>(
      app.databaseUrl,
      `INSERT INTO task (title, lead_department_code, due_date, status, completed_at, grade, percent, next_reminder_at)
       VALUES ('无佐证任务', 'tax', $1, 'completed', $2, 'fail', 100, NULL) RETURNING id`,
      [`${YEAR}-05-15`, `${YEAR}-05-10 09:00:00+08`],
    );
    tasks.t5 = t5.id;
    // Outside the year (by one day on either side) and led by another department: not counted.
    await sql(
      app.databaseUrl,
      `INSERT INTO task (title, lead_department_code, due_date, status) VALUES ('去年', 'tax', $1, 'in_progress'), ('明年', 'tax', $2, 'in_progress'), ('财政', 'finance', $3, 'in_progress')`,
      [`${YEAR - 1}-12-31`, `${YEAR + 1}-01-01`, `${YEAR}-06-30`],
    );
    const note = (taskId: string, recipientId: string, template: string) =>
      sql(
        app.databaseUrl,
        `INSERT INTO notification (task_id, step_index, step_at, recipient_id, due_date, template, subject, body)
       SELECT id, 3, 'P3D', $2, due_date, $3, '督办提醒', '正文' FROM task WHERE id = $1`,
        [taskId, recipientId, template],
      );
    await note(tasks.t4, leader.id, 'escalation');
    await note(tasks.t2, liaison.id, 'overdue'); // a liaison's reminder is not an escalation

    const today = calendarDate('Asia/Shanghai');
    const overdueDays = daysBetween(`${YEAR}-12-31`, today);
    const d = await tax();
    expect(d.departmentName).toBeTruthy();
    expect(d.metrics).toEqual({
      due: 5,
      onTime: 2,
      late: 2,
      overdue: 1,
      pending: 0,
      meanDaysLate: Math.round(((1 + 5 + overdueDays) / 3) * 100) / 100,
      returns: 2,
      evidenceShare: 0.75,
      extensionRequests: 2,
      turnedRed: 3,
      escalated: 1,
      grades: { excellent: 1, good: 1, pass: 1, fail: 1 },
      indicators: { on_track: 0, at_risk: 0, off_track: 0, unknown: 0 },
      // No task with a reporting cycle (定期报送): test/assessment-reports.e2e.ts counts those.
      reportsDue: 0,
      reportsOnTime: 0,
      reportsLate: 0,
      reportsMissed: 0,
    });
    // Weights 40 / 20 / 25 (tax has no indicators: their 15 is spread over the rest, ×100/85):
    // (40·2/5 + 20·0.75 + 25·(100+85+70+0)/400) · 100/85 = 46.9375 · 100/85 = 55.22;
    // minus 3 red × 1, 1 escalated × 2, 2 returns × 0.5 = 6  →  49.22.
    expect(d.computedScore).toBe(49.22);
    expect(d.breakdown.map((b) => [b.item, b.points])).toEqual([
      ['metric:onTimeRate', 18.82],
      ['metric:evidenceShare', 17.65],
      ['metric:gradeScore', 18.75],
      ['metric:indicatorState', 0],
      ['deduction:turnedRed', -3],
      ['deduction:escalated', -2],
      ['deduction:returns', -1],
    ]);
    expect(d).toMatchObject({ reviewerScores: [], reviewerMean: null, finalScore: 49.22 });

    // A minute either side of the boundary moves T1 and T2 between on time and late.
    await submittedAt(tasks.t1, `${YEAR}-04-01 00:00:00+08`);
    await submittedAt(tasks.t2, `${YEAR}-06-30 23:59:59+08`);
    expect((await tax()).metrics).toMatchObject({ onTime: 2, late: 2, meanDaysLate: Math.round(((1 + 5 + overdueDays) / 3) * 100) / 100 });
    await submittedAt(tasks.t2, `${YEAR}-07-01 00:00:00+08`);
    expect((await tax()).metrics).toMatchObject({ onTime: 1, late: 3 });
    await submittedAt(tasks.t1, `${YEAR}-03-31 23:59:59+08`);
    expect((await tax()).metrics).toMatchObject({ onTime: 2, late: 2 });
  });

  it('counts a department’s indicators by trend as libs/indicators judges them', async () => {
    const edu = await app.user('liaison', 'edu');
    const indicators = (await app.as(admin).get('/api/v1/indicators?department=edu')).body as Array<{ code: string; baseline: number | null; target: number }>;
    const withBaseline = indicators.find((i) => i.baseline !== null)!;
    await app.as(edu.token).post(`/api/v1/indicators/${withBaseline.code}/values`).send({ year: YEAR, value: withBaseline.target }).expect(201);
    // A value of a later year is not part of this year's assessment.
    await app
      .as(edu.token)
      .post(`/api/v1/indicators/${withBaseline.code}/values`)
      .send({ year: YEAR + 2, value: withBaseline.target })
      .expect(201);
    const rows = (await app.as(admin).get(`/api/v1/assessments/${YEAR}/departments`)).body as DepartmentAssessment[];
    const listed = (await app.as(admin).get('/api/v1/indicators?department=edu')).body as Array<{ trend: string | null }>;
    const expected = { on_track: 0, at_risk: 0, off_track: 0, unknown: listed.length - 1 };
    expected.on_track = 1;
    expect(rows.find((r) => r.departmentCode === 'edu')!.metrics.indicators).toEqual(expected);
    expect(rows.find((r) => r.departmentCode === 'edu')!.breakdown.find((b) => b.item === 'metric:indicatorState')!.label).toBe('指标进展（权重 15）：100%');
  });

  it('counts work not yet due as pending, and completed early as on time', async () => {
    const future = Number(calendarDate('Asia/Shanghai').slice(0, 4)) + 5;
    await app.as(admin).post('/api/v1/assessments').send({ year: future }).expect(201);
    await taxTask('提前完成', `${future}-06-30`, { grade: 'good' });
    await taxTask('尚未到期', `${future}-12-31`, { open: true });
    const d = await tax(future);
    expect(d.metrics).toMatchObject({ due: 2, onTime: 1, late: 0, overdue: 0, pending: 1, meanDaysLate: null, evidenceShare: 1, turnedRed: 0 });
    // On time 1/1, evidence 1/1, one good grade (85), but fewer than the rubric's fewTasks.minTasks (3): each share is
    // weighed with two neutral tasks at 0.8 — (1 + 1.6)/3, (1 + 1.6)/3, (0.85 + 1.6)/3 — so one task cannot crown a department:
    // (40·0.8667 + 20·0.8667 + 25·0.8167) · 100/85 = 85.2 (95.59 as recorded).
    expect(d.computedScore).toBe(85.2);
  });

  it('refuses bad scores with a clear 4xx and changes nothing', async () => {
    const a = app.as(reviewerA.token);
    const put = (path: string, body: unknown) => a.put(path).send(body as object);
    const before = await state();
    const cases: Array<[string, unknown, number, string]> = [
      [`/api/v1/assessments/${YEAR}/departments/tax`, { score: 101, comment: '好' }, 400, 'score 大于允许的最大值'],
      [`/api/v1/assessments/${YEAR}/departments/tax`, { score: -1, comment: '好' }, 400, 'score 小于允许的最小值'],
      [`/api/v1/assessments/${YEAR}/departments/tax`, { score: 'ninety' }, 400, 'score 必须是数字'],
      [`/api/v1/assessments/${YEAR}/departments/tax`, { score: 80.123 }, 400, 'score 必须是数字'],
      [`/api/v1/assessments/${YEAR}/departments/tax`, { score: 50 }, 400, '评分低于 60 分时必须填写评语'],
      [`/api/v1/assessments/${YEAR}/departments/tax`, { score: 50, comment: '   ' }, 400, '评分低于 60 分时必须填写评语'],
      [`/api/v1/assessments/${YEAR}/departments/nowhere`, { score: 80 }, 404, '部门不存在：nowhere'],
      [`/api/v1/assessments/2019/departments/tax`, { score: 80 }, 404, '考核年度不存在：2019'],
      [`/api/v1/assessments/${YEAR}/departments/tax`, { score: 80, version: 1 }, 409, '首次评分不应带 version'],
    ];
    for (const [path, body, status, message] of cases) {
      const res = await put(path, body);
      expect([res.status, JSON.stringify(res.body.message)]).toEqual([status, expect.stringContaining(message)]);
    }
    expect((await app.as(admin).put(`/api/v1/assessments/${YEAR}/departments/tax`).send({ score: 80 })).status).toBe(403);
    expect((await app.as(supervisor.token).put(`/api/v1/assessments/${YEAR}/departments/tax`).send({ score: 80 })).status).toBe(403);
    expect(await state()).toEqual(before);
  });

  it('takes each reviewer’s score once, revisions by version, and combines them with the computed score', async () => {
    const first = await app.as(reviewerA.token).put(`/api/v1/assessments/${YEAR}/departments/tax`).send({ score: 70, comment: '基本完成' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ reviewerId: reviewerA.id, score: 70, comment: '基本完成', version: 1 });

    // The same reviewer scoring again without the version: a conflict, nothing changed.
    const before = await state();
    const twice = await app.as(reviewerA.token).put(`/api/v1/assessments/${YEAR}/departments/tax`).send({ score: 90, comment: '再评' });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('已为部门 tax 评过分（当前版本 1）');
    const stale = await app.as(reviewerA.token).put(`/api/v1/assessments/${YEAR}/departments/tax`).send({ score: 90, version: 7 });
    expect(stale.status).toBe(409);
    expect(await state()).toEqual(before);

    const revised = await app.as(reviewerA.token).put(`/api/v1/assessments/${YEAR}/departments/tax`).send({ score: 72.5, comment: '修正', version: 1 });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ score: 72.5, comment: '修正', version: 2 });
    const low = await app.as(reviewerB.token).put(`/api/v1/assessments/${YEAR}/departments/tax`).send({ score: 47.5, comment: '四季度任务逾期未完成' });
    expect(low.status).toBe(200);

    const d = await tax();
    expect(d.reviewerScores.map((s) => [s.reviewerId, s.score, s.version])).toEqual([
      [reviewerA.id, 72.5, 2],
      [reviewerB.id, 47.5, 1],
    ]);
    expect(d.reviewerMean).toBe(60);
    // 49.22 · 0.7 + 60 · 0.3 = 52.454
    expect(d.finalScore).toBe(52.45);

    const audit = await sql<{ action: string; before: unknown; after: unknown }>(
      app.databaseUrl,
      `SELECT action, before, after FROM audit_log WHERE entity_type = 'assessment_score' ORDER BY seq`,
    );
    expect(audit).toEqual([
      { action: 'assessment.score', before: null, after: { score: 70, comment: '基本完成', version: 1 } },
      { action: 'assessment.score.revise', before: { score: 70, comment: '基本完成', version: 1 }, after: { score: 72.5, comment: '修正', version: 2 } },
      { action: 'assessment.score', before: null, after: { score: 47.5, comment: '四季度任务逾期未完成', version: 1 } },
    ]);
  });

  it('ranks by final score with shared ranks (1, 2, 2, 4), and leaves a department with nothing due unranked (无考核任务)', async () => {
    const all = (await app.as(supervisor.token).get(`/api/v1/assessments/${YEAR}/departments`)).body as DepartmentAssessment[];
    const rows = all.filter((r) => r.rank !== null);
    const unranked = all.filter((r) => r.rank === null);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(all.slice(0, rows.length)).toEqual(rows); // ranked first, the unranked after them
    for (const [i, row] of rows.entries()) {
      expect(row.rank).toBe(1 + rows.filter((r) => r.finalScore > row.finalScore).length);
      if (i > 0) expect(row.finalScore).toBeLessThanOrEqual(rows[i - 1].finalScore);
    }
    // Doing nothing cannot win: every department without a task due this year is listed, unranked, whatever its computed score.
    expect(unranked.length).toBeGreaterThan(0);
    expect(unranked.every((r) => r.metrics.due === 0)).toBe(true);
    expect(rows.every((r) => r.metrics.due > 0)).toBe(true);
  });

  it('serves the workbook and the HTML report with the numbers the API shows', async () => {
    const rows = (await app.as(reviewerA.token).get(`/api/v1/assessments/${YEAR}/departments`)).body as DepartmentAssessment[];
    const res = await bytes(app.as(supervisor.token).get(`/api/v1/assessments/${YEAR}/report.xlsx`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="assessment-report-${YEAR}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${YEAR}年度考核报告.xlsx`)}`,
    );
    const sheet = await rankingRows(res.body as Buffer);
    expect(sheet.size).toBe(rows.length);
    for (const d of rows) expect(sheet.get(d.departmentName)).toEqual(expectedRow(d));

    const html = await app.as(reviewerA.token).get(`/api/v1/assessments/${YEAR}/report.html`);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-disposition']).toBe(
      `inline; filename="assessment-report-${YEAR}.html"; filename*=UTF-8''${encodeURIComponent(`${YEAR}年度考核报告.html`)}`,
    );
    for (const section of CHART_SECTIONS) {
      const body = new RegExp(`<section data-section="${section}">([\\s\\S]*?)</section>`).exec(html.text)?.[1] ?? '';
      expect([section, body.split('<svg').length - 1]).toEqual([section, 1]);
    }
    expect(html.text).toContain('52.45');
    expect((await app.as(liaison.token).get(`/api/v1/assessments/${YEAR}/report.xlsx`)).status).toBe(403);
    expect((await app.as(reviewerA.token).get('/api/v1/assessments/2019/report.html')).status).toBe(404);
  });

  it('finalises once, freezing the report: later edits of tasks change neither the API nor the files', async () => {
    expect((await app.as(reviewerA.token).post(`/api/v1/assessments/${YEAR}/finalize`)).status).toBe(403);
    const done = await app.as(admin).post(`/api/v1/assessments/${YEAR}/finalize`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ year: YEAR, status: 'finalized', finalizedAt: expect.any(String) });
    const frozen = (await app.as(reviewerA.token).get(`/api/v1/assessments/${YEAR}/departments`)).body as DepartmentAssessment[];
    const frozenXlsx = await rankingRows((await bytes(app.as(admin).get(`/api/v1/assessments/${YEAR}/report.xlsx`))).body as Buffer);
    // ECharts numbers its CSS classes per chart instance; everything else of the page must be the same.
    const html = async () => (await app.as(admin).get(`/api/v1/assessments/${YEAR}/report.html`)).text;
    const frozenHtml = await html();
    const frozenCycle = (await app.as(admin).get(`/api/v1/assessments/${YEAR}`)).body;

    const again = await app.as(admin).post(`/api/v1/assessments/${YEAR}/finalize`);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('已于');
    const before = await state();
    const late = await app.as(reviewerA.token).put(`/api/v1/assessments/${YEAR}/departments/tax`).send({ score: 99, version: 2 });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain(`${YEAR} 年度考核已定稿，不能再评分`);
    const fresh = await app.as(reviewerB.token).put(`/api/v1/assessments/${YEAR}/departments/edu`).send({ score: 99 });
    expect(fresh.status).toBe(409);
    expect(await state()).toEqual(before);

    // The record moves on: T4 completed, T5 gets evidence-less company, a return recorded on T1's history.
    await sql(app.databaseUrl, `UPDATE task SET status = 'completed', completed_at = now(), grade = 'excellent' WHERE id = $1`, [tasks.t4]);
    await app
      .as(supervisor.token)
      .post('/api/v1/tasks')
      .send({ title: '补录任务', leadDepartment: 'tax', dueDate: `${YEAR}-08-01` })
      .expect(201);
    await sql(app.databaseUrl, `DELETE FROM notification WHERE task_id = $1`, [tasks.t4]);

    expect((await app.as(reviewerA.token).get(`/api/v1/assessments/${YEAR}/departments`)).body).toEqual(frozen);
    expect((await tax()).metrics).toMatchObject({ due: 5, overdue: 1, escalated: 1 });
    expect(await rankingRows((await bytes(app.as(admin).get(`/api/v1/assessments/${YEAR}/report.xlsx`))).body as Buffer)).toEqual(frozenXlsx);
    expect(await html()).toBe(frozenHtml);
    const cycle = (await app.as(admin).get(`/api/v1/assessments/${YEAR}`)).body;
    expect(cycle).toEqual(frozenCycle);
    expect(cycle).toMatchObject({ status: 'finalized', scoreCount: 2 });
  });

  describe('the report job', () => {
    let worker: INestApplicationContext;
    beforeAll(async () => {
      worker = await startWorker(app, { REMINDER_SWEEP_MS: '3600000' });
    });
    afterAll(() => worker.close());

    it.each(['xlsx', 'html'])('builds the %s file in the worker: 202, polled to 100, downloaded', async (format) => {
      const t = app.as(supervisor.token);
      const queued = await t.post(`/api/v1/assessments/${YEAR}/reports`).send({ format });
      expect(queued.status).toBe(202);
      expect(queued.body).toMatchObject({ id: expect.any(String), status: 'queued', progress: 0, format });
      const seen = new Set<number>();
      const finished = await waitFor(
        'the report to be built',
        async () => {
          const res = await t.get(`/api/v1/assessments/${YEAR}/reports/${queued.body.id}`).expect(200);
          seen.add(res.body.progress);
          return ['done', 'failed'].includes(res.body.status) ? res.body : null;
        },
        30_000,
        20,
      );
      expect(finished).toMatchObject({ status: 'done', progress: 100, error: null });
      const file = await bytes(t.get(`/api/v1/assessments/${YEAR}/reports/${queued.body.id}/file`));
      expect(file.status).toBe(200);
      expect(file.headers['content-disposition']).toContain(encodeURIComponent(`${YEAR}年度考核报告.${format}`));
      if (format === 'xlsx') {
        const frozen = (await t.get(`/api/v1/assessments/${YEAR}/departments`)).body as DepartmentAssessment[];
        const sheet = await rankingRows(file.body as Buffer);
        for (const d of frozen) expect(sheet.get(d.departmentName)).toEqual(expectedRow(d));
      } else {
        expect((file.body as Buffer).toString('utf8')).toContain('<svg');
      }
    });

    it('answers 404 for another year’s or an unknown report, 409 for a file not built yet, 400 for a bad format', async () => {
      const t = app.as(admin);
      const queued = await t.post(`/api/v1/assessments/${YEAR}/reports`).send({ format: 'xlsx' }).expect(202);
      expect((await t.get(`/api/v1/assessments/2025/reports/${queued.body.id}`)).status).toBe(404);
      expect((await t.get(`/api/v1/assessments/${YEAR}/reports/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
      expect((await t.post(`/api/v1/assessments/${YEAR}/reports`).send({ format: 'pdf' })).status).toBe(400);
      expect((await t.post('/api/v1/assessments/2019/reports').send({ format: 'xlsx' })).status).toBe(404);
      await sql(app.databaseUrl, `INSERT INTO assessment_report (year, format) VALUES ($1, 'html')`, [YEAR]);
      const [pending] = await sql<{ id: string }>(app.databaseUrl, `SELECT id FROM assessment_report WHERE status = 'queued' AND requested_by IS NULL`);
      // Not queued (recorded behind the queue's back) — until the worker's reconciliation finds it, the file is not there.
      const early = await t.get(`/api/v1/assessments/${YEAR}/reports/${pending.id}/file`);
      expect(early.status).toBe(409);
      expect(early.body.message).toContain('报告尚未生成完成');
    });
  });

  it('builds a large report by a job even from GET, and serves the finalised file once built', async () => {
    const small = await startApp({ ASSESSMENT_INLINE_REPORT_MAX_TASKS: '3' });
    try {
      const token = await small.login('admin@duban.local', 'Chief-Pass-2026');
      const t = small.as(token);
      await t.post('/api/v1/assessments').send({ year: 2025 }).expect(201);
      const first = await t.get('/api/v1/assessments/2025/report.xlsx');
      expect(first.status).toBe(202);
      expect(first.headers.location).toBe(`/api/v1/assessments/2025/reports/${first.body.id}`);
      // Asking again while it is queued points at the same job.
      expect((await t.get('/api/v1/assessments/2025/report.xlsx')).body.id).toBe(first.body.id);
      const worker = await startWorker(small, { REMINDER_SWEEP_MS: '3600000' });
      try {
        await waitFor('the job', async () => (await t.get(first.headers.location)).body.status === 'done', 30_000);
        await t.post('/api/v1/assessments/2025/finalize').expect(200);
        const queued = await t.get('/api/v1/assessments/2025/report.html');
        expect(queued.status).toBe(202);
        await waitFor('the html job', async () => (await t.get(queued.headers.location)).body.status === 'done', 30_000);
        const served = await t.get('/api/v1/assessments/2025/report.html');
        expect(served.status).toBe(200);
        expect(served.text).toContain('<svg');
      } finally {
        await worker.close();
      }
    } finally {
      await small.close();
    }
  });
});
