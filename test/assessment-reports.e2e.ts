import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { DepartmentAssessment } from '../libs/assessment/assessment-types.js';
import { HEADER_ROWS, RANKING_SHEET } from '../libs/reports/assessment-workbook.js';
import { RANKING_COLUMNS } from '../libs/reports/report-columns.js';
import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';

/**
 * Report periods (定期报送) in the annual assessment: a hand-built 2025 of the tax department's monthly and
 * quarterly tasks, some periods filed on time, some late, some never — counted exactly, left out of the
 * shipped rubric's score (weight 0), and weighed by a rubric that names them.
 */
const YEAR = 2025;
type User = { id: string; token: string };

/** The shipped rubric with 10 of the on-time rate's 40 moved to the reports' on-time rate and a point off per missed period. */
const WEIGHED_RUBRIC = {
  metrics: { onTimeRate: 30, evidenceShare: 20, gradeScore: 25, indicatorState: 15, reportsOnTimeRate: 10 },
  deductions: { turnedRed: 1, escalated: 2, returns: 0.5, extensionRequests: 0, reportsMissed: 1 },
  bounds: { min: 0, max: 100 },
  reviewerWeight: 30,
  commentRequiredBelow: 60,
  fewTasks: { minTasks: 3, neutralShare: 0.8 },
};

/** Creates the year in `app`; returns the admin's token. */
async function buildYear(app: TestApp): Promise<string> {
  const admin = await app.login('admin@duban.local', 'Chief-Pass-2026');
  const supervisor: User = await app.user('supervisor');
  const tax: User = await app.user('liaison', 'tax');
  await app.as(admin).post('/api/v1/assessments').send({ year: YEAR }).expect(201);

  /** A task with a cycle, created on `createdOn` (moved back by SQL) and accepted. */
  async function cycled(title: string, leadDepartment: string, dueDate: string, reportEvery: string, createdOn: string): Promise<string> {
    const task = (await app.as(supervisor.token).post('/api/v1/tasks').send({ title, leadDepartment, dueDate, reportEvery }).expect(201)).body as {
      id: string;
    };
    await sql(app.databaseUrl, `UPDATE task SET created_at = $2 WHERE id = $1`, [task.id, `${createdOn}T09:00:00+08:00`]);
    if (leadDepartment === 'tax') await app.as(tax.token).post(`/api/v1/tasks/${task.id}/accept`).send({}).expect(200);
    return task.id;
  }
  /** Files `period` through the API, then moves the filing to `filedAt` (Shanghai time). */
  async function file(taskId: string, period: string, filedAt: string) {
    const report = (
      await app
        .as(tax.token)
        .post(`/api/v1/tasks/${taskId}/progress`)
        .send({ note: `${period} 进展情况`, period })
        .expect(201)
    ).body as {
      id: string;
    };
    await sql(app.databaseUrl, `UPDATE progress_report SET created_at = $2 WHERE id = $1`, [report.id, `${filedAt}+08:00`]);
  }

  // Monthly, created 10 December 2024, due at the end of 2025: twelve periods (2024-12 … 2025-11) due in 2025, each by
  // the 5th of the next month (later when that is not a working day; never past the 9th in 2025).
  const monthly = await cycled('税收征管月报', 'tax', `${YEAR}-12-31`, 'P1M', '2024-12-10');
  const onTime = ['2024-12', '2025-01', '2025-02', '2025-04', '2025-05', '2025-07', '2025-09', '2025-11'];
  const nextMonth = (period: string) => new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 1)).toISOString().slice(0, 7);
  for (const period of onTime) await file(monthly, period, `${nextMonth(period)}-01T10:00:00`); // the 1st: on time
  for (const period of ['2025-03', '2025-08']) await file(monthly, period, `${nextMonth(period)}-20T10:00:00`); // the 20th: late
  // 2025-06 never filed; 2025-10 (due 5 November) filed only in 2026: missed, as far as 2025 is concerned.
  await file(monthly, '2025-10', '2026-01-15T10:00:00');

  // Quarterly, created 10 January 2025, due mid-2026: Q1–Q3 due in 2025 (Q4 is due in January 2026, another year's).
  const quarterly = await cycled('减税降费季报', 'tax', `${YEAR + 1}-06-30`, 'P3M', '2025-01-10');
  await file(quarterly, '2025-Q1', '2025-04-01T10:00:00'); // on time
  await file(quarterly, '2025-Q2', '2025-07-20T10:00:00'); // late (due 7 July)
  await file(quarterly, '2025-Q4', '2026-01-02T10:00:00'); // on time, but 2026's
  // Q3 never filed: missed.

  // A cancelled task owes nothing; another department's periods are its own.
  const cancelled = await cycled('已撤销月报', 'tax', `${YEAR}-12-31`, 'P1M', '2024-12-10');
  await app.as(supervisor.token).post(`/api/v1/tasks/${cancelled}/cancel`).send({ reason: '任务调整' }).expect(200);
  await cycled('财政收支月报', 'finance', `${YEAR}-12-31`, 'P1M', '2024-12-10');
  return admin;
}

