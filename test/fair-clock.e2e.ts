import type { INestApplicationContext } from '@nestjs/common';
import type { ReminderSweep } from '../libs/notifications/reminder-sweep.service.js';
import { calendarDate } from '../libs/common/dates.js';
import { endOfDay } from '../libs/notifications/reminder-ladder.js';
import type { TestApp } from './support/app.js';
import { startLadder, stopLadder } from './support/ladder.js';
import { sql } from './support/database.js';
import type { TestSmtp } from './support/smtp.js';
import { waitFor } from './support/worker.js';

/**
 * The fair clock (config/escalation.yaml): while work waits for review the department
 * hears nothing and the owning supervisor is reminded from the submission on; a return
 * resumes the department's ladder; on time is judged by the submission finally approved.
 * The sweep runs at chosen moments; a real worker delivers to a real SMTP server.
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const DAY = 86_400_000;

describe('the fair clock: review does not count against the department', () => {
  let app: TestApp;
  let smtp: TestSmtp;
  let worker: INestApplicationContext;
  let sweep: ReminderSweep;
  let owner: { id: string; email: string; token: string };
  let otherSupervisor: { id: string; email: string; token: string };
  let liaison: { id: string; email: string; token: string };
  let leader: { id: string; email: string; token: string };
  let reviewer: { id: string; email: string; token: string };
  const today = calendarDate('Asia/Shanghai');

  beforeAll(async () => {
    ({ app, smtp, worker, sweep } = await startLadder());
    owner = await app.user('supervisor');
    otherSupervisor = await app.user('supervisor');
    liaison = await app.user('liaison', 'finance');
    leader = await app.user('leader', 'finance');
    reviewer = await app.user('reviewer');
  });
  afterAll(() => stopLadder({ worker, app, smtp }));

  const notes = async (taskId: string) =>
    sql<{ step_at: string; template: string; recipient_id: string }>(
      app.databaseUrl,
      // The ladder's steps; what happened to the task (events) is test/task-notifications.e2e.ts's subject.
      'SELECT step_at, template, recipient_id FROM notification WHERE task_id = $1 AND step_index IS NOT NULL ORDER BY created_at, step_index, recipient_id',
      [taskId],
    );
  const sweepAt = async (at: Date) => {
    const expected = smtp.messages.length + (await sweep.run(at)).deliveries.length;
    await waitFor(`the mails of the sweep at ${at.toISOString()}`, () => smtp.messages.length >= expected);
  };

  /** A task due today, accepted, evidenced and submitted by its liaison now: on its due date. */
  async function submittedToday(title: string) {
    const task = (
      await app.as(owner.token).post('/api/v1/tasks').send({ title, leadDepartment: 'finance', dueDate: today, assigneeId: liaison.id }).expect(201)
    ).body;
    expect(task.supervisorId).toBe(owner.id); // the creator owns it
    await sweepAt(new Date()); // the one reminder a task created this late gets (-P1D, already passed)
    const l = app.as(liaison.token);
    await l.post(`/api/v1/tasks/${task.id}/accept`).send({}).expect(200);
    const evidence = (await l.post(`/api/v1/tasks/${task.id}/evidence`).attach('file', PDF, '佐证.pdf').expect(201)).body.id;
    const submitted = (
      await l
        .post(`/api/v1/tasks/${task.id}/submit`)
        .send({ summary: '已完成', evidenceIds: [evidence] })
        .expect(200)
    ).body;
    expect(submitted.status).toBe('submitted');
    return { id: task.id as string, version: submitted.version as number };
  }

  it('sends the department nothing while the supervisor reviews, reminds the owning supervisor only, and counts the work on time when approved days later', async () => {
    const year = Number(today.slice(0, 4));
    await app.as(reviewer.token).post('/api/v1/assessments').send({ year });
    const finance = async () =>
      (
        (await app.as(reviewer.token).get(`/api/v1/assessments/${year}/departments`).expect(200)).body as Array<{
          departmentCode: string;
          metrics: { onTime: number; late: number; overdue: number };
        }>
      ).find((d) => d.departmentCode === 'finance')!.metrics;
    const before = await finance();

    const task = await submittedToday('审核期间的任务');
    const beforeReview = (await notes(task.id)).length;
    // The due date ends, three and ten working days pass: the overdue alert and both escalations would fall due, but the work is with the reviewer.
    const deadline = endOfDay(today, 'Asia/Shanghai');
    for (const days of [0, 5, 16]) await sweepAt(new Date(deadline.getTime() + days * DAY + 60_000));
    const during = (await notes(task.id)).slice(beforeReview);
    expect(during.filter((n) => [liaison.id, leader.id].includes(n.recipient_id))).toEqual([]);
    expect(during.filter((n) => n.template !== 'review')).toEqual([]);
    // The review steps: P2D to the owning supervisor, P5D to every supervisor.
    expect(during.map((n) => `${n.step_at} ${n.recipient_id}`).sort()).toEqual([`P2D ${owner.id}`, `P5D ${owner.id}`, `P5D ${otherSupervisor.id}`].sort());
    expect(smtp.messages.filter((m) => m.to.includes(liaison.email) || m.to.includes(leader.email)).map((m) => m.subject)).not.toContainEqual(
      expect.stringMatching(/逾期|升级/),
    );
    expect(smtp.messages.filter((m) => m.to.includes(owner.email)).map((m) => m.subject)).toContainEqual(
      expect.stringContaining('【待审核】「审核期间的任务」'),
    );

    // Approved three days after the due date: on time, because the submission was.
    await app.as(owner.token).post(`/api/v1/tasks/${task.id}/approve`).send({ grade: 'good' }).expect(200);
    await sql(app.databaseUrl, `UPDATE task SET completed_at = $2 WHERE id = $1`, [task.id, new Date(deadline.getTime() + 3 * DAY)]);
    const after = await finance();
    expect(after.onTime).toBe(before.onTime + 1);
    expect(after.late).toBe(before.late);
    expect(after.overdue).toBe(before.overdue);
  });

  it('resumes the department’s ladder on a return: returned after the due date, one overdue alert to the assignee and the owning supervisor', async () => {
    const task = await submittedToday('退回的任务');
    const deadline = endOfDay(today, 'Asia/Shanghai');
    await sweepAt(new Date(deadline.getTime() + 3600_000)); // waiting for review past the deadline: nothing for the department
    const quiet = (await notes(task.id)).length;
    await app.as(owner.token).post(`/api/v1/tasks/${task.id}/return`).send({ reason: '材料不全' }).expect(200);
    // The return happened two hours after the deadline (moved there, as the sweep's clock is).
    const returnedAt = new Date(deadline.getTime() + 2 * 3600_000);
    await sql(app.databaseUrl, 'UPDATE task SET ladder_from = $2, next_reminder_at = $2 WHERE id = $1', [task.id, returnedAt]);
    await sweepAt(returnedAt);
    await sweepAt(new Date(returnedAt.getTime() + 3600_000)); // sweeping again adds nothing
    const resumed = (await notes(task.id)).slice(quiet);
    expect(resumed.map((n) => `${n.step_at} ${n.template} ${n.recipient_id}`).sort()).toEqual([`P0D overdue ${liaison.id}`, `P0D overdue ${owner.id}`].sort());
    expect(resumed.some((n) => n.recipient_id === otherSupervisor.id)).toBe(false); // the owner, not every supervisor
  });

  it('lets a supervisor hand a task to another owner, refusing anyone who is not an active supervisor', async () => {
    const task = (await app.as(owner.token).post('/api/v1/tasks').send({ title: '转交督办', leadDepartment: 'finance', dueDate: '2030-06-30' }).expect(201))
      .body;
    const refused = await app.as(owner.token).patch(`/api/v1/tasks/${task.id}`).send({ version: task.version, supervisorId: liaison.id });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('supervisorId');
    const moved = await app.as(owner.token).patch(`/api/v1/tasks/${task.id}`).send({ version: task.version, supervisorId: otherSupervisor.id }).expect(200);
    expect(moved.body.supervisorId).toBe(otherSupervisor.id);
    // The task page names the owner (督办责任人) for everyone who may read the task.
    const read = (await app.as(liaison.token).get(`/api/v1/tasks/${task.id}`).expect(200)).body as { supervisor: { id: string; name: string } };
    expect(read.supervisor).toEqual({ id: otherSupervisor.id, name: expect.stringMatching(/^supervisor-/) });
    const history = (await app.as(owner.token).get(`/api/v1/tasks/${task.id}/history`).expect(200)).body as Array<{
      action: string;
      detail: { after: Record<string, unknown> };
    }>;
    expect(history.at(-1)!.detail.after).toEqual({ supervisorId: otherSupervisor.id });
  });

  it('clears the assignee when the work moves to another lead department', async () => {
    const task = (
      await app
        .as(owner.token)
        .post('/api/v1/tasks')
        .send({ title: '换牵头单位', leadDepartment: 'finance', dueDate: '2030-06-30', assigneeId: liaison.id })
        .expect(201)
    ).body;
    const moved = await app.as(owner.token).patch(`/api/v1/tasks/${task.id}`).send({ version: task.version, leadDepartment: 'tax' }).expect(200);
    expect(moved.body.leadDepartmentCode).toBe('tax');
    expect(moved.body.assigneeId).toBeNull();
  });
});
