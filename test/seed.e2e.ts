import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chainLink, verifyChain } from '../libs/audit/audit-chain.js';
import { importSeeds } from '../libs/plan/import-seeds.js';
import { SeedValidationError } from '../libs/plan/seed-files.js';
import { startApp, type TestApp } from './support/app.js';
import { createTestDatabase, sql } from './support/database.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const SEEDS = join(repoRoot, 'seeds');
// CI clones the repository next to `shared/`, as here.
const PLAN_TEXT = readFileSync(join(repoRoot, '..', 'shared', 'seed', 'taixing-14th-five-year-education-plan.txt'), 'utf8');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** Row counts of every seeded table and of the audit log. */
async function counts(url: string): Promise<Record<string, number>> {
  const tables = ['plan', 'plan_section', 'plan_clause', 'department', 'duty', 'indicator', 'task', 'audit_log'];
  const [row] = await sql(url, `SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`);
  return row as Record<string, number>;
}

/** A copy of the seeds with `edit` applied to one file's text. */
function editedSeeds(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'duban-seeds-'));
  cpSync(SEEDS, dir, { recursive: true });
  const path = join(dir, 'taixing-14th', file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit does not change ${file}`);
  writeFileSync(path, after);
  return dir;
}

/** `field: from` → `field: to` inside the entry of `code` only. */
function editEntry(text: string, code: string, field: string, from: string, to: string): string {
  const start = text.indexOf(`- code: ${code}\n`);
  const end = text.indexOf('\n  - code:', start + 1);
  const entry = text.slice(start, end === -1 ? undefined : end);
  return text.slice(0, start) + entry.replace(`${field}: ${from}`, `${field}: ${to}`) + (end === -1 ? '' : text.slice(end));
}

describe('importing the plan seeds', () => {
  let db: { url: string; drop(): Promise<void> };
  const tmpDirs: string[] = [];
  const tmp = (dir: string) => (tmpDirs.push(dir), dir);

  beforeAll(async () => {
    db = await createTestDatabase({ seeded: false });
  });
  afterAll(async () => {
    await db.drop();
    for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('imports the whole plan, then finds nothing to do a second time', async () => {
    const first = await importSeeds(db.url, SEEDS);
    expect(first.records).toEqual({ plan: 1, plan_section: 47, plan_clause: 157, department: 7, duty: 17, indicator: 52, task: 240 });
    expect(first.created).toMatchObject({ plan: 1, plan_section: 47, plan_clause: 157, duty: 17, indicator: 52, task: 240 });
    const afterFirst = await counts(db.url);
    expect(afterFirst).toMatchObject({ plan: 1, plan_section: 47, plan_clause: 157, department: 7, duty: 17, indicator: 52, task: 240 });

    const second = await importSeeds(db.url, SEEDS);
    expect(Object.values(second.created).every((n) => n === 0)).toBe(true);
    expect(Object.values(second.updated).every((n) => n === 0)).toBe(true);
    expect(second.unchanged).toBe(1 + 47 + 157 + 7 + 17 + 52 + 240);
    expect(await counts(db.url)).toEqual(afterFirst);

    // The importer's entries are part of the one hash chain.
    const entries = await sql(db.url, 'SELECT * FROM audit_log ORDER BY seq');
    const chain = entries.map((e) => ({
      seq: Number(e.seq),
      at: e.at as Date,
      actorId: e.actor_id as string | null,
      action: e.action as string,
      entityType: e.entity_type as string,
      entityId: e.entity_id as string,
      taskId: e.task_id as string | null,
      before: e.before,
      after: e.after,
      detail: e.detail,
      prevHash: e.prev_hash as string,
      hash: e.hash as string,
    }));
    expect(
      await verifyChain(
        (async function* () {
          yield chain.map(chainLink);
        })(),
      ),
    ).toEqual({ checked: entries.length, broken: null });
    expect(entries.every((e) => e.actor_id === null && e.action === 'seed.create')).toBe(true);
  });

  it('expands yearly work into one task per year and links tasks to plan, parent and duty', async () => {
    const yearly = await sql(db.url, `SELECT code, due_date::text AS due, duty_code FROM task WHERE code LIKE 'T-7-2-ndrc-2-%' ORDER BY code`);
    expect(yearly).toEqual([2021, 2022, 2023, 2024, 2025].map((y) => ({ code: `T-7-2-ndrc-2-${y}`, due: `${y}-12-31`, duty_code: 'ndrc-d2' })));
    const [links] = await sql(
      db.url,
      `SELECT count(*) FILTER (WHERE plan_id IS NULL)::int AS no_plan, count(*) FILTER (WHERE parent_id IS NOT NULL)::int AS with_parent FROM task`,
    );
    expect(links).toEqual({ no_plan: 0, with_parent: 193 });
    const [tax] = await sql(
      db.url,
      `SELECT t.lead_department_code AS lead, p.code AS parent FROM task t JOIN task p ON p.id = t.parent_id WHERE t.code = 'T-7-2-tax-1'`,
    );
    expect(tax).toEqual({ lead: 'tax', parent: 'T-7-2-finance-2' });
  });

  it('makes the 七(二) duties of five departments open-ended tasks (长期坚持) with quarterly reports; yearly ones stay yearly', async () => {
    const ongoing = await sql(db.url, `SELECT code, lead_department_code AS lead, report_every, report_from FROM task WHERE due_date IS NULL ORDER BY code`);
    expect(ongoing.map((t) => t.code)).toEqual([
      'T-7-2-edu-1',
      'T-7-2-edu-2',
      'T-7-2-finance-1',
      'T-7-2-finance-2',
      'T-7-2-ndrc-1',
      'T-7-2-ndrc-3',
      'T-7-2-nrp-1',
      'T-7-2-nrp-2',
      'T-7-2-nrp-3',
      'T-7-2-staffing-1',
      'T-7-2-staffing-2',
      'T-7-2-staffing-3',
    ]);
    expect(new Set(ongoing.map((t) => t.lead))).toEqual(new Set(['edu', 'ndrc', 'finance', 'nrp', 'staffing']));
    // Quarterly, from the quarter of the import (no reportFrom in the seeds).
    expect(ongoing.every((t) => t.report_every === 'P3M' && t.report_from === null)).toBe(true);
    const [others] = await sql(db.url, `SELECT count(*)::int AS n FROM task WHERE report_every IS NOT NULL AND due_date IS NOT NULL`);
    expect(others.n).toBe(0);
  });

  it('updates exactly the record whose seed changed, with one audit entry', async () => {
    const dir = tmp(editedSeeds('indicators.yaml', (t) => editEntry(t, 'vocational-dual-qualified-teacher-share', 'target', '85', '86')));
    const before = await counts(db.url);
    const report = await importSeeds(db.url, dir);
    expect(report.updated).toEqual({ plan: 0, plan_section: 0, plan_clause: 0, department: 0, duty: 0, indicator: 1, task: 0 });
    expect(Object.values(report.created).every((n) => n === 0)).toBe(true);
    expect(await counts(db.url)).toEqual({ ...before, audit_log: before.audit_log + 1 });
    const [entry] = await sql(db.url, 'SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1');
    expect(entry).toMatchObject({
      action: 'seed.update',
      actor_id: null,
      entity_type: 'indicator',
      entity_id: 'vocational-dual-qualified-teacher-share',
      before: { target: 85 },
      after: { target: 86 },
    });
    const [indicator] = await sql(db.url, `SELECT target FROM indicator WHERE code = 'vocational-dual-qualified-teacher-share'`);
    expect(Number(indicator.target)).toBe(86);
    await importSeeds(db.url, SEEDS);
  });

  it('keeps workflow state: only seed fields change, and the version moves only then', async () => {
    await sql(db.url, `UPDATE task SET status = 'in_progress', percent = 40, return_reason = 'x', version = version + 1 WHERE code = 'T-5-1-1'`);
    const [was] = await sql(db.url, `SELECT version FROM task WHERE code = 'T-5-1-1'`);

    await importSeeds(db.url, SEEDS);
    const [unchanged] = await sql(db.url, `SELECT version, status FROM task WHERE code = 'T-5-1-1'`);
    expect(unchanged).toEqual({ version: was.version, status: 'in_progress' });

    const dir = tmp(editedSeeds('tasks.yaml', (t) => editEntry(t, 'T-5-1-1', 'title', '深化师德师风建设', '深化师德师风建设（修订）')));
    const report = await importSeeds(db.url, dir);
    expect(report.updated.task).toBe(1);
    const [task] = await sql(db.url, `SELECT id, title, version, status, percent, return_reason FROM task WHERE code = 'T-5-1-1'`);
    expect(task).toMatchObject({
      title: '深化师德师风建设（修订）',
      version: (was.version as number) + 1,
      status: 'in_progress',
      percent: 40,
      return_reason: 'x',
    });
    const [entry] = await sql(db.url, 'SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1');
    expect(entry).toMatchObject({ action: 'seed.update', entity_type: 'task', entity_id: task.id, task_id: task.id, before: { title: '深化师德师风建设' } });
    await importSeeds(db.url, SEEDS);
  });

  it('takes the assignee off a task the seeds move to another lead department, and says so in the audit log', async () => {
    const [liaison] = await sql(
      db.url,
      `INSERT INTO app_user (email, name, password_hash, role, department_code) VALUES ('edu-liaison@seed.test', '教育联络员', 'x', 'liaison', 'edu') RETURNING id`,
    );
    await sql(db.url, `UPDATE task SET assignee_id = $1 WHERE code = 'T-5-1-2'`, [liaison.id]);

    const dir = tmp(editedSeeds('tasks.yaml', (t) => editEntry(t, 'T-5-1-2', 'leadDepartment', 'edu', 'finance')));
    expect((await importSeeds(db.url, dir)).updated.task).toBe(1);
    const [task] = await sql(db.url, `SELECT id, lead_department_code, assignee_id FROM task WHERE code = 'T-5-1-2'`);
    expect(task).toMatchObject({ lead_department_code: 'finance', assignee_id: null });
    const [entry] = await sql(db.url, 'SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1');
    expect(entry).toMatchObject({
      action: 'seed.update',
      entity_id: task.id,
      before: { leadDepartmentCode: 'edu', assigneeId: liaison.id },
      after: { leadDepartmentCode: 'finance', assigneeId: null },
      detail: { assigneeCleared: { assigneeId: liaison.id, reason: expect.stringContaining('edu') } },
    });
    await importSeeds(db.url, SEEDS);
  });

  it('refuses broken seeds as a whole, naming file, entry and field, and changes nothing', async () => {
    const dir = tmp(
      editedSeeds('tasks.yaml', (t) =>
        editEntry(editEntry(t, 'T-5-1-2', 'dueDate', '"2025-12-31"', '"2025-02-30"'), 'T-5-1-3', 'leadDepartment', 'edu', 'health'),
      ),
    );
    // A valid change in another file must not be applied either.
    writeFileSync(
      join(dir, 'taixing-14th', 'indicators.yaml'),
      editEntry(readFileSync(join(dir, 'taixing-14th', 'indicators.yaml'), 'utf8'), 'vocational-dual-qualified-teacher-share', 'target', '85', '99'),
    );
    const before = await counts(db.url);
    const error = await importSeeds(db.url, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    const problems = (error as SeedValidationError).problems;
    const tasksFile = join(dir, 'taixing-14th', 'tasks.yaml');
    expect(problems).toEqual([
      expect.objectContaining({ file: tasksFile, entry: expect.stringContaining('(T-5-1-2)'), field: 'dueDate', line: expect.any(Number) }),
      expect.objectContaining({
        file: tasksFile,
        entry: expect.stringContaining('(T-5-1-3)'),
        field: 'leadDepartment',
        message: expect.stringContaining('health'),
      }),
    ]);
    expect((error as Error).message).toMatch(/tasks\.yaml:\d+ tasks\[\d+\] \(T-5-1-2\) dueDate: 不是有效日期/);
    expect(await counts(db.url)).toEqual(before);
    const [indicator] = await sql(db.url, `SELECT target FROM indicator WHERE code = 'vocational-dual-qualified-teacher-share'`);
    expect(Number(indicator.target)).toBe(85);
  });

  it('refuses a code that another plan already owns', async () => {
    const dir = tmp(editedSeeds('plan.yaml', (t) => t.replace('code: "taixing-edu-14th"', 'code: "taixing-edu-14th-copy"')));
    const error = await importSeeds(db.url, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    expect((error as SeedValidationError).problems[0]).toMatchObject({ field: 'code', message: expect.stringContaining('已属于规划 taixing-edu-14th') });
    expect((await counts(db.url)).plan).toBe(1);
  });

  // A sample, checked against the plan's own words: value, baseline, owner and clause.
  const indicators: Array<[code: string, target: number, baseline: number | null, department: string, clauseRef: string]> = [
    ['preschool-public-inclusive-coverage', 90, null, 'edu', '四(二)1#2'],
    ['preschool-quality-kindergarten-share', 90, 85, 'edu', '四(二)1#2'],
    ['special-education-universal-years', 15, null, 'edu', '四(二)5#1'],
    ['community-education-participation-rural', 40, null, 'edu', '四(二)6#1'],
    ['vocational-dual-qualified-teacher-share', 85, 75.36, 'edu', '五(一)2#3'],
    ['primary-teacher-bachelor-rate', 92, 91.52, 'edu', '五(一)2#4'],
    ['senior-teacher-postgraduate-rate', 25, 17.4, 'edu', '五(一)2#4'],
    ['student-physical-fitness-pass-rate', 93, null, 'edu', '五(二)1#4'],
    ['preschool-per-pupil-budget-expenditure', 6000, null, 'finance', '六(二)#2'],
    ['senior-high-per-pupil-budget-expenditure', 20000, null, 'finance', '六(二)#5'],
    ['secondary-vocational-per-pupil-public-funds-ratio', 1.5, null, 'finance', '六(二)#6'],
  ];
  it.each(indicators)('indicator %s matches the plan text', async (code, target, baseline, department, clauseRef) => {
    const [row] = await sql(
      db.url,
      `
      SELECT i.*, c.text AS clause_text, b.text AS baseline_clause_text FROM indicator i
      JOIN plan_clause c ON c.ref = i.clause_ref AND c.plan_id = i.plan_id
      LEFT JOIN plan_clause b ON b.ref = i.baseline_clause_ref AND b.plan_id = i.plan_id
      WHERE i.code = $1`,
      [code],
    );
    expect({
      target: Number(row.target),
      baseline: row.baseline === null ? null : Number(row.baseline),
      department: row.department_code,
      clauseRef: row.clause_ref,
    }).toEqual({ target, baseline, department, clauseRef });
    expect(row.source_text).toContain(String(target));
    expect(row.clause_text).toContain(row.source_text);
    expect(PLAN_TEXT).toContain(row.clause_text);
    if (baseline !== null) {
      expect(row.baseline_year).toBe(2020);
      expect(row.baseline_source_text).toContain(String(baseline));
      expect(row.baseline_clause_text).toContain(row.baseline_source_text);
      expect(PLAN_TEXT).toContain(row.baseline_clause_text);
    }
  });

  const duties: Array<[code: string, department: string, departmentName: string, words: string]> = [
    ['edu-d1', 'edu', '教育部门', '修编学校建设规划'],
    ['ndrc-d2', 'ndrc', '发展与改革部门', '纳入年度计划和重点项目计划'],
    ['finance-d1', 'finance', '财政部门', '专项资金'],
    ['tax-d1', 'tax', '财政部门', '会同税务部门'],
    ['nrp-d1', 'nrp', '自然资源和规划部门', '土地利用总体规划'],
    ['staffing-d1', 'staffing', '编制部门', '教师编制'],
    ['other-d2', 'other', '其他部门', '具体措施'],
  ];
  it.each(duties)('duty %s matches the plan text and is a task of its department', async (code, department, paragraph, words) => {
    const [row] = await sql(
      db.url,
      `SELECT d.*, c.text AS clause_text FROM duty d JOIN plan_clause c ON c.ref = d.clause_ref AND c.plan_id = d.plan_id WHERE d.code = $1`,
      [code],
    );
    expect(row).toMatchObject({ department_code: department, clause_ref: `七(二)${paragraph}` });
    expect(row.text).toContain(words);
    expect(row.clause_text).toMatch(new RegExp(`^${paragraph}。`));
    expect(row.clause_text).toContain(row.text);
    expect(PLAN_TEXT).toContain(row.clause_text);
    const tasks = await sql(db.url, 'SELECT lead_department_code, clause_ref FROM task WHERE duty_code = $1', [code]);
    expect(tasks.length).toBeGreaterThan(0);
    for (const t of tasks) expect(t).toEqual({ lead_department_code: department, clause_ref: `七(二)${paragraph}` });
  });

  it('makes every section-七 duty a task of its department', async () => {
    const orphans = await sql(
      db.url,
      `
      SELECT d.code FROM duty d WHERE NOT EXISTS (SELECT 1 FROM task t WHERE t.duty_code = d.code AND t.lead_department_code = d.department_code)`,
    );
    expect(orphans).toEqual([]);
  });
});

describe('the imported plan over HTTP', () => {
  let app: TestApp;
  let edu: { id: string; token: string };
  let finance: { id: string; token: string };
  let supervisor: { id: string; token: string };
  let reviewer: { id: string; token: string };
  const CODE = 'vocational-dual-qualified-teacher-share';

  beforeAll(async () => {
    app = await startApp();
    edu = await app.user('liaison', 'edu');
    finance = await app.user('liaison', 'finance');
    supervisor = await app.user('supervisor');
    reviewer = await app.user('reviewer');
  });
  afterAll(() => app.close());

  it('lists every indicator with its target and no reported value yet', async () => {
    const all = await app.as(reviewer.token).get('/api/v1/indicators');
    expect(all.status).toBe(200);
    expect(all.body).toHaveLength(52);
    expect(all.body.find((i: { code: string }) => i.code === CODE)).toMatchObject({
      code: CODE,
      unit: '%',
      comparator: '>=',
      target: 85,
      targetYear: 2025,
      baseline: 75.36,
      baselineYear: 2020,
      departmentCode: 'edu',
      latest: null,
      gap: null,
      trend: null,
    });
    const financeOnly = await app.as(edu.token).get('/api/v1/indicators?department=finance');
    expect(financeOnly.body.length).toBe(9);
    expect(financeOnly.body.every((i: { departmentCode: string }) => i.departmentCode === 'finance')).toBe(true);
  });

  it("takes a year's value from the owning department's liaison only", async () => {
    const post = (token: string, code: string, body: object) => app.as(token).post(`/api/v1/indicators/${code}/values`).send(body);
    expect((await post(finance.token, CODE, { year: 2022, value: 80 })).status).toBe(403);
    expect((await post(supervisor.token, CODE, { year: 2022, value: 80 })).status).toBe(403);
    expect((await post(edu.token, 'no-such-indicator', { year: 2022, value: 80 })).status).toBe(404);
    const badEvidence = await post(edu.token, CODE, { year: 2022, value: 80, evidenceIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(badEvidence.status).toBe(400);
    expect(badEvidence.body.message).toContain('evidenceIds');
    expect((await post(edu.token, CODE, { year: 2022, value: 'high' })).status).toBe(400);
    expect((await post(edu.token, CODE, { year: 2022, value: 80, extra: 1 })).status).toBe(400);

    const created = await post(edu.token, CODE, { year: 2022, value: 80, note: '教育统计年报' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ indicatorCode: CODE, year: 2022, value: 80, note: '教育统计年报', reportedBy: edu.id });

    // Baseline 75.36 (2020) and 80 (2022): a line reaching 86.96 by 2025.
    const listed = await app.as(edu.token).get('/api/v1/indicators?department=edu');
    expect(listed.body.find((i: { code: string }) => i.code === CODE)).toMatchObject({
      latest: { year: 2022, value: 80 },
      gap: 5,
      projected: 86.96,
      trend: 'on_track',
    });
  });

  it('replaces a second report for the same year and audits both, with evidence of the department', async () => {
    const [task] = await sql(app.databaseUrl, `SELECT id FROM task WHERE code = 'T-5-1-2'`);
    const evidence = await app
      .as(edu.token)
      .post(`/api/v1/tasks/${String(task.id)}/evidence`)
      .attach('file', PDF, '统计表.pdf');
    expect(evidence.status).toBe(201);
    const replaced = await app
      .as(edu.token)
      .post(`/api/v1/indicators/${CODE}/values`)
      .send({ year: 2022, value: 78, evidenceIds: [evidence.body.id] });
    expect(replaced.status).toBe(201);

    const detail = await app.as(reviewer.token).get(`/api/v1/indicators/${CODE}`);
    expect(detail.body.values).toHaveLength(1);
    expect(detail.body.values[0]).toMatchObject({ year: 2022, value: 78, evidenceIds: [evidence.body.id] });
    // 75.36 → 78 projects 81.96: 3.04 short of 85, more than 10 % of the 9.64 to go.
    expect(detail.body).toMatchObject({ latest: { year: 2022, value: 78 }, gap: 7, trend: 'off_track' });

    const audit = await sql(
      app.databaseUrl,
      `SELECT actor_id, before, after FROM audit_log WHERE action = 'indicator.report' AND entity_id = $1 ORDER BY seq`,
      [CODE],
    );
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ actor_id: edu.id, before: { year: 2022, value: 80 }, after: { year: 2022, value: 78, evidenceIds: [evidence.body.id] } });
  });

  it('shows departments with their duties, plans with sections and tasks with their clause', async () => {
    const departments = await app.as(reviewer.token).get('/api/v1/departments');
    const financeDept = departments.body.find((d: { code: string }) => d.code === 'finance');
    expect(financeDept.duties).toEqual(['负责落实十四五教育事业发展规划实施所需专项资金', '并会同税务部门,研究教育事业发展的财税政策']);

    const plans = await app.as(reviewer.token).get('/api/v1/plans');
    expect(plans.body).toHaveLength(1);
    const plan = await app.as(reviewer.token).get(`/api/v1/plans/${plans.body[0].id}`);
    expect(plan.body.sections).toHaveLength(47);
    const duties = plan.body.sections.find((s: { code: string }) => s.code === '七(二)');
    expect(duties.clauses.map((c: { ref: string }) => c.ref)).toContain('七(二)财政部门');

    const found = await app.as(reviewer.token).get('/api/v1/tasks?q=T-7-2-finance-1');
    expect(found.body.items).toHaveLength(1);
    const task = await app.as(reviewer.token).get(`/api/v1/tasks/${found.body.items[0].id}`);
    expect(task.body).toMatchObject({
      leadDepartmentCode: 'finance',
      clauseRef: '七(二)财政部门',
      dueDate: null,
      reportEvery: 'P3M',
      overdue: false,
      status: 'assigned',
    });
    expect(task.body.clauseText).toMatch(/^财政部门。负责落实十四五教育事业发展规划实施所需专项资金/);
  });
});
