import { startApp, type TestApp } from './support/app.js';

/**
 * Decomposition (分解): the lead department splits its own task into parts for itself or a
 * co-department, the parent rolls its parts up, cannot be approved while a part is open, and
 * asks what to do with open parts when it is cancelled — through the HTTP API.
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
type User = { id: string; email: string; token: string };

describe('decomposition into sub-tasks', () => {
  let app: TestApp;
  let supervisor: User;
  let liaison: User;
  let leader: User;
  let coLiaison: User;
  let taxLiaison: User;
  let strangerLiaison: User;

  beforeAll(async () => {
    app = await startApp();
    supervisor = await app.user('supervisor');
    liaison = await app.user('liaison', 'finance');
    leader = await app.user('leader', 'finance');
    coLiaison = await app.user('liaison', 'tax');
    taxLiaison = coLiaison;
    strangerLiaison = await app.user('liaison', 'edu');
  });
  afterAll(() => app?.close());

  const api = (user: User) => app.as(user.token);
  const get = async (id: string) => (await api(supervisor).get(`/api/v1/tasks/${id}`).expect(200)).body;
  const parentTask = async (title = '落实教育经费投入') =>
    (
      await api(supervisor)
        .post('/api/v1/tasks')
        .send({ title, leadDepartment: 'finance', coDepartments: ['tax'], dueDate: '2031-06-30', requireSignOff: false })
        .expect(201)
    ).body as { id: string; supervisorId: string };
  const split = (user: User, parentId: string, fields: Record<string, unknown> = {}) =>
    api(user)
      .post('/api/v1/tasks')
      .send({ title: '子任务', leadDepartment: 'finance', dueDate: '2031-03-31', parentId, ...fields });

  async function complete(user: User, id: string) {
    await api(user).post(`/api/v1/tasks/${id}/accept`).send({}).expect(200);
    const evidence = (await api(user).post(`/api/v1/tasks/${id}/evidence`).attach('file', PDF, '佐证.pdf').expect(201)).body.id;
    await api(user)
      .post(`/api/v1/tasks/${id}/submit`)
      .send({ summary: '完成', evidenceIds: [evidence] })
      .expect(200);
    await api(supervisor).post(`/api/v1/tasks/${id}/approve`).send({}).expect(200);
  }

  it('the lead department splits its own task for itself and a co-department; others may not', async () => {
    const parent = await parentTask();
    const own = await split(liaison, parent.id, { title: '测算经费需求' });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ parentId: parent.id, leadDepartmentCode: 'finance', supervisorId: parent.supervisorId });
    const forCo = await split(leader, parent.id, { title: '核实税费征收', leadDepartment: 'tax' });
    expect(forCo.status).toBe(201);

    // A department the task does not involve cannot see it (404); a co-department may not split it (403).
    expect((await split(strangerLiaison, parent.id)).status).toBe(404);
    expect((await split(coLiaison, parent.id, { leadDepartment: 'tax' })).status).toBe(403);
    // A part for a department outside the task, a part due after its parent, a top-level task: refused, nothing created.
    const outside = await split(liaison, parent.id, { leadDepartment: 'edu' });
    expect([outside.status, outside.body.message]).toEqual([400, expect.stringContaining('上级任务的牵头或配合单位')]);
    const late = await split(liaison, parent.id, { dueDate: '2031-07-01' });
    expect([late.status, late.body.message]).toEqual([400, expect.stringContaining('2031-06-30')]);
    const top = await api(liaison).post('/api/v1/tasks').send({ title: '自建任务', leadDepartment: 'finance', dueDate: '2031-03-31' });
    expect([top.status, top.body.message]).toEqual([403, expect.stringContaining('parentId')]);
    const children = (await api(supervisor).get(`/api/v1/tasks?parentId=${parent.id}`).expect(200)).body;
    expect(children.items.map((c: { title: string }) => c.title).sort()).toEqual(['核实税费征收', '测算经费需求']);
    // The tax liaison sees the part its department leads.
    expect((await api(taxLiaison).get(`/api/v1/tasks/${forCo.body.id}`)).status).toBe(200);
  });

  it('rolls the parts up, and the parent cannot be approved while a part is open', async () => {
    const parent = await parentTask('推进经费绩效评价');
    const a = (await split(liaison, parent.id, { title: '甲部分' }).expect(201)).body;
    const b = (await split(liaison, parent.id, { title: '乙部分' }).expect(201)).body;
    expect((await get(parent.id)).children).toEqual({ total: 2, completed: 0, percent: 0 });
    await complete(liaison, a.id);
    expect((await get(parent.id)).children).toEqual({ total: 2, completed: 1, percent: 50 });

    await api(liaison).post(`/api/v1/tasks/${parent.id}/accept`).send({}).expect(200);
    const evidence = (await api(liaison).post(`/api/v1/tasks/${parent.id}/evidence`).attach('file', PDF, '总结.pdf').expect(201)).body.id;
    await api(liaison)
      .post(`/api/v1/tasks/${parent.id}/submit`)
      .send({ summary: '总体完成', evidenceIds: [evidence] })
      .expect(200);
    const before = await get(parent.id);
    const refused = await api(supervisor).post(`/api/v1/tasks/${parent.id}/approve`).send({});
    expect([refused.status, refused.body.message]).toEqual([409, expect.stringContaining('乙部分')]);
    expect(await get(parent.id)).toEqual(before);
    await complete(liaison, b.id);
    expect((await api(supervisor).post(`/api/v1/tasks/${parent.id}/approve`).send({})).status).toBe(200);
    expect((await get(parent.id)).children).toEqual({ total: 2, completed: 2, percent: 100 });
  });

  it('cancelling a parent with open parts asks what becomes of them', async () => {
    const parent = await parentTask('整合专项资金');
    const part = (await split(liaison, parent.id, { title: '清理存量资金' }).expect(201)).body;
    const ask = await api(supervisor).post(`/api/v1/tasks/${parent.id}/cancel`).send({ reason: '并入其他事项' });
    expect([ask.status, ask.body.message]).toEqual([409, expect.stringContaining('清理存量资金')]);
    expect((await get(parent.id)).status).toBe('assigned');
    expect((await api(supervisor).post(`/api/v1/tasks/${parent.id}/cancel`).send({ reason: 'x', children: 'drop' })).status).toBe(400);
    await api(supervisor).post(`/api/v1/tasks/${parent.id}/cancel`).send({ reason: '并入其他事项', children: 'cancel' }).expect(200);
    expect((await get(part.id)).status).toBe('cancelled');
    // Kept parts go on on their own; a cancelled parent takes no new part.
    const other = await parentTask('另一项');
    const kept = (await split(liaison, other.id, { title: '保留的部分' }).expect(201)).body;
    await api(supervisor).post(`/api/v1/tasks/${other.id}/cancel`).send({ reason: '撤销', children: 'keep' }).expect(200);
    expect((await get(kept.id)).status).toBe('assigned');
    expect((await split(liaison, other.id)).status).toBe(409);
  });
});
