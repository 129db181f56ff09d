import { createHash } from 'node:crypto';
import { startApp, type TestApp } from './support/app.js';

// A minimal valid PDF and PNG: evidence is recognised by content.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

describe('the duty workflow, end to end', () => {
  let app: TestApp;
  let supervisor: { id: string; token: string };
  let financeLiaison: { id: string; token: string };
  let taxLiaison: { id: string; token: string };
  let eduLiaison: { id: string; token: string };
  let financeLeader: { id: string; token: string };
  let reviewer: { id: string; token: string };

  beforeAll(async () => {
    app = await startApp();
    supervisor = await app.user('supervisor');
    financeLiaison = await app.user('liaison', 'finance');
    taxLiaison = await app.user('liaison', 'tax');
    eduLiaison = await app.user('liaison', 'edu');
    financeLeader = await app.user('leader', 'finance');
    reviewer = await app.user('reviewer');
  });
  afterAll(() => app.close());

  async function createTask(extra: Record<string, unknown> = {}) {
    const res = await app
      .as(supervisor.token)
      .post('/api/v1/tasks')
      .send({
        title: '落实教育经费法定增长要求',
        leadDepartment: 'finance',
        coDepartments: ['tax'],
        dueDate: '2030-12-31',
        ...extra,
      });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number; status: string };
  }

  async function upload(token: string, taskId: string, bytes: Buffer, filename: string) {
    return app.as(token).post(`/api/v1/tasks/${taskId}/evidence`).attach('file', bytes, filename);
  }

  it('takes a task from assignment to approval through every role', async () => {
    const task = await createTask({ assigneeId: financeLiaison.id });
    expect(task).toMatchObject({ status: 'assigned', version: 1, light: 'green', overdue: false, leadDepartmentCode: 'finance', coDepartmentCodes: ['tax'] });

    const accepted = await app.as(financeLiaison.token).post(`/api/v1/tasks/${task.id}/accept`).send({});
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('in_progress');

    const progress = await app.as(taxLiaison.token).post(`/api/v1/tasks/${task.id}/progress`).send({ note: '税收数据已报送', percent: 40 });
    expect(progress.status).toBe(201);

    const evidence = await upload(financeLiaison.token, task.id, PDF, '拨付凭证.pdf');
    expect(evidence.status).toBe(201);
    expect(evidence.body).toMatchObject({
      filename: '拨付凭证.pdf',
      size: PDF.length,
      mimeType: 'application/pdf',
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });

    const submitted = await app
      .as(financeLiaison.token)
      .post(`/api/v1/tasks/${task.id}/submit`)
      .send({ summary: '已完成', evidenceIds: [evidence.body.id] });
    expect(submitted.body.status).toBe('submitted');

    const returned = await app.as(supervisor.token).post(`/api/v1/tasks/${task.id}/return`).send({ reason: '缺少资金到位证明' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'in_progress', returnReason: '缺少资金到位证明' });

    const resubmitted = await app
      .as(financeLiaison.token)
      .post(`/api/v1/tasks/${task.id}/submit`)
      .send({ summary: '已补充', evidenceIds: [evidence.body.id] });
    expect(resubmitted.body.status).toBe('submitted');
    const approved = await app.as(supervisor.token).post(`/api/v1/tasks/${task.id}/approve`).send({ comment: '很好', grade: 'excellent' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'completed', grade: 'excellent', light: 'green' });

    const detail = await app.as(financeLeader.token).get(`/api/v1/tasks/${task.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.progress.map((p: { kind: string }) => p.kind)).toEqual(['progress', 'submission', 'submission']);
    expect(detail.body.evidence).toHaveLength(1);
    expect(detail.body.evidence[0]).not.toHaveProperty('storageKey');

    const history = await app.as(reviewer.token).get(`/api/v1/tasks/${task.id}/history`);
    expect(history.body.map((h: { action: string }) => h.action)).toEqual([
      'task.create',
      'task.accept',
      'task.progress',
      'evidence.upload',
      'task.submit',
      'task.return',
      'task.submit',
      'task.approve',
    ]);
    const returnEntry = history.body[5];
    expect(returnEntry).toMatchObject({ from: 'submitted', to: 'in_progress', actor: { id: supervisor.id, role: 'supervisor' } });
    expect(returnEntry.detail.reason).toBe('缺少资金到位证明');
    expect(Date.parse(returnEntry.at)).not.toBeNaN();

    // Completed work takes nothing more.
    const late = await app.as(financeLiaison.token).post(`/api/v1/tasks/${task.id}/progress`).send({ note: 'x' });
    expect(late.status).toBe(409);
  });

  it('refuses illegal transitions with 409 and changes nothing', async () => {
    const task = await createTask();
    const cases: Array<[{ token: string }, string, object]> = [
      [financeLiaison, 'submit', { summary: 's', evidenceIds: ['00000000-0000-4000-8000-000000000000'] }],
      [supervisor, 'approve', {}],
      [supervisor, 'return', { reason: 'r' }],
    ];
    for (const [who, action, body] of cases) {
      const res = await app.as(who.token).post(`/api/v1/tasks/${task.id}/${action}`).send(body);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
      expect(res.body.message).toContain('待签收');
    }
    await app.as(financeLiaison.token).post(`/api/v1/tasks/${task.id}/accept`).send({});
    const again = await app.as(financeLiaison.token).post(`/api/v1/tasks/${task.id}/accept`).send({});
    expect(again.status).toBe(409);
    const after = await app.as(supervisor.token).get(`/api/v1/tasks/${task.id}`);
    expect(after.body).toMatchObject({ status: 'in_progress', version: 2 });
  });

  it('requires evidence of the task itself to submit', async () => {
    const task = await createTask();
    const other = await createTask();
    await app.as(financeLiaison.token).post(`/api/v1/tasks/${task.id}/accept`).send({});
    const foreign = await upload(financeLiaison.token, other.id, PDF, 'a.pdf');
    const none = await app.as(financeLiaison.token).post(`/api/v1/tasks/${task.id}/submit`).send({ summary: 's', evidenceIds: [] });
    expect(none.status).toBe(400);
    expect(none.body.message).toContain('evidenceIds');
    const wrong = await app
      .as(financeLiaison.token)
      .post(`/api/v1/tasks/${task.id}/submit`)
      .send({ summary: 's', evidenceIds: [foreign.body.id] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain(foreign.body.id);
    expect((await app.as(supervisor.token).get(`/api/v1/tasks/${task.id}`)).body.status).toBe('in_progress');
  });

  it('lets exactly one of 20 concurrent approve/return calls win', async () => {
    const task = await createTask();
    await app.as(financeLiaison.token).post(`/api/v1/tasks/${task.id}/accept`).send({});
    const evidence = await upload(financeLiaison.token, task.id, PNG, 'photo.png');
    await app
      .as(financeLiaison.token)
      .post(`/api/v1/tasks/${task.id}/submit`)
      .send({ summary: 's', evidenceIds: [evidence.body.id] });
    const calls = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? app.as(supervisor.token).post(`/api/v1/tasks/${task.id}/approve`).send({})
        : app
            .as(supervisor.token)
            .post(`/api/v1/tasks/${task.id}/return`)
            .send({ reason: `r${i}` }),
    );
    const statuses = (await Promise.all(calls)).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const history = await app.as(supervisor.token).get(`/api/v1/tasks/${task.id}/history`);
    expect(history.body.filter((h: { action: string }) => ['task.approve', 'task.return'].includes(h.action))).toHaveLength(1);
  });

  it('rejects a stale version with 409 on edit', async () => {
    const task = await createTask();
    const first = await app.as(supervisor.token).patch(`/api/v1/tasks/${task.id}`).send({ version: 1, title: '新标题' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await app.as(supervisor.token).patch(`/api/v1/tasks/${task.id}`).send({ version: 1, title: '另一个标题' });
    expect(stale.status).toBe(409);
    expect((await app.as(supervisor.token).get(`/api/v1/tasks/${task.id}`)).body.title).toBe('新标题');
  });

  it('derives overdue and the light from the due date, and filters by them', async () => {
    const overdue = await createTask({ dueDate: '2021-06-30', title: '逾期任务-甲' });
    const soon = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
    const yellow = await createTask({ dueDate: soon, title: '临期任务-乙' });
    expect(overdue).toMatchObject({ overdue: true, light: 'red' });
    expect(yellow).toMatchObject({ overdue: false, light: 'yellow' });
    const list = await app.as(financeLiaison.token).get(`/api/v1/tasks?overdue=true&department=finance&q=${encodeURIComponent('任务-')}`);
    expect(list.status).toBe(200);
    const ids = list.body.items.map((t: { id: string }) => t.id);
    expect(ids).toContain(overdue.id);
    expect(ids).not.toContain(yellow.id);
    expect(list.body.items.every((t: { overdue: boolean }) => t.overdue)).toBe(true);
    const search = await app.as(supervisor.token).get(`/api/v1/tasks?q=${encodeURIComponent('临期任务')}`);
    expect(search.body.items.map((t: { id: string }) => t.id)).toEqual([yellow.id]);
  });

  it('takes the assignee off a task whose lead department changes: the audit says so, the old liaison no longer sees it', async () => {
    const task = await createTask({ title: '牵头部门变更', coDepartments: [], assigneeId: financeLiaison.id });
    expect((await app.as(financeLiaison.token).get(`/api/v1/tasks/${task.id}`)).status).toBe(200);
    const moved = await app.as(supervisor.token).patch(`/api/v1/tasks/${task.id}`).send({ version: task.version, leadDepartment: 'edu' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ leadDepartmentCode: 'edu', assigneeId: null });
    expect((await app.as(financeLiaison.token).get(`/api/v1/tasks/${task.id}`)).status).toBe(404);
    const mine = await app.as(financeLiaison.token).get(`/api/v1/tasks?q=${encodeURIComponent('牵头部门变更')}`);
    expect(mine.body.total).toBe(0);
    expect((await app.as(eduLiaison.token).get(`/api/v1/tasks/${task.id}`)).status).toBe(200);
    const history = (await app.as(supervisor.token).get(`/api/v1/tasks/${task.id}/history`)).body as Array<{ action: string; detail: Record<string, unknown> }>;
    expect(history.find((h) => h.action === 'task.update')!.detail).toMatchObject({
      before: { leadDepartmentCode: 'finance', assigneeId: financeLiaison.id },
      after: { leadDepartmentCode: 'edu', assigneeId: null },
      assigneeCleared: { assigneeId: financeLiaison.id, reason: expect.stringContaining('finance') },
    });

    // Moved with a new assignee of the new department, that one is kept; one of another department is refused.
    const other = await createTask({ title: '牵头部门变更-新承办人', coDepartments: [], assigneeId: financeLiaison.id });
    const wrong = await app
      .as(supervisor.token)
      .patch(`/api/v1/tasks/${other.id}`)
      .send({ version: other.version, leadDepartment: 'edu', assigneeId: taxLiaison.id });
    expect(wrong.status).toBe(400);
    const handed = await app
      .as(supervisor.token)
      .patch(`/api/v1/tasks/${other.id}`)
      .send({ version: other.version, leadDepartment: 'edu', assigneeId: eduLiaison.id });
    expect(handed.body).toMatchObject({ leadDepartmentCode: 'edu', assigneeId: eduLiaison.id });
  });

  it('shows a task in a list with the same fields and values as on its own', async () => {
    const parent = await createTask({ title: '列表字段核对-父任务' });
    const child = await createTask({
      title: '列表字段核对-子任务',
      parentId: parent.id,
      assigneeId: financeLiaison.id,
      coDepartments: ['tax', 'edu'],
      dueDate: '2021-09-30',
    });
    expect((await app.as(financeLiaison.token).post(`/api/v1/tasks/${child.id}/accept`).send({})).status).toBe(200);
    expect((await app.as(financeLiaison.token).post(`/api/v1/tasks/${child.id}/progress`).send({ note: '已过半', percent: 55 })).status).toBe(201);
    const alone = (await app.as(supervisor.token).get(`/api/v1/tasks/${child.id}`)).body as Record<string, unknown>;
    for (const [token, query] of [
      [supervisor.token, `parentId=${parent.id}`],
      [eduLiaison.token, 'overdue=true&light=red'],
      [taxLiaison.token, 'department=finance'],
    ] as const) {
      const list = await app.as(token).get(`/api/v1/tasks?${query}&q=${encodeURIComponent('列表字段核对-子')}`);
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(1);
      const [listed] = list.body.items as Array<Record<string, unknown>>;
      expect(Object.keys(listed).sort()).toEqual([
        'assigneeId',
        'clauseRef',
        'coDepartmentCodes',
        'code',
        'dueDate',
        'id',
        'leadDepartmentCode',
        'light',
        'overdue',
        'parentId',
        'percent',
        'status',
        'submittedAt',
        'title',
        'updatedAt',
        'version',
      ]);
      for (const key of Object.keys(listed)) expect([key, listed[key]]).toEqual([key, alone[key]]);
    }
    expect(alone).toMatchObject({
      parentId: parent.id,
      assigneeId: financeLiaison.id,
      coDepartmentCodes: ['tax', 'edu'],
      dueDate: '2021-09-30',
      status: 'in_progress',
      percent: 55,
      overdue: true,
      light: 'red',
    });
  });

  it("keeps each department's overdue list and its count in step as a task's departments, deadline and status change", async () => {
    const overdueOf = async (token: string) => {
      const res = await app.as(token).get('/api/v1/tasks?overdue=true');
      expect(res.status).toBe(200);
      return res.body.total as number;
    };
    const listed = async (token: string, id: string) =>
      (await app.as(token).get(`/api/v1/tasks?overdue=true&q=${encodeURIComponent('同步核对任务')}`)).body.items.some((t: { id: string }) => t.id === id);
    const before = { finance: await overdueOf(financeLiaison.token), tax: await overdueOf(taxLiaison.token), edu: await overdueOf(eduLiaison.token) };

    const task = await createTask({ dueDate: '2021-03-31', title: '同步核对任务', coDepartments: ['tax'] });
    expect(await overdueOf(financeLiaison.token)).toBe(before.finance + 1);
    expect(await overdueOf(taxLiaison.token)).toBe(before.tax + 1);
    expect(await listed(taxLiaison.token, task.id)).toBe(true);

    // The co-department changes from tax to edu: it leaves tax's list and joins edu's.
    const moved = await app
      .as(supervisor.token)
      .patch(`/api/v1/tasks/${task.id}`)
      .send({ version: task.version, coDepartments: ['edu'] });
    expect(moved.status).toBe(200);
    expect(await overdueOf(taxLiaison.token)).toBe(before.tax);
    expect(await listed(taxLiaison.token, task.id)).toBe(false);
    expect(await overdueOf(eduLiaison.token)).toBe(before.edu + 1);
    expect(await listed(eduLiaison.token, task.id)).toBe(true);
    // A page past the end still tells how many there are, with and without a filter that reads the task.
    expect((await app.as(eduLiaison.token).get('/api/v1/tasks?overdue=true&page=500')).body).toMatchObject({ items: [], total: before.edu + 1, page: 500 });
    expect((await app.as(eduLiaison.token).get(`/api/v1/tasks?overdue=true&page=500&q=${encodeURIComponent('同步核对任务')}`)).body).toMatchObject({
      items: [],
      total: 1,
    });
    expect((await app.as(taxLiaison.token).get(`/api/v1/tasks/${task.id}`)).status).toBe(404);

    // A later deadline takes it off every overdue list; completing it keeps it off.
    const later = await app.as(supervisor.token).patch(`/api/v1/tasks/${task.id}`).send({ version: moved.body.version, dueDate: '2030-12-31' });
    expect(later.status).toBe(200);
    expect([await overdueOf(financeLiaison.token), await overdueOf(eduLiaison.token)]).toEqual([before.finance, before.edu]);
    const back = await app.as(supervisor.token).patch(`/api/v1/tasks/${task.id}`).send({ version: later.body.version, dueDate: '2021-03-31' });
    expect(await overdueOf(eduLiaison.token)).toBe(before.edu + 1);
    await app.as(financeLiaison.token).post(`/api/v1/tasks/${task.id}/accept`).send({ version: back.body.version });
    const evidence = await upload(financeLiaison.token, task.id, PDF, '完成凭证.pdf');
    await app
      .as(financeLiaison.token)
      .post(`/api/v1/tasks/${task.id}/submit`)
      .send({ summary: '已完成', evidenceIds: [evidence.body.id] });
    const approved = await app.as(supervisor.token).post(`/api/v1/tasks/${task.id}/approve`).send({});
    expect(approved.body.status).toBe('completed');
    expect([await overdueOf(financeLiaison.token), await overdueOf(eduLiaison.token)]).toEqual([before.finance, before.edu]);
    const completed = await app.as(eduLiaison.token).get(`/api/v1/tasks?status=completed&q=${encodeURIComponent('同步核对任务')}`);
    expect(completed.body.items.map((t: { id: string }) => t.id)).toEqual([task.id]);
  });

  it('moves the deadline only when an extension is approved, keeping both decisions', async () => {
    const task = await createTask({ dueDate: '2030-06-30' });
    const tooEarly = await app
      .as(financeLiaison.token)
      .post(`/api/v1/tasks/${task.id}/extension-requests`)
      .send({ requestedDueDate: '2030-01-01', reason: '早于现期限' });
    expect(tooEarly.status).toBe(400);
    const first = await app
      .as(financeLiaison.token)
      .post(`/api/v1/tasks/${task.id}/extension-requests`)
      .send({ requestedDueDate: '2030-09-30', reason: '用地审批未完成' });
    expect(first.status).toBe(201);
    const duplicate = await app
      .as(financeLiaison.token)
      .post(`/api/v1/tasks/${task.id}/extension-requests`)
      .send({ requestedDueDate: '2030-10-30', reason: '再次申请' });
    expect(duplicate.status).toBe(409);
    const rejected = await app.as(supervisor.token).post(`/api/v1/extension-requests/${first.body.id}/reject`).send({ comment: '理由不充分' });
    expect(rejected.body.status).toBe('rejected');
    expect((await app.as(supervisor.token).get(`/api/v1/tasks/${task.id}`)).body.dueDate).toBe('2030-06-30');
    const decidedTwice = await app.as(supervisor.token).post(`/api/v1/extension-requests/${first.body.id}/approve`).send({});
    expect(decidedTwice.status).toBe(409);

    const second = await app
      .as(financeLiaison.token)
      .post(`/api/v1/tasks/${task.id}/extension-requests`)
      .send({ requestedDueDate: '2030-09-30', reason: '补充了审批文件' });
    const approved = await app.as(supervisor.token).post(`/api/v1/extension-requests/${second.body.id}/approve`).send({});
    expect(approved.body.status).toBe('approved');
    const detail = await app.as(supervisor.token).get(`/api/v1/tasks/${task.id}`);
    expect(detail.body.dueDate).toBe('2030-09-30');
    expect(detail.body.extensionRequests.map((e: { status: string }) => e.status)).toEqual(['rejected', 'approved']);
    const history = await app.as(supervisor.token).get(`/api/v1/tasks/${task.id}/history`);
    const actions = history.body.map((h: { action: string }) => h.action);
    expect(actions).toEqual(['task.create', 'extension.request', 'extension.reject', 'extension.request', 'extension.approve', 'task.extend']);
    expect(history.body[5].detail.before).toEqual({ dueDate: '2030-06-30' });
  });
});
