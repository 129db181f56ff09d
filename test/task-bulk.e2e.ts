import { startApp, type TestApp } from './support/app.js';

describe('bulk changes to tasks', () => {
  let app: TestApp;
  let supervisor: { token: string };
  let liaison: { id: string; token: string };

  beforeAll(async () => {
    app = await startApp();
    supervisor = await app.user('supervisor');
    liaison = await app.user('liaison', 'finance');
  });
  afterAll(() => app.close());

  async function tasks(n: number) {
    const made: Array<{ id: string; version: number }> = [];
    for (let i = 0; i < n; i++) {
      made.push(
        (
          await app
            .as(supervisor.token)
            .post('/api/v1/tasks')
            .send({ title: `批量任务${i}`, leadDepartment: 'finance', dueDate: '2030-06-30' })
            .expect(201)
        ).body,
      );
    }
    return made;
  }
  const read = async (id: string) => (await app.as(supervisor.token).get(`/api/v1/tasks/${id}`).expect(200)).body;
  const historyLength = async (id: string) => (await app.as(supervisor.token).get(`/api/v1/tasks/${id}/history`).expect(200)).body.length;

  it("changes nothing when one task's version is stale, and names it", async () => {
    const [a, b, c] = await tasks(3);
    await app.as(supervisor.token).patch(`/api/v1/tasks/${b.id}`).send({ version: b.version, title: '批量任务1（已改）' }).expect(200);
    const res = await app
      .as(supervisor.token)
      .post('/api/v1/tasks/bulk')
      .send({
        ids: [a, b, c].map((t) => ({ id: t.id, version: t.version })),
        set: { dueDate: '2031-01-31', coDepartments: ['tax'] },
      })
      .expect(409);
    expect(res.body.message).toContain(b.id);
    for (const t of [a, c]) {
      expect(await read(t.id)).toMatchObject({ dueDate: '2030-06-30', coDepartmentCodes: [], version: t.version });
      expect(await historyLength(t.id)).toBe(1);
    }
  });

  it('changes every task and audits each one', async () => {
    const selected = await tasks(3);
    const owner = await app.user('supervisor');
    const res = await app
      .as(supervisor.token)
      .post('/api/v1/tasks/bulk')
      .send({
        ids: selected.map((t) => ({ id: t.id, version: t.version })),
        set: { dueDate: '2031-01-31', assigneeId: liaison.id, supervisorId: owner.id, coDepartments: ['tax', 'finance'] },
      })
      .expect(200);
    expect(res.body).toEqual({ updated: 3 });
    for (const t of selected) {
      expect(await read(t.id)).toMatchObject({
        dueDate: '2031-01-31',
        assigneeId: liaison.id,
        supervisorId: owner.id,
        coDepartmentCodes: ['tax'],
        version: t.version + 1,
      });
      const history = (await app.as(supervisor.token).get(`/api/v1/tasks/${t.id}/history`).expect(200)).body;
      expect(history.at(-1)).toMatchObject({
        action: 'task.update',
        detail: { after: { dueDate: '2031-01-31', assigneeId: liaison.id, supervisorId: owner.id, coDepartmentCodes: ['tax'] } },
      });
    }
  });

  it('refuses what it cannot do with a 4xx and changes nothing', async () => {
    const [t] = await tasks(1);
    const ids = [{ id: t.id, version: t.version }];
    const refusals: Array<[Record<string, unknown>, number, RegExp, string?]> = [
      [{ ids, set: { supervisorId: liaison.id } }, 400, /supervisorId 必须是在职的督查人员/],
      [{ ids, set: {} }, 400, /没有需要修改的字段/],
      [{ ids: [...ids, ...ids], set: { dueDate: '2031-01-01' } }, 400, /重复/],
      [{ ids, set: { coDepartments: ['nowhere'] } }, 400, /部门不存在/],
      [{ ids, set: { dueDate: '2031-02-30' } }, 400, /dueDate/],
      [{ ids: [], set: { dueDate: '2031-01-01' } }, 400, /ids/],
      [{ ids, set: { dueDate: '2031-01-01' } }, 403, /./, liaison.token],
    ];
    for (const [body, status, message, token] of refusals) {
      const res = await app
        .as(token ?? supervisor.token)
        .post('/api/v1/tasks/bulk')
        .send(body);
      expect([res.status, String(res.body.message)]).toEqual([status, expect.stringMatching(message)]);
    }
    expect(await read(t.id)).toMatchObject({ dueDate: '2030-06-30', version: t.version });
  });
});
