import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';

/** Comments and 领导批示 on a task through the HTTP API: who may write which, @-mentions, bad input, audit. */
type User = { id: string; email: string; token: string };
type Comment = { id: string; body: string; instruction: boolean; author: { id: string }; mentions: Array<{ id: string; name: string }> };

describe('comments and 领导批示', () => {
  let app: TestApp;
  let supervisor: User;
  let liaison: User;
  let leader: User;
  let coLiaison: User;
  let stranger: User;
  let reviewer: User;
  let taskId: string;

  beforeAll(async () => {
    app = await startApp();
    supervisor = await app.user('supervisor');
    liaison = await app.user('liaison', 'finance');
    leader = await app.user('leader', 'finance');
    coLiaison = await app.user('liaison', 'tax');
    stranger = await app.user('liaison', 'edu');
    reviewer = await app.user('reviewer');
    taskId = (
      await app
        .as(supervisor.token)
        .post('/api/v1/tasks')
        .send({ title: '评论测试', leadDepartment: 'finance', coDepartments: ['tax'], dueDate: '2031-06-30', assigneeId: liaison.id })
        .expect(201)
    ).body.id;
  });
  afterAll(() => app?.close());

  const api = (user: User) => app.as(user.token);
  const post = (user: User, body: Record<string, unknown>, id = taskId) => api(user).post(`/api/v1/tasks/${id}/comments`).send(body);
  const count = async () => (await sql<{ n: number }>(app.databaseUrl, 'SELECT count(*)::int AS n FROM task_comment'))[0].n;

  it('lets everyone working on the task comment and supervisors and leaders write 批示; mentions tell the person named', async () => {
    const [{ name: liaisonName }] = await sql<{ name: string }>(app.databaseUrl, 'SELECT name FROM app_user WHERE id = $1', [liaison.id]);
    const instruction = await post(leader, { body: `请@${liaisonName} 本周内补充拨付凭证`, instruction: true });
    expect(instruction.status).toBe(201);
    expect(instruction.body).toMatchObject({ instruction: true, author: { id: leader.id }, mentions: [{ id: liaison.id, name: liaisonName }] });
    expect((await post(coLiaison, { body: '配合单位已提供税费数据' })).status).toBe(201);
    expect((await post(supervisor, { body: '抓紧办理', instruction: true })).status).toBe(201);

    const list = (await api(reviewer).get(`/api/v1/tasks/${taskId}/comments`).expect(200)).body as Comment[];
    expect(list.map((c) => [c.body, c.instruction])).toEqual([
      [`请@${liaisonName} 本周内补充拨付凭证`, true],
      ['配合单位已提供税费数据', false],
      ['抓紧办理', true],
    ]);
    // The mentioned liaison is told (and is the assignee anyway); the author never.
    const told = await sql<{ recipient_id: string; template: string }>(
      app.databaseUrl,
      `SELECT recipient_id, template FROM notification WHERE task_id = $1 AND template = 'comment'`,
      [taskId],
    );
    expect(told.filter((n) => n.recipient_id === liaison.id)).toHaveLength(3);
    expect(told.filter((n) => n.recipient_id === leader.id)).toHaveLength(0);
    const audited = await sql<{ n: number }>(app.databaseUrl, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'comment.create' AND task_id = $1`, [
      taskId,
    ]);
    expect(audited[0].n).toBe(3);
  });

  it('refuses a 批示 from a liaison, a comment from outside or from a reader, and bad text — writing nothing', async () => {
    const before = await count();
    expect((await post(liaison, { body: '我来批示', instruction: true })).status).toBe(403);
    expect((await post(stranger, { body: '路过' })).status).toBe(404);
    expect((await post(reviewer, { body: '考核意见' })).status).toBe(403);
    for (const body of [{ body: 'x'.repeat(20_000) }, { body: '坏\u0007字符' }, { body: '   ' }, {}, { body: 'ok', instruction: 'yes' }]) {
      const res = await post(liaison, body);
      expect([JSON.stringify(body).slice(0, 40), res.status]).toEqual([JSON.stringify(body).slice(0, 40), 400]);
    }
    expect(await count()).toBe(before);
  });

  it('takes no comment on a cancelled task', async () => {
    const id = (await api(supervisor).post('/api/v1/tasks').send({ title: '将撤销', leadDepartment: 'finance', dueDate: '2031-06-30' }).expect(201)).body.id;
    await api(supervisor).post(`/api/v1/tasks/${id}/cancel`).send({ reason: '不再需要' }).expect(200);
    const res = await post(liaison, { body: '还要办吗' }, id);
    expect([res.status, res.body.message]).toEqual([409, expect.stringContaining('已撤销')]);
  });
});
