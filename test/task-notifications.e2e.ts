import type { INestApplicationContext } from '@nestjs/common';
import { ReminderSweep } from '../libs/notifications/reminder-sweep.service.js';
import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';
import { startSmtp, type TestSmtp } from './support/smtp.js';
import { startWorker, waitFor } from './support/worker.js';

/**
 * Notifications that move work: every transition tells exactly the next person to act (never
 * the one who acted), in-app at once; the next sweep mails each person one digest of its events
 * through the reminders' delivery path (a real worker, a real SMTP server); a user may take a
 * kind off mail and still sees it in-app.
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
type User = { id: string; email: string; token: string };

describe('notifications that move work', () => {
  let app: TestApp;
  let smtp: TestSmtp;
  let worker: INestApplicationContext;
  let sweep: ReminderSweep;
  let owner: User;
  let otherSupervisor: User;
  let liaison: User;
  let secondLiaison: User;
  let leader: User;
  let taxLiaison: User;
  const names: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await startApp({ SMTP_URL: smtp.url });
    await sql(app.databaseUrl, 'UPDATE task SET next_reminder_at = NULL'); // the plan's own tasks stay quiet
    owner = await app.user('supervisor');
    otherSupervisor = await app.user('supervisor');
    liaison = await app.user('liaison', 'finance');
    secondLiaison = await app.user('liaison', 'finance');
    leader = await app.user('leader', 'finance');
    taxLiaison = await app.user('liaison', 'tax');
    Object.assign(names, {
      [owner.id]: 'owner',
      [otherSupervisor.id]: 'otherSupervisor',
      [liaison.id]: 'liaison',
      [secondLiaison.id]: 'secondLiaison',
      [leader.id]: 'leader',
      [taxLiaison.id]: 'taxLiaison',
    });
    worker = await startWorker(app, { SMTP_URL: smtp.url, REMINDER_SWEEP_MS: '3600000' });
    sweep = worker.get(ReminderSweep);
  });
  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await smtp?.stop();
  });

  const api = (user: User) => app.as(user.token);
  /** The event notifications of a task, as [kind, who] in the order written; `since` skips those already seen. */
  const told = async (taskId: string, since = 0) =>
    (
      await sql<{ template: string; recipient_id: string }>(
        app.databaseUrl,
        'SELECT template, recipient_id FROM notification WHERE task_id = $1 AND step_index IS NULL ORDER BY created_at, id',
        [taskId],
      )
    )
      .slice(since)
      .map((n) => [n.template, names[n.recipient_id] ?? n.recipient_id]);
  const newTask = async (fields: Record<string, unknown> = {}) =>
    (
      await api(owner)
        .post('/api/v1/tasks')
        .send({ title: '通知测试任务', leadDepartment: 'finance', coDepartments: ['tax'], dueDate: '2031-06-30', ...fields })
        .expect(201)
    ).body as { id: string };
  const submit = async (id: string) => {
    const evidence = (await api(liaison).post(`/api/v1/tasks/${id}/evidence`).attach('file', PDF, '佐证.pdf').expect(201)).body.id;
    await api(liaison)
      .post(`/api/v1/tasks/${id}/submit`)
      .send({ summary: '已完成', evidenceIds: [evidence] })
      .expect(200);
  };
  const sweepMails = async () => {
    const expected = smtp.messages.length + (await sweep.run()).deliveries.length;
    await waitFor('the digests of the sweep', () => smtp.messages.length >= expected);
  };

  it('tells exactly the next person to act at every step, and never the one who acted', async () => {
    const steps: Array<[string, () => Promise<unknown>, string[][]]> = [];
    const task = await newTask({ assigneeId: liaison.id });
    const signed = await newTask({ assigneeId: liaison.id, requireSignOff: true });
    const t = task.id;
    const s = signed.id;
    steps.push(
      ['accept', () => api(liaison).post(`/api/v1/tasks/${t}/accept`).send({}).expect(200), []],
      ['submit', () => submit(t), [['task.submitted', 'owner']]],
      ['return', () => api(owner).post(`/api/v1/tasks/${t}/return`).send({ reason: '请补充材料' }).expect(200), [['task.returned', 'liaison']]],
      ['submit again', () => submit(t), [['task.submitted', 'owner']]],
      ['approve', () => api(owner).post(`/api/v1/tasks/${t}/approve`).send({}).expect(200), [['task.approved', 'liaison']]],
      ['reopen', () => api(otherSupervisor).post(`/api/v1/tasks/${t}/reopen`).send({ reason: '复查' }).expect(200), [['task.reopened', 'liaison']]],
      ['cancel', () => api(owner).post(`/api/v1/tasks/${t}/cancel`).send({ reason: '撤销' }).expect(200), [['task.cancelled', 'liaison']]],
    );
    let seen = (await told(t)).length;
    expect(await told(t)).toEqual([['task.assigned', 'liaison']]);
    for (const [name, act, expected] of steps) {
      await act();
      const now = await told(t, seen);
      expect([name, now]).toEqual([name, expected]);
      seen += now.length;
    }

    // With sign-off: the leader first, then the owner; an extension request goes the same way, and its decision to the one who asked.
    const signSteps: Array<[string, () => Promise<unknown>, string[][]]> = [
      ['accept', () => api(liaison).post(`/api/v1/tasks/${s}/accept`).send({}).expect(200), []],
      ['submit for sign-off', () => submit(s), [['task.signoff_needed', 'leader']]],
      ['leader returns', () => api(leader).post(`/api/v1/tasks/${s}/return`).send({ reason: '数据需复核' }).expect(200), [['task.returned', 'liaison']]],
      ['submit again', () => submit(s), [['task.signoff_needed', 'leader']]],
      ['sign off', () => api(leader).post(`/api/v1/tasks/${s}/sign-off`).send({}).expect(200), [['task.submitted', 'owner']]],
    ];
    seen = (await told(s)).length;
    for (const [name, act, expected] of signSteps) {
      await act();
      const now = await told(s, seen);
      expect([name, now]).toEqual([name, expected]);
      seen += now.length;
    }
    const third = await newTask({ assigneeId: secondLiaison.id, requireSignOff: true });
    await api(secondLiaison).post(`/api/v1/tasks/${third.id}/accept`).send({}).expect(200);
    seen = (await told(third.id)).length;
    const asked = (
      await api(liaison).post(`/api/v1/tasks/${third.id}/extension-requests`).send({ requestedDueDate: '2031-09-30', reason: '需要更多时间' }).expect(201)
    ).body;
    await api(leader).post(`/api/v1/extension-requests/${asked.id}/endorse`).send({ agree: true }).expect(200);
    await api(owner).post(`/api/v1/extension-requests/${asked.id}/approve`).send({}).expect(200);
    expect(await told(third.id, seen)).toEqual([
      ['extension.requested', 'leader'],
      ['extension.requested', 'owner'],
      ['extension.decided', 'liaison'],
    ]);
  });

  it('tells the lead department’s liaisons of a task without an assignee, and a new assignee when it changes', async () => {
    const task = await newTask();
    expect((await told(task.id)).sort()).toEqual([
      ['task.assigned', 'liaison'],
      ['task.assigned', 'secondLiaison'],
    ]);
    const current = (await api(owner).get(`/api/v1/tasks/${task.id}`).expect(200)).body;
    await api(owner).patch(`/api/v1/tasks/${task.id}`).send({ version: current.version, assigneeId: secondLiaison.id }).expect(200);
    expect(await told(task.id, 2)).toEqual([['task.assigned', 'secondLiaison']]);
    // Nothing for a change that hands the work to no one new.
    const again = (await api(owner).get(`/api/v1/tasks/${task.id}`).expect(200)).body;
    await api(owner).patch(`/api/v1/tasks/${task.id}`).send({ version: again.version, title: '改个标题' }).expect(200);
    expect(await told(task.id, 3)).toEqual([]);
  });

  it('mails each person one digest of its events per sweep, in-app they count as unread, and mail can be turned off per kind', async () => {
    await sweepMails(); // what earlier tests left pending
    const before = smtp.messages.length;
    const unread = async (user: User) => (await api(user).get('/api/v1/notifications/unread-count').expect(200)).body.count as number;
    const start = await unread(secondLiaison);
    const prefs = await api(secondLiaison)
      .put('/api/v1/notifications/preferences')
      .send({ mailOff: ['task.assigned'] });
    expect(prefs.status).toBe(200);
    expect(prefs.body.kinds).toContainEqual({ kind: 'task.assigned', label: '新交办任务', mail: false });
    expect(
      (
        await api(secondLiaison)
          .put('/api/v1/notifications/preferences')
          .send({ mailOff: ['nonsense'] })
      ).status,
    ).toBe(400);

    // A burst: three new tasks for the department's liaisons.
    for (const title of ['甲', '乙', '丙']) await newTask({ title: `突发任务${title}` });
    expect(await unread(secondLiaison)).toBe(start + 3);
    await sweepMails();
    const mails = smtp.messages.slice(before);
    const to = (user: User) => mails.filter((m) => m.to.includes(user.email));
    expect(to(liaison).map((m) => m.subject)).toEqual(['【督办动态】您有 3 条新消息']);
    expect(to(secondLiaison)).toEqual([]); // in-app only, by its own choice
    expect(to(owner)).toEqual([]); // it acted
    // Nothing is mailed twice: a second sweep finds nothing pending.
    expect((await sweep.run()).deliveries).toEqual([]);
    const list = (await api(secondLiaison).get('/api/v1/notifications?unread=true').expect(200)).body;
    expect(list.items.filter((n: { kind: string }) => n.kind === 'task.assigned').length).toBeGreaterThanOrEqual(3);
  });
});
