import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';

/**
 * Leader sign-off (承办单位负责人审签), cancel (撤销) and reopen, the extension request a leader
 * agrees to first, and the overdue rule of the fair clock in every view (task, list filters,
 * dashboard, 通报, assessment) — through the HTTP API on real PostgreSQL.
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
type User = { id: string; email: string; token: string };

describe('leader sign-off, cancel and reopen', () => {
  let app: TestApp;
  let supervisor: User;
  let liaison: User;
  let leader: User;
  let secondLeader: User;
  let coLeader: User;
  let strangerLeader: User;

  beforeAll(async () => {
    app = await startApp();
    supervisor = await app.user('supervisor');
    liaison = await app.user('liaison', 'finance');
    leader = await app.user('leader', 'finance');
    secondLeader = await app.user('leader', 'finance');
    coLeader = await app.user('leader', 'tax');
    strangerLeader = await app.user('leader', 'edu');
  });
  afterAll(() => app?.close());

  const api = (user: User) => app.as(user.token);
  const task = async (id: string) => (await api(supervisor).get(`/api/v1/tasks/${id}`).expect(200)).body;

  async function created(fields: Record<string, unknown> = {}) {
    return (
      await api(supervisor)
        .post('/api/v1/tasks')
        .send({ title: '审签测试', leadDepartment: 'finance', coDepartments: ['tax'], dueDate: '2031-06-30', ...fields })
        .expect(201)
    ).body as { id: string; version: number; requireSignOff: boolean; status: string };
  }

  async function submitted(fields: Record<string, unknown> = {}) {
    const { id } = await created(fields);
    await api(liaison).post(`/api/v1/tasks/${id}/accept`).send({}).expect(200);
    const evidence = (await api(liaison).post(`/api/v1/tasks/${id}/evidence`).attach('file', PDF, '佐证.pdf').expect(201)).body.id;
    const res = await api(liaison)
      .post(`/api/v1/tasks/${id}/submit`)
      .send({ summary: '已完成', evidenceIds: [evidence] });
    expect(res.status).toBe(200);
    return res.body as { id: string; status: string; version: number };
  }

  it('without sign-off (the default policy) a submission goes straight to the supervisor', async () => {
    const t = await submitted();
    expect(t.status).toBe('submitted');
    expect((await task(t.id)).requireSignOff).toBe(false);
  });

  it('with sign-off the leader of the lead department signs off, and only it', async () => {
    const t = await submitted({ requireSignOff: true });
    expect(t.status).toBe('leader_review');
    // The supervisor cannot approve what the leader has not signed.
    expect((await api(supervisor).post(`/api/v1/tasks/${t.id}/approve`).send({})).status).toBe(409);
    // A leader of a department the task does not involve cannot even see it; the co-department's leader and a liaison may not sign.
    expect((await api(strangerLeader).post(`/api/v1/tasks/${t.id}/sign-off`).send({})).status).toBe(404);
    expect((await api(coLeader).post(`/api/v1/tasks/${t.id}/sign-off`).send({})).status).toBe(403);
    expect((await api(liaison).post(`/api/v1/tasks/${t.id}/sign-off`).send({})).status).toBe(403);
    expect((await api(supervisor).post(`/api/v1/tasks/${t.id}/sign-off`).send({})).status).toBe(403);
    expect((await task(t.id)).status).toBe('leader_review');

    const signed = await api(leader).post(`/api/v1/tasks/${t.id}/sign-off`).send({ comment: '同意报送' });
    expect(signed.status).toBe(200);
    expect(signed.body.status).toBe('submitted');
    const before = await task(t.id);
    const twice = await api(secondLeader).post(`/api/v1/tasks/${t.id}/sign-off`).send({});
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('待负责人审签');
    expect(await task(t.id)).toEqual(before);

    // Now the supervisor's: the leader may no longer return it, the supervisor approves.
    expect((await api(leader).post(`/api/v1/tasks/${t.id}/return`).send({ reason: '再看看' })).status).toBe(403);
    expect((await api(supervisor).post(`/api/v1/tasks/${t.id}/approve`).send({ grade: 'good' })).body.status).toBe('completed');
    const history = (await api(supervisor).get(`/api/v1/tasks/${t.id}/history`).expect(200)).body as Array<{ action: string; actor: { id: string } }>;
    expect(history.map((h) => h.action).filter((a) => a.startsWith('task.'))).toEqual([
      'task.create',
      'task.accept',
      'task.submit',
      'task.signoff',
      'task.approve',
    ]);
    expect(history.find((h) => h.action === 'task.signoff')!.actor.id).toBe(leader.id);
  });

  it('the leader returns work waiting for its sign-off with a reason; the supervisor cannot', async () => {
    const t = await submitted({ requireSignOff: true });
    expect((await api(supervisor).post(`/api/v1/tasks/${t.id}/return`).send({ reason: '不行' })).status).toBe(403);
    expect((await api(leader).post(`/api/v1/tasks/${t.id}/return`).send({})).status).toBe(400);
    const back = await api(leader).post(`/api/v1/tasks/${t.id}/return`).send({ reason: '数据需复核' });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'in_progress', returnReason: '数据需复核' });
  });

  it('a supervisor may require sign-off on an existing task; the next submission goes to the leader', async () => {
    const t = await created();
    const edited = await api(supervisor).patch(`/api/v1/tasks/${t.id}`).send({ version: t.version, requireSignOff: true });
    expect(edited.status).toBe(200);
    expect(edited.body.requireSignOff).toBe(true);
    expect((await api(supervisor).patch(`/api/v1/tasks/${t.id}`).send({ version: edited.body.version, requireSignOff: 'yes' })).status).toBe(400);
  });

  it('two leaders signing off at once, and approve against return: exactly one wins', async () => {
    const t = await submitted({ requireSignOff: true });
    const signs = await Promise.all([leader, secondLeader].map((l) => api(l).post(`/api/v1/tasks/${t.id}/sign-off`).send({})));
    expect(signs.map((r) => r.status).sort()).toEqual([200, 409]);
    const race = await Promise.all([
      api(supervisor).post(`/api/v1/tasks/${t.id}/approve`).send({}),
      api(supervisor).post(`/api/v1/tasks/${t.id}/return`).send({ reason: '退回' }),
      api(leader).post(`/api/v1/tasks/${t.id}/return`).send({ reason: '负责人退回' }),
    ]);
    expect(race.filter((r) => r.status === 200)).toHaveLength(1);
    const history = (await api(supervisor).get(`/api/v1/tasks/${t.id}/history`).expect(200)).body as Array<{ action: string }>;
    expect(history.filter((h) => ['task.approve', 'task.return'].includes(h.action))).toHaveLength(1);
  });

  it('on a task that requires sign-off the leader agrees to an extension request before the supervisor decides', async () => {
    const t = await created({ requireSignOff: true });
    await api(liaison).post(`/api/v1/tasks/${t.id}/accept`).send({}).expect(200);
    const asked = await api(liaison).post(`/api/v1/tasks/${t.id}/extension-requests`).send({ requestedDueDate: '2031-09-30', reason: '用地审批未完成' });
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe('awaiting_leader');
    const early = await api(supervisor).post(`/api/v1/extension-requests/${asked.body.id}/approve`).send({});
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('待承办单位负责人同意');
    expect((await api(coLeader).post(`/api/v1/extension-requests/${asked.body.id}/endorse`).send({ agree: true })).status).toBe(403);
    expect((await api(leader).post(`/api/v1/extension-requests/${asked.body.id}/endorse`).send({})).status).toBe(400);
    const agreed = await api(leader).post(`/api/v1/extension-requests/${asked.body.id}/endorse`).send({ agree: true, comment: '情况属实' });
    expect(agreed.status).toBe(200);
    expect(agreed.body.status).toBe('pending');
    expect((await api(leader).post(`/api/v1/extension-requests/${asked.body.id}/endorse`).send({ agree: true })).status).toBe(409);
    expect((await api(supervisor).post(`/api/v1/extension-requests/${asked.body.id}/approve`).send({})).status).toBe(200);
    expect((await task(t.id)).dueDate).toBe('2031-09-30');

    // The leader may also refuse: the request is rejected and the supervisor never sees it pending.
    const again = await api(liaison).post(`/api/v1/tasks/${t.id}/extension-requests`).send({ requestedDueDate: '2031-12-31', reason: '再延' });
    const refused = await api(leader).post(`/api/v1/extension-requests/${again.body.id}/endorse`).send({ agree: false });
    expect(refused.body.status).toBe('rejected');
    expect((await task(t.id)).dueDate).toBe('2031-09-30');
  });

  it('cancel: a supervisor withdraws open work with a reason; it gets no reminders, leaves the metrics, and can be reopened', async () => {
    const t = await created({ leadDepartment: 'staffing', coDepartments: [], dueDate: '2031-03-31' });
    const kept = await created({ leadDepartment: 'staffing', coDepartments: [], dueDate: '2031-03-31' });
    expect((await api(liaison).post(`/api/v1/tasks/${t.id}/cancel`).send({ reason: '不需要了' })).status).toBe(404); // another department's task
    expect((await api(leader).post(`/api/v1/tasks/${kept.id}/cancel`).send({ reason: 'x' })).status).toBe(404);
    expect((await api(supervisor).post(`/api/v1/tasks/${t.id}/cancel`).send({})).status).toBe(400);
    const cancelled = await api(supervisor).post(`/api/v1/tasks/${t.id}/cancel`).send({ reason: '任务已合并至其他事项' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.cancelledAt).toEqual(expect.any(String));
    const [row] = await sql<{ next_reminder_at: Date | null }>(app.databaseUrl, 'SELECT next_reminder_at FROM task WHERE id = $1', [t.id]);
    expect(row.next_reminder_at).toBeNull();

    const before = await task(t.id);
    expect((await api(supervisor).post(`/api/v1/tasks/${t.id}/cancel`).send({ reason: '再撤' })).status).toBe(409);
    expect((await api(supervisor).patch(`/api/v1/tasks/${t.id}`).send({ version: before.version, title: '改' })).status).toBe(409);
    expect(await task(t.id)).toEqual(before);

    // Out of the dashboard and the assessment: only the kept task counts for staffing.
    const dash = (await api(supervisor).get('/api/v1/dashboard?department=staffing').expect(200)).body;
    const staffing = dash.departments.find((d: { code: string }) => d.code === 'staffing');
    const [{ n }] = await sql<{ n: number }>(
      app.databaseUrl,
      `SELECT count(*)::int AS n FROM task WHERE lead_department_code = 'staffing' AND status <> 'cancelled'`,
    );
    expect(staffing.total).toBe(n);
    const reviewer = await app.user('reviewer');
    await api(reviewer).post('/api/v1/assessments').send({ year: 2031 }).expect(201);
    const assessment = (await api(reviewer).get('/api/v1/assessments/2031/departments').expect(200)).body;
    expect(assessment.find((d: { departmentCode: string }) => d.departmentCode === 'staffing').metrics.due).toBe(1);

    const reopened = await api(supervisor).post(`/api/v1/tasks/${t.id}/reopen`).send({ reason: '合并事项取消，恢复办理' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'in_progress', cancelledAt: null });
    const [again] = await sql<{ next_reminder_at: Date | null }>(app.databaseUrl, 'SELECT next_reminder_at FROM task WHERE id = $1', [t.id]);
    expect(again.next_reminder_at).not.toBeNull(); // the ladder resumes
    expect((await api(supervisor).post(`/api/v1/tasks/${t.id}/reopen`).send({ reason: '再开' })).status).toBe(409);
  });

  it('reopen: completed work comes back in progress without its approval; cancelling completed work is refused', async () => {
    const t = await submitted();
    await api(supervisor).post(`/api/v1/tasks/${t.id}/approve`).send({ grade: 'excellent' }).expect(200);
    const before = await task(t.id);
    expect((await api(supervisor).post(`/api/v1/tasks/${t.id}/cancel`).send({ reason: '撤' })).status).toBe(409);
    expect(await task(t.id)).toEqual(before);
    expect((await api(liaison).post(`/api/v1/tasks/${t.id}/reopen`).send({ reason: '还有问题' })).status).toBe(403);
    const reopened = await api(supervisor).post(`/api/v1/tasks/${t.id}/reopen`).send({ reason: '复查发现问题' });
    expect(reopened.body).toMatchObject({ status: 'in_progress', grade: null, completedAt: null });
    const history = (await api(supervisor).get(`/api/v1/tasks/${t.id}/history`).expect(200)).body as Array<{ action: string; detail: { reason?: string } }>;
    expect(history.at(-1)).toMatchObject({ action: 'task.reopen', detail: { reason: '复查发现问题' } });
  });

  it('work waiting for review after an on-time submission is not overdue anywhere; one submitted late is', async () => {
    const onTime = await submitted({ dueDate: '2026-01-12', title: '按时报送待审' });
    const late = await submitted({ dueDate: '2026-01-12', title: '逾期报送待审', requireSignOff: true });
    // Handed in on the due date (noon in Asia/Shanghai), and two days after it.
    await sql(app.databaseUrl, `UPDATE task SET submitted_at = '2026-01-12T12:00:00+08:00' WHERE id = $1`, [onTime.id]);
    await sql(app.databaseUrl, `UPDATE task SET submitted_at = '2026-01-14T12:00:00+08:00' WHERE id = $1`, [late.id]);
    expect(await task(onTime.id)).toMatchObject({ status: 'submitted', overdue: false, light: 'green' });
    expect(await task(late.id)).toMatchObject({ status: 'leader_review', overdue: true, light: 'red' });

    for (const query of ['overdue=true', 'light=red', 'overdue=true&department=finance', 'light=red&department=tax']) {
      const ids = (
        (
          await api(supervisor)
            .get(`/api/v1/tasks?${query}&q=${encodeURIComponent('报送待审')}`)
            .expect(200)
        ).body.items as Array<{ id: string }>
      ).map((i) => i.id);
      expect([query, ids]).toEqual([query, [late.id]]);
    }
    const green = (
      (
        await api(supervisor)
          .get(`/api/v1/tasks?light=green&department=finance&q=${encodeURIComponent('报送待审')}`)
          .expect(200)
      ).body.items as Array<{
        id: string;
        overdue: boolean;
      }>
    )[0];
    expect(green).toMatchObject({ id: onTime.id, overdue: false });

    const bulletin = (await api(supervisor).get('/api/v1/dashboard/bulletin').expect(200)).body;
    const finance = bulletin.items.find((i: { code: string }) => i.code === 'finance');
    const listed = (finance?.worst ?? []).map((w: { id: string }) => w.id);
    expect(listed).not.toContain(onTime.id);
  });
});