async function departments(app: TestApp, token: string): Promise<Map<string, DepartmentAssessment>> {
  const res = await app.as(token).get(`/api/v1/assessments/${YEAR}/departments`).expect(200);
  return new Map((res.body as DepartmentAssessment[]).map((d) => [d.departmentCode, d]));
}

/** The tax department's page of report.html. */
const taxPage = (html: string) => html.slice(html.indexOf('data-department="tax"')).split('</article>')[0];

const reportFigures = (d: DepartmentAssessment) => {
  const { reportsDue, reportsOnTime, reportsLate, reportsMissed } = d.metrics;
  return { reportsDue, reportsOnTime, reportsLate, reportsMissed };
};

describe('report periods in the annual assessment (定期报送)', () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await startApp();
    admin = await buildYear(app);
  });
  afterAll(() => app?.close());

  it('counts the periods due in the year per department: on time, late, missed (a report after the year’s end is too late for it)', async () => {
    const all = await departments(app, admin);
    // Monthly: 8 on time, 2 late (03, 08), 2 missed (06, and 10 filed in 2026); quarterly: Q1 on time, Q2 late, Q3 missed.
    expect(reportFigures(all.get('tax')!)).toEqual({ reportsDue: 15, reportsOnTime: 9, reportsLate: 3, reportsMissed: 3 });
    expect(reportFigures(all.get('finance')!)).toEqual({ reportsDue: 12, reportsOnTime: 0, reportsLate: 0, reportsMissed: 12 });
    expect(reportFigures(all.get('edu')!)).toEqual({ reportsDue: 0, reportsOnTime: 0, reportsLate: 0, reportsMissed: 0 });
  });

  it('leaves the score under the shipped rubric as it was: the report figures weigh 0', async () => {
    const tax = (await departments(app, admin)).get('tax')!;
    // Two tasks due in the year, both still open (overdue, turned red): the plan's own tax task due 31 December and the
    // monthly one; no evidence, grade or indicator. On time 0 of 2, steadied by fewTasks: (0·2 + 0.8·1)/3 = 0.2667, the
    // only metric with data → 26.67; − 2 red × 1 = 24.67.
    expect(tax.metrics).toMatchObject({ due: 2, onTime: 0, overdue: 2, turnedRed: 2, escalated: 0, returns: 0 });
    expect(tax.computedScore).toBe(24.67);
    expect(tax.breakdown.map((b) => [b.item, b.points])).toEqual([
      ['metric:onTimeRate', 26.67],
      ['metric:evidenceShare', 0],
      ['metric:gradeScore', 0],
      ['metric:indicatorState', 0],
      ['deduction:turnedRed', -2],
    ]);
  });

  it('shows the figures in both reports', async () => {
    const html = (await app.as(admin).get(`/api/v1/assessments/${YEAR}/report.html`).expect(200)).text;
    expect(taxPage(html)).toContain('<dt>按时报送率</dt><dd>60.0%</dd><dt>逾期未报</dt><dd>3</dd>');
    expect(html).toContain('<th colspan="3">定期报送</th>');

    const xlsx = await app
      .as(admin)
      .get(`/api/v1/assessments/${YEAR}/report.xlsx`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = workbook.getWorksheet(RANKING_SHEET)!;
    const column = (header: string) => RANKING_COLUMNS.findIndex((c) => c.header === header) + 1;
    const taxName = (await departments(app, admin)).get('tax')!.departmentName;
    const rows: unknown[][] = [];
    sheet.eachRow((row, number) => {
      if (number > HEADER_ROWS && row.getCell(2).value === taxName) rows.push(['应报', '按时报送', '逾期未报'].map((h) => row.getCell(column(h)).value));
    });
    expect(rows).toEqual([[15, 9, 3]]);
  });

  it('still opens a cycle finalised before report periods were counted (its snapshot without them reads as 0)', async () => {
    await app.as(admin).post(`/api/v1/assessments/${YEAR}/finalize`).expect(200);
    const frozen = await departments(app, admin);
    expect(reportFigures(frozen.get('tax')!)).toEqual({ reportsDue: 15, reportsOnTime: 9, reportsLate: 3, reportsMissed: 3 });
    // As a snapshot frozen by an older release stands (version 1): no version, the four figures absent from every department's metrics.
    await sql(
      app.databaseUrl,
      `UPDATE assessment_cycle SET snapshot = jsonb_set(snapshot - 'version', '{departments}', (
         SELECT jsonb_agg(jsonb_set(d, '{metrics}', (d -> 'metrics') - 'reportsDue' - 'reportsOnTime' - 'reportsLate' - 'reportsMissed') ORDER BY i)
           FROM jsonb_array_elements(snapshot -> 'departments') WITH ORDINALITY AS e(d, i)))
        WHERE year = $1`,
      [YEAR],
    );
    const [{ n }] = await sql<{ n: number }>(
      app.databaseUrl,
      `SELECT count(*)::int AS n FROM assessment_cycle, jsonb_array_elements(snapshot -> 'departments') d WHERE year = $1 AND d -> 'metrics' ? 'reportsDue'`,
      [YEAR],
    );
    expect(n).toBe(0);
    const old = await departments(app, admin);
    expect(reportFigures(old.get('tax')!)).toEqual({ reportsDue: 0, reportsOnTime: 0, reportsLate: 0, reportsMissed: 0 });
    expect(old.get('tax')!.computedScore).toBe(24.67);
    await app.as(admin).get(`/api/v1/assessments/${YEAR}`).expect(200);
    const html = (await app.as(admin).get(`/api/v1/assessments/${YEAR}/report.html`).expect(200)).text;
    expect(taxPage(html)).toContain('<dt>按时报送率</dt><dd>—</dd><dt>逾期未报</dt><dd>0</dd>');
    await app.as(admin).get(`/api/v1/assessments/${YEAR}/report.xlsx`).expect(200);
  });

  it('moves the score as a rubric weighing the report figures says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-rubric-'));
    const path = join(dir, 'assessment.yaml');
    writeFileSync(path, JSON.stringify(WEIGHED_RUBRIC)); // YAML reads JSON
    const weighed = await startApp({ ASSESSMENT_RUBRIC: path });
    try {
      const tax = (await departments(weighed, await buildYear(weighed))).get('tax')!;
      expect(reportFigures(tax)).toEqual({ reportsDue: 15, reportsOnTime: 9, reportsLate: 3, reportsMissed: 3 });
      // Data for on-time (30, share 0.2667) and reports on time (10, share 9/15 = 0.6): scaled ×100/40 →
      // 30·2.5·0.2667 = 20 and 10·2.5·0.6 = 15, 35; − 2 red × 1 − 3 missed × 1 = 30 (24.67 under the shipped rubric).
      expect(tax.computedScore).toBe(30);
      expect(tax.breakdown.map((b) => [b.item, b.points])).toEqual([
        ['metric:onTimeRate', 20],
        ['metric:evidenceShare', 0],
        ['metric:gradeScore', 0],
        ['metric:indicatorState', 0],
        ['metric:reportsOnTimeRate', 15],
        ['deduction:turnedRed', -2],
        ['deduction:reportsMissed', -3],
      ]);
      expect(tax.breakdown.find((b) => b.item === 'metric:reportsOnTimeRate')!.label).toBe('按时报送率（权重 10）：60%');
      expect(tax.breakdown.find((b) => b.item === 'deduction:reportsMissed')!.label).toBe('逾期未报 3 × 1 分');
    } finally {
      await weighed.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
