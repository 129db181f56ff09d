import { startApp, type TestApp } from './support/app.js';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

/**
 * Every route × every role × own / co-operating / other department. A task is
 * led by finance with tax co-operating; "other" callers belong to edu. The
 * contract: what a caller may not see is 404, what it may not do is 403.
 */
type Caller = 'admin' | 'supervisor' | 'reviewer' | 'leaderOwn' | 'leaderOther' | 'liaisonLead' | 'liaisonCo' | 'liaisonOther';
const CALLERS: Caller[] = ['admin', 'supervisor', 'reviewer', 'leaderOwn', 'leaderOther', 'liaisonLead', 'liaisonCo', 'liaisonOther'];
const OUTSIDERS: Caller[] = ['leaderOther', 'liaisonOther'];
const VISIBLE: Caller[] = CALLERS.filter((c) => !OUTSIDERS.includes(c));

type State = 'assigned' | 'in_progress' | 'submitted' | 'extension';
interface Route {
  name: string;
  state: State;
  allowed: Caller[];
  call(app: TestApp, token: string, ctx: { taskId: string; evidenceId: string; extensionId: string; version: number }): Promise<{ status: number }>;
}

const ROUTES: Route[] = [
  { name: 'GET task', state: 'assigned', allowed: VISIBLE, call: (a, t, c) => a.as(t).get(`/api/v1/tasks/${c.taskId}`) },
  { name: 'PATCH task', state: 'assigned', allowed: ['supervisor'], call: (a, t, c) => a.as(t).patch(`/api/v1/tasks/${c.taskId}`).send({ version: c.version, title: '改' }) },
  { name: 'accept', state: 'assigned', allowed: ['liaisonLead'], call: (a, t, c) => a.as(t).post(`/api/v1/tasks/${c.taskId}/accept`).send({}) },
  { name: 'progress', state: 'in_progress', allowed: ['liaisonLead', 'liaisonCo'], call: (a, t, c) => a.as(t).post(`/api/v1/tasks/${c.taskId}/progress`).send({ note: '进展' }) },
  { name: 'upload evidence', state: 'in_progress', allowed: ['liaisonLead', 'liaisonCo'], call: (a, t, c) => a.as(t).post(`/api/v1/tasks/${c.taskId}/evidence`).attach('file', PDF, 'a.pdf') },
  { name: 'download evidence', state: 'in_progress', allowed: VISIBLE, call: (a, t, c) => a.as(t).get(`/api/v1/tasks/${c.taskId}/evidence/${c.evidenceId}`) },
  { name: 'submit', state: 'in_progress', allowed: ['liaisonLead'], call: (a, t, c) => a.as(t).post(`/api/v1/tasks/${c.taskId}/submit`).send({ summary: 's', evidenceIds: [c.evidenceId] }) },
  { name: 'approve', state: 'submitted', allowed: ['supervisor'], call: (a, t, c) => a.as(t).post(`/api/v1/tasks/${c.taskId}/approve`).send({}) },
  { name: 'return', state: 'submitted', allowed: ['supervisor'], call: (a, t, c) => a.as(t).post(`/api/v1/tasks/${c.taskId}/return`).send({ reason: 'r' }) },
  { name: 'request extension', state: 'in_progress', allowed: ['liaisonLead'], call: (a, t, c) => a.as(t).post(`/api/v1/tasks/${c.taskId}/extension-requests`).send({ requestedDueDate: '2031-12-31', reason: 'r' }) },
  { name: 'approve extension', state: 'extension', allowed: ['supervisor'], call: (a, t, c) => a.as(t).post(`/api/v1/extension-requests/${c.extensionId}/approve`).send({}) },
  { name: 'reject extension', state: 'extension', allowed: ['supervisor'], call: (a, t, c) => a.as(t).post(`/api/v1/extension-requests/${c.extensionId}/reject`).send({}) },
  { name: 'history', state: 'assigned', allowed: VISIBLE, call: (a, t, c) => a.as(t).get(`/api/v1/tasks/${c.taskId}/history`) },
];

