import { importSeeds } from '../libs/plan/import-seeds.js';
import type { PlanEvaluation } from '../libs/evaluation/evaluation-types.js';
import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';
import { shanghaiToday } from './support/today.js';

/**
 * 结转: the 十四五 plan (seeds/) ends on 31 December 2025; its open tasks are carried over into the 十五五 draft
 * (test/fixtures/seeds-15th) with their history, progress, evidence and reminder state, and the 十四五 evaluation as
 * of its end stays exactly as it was.
 */
const FIFTEENTH = 'test/fixtures/seeds-15th';
const END = '2025-12-31';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('carry-over (结转) of open tasks into the next plan', () => {
  let app: TestApp;
  let admin: string;
  let supervisor: { id: string; token: string };
  let liaison: { id: string; token: string };
  let reviewer: string;
  let older: { id: string; code: string; title: string };
  let newer: { id: string; code: string; title: string };
  const t: Record<string, string> = {};

  const evaluation = async (planId: string, asOf: string) => {
    const body = (await app.as(reviewer).get(`/api/v1/plans/${planId}/evaluation?asOf=${asOf}`).expect(200)).body as PlanEvaluation;
    const { computedAt: _computedAt, ...rest } = body;
    return rest;
  };
  const planTasks = async (plan: string) =>
    ((await app.as(supervisor.token).get(`/api/v1/tasks?plan=${plan}&limit=100&q=结转测试`).expect(200)).body.items as Array<{ id: string }>)
      .map((x) => x.id)
      .sort();
  const carry = (body: Record<string, unknown>, from = older.id, token = supervisor.token) => app.as(token).post(`/api/v1/plans/${from}/carry-over`).send(body);
  const state = () =>
    sql(app.databaseUrl, `SELECT id, plan_id, clause_ref, status, version, next_reminder_at, percent FROM task WHERE title LIKE '结转测试%' ORDER BY id`);
  const auditCount = async () => (await sql<{ n: number }>(app.databaseUrl, 'SELECT count(*)::int AS n FROM audit_log'))[0].n;

  async function newTask(key: string, body: Record<string, unknown>) {
    const res = await app
      .as(supervisor.token)
      .post('/api/v1/tasks')
      .send({ title: `结转测试${key}`, leadDepartment: 'edu', dueDate: '2025-10-31', planId: older.id, ...body })
      .expect(201);
    t[key] = res.body.id as string;
    return res.body as { id: string };
  }

  beforeAll(async () => {
    app = await startApp();
    await importSeeds(app.databaseUrl, FIFTEENTH);
    admin = await app.login('admin@duban.local', 'Chief-Pass-2026');
    supervisor = await app.user('supervisor');
    liaison = await app.user('liaison', 'edu');
    reviewer = (await app.user('reviewer')).token;
    const plans = (await app.as(supervisor.token).get('/api/v1/plans').expect(200)).body as Array<{ id: string; code: string; title: string }>;
    older = plans.find((p) => p.code === 'taixing-edu-14th')!;
    newer = plans.find((p) => p.code === 'taixing-edu-15th')!;

    // Open work of several kinds: in progress with progress and evidence (a clause both plans have), assigned (a
    // clause only the 十四五 has), submitted, a parent with an open and a completed sub-task, a monthly report owed since mid-2025.
    await newTask('进行中', { clauseRef: '五(一)', assigneeId: liaison.id });
    await app.as(liaison.token).post(`/api/v1/tasks/${t['进行中']}/accept`).send({}).expect(200);
    await app.as(liaison.token).post(`/api/v1/tasks/${t['进行中']}/progress`).send({ note: '已完成一半', percent: 50 }).expect(201);
    await app.as(liaison.token).post(`/api/v1/tasks/${t['进行中']}/evidence`).attach('file', PDF, '进展材料.pdf').expect(201);
    await newTask('待签收', { clauseRef: '七(二)财政部门' });
    await newTask('已提交', {});
    await app.as(liaison.token).post(`/api/v1/tasks/${t['已提交']}/accept`).send({}).expect(200);
    const proof = await app.as(liaison.token).post(`/api/v1/tasks/${t['已提交']}/evidence`).attach('file', PDF, '成果.pdf').expect(201);
    await app
      .as(liaison.token)
      .post(`/api/v1/tasks/${t['已提交']}/submit`)
      .send({ summary: '已完成', evidenceIds: [proof.body.id] })
      .expect(200);
    await newTask('上级', { dueDate: '2026-06-30' });
    await newTask('子任务', { parentId: t['上级'] });
    await newTask('已办子任务', { parentId: t['上级'] });
    await app.as(liaison.token).post(`/api/v1/tasks/${t['已办子任务']}/accept`).send({}).expect(200);
    const done = await app.as(liaison.token).post(`/api/v1/tasks/${t['已办子任务']}/evidence`).attach('file', PDF, '子任务.pdf').expect(201);
    await app
      .as(liaison.token)
      .post(`/api/v1/tasks/${t['已办子任务']}/submit`)
      .send({ summary: '完成', evidenceIds: [done.body.id] })
      .expect(200);
    await app.as(supervisor.token).post(`/api/v1/tasks/${t['已办子任务']}/approve`).send({}).expect(200);
    await newTask('月报', { dueDate: null, reportEvery: 'P1M', reportFrom: '2025-06-01' });
    await newTask('已撤销', {});
    await app.as(supervisor.token).post(`/api/v1/tasks/${t['已撤销']}/cancel`).send({ reason: '不再需要' }).expect(200);
  });
  afterAll(() => app?.close());

  it('refuses bad carry-overs with a clear 4xx, changing nothing', async () => {
    const before = await state();
    const audits = await auditCount();
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await carry({ toPlanId: unknown }).expect(404)).body.message).toContain(unknown);
    expect((await carry({ toPlanId: newer.id }, unknown).expect(404)).body.message).toContain(unknown);
    expect((await carry({ toPlanId: older.id }).expect(409)).body.message).toContain('同一规划');
    const closed = await carry({ toPlanId: newer.id, taskIds: [t['进行中'], t['已办子任务'], t['已撤销']] }).expect(409);
    expect(closed.body.message).toContain('结转测试已办子任务');
    expect(closed.body.message).toContain('结转测试已撤销');
    expect(closed.body.message).not.toContain('结转测试进行中');
    const split = await carry({ toPlanId: newer.id, taskIds: [t['子任务']] }).expect(409);
    expect(split.body.message).toContain('结转测试子任务');
    // A task of the other plan is not this plan's to carry.
    const fifteenthTask = (await app.as(supervisor.token).get('/api/v1/tasks?plan=taixing-edu-15th&limit=1').expect(200)).body.items[0].id as string;
    expect((await carry({ toPlanId: newer.id, taskIds: [fifteenthTask] }).expect(404)).body.message).toContain(fifteenthTask);
    for (const body of [
      {},
      { toPlanId: 'x' },
      { toPlanId: newer.id, taskIds: [] },
      { toPlanId: newer.id, taskIds: ['nope'] },
      { toPlanId: newer.id, taskIds: 'all' },
    ])
      await carry(body).expect(400);
    await app.as(supervisor.token).post('/api/v1/plans/not-a-uuid/carry-over').send({ toPlanId: newer.id }).expect(400);
    // Reviewers and department roles may not.
    await carry({ toPlanId: newer.id }, older.id, reviewer).expect(403);
    await carry({ toPlanId: newer.id }, older.id, liaison.token).expect(403);
    expect(await state()).toEqual(before);
    expect(await auditCount()).toBe(audits);
    expect((await app.as(supervisor.token).get(`/api/v1/plans/${older.id}/carry-overs`).expect(200)).body).toEqual([]);
  });

  it('moves the named open tasks with their open sub-tasks, history, evidence and ladder; the old plan’s evaluation at its end is unchanged', async () => {
    const endBefore = await evaluation(older.id, END);
    const newBefore = await evaluation(newer.id, '2026-12-31');
    const newEarly = await evaluation(newer.id, '2026-01-01');
    const historyBefore = (await app.as(supervisor.token).get(`/api/v1/tasks/${t['进行中']}/history`).expect(200)).body as unknown[];
    const detailBefore = (await app.as(supervisor.token).get(`/api/v1/tasks/${t['进行中']}`).expect(200)).body;
    const [ladderBefore] = await sql<{ next_reminder_at: Date | null }>(app.databaseUrl, 'SELECT next_reminder_at FROM task WHERE id = $1', [t['进行中']]);
    const named = [t['进行中'], t['待签收'], t['已提交'], t['上级'], t['月报']];

    const res = await carry({ toPlanId: newer.id, taskIds: named }).expect(200);
    const moving = [...named, t['子任务']].sort();
    expect(res.body).toMatchObject({ fromPlanId: older.id, toPlanId: newer.id, moved: 6, clausesCleared: 1 });
    expect([...res.body.taskIds].sort()).toEqual(moving);

    // The lists by plan: the moved ones in the 十五五, the completed sub-task and the cancelled task stay.
    expect(await planTasks(newer.code)).toEqual(moving);
    expect(await planTasks(older.code)).toEqual([t['已办子任务'], t['已撤销']].sort());

    // The same task: its history (plus the move), progress, evidence and reminder ladder; its clause mapped or cleared.
    const detail = (await app.as(supervisor.token).get(`/api/v1/tasks/${t['进行中']}`).expect(200)).body;
    expect(detail).toMatchObject({ planId: newer.id, clauseRef: '五(一)', status: 'in_progress', percent: 50, version: detailBefore.version + 1 });
    expect(detail.progress).toEqual(detailBefore.progress);
    expect(detail.evidence).toEqual(detailBefore.evidence);
    expect(detail.carriedFrom).toMatchObject({ planId: older.id, planTitle: older.title, clauseRef: '五(一)', movedBy: { id: supervisor.id } });
    const [ladderAfter] = await sql<{ next_reminder_at: Date | null }>(app.databaseUrl, 'SELECT next_reminder_at FROM task WHERE id = $1', [t['进行中']]);
    expect(ladderAfter).toEqual(ladderBefore);
    const history = (await app.as(supervisor.token).get(`/api/v1/tasks/${t['进行中']}/history`).expect(200)).body as Array<{
      action: string;
      detail: Record<string, unknown>;
    }>;
    expect(history.slice(0, historyBefore.length)).toEqual(historyBefore);
    expect(history.at(-1)).toMatchObject({
      action: 'task.carry_over',
      detail: { fromPlan: { code: older.code }, toPlan: { code: newer.code }, before: { planId: older.id }, after: { planId: newer.id } },
    });
    const cleared = (await app.as(supervisor.token).get(`/api/v1/tasks/${t['待签收']}`).expect(200)).body;
    expect(cleared).toMatchObject({ clauseRef: null, carriedFrom: { clauseRef: '七(二)财政部门' } });
    expect((await app.as(supervisor.token).get(`/api/v1/tasks/${t['已办子任务']}`).expect(200)).body.carriedFrom).toBeNull();

    // Both plans record the move: their carry-over lists and their audit histories.
    const out = (await app.as(supervisor.token).get(`/api/v1/plans/${older.id}/carry-overs`).expect(200)).body as Array<{
      direction: string;
      task: { id: string };
    }>;
    expect(out.map((m) => m.direction)).toEqual(Array(6).fill('out'));
    const into = (await app.as(supervisor.token).get(`/api/v1/plans/${newer.id}/carry-overs`).expect(200)).body as Array<{
      direction: string;
      task: { id: string };
    }>;
    expect(into.map((m) => m.task.id).sort()).toEqual(moving);
    expect(into.every((m) => m.direction === 'in')).toBe(true);
    for (const plan of [older, newer]) {
      // Newest first: the move, after the plan's seed import.
      const audit = (await app.as(admin).get(`/api/v1/audit?entity=plan&entityId=${plan.id}`).expect(200)).body as { items: Array<{ action: string }> };
      expect(audit.items.map((e) => e.action)).toEqual(['plan.carry_over', 'seed.create']);
    }
    const chain = await app.as(admin).get('/api/v1/audit/verify').expect(200);
    expect(chain.body.broken).toBeNull();

    // The 十四五 as of its end: exactly as before (the moved tasks counted there, under their old clauses, the monthly report's misses too).
    expect(await evaluation(older.id, END)).toEqual(endBefore);
    // As of today the 十四五 shows them as 结转, out of its completion share; the 十五五 counts them from the move.
    const today = shanghaiToday();
    const olderNow = await evaluation(older.id, today);
    const carriedOver = olderNow.chapters.reduce((s, c) => s + c.tasks.carriedOver, 0);
    expect(carriedOver).toBe(6);
    const olderAll = olderNow.chapters.reduce((s, c) => s + c.tasks.total - c.tasks.cancelled - c.tasks.carriedOver, 0);
    expect(olderNow.totals.tasksCompleted.total).toBe(olderAll);
    const newerNow = await evaluation(newer.id, '2026-12-31');
    const total = (e: typeof newerNow) => e.chapters.reduce((s, c) => s + c.tasks.total, 0);
    expect(total(newerNow)).toBe(total(newBefore) + 6);
    expect(newerNow.chapters.reduce((s, c) => s + c.tasks.carriedOver, 0)).toBe(0);
    // Not in the 十五五 before the move: its evaluation as of 1 January 2026 is as it was.
    expect(await evaluation(newer.id, '2026-01-01')).toEqual(newEarly);
  });

  it('moves every open task when none is named; the work goes on in the new plan', async () => {
    // What is left open in the 十四五 (its seed tasks) moves, and only that.
    const open = (
      await sql<{ n: number }>(app.databaseUrl, "SELECT count(*)::int AS n FROM task WHERE plan_id = $1 AND status NOT IN ('completed', 'cancelled')", [
        older.id,
      ])
    )[0].n;
    const res = await carry({ toPlanId: newer.id }).expect(200);
    expect(res.body.moved).toBe(open);
    expect((await carry({ toPlanId: newer.id }).expect(200)).body.moved).toBe(0);
    // A carried task is worked on as before.
    await app.as(liaison.token).post(`/api/v1/tasks/${t['进行中']}/progress`).send({ note: '结转后继续推进', percent: 80 }).expect(201);
    expect((await app.as(admin).get('/api/v1/audit/verify').expect(200)).body.broken).toBeNull();
  });

  it('a task carried back into the plan it left counts in each plan for the days it was there, and as 结转 in the other', async () => {
    await newTask('往返', { clauseRef: '五(一)', dueDate: '2026-06-30' });
    const between = '2026-03-01';
    const today = shanghaiToday();
    const sum = (e: Awaited<ReturnType<typeof evaluation>>, key: 'total' | 'carriedOver') => e.chapters.reduce((s, c) => s + c.tasks[key], 0);
    const before = {
      olderBetween: await evaluation(older.id, between),
      olderNow: await evaluation(older.id, today),
      newerBetween: await evaluation(newer.id, between),
      newerNow: await evaluation(newer.id, today),
    };

    // Carried into the 十五五 on 1 February 2026 (the move's moment set back, as if made then), and back into the 十四五 today.
    await carry({ toPlanId: newer.id, taskIds: [t['往返']] }).expect(200);
    await sql(app.databaseUrl, "UPDATE task_carry_over SET moved_at = '2026-02-01T09:00:00+08:00' WHERE task_id = $1", [t['往返']]);
    const back = await carry({ toPlanId: older.id, taskIds: [t['往返']] }, newer.id).expect(200);
    expect(back.body).toMatchObject({ fromPlanId: newer.id, toPlanId: older.id, moved: 1, clausesCleared: 0 });

    const detail = (await app.as(supervisor.token).get(`/api/v1/tasks/${t['往返']}`).expect(200)).body;
    expect(detail).toMatchObject({ planId: older.id, clauseRef: '五(一)', carriedFrom: { planId: newer.id, clauseRef: '五(一)' } });
    const moves = async (planId: string) =>
      ((await app.as(supervisor.token).get(`/api/v1/plans/${planId}/carry-overs`).expect(200)).body as Array<{ direction: string; task: { id: string } }>)
        .filter((m) => m.task.id === t['往返'])
        .map((m) => m.direction)
        .sort();
    expect(await moves(older.id)).toEqual(['in', 'out']);
    expect(await moves(newer.id)).toEqual(['in', 'out']);

    // In March 2026 it was in the 十五五: 结转 in the 十四五, a task of the 十五五's own.
    const olderBetween = await evaluation(older.id, between);
    expect(sum(olderBetween, 'total')).toBe(sum(before.olderBetween, 'total'));
    expect(sum(olderBetween, 'carriedOver')).toBe(sum(before.olderBetween, 'carriedOver') + 1);
    const newerBetween = await evaluation(newer.id, between);
    expect(sum(newerBetween, 'total')).toBe(sum(before.newerBetween, 'total') + 1);
    expect(sum(newerBetween, 'carriedOver')).toBe(sum(before.newerBetween, 'carriedOver'));
    // Today it is back: the 十四五's own task as before, and 结转 in the 十五五, which it has left.
    expect(await evaluation(older.id, today)).toEqual(before.olderNow);
    const newerNow = await evaluation(newer.id, today);
    expect(sum(newerNow, 'total')).toBe(sum(before.newerNow, 'total') + 1);
    expect(sum(newerNow, 'carriedOver')).toBe(sum(before.newerNow, 'carriedOver') + 1);
    expect((await app.as(admin).get('/api/v1/audit/verify').expect(200)).body.broken).toBeNull();
  });

  it('a seed re-import of the old plan neither brings carried tasks back nor makes them again', async () => {
    const moved = await sql<{ id: string; code: string }>(
      app.databaseUrl,
      'SELECT DISTINCT t.id, t.code FROM task t JOIN task_carry_over m ON m.task_id = t.id WHERE t.code IS NOT NULL ORDER BY t.code',
    );
    expect(moved.length).toBeGreaterThan(0);
    const before = await sql(app.databaseUrl, 'SELECT id, code, plan_id, clause_ref, version FROM task WHERE code IS NOT NULL ORDER BY code');
    const report = await importSeeds(app.databaseUrl, 'seeds');
    expect(report.created.task + report.updated.task).toBe(0);
    expect([...report.carriedOver].sort()).toEqual(moved.map((m) => m.code).sort());
    expect(await sql(app.databaseUrl, 'SELECT id, code, plan_id, clause_ref, version FROM task WHERE code IS NOT NULL ORDER BY code')).toEqual(before);
    const next = await importSeeds(app.databaseUrl, FIFTEENTH);
    expect(next.created.task + next.updated.task).toBe(0);
  });
});