describe('access matrix', () => {
  let app: TestApp;
  const tokens = {} as Record<Caller, string>;

  beforeAll(async () => {
    app = await startApp();
    tokens.admin = await app.login('admin@duban.local', 'admin-password-1');
    tokens.supervisor = (await app.user('supervisor')).token;
    tokens.reviewer = (await app.user('reviewer')).token;
    tokens.leaderOwn = (await app.user('leader', 'finance')).token;
    tokens.leaderOther = (await app.user('leader', 'edu')).token;
    tokens.liaisonLead = (await app.user('liaison', 'finance')).token;
    tokens.liaisonCo = (await app.user('liaison', 'tax')).token;
    tokens.liaisonOther = (await app.user('liaison', 'edu')).token;
  });
  afterAll(() => app.close());

  /** A fresh task in `state`, so that each allowed call meets the state it needs. */
  async function taskIn(state: State, title = '矩阵任务') {
    const s = app.as(tokens.supervisor);
    const lead = app.as(tokens.liaisonLead);
    const task = (await s.post('/api/v1/tasks').send({ title, leadDepartment: 'finance', coDepartments: ['tax'], dueDate: '2030-12-31' })).body;
    const ctx = { taskId: task.id as string, evidenceId: '', extensionId: '', version: 1 };
    if (state === 'assigned') return ctx;
    await lead.post(`/api/v1/tasks/${task.id}/accept`).send({});
    ctx.evidenceId = (await lead.post(`/api/v1/tasks/${task.id}/evidence`).attach('file', PDF, 'a.pdf')).body.id;
    if (state === 'extension') {
      ctx.extensionId = (await lead.post(`/api/v1/tasks/${task.id}/extension-requests`).send({ requestedDueDate: '2031-06-30', reason: '需要更多时间' })).body.id;
    }
    if (state === 'submitted') await lead.post(`/api/v1/tasks/${task.id}/submit`).send({ summary: 's', evidenceIds: [ctx.evidenceId] });
    ctx.version = (await s.get(`/api/v1/tasks/${task.id}`)).body.version;
    return ctx;
  }

  const cases = ROUTES.flatMap((route) => CALLERS.map((caller) => [route.name, caller, route] as const));
  it.each(cases)('%s as %s', async (_name, caller, route) => {
    const ctx = await taskIn(route.state);
    const before = (await app.as(tokens.supervisor).get(`/api/v1/tasks/${ctx.taskId}/history`)).body.length;
    const res = await route.call(app, tokens[caller], ctx);
    if (route.allowed.includes(caller)) {
      expect([200, 201]).toContain(res.status);
    } else {
      expect(res.status).toBe(OUTSIDERS.includes(caller) ? 404 : 403);
      const after = (await app.as(tokens.supervisor).get(`/api/v1/tasks/${ctx.taskId}/history`)).body.length;
      expect(after).toBe(before);
    }
  });

  it.each(CALLERS)('task-free routes as %s', async (caller) => {
    const t = app.as(tokens[caller]);
    const create = await t.post('/api/v1/tasks').send({ title: '新任务', leadDepartment: 'edu', dueDate: '2030-01-01' });
    expect(create.status).toBe(caller === 'supervisor' ? 201 : 403);
    expect((await t.get('/api/v1/users')).status).toBe(caller === 'admin' ? 200 : 403);
    expect((await t.post('/api/v1/users').send({ email: `x-${caller}@t.cn`, name: 'x', password: 'password-1', role: 'reviewer' })).status).toBe(caller === 'admin' ? 201 : 403);
    for (const path of ['/api/v1/me', '/api/v1/departments', '/api/v1/plans', '/api/v1/tasks', '/api/v1/dashboard', '/api/v1/me/calendar-feed']) {
      expect((await t.get(path)).status).toBe(200);
    }
    const bulletin = ['supervisor', 'admin', 'reviewer'].includes(caller) ? 200 : 403;
    expect((await t.get('/api/v1/dashboard/bulletin')).status).toBe(bulletin);
    expect((await t.get('/api/v1/dashboard/bulletin.xlsx')).status).toBe(bulletin);
    // A department role may not look at another department's dashboard; the others may.
    expect((await t.get('/api/v1/dashboard?department=edu')).status).toBe(caller === 'leaderOwn' || caller === 'liaisonLead' || caller === 'liaisonCo' ? 404 : 200);
    expect((await t.post('/api/v1/me/calendar-feed')).status).toBe(201);
    expect((await t.delete('/api/v1/me/calendar-feed')).status).toBe(204);
  });

  it.each(CALLERS)('assessment routes as %s', async (caller) => {
    const year = 2040 + CALLERS.indexOf(caller);
    await app.as(tokens.admin).post('/api/v1/assessments').send({ year }).expect(201);
    const t = app.as(tokens[caller]);
    const READERS: Caller[] = ['admin', 'supervisor', 'reviewer'];
    const routes: Array<[string, () => Promise<{ status: number }>, Caller[], number]> = [
      ['GET assessments', () => t.get('/api/v1/assessments'), ['admin', 'reviewer'], 200],
      ['POST assessments', () => t.post('/api/v1/assessments').send({ year: year + 20 }), ['admin', 'reviewer'], 201],
      ['GET assessment', () => t.get(`/api/v1/assessments/${year}`), ['admin', 'reviewer'], 200],
      ['GET departments', () => t.get(`/api/v1/assessments/${year}/departments`), READERS, 200],
      ['PUT score', () => t.put(`/api/v1/assessments/${year}/departments/finance`).send({ score: 90 }), ['reviewer'], 200],
      ['GET report.html', () => t.get(`/api/v1/assessments/${year}/report.html`), READERS, 200],
      ['POST reports', () => t.post(`/api/v1/assessments/${year}/reports`).send({ format: 'html' }), READERS, 202],
      ['POST finalize', () => t.post(`/api/v1/assessments/${year}/finalize`), ['admin'], 200],
    ];
    for (const [name, call, allowed, ok] of routes) {
      expect([name, (await call()).status]).toEqual([name, allowed.includes(caller) ? ok : 403]);
    }
  });

  it('lists only the tasks a department leads or co-operates on', async () => {
    const { taskId } = await taskIn('assigned', '范围检查任务');
    const seen = async (caller: Caller) =>
      (await app.as(tokens[caller]).get(`/api/v1/tasks?q=${encodeURIComponent('范围检查任务')}`)).body.items.some((t: { id: string }) => t.id === taskId);
    expect(await seen('liaisonLead')).toBe(true);
    expect(await seen('liaisonCo')).toBe(true);
    expect(await seen('leaderOwn')).toBe(true);
    expect(await seen('reviewer')).toBe(true);
    expect(await seen('liaisonOther')).toBe(false);
    expect(await seen('leaderOther')).toBe(false);
    // Asking for another department's work does not widen the scope.
    const asked = await app.as(tokens.liaisonOther).get('/api/v1/tasks?department=finance&limit=200');
    expect(asked.body.items.map((t: { id: string }) => t.id)).not.toContain(taskId);
    for (const t of asked.body.items as Array<{ leadDepartmentCode: string; coDepartmentCodes: string[] }>) {
      expect([t.leadDepartmentCode, ...t.coDepartmentCodes]).toContain('edu');
    }
  });
});
