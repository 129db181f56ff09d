import type { INestApplicationContext } from '@nestjs/common';
import { ReminderSweep } from '../libs/notifications/reminder-sweep.service.js';
import type { TestApp } from './support/app.js';
import { startLadder, stopLadder } from './support/ladder.js';
import { sql } from './support/database.js';
import { decodedBody, type TestSmtp } from './support/smtp.js';
import { startWorker, waitFor } from './support/worker.js';

/**
 * The reminder ladder of config/escalation.yaml (-P7D, -P1D, P0D, P3D, P10D in
 * working days) driven by running the sweep at the moments it says are next,
 * with the real worker delivering to a real SMTP server.
 */
const STEP_ORDER = ['-P7D', '-P1D', 'P0D', 'P3D', 'P10D'];

describe('reminders, overdue alerts and escalation', () => {
  let app: TestApp;
  let smtp: TestSmtp;
  let worker: INestApplicationContext;
  let sweep: ReminderSweep;
  let supervisor: { id: string; email: string; token: string };
  let liaison: { id: string; email: string; token: string };
  let otherLiaison: { id: string; email: string; token: string };
  let leader: { id: string; email: string; token: string };

  beforeAll(async () => {
    ({ app, smtp, worker, sweep } = await startLadder());
    supervisor = await app.user('supervisor');
    liaison = await app.user('liaison', 'finance');
    otherLiaison = await app.user('liaison', 'finance');
    leader = await app.user('leader', 'finance');
  });
  afterAll(() => stopLadder({ worker, app, smtp }));

  const createTask = async (dueDate: string, extra: Record<string, unknown> = {}) => {
    const task = (
      await app
        .as(supervisor.token)
        .post('/api/v1/tasks')
        .send({ title: `提醒测试-${dueDate}`, leadDepartment: 'finance', dueDate, assigneeId: liaison.id, ...extra })
    ).body as { id: string };
    // This file follows the ladder alone: the assignment's own notice (an event, test/task-notifications.e2e.ts) is set aside.
    await sql(app.databaseUrl, 'DELETE FROM notification WHERE task_id = $1 AND step_index IS NULL', [task.id]);
    return task;
  };
  /**
   * The ladder's mails. A task's own assignment notice (an event) is set aside by createTask, but a
   * sweep the worker runs at start may have mailed it first: its 【新任务】/【督办动态】 mail is not the ladder's.
   */
  const fromLadder = (m: { subject: string }) => !/^【(新任务|督办动态)】/.test(m.subject);
  const nextAt = async (taskId: string) =>
    (await sql<{ next: Date | null }>(app.databaseUrl, 'SELECT next_reminder_at AS next FROM task WHERE id = $1', [taskId]))[0].next;
  const recorded = async (taskId: string) =>
    sql<{ step_at: string; template: string; recipient_id: string; due_date: string }>(
      app.databaseUrl,
      `SELECT step_at, template, recipient_id, to_char(due_date, 'YYYY-MM-DD') AS due_date FROM notification WHERE task_id = $1 AND step_index IS NOT NULL ORDER BY created_at, step_index`,
      [taskId],
    );
  /**
   * Runs the sweep at each moment the task says is next, until its ladder is
   * done, letting each step's mails arrive before the next (days apart in life).
   */
  async function walkLadder(taskId: string, limit = 10) {
    const moments: Date[] = [];
    for (let next = await nextAt(taskId); next && moments.length < limit; next = await nextAt(taskId)) {
      const expected = smtp.messages.length + (await sweep.run(next)).deliveries.length;
      await waitFor(`the mails of the sweep at ${next.toISOString()}`, () => smtp.messages.length >= expected);
      moments.push(next);
    }
    return moments;
  }

  it('walks the whole ladder in order, to the right people, once each, by mail and in-app', async () => {
    const task = await createTask('2030-03-12');
    await sweep.run(); // today: nothing is due yet
    expect(await recorded(task.id)).toEqual([]);

    const moments = await walkLadder(task.id);
    expect(moments).toHaveLength(5); // once per step
    // In ladder order; within one step, recipients in any order.
    const byStep = (rows: string[][]) =>
      rows.map((r) => r.join(' ')).sort((a, b) => STEP_ORDER.indexOf(a.split(' ')[0]) - STEP_ORDER.indexOf(b.split(' ')[0]) || a.localeCompare(b));
    const steps = (await recorded(task.id)).map((n) => [n.step_at, n.template, n.recipient_id]);
    expect(steps.map((r) => r[0])).toEqual(['-P7D', '-P1D', 'P0D', 'P0D', 'P3D', 'P10D', 'P10D']);
    expect(byStep(steps)).toEqual(
      byStep([
        ['-P7D', 'reminder', liaison.id],
        ['-P1D', 'reminder', liaison.id],
        ['P0D', 'overdue', liaison.id],
        ['P0D', 'overdue', supervisor.id],
        ['P3D', 'escalation', leader.id],
        ['P10D', 'escalation', leader.id],
        ['P10D', 'escalation', supervisor.id],
      ]),
    );
    // Working days: -P7D from Tuesday 12 March 2030 is Friday 1 March, at the end of that day in Asia/Shanghai.
    expect(moments[0].toISOString()).toBe('2030-03-01T16:00:00.000Z');

    // Sweeping again, at any of those moments, records nothing more.
    for (const at of moments) await sweep.run(at);
    expect(await recorded(task.id)).toHaveLength(7);

    // Every notification is mailed once; the other liaison of the department gets nothing.
    const mailsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email) && fromLadder(m));
    await waitFor('7 mails', () => mailsTo(liaison.email).length + mailsTo(supervisor.email).length + mailsTo(leader.email).length >= 7);
    expect(mailsTo(liaison.email).map((m) => m.subject)).toEqual([
      `【督办提醒】「提醒测试-2030-03-12」将于 2030-03-12 到期`,
      `【督办提醒】「提醒测试-2030-03-12」将于 2030-03-12 到期`,
      expect.stringContaining('【逾期预警】「提醒测试-2030-03-12」已逾期'),
    ]);
    expect(mailsTo(leader.email).map((m) => m.subject)).toEqual([expect.stringContaining('【督办升级】'), expect.stringContaining('【督办升级】')]);
    expect(mailsTo(otherLiaison.email)).toEqual([]);
    const ids = smtp.messages.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);

    const inApp = await app.as(liaison.token).get('/api/v1/notifications');
    expect(inApp.status).toBe(200);
    expect(inApp.body.total).toBe(3);
    expect(inApp.body.items.every((n: { taskId: string }) => n.taskId === task.id)).toBe(true);
    expect((await app.as(otherLiaison.token).get('/api/v1/notifications')).body.total).toBe(0);
  });

  it('gives a task created ten days late exactly one alert: the latest step already passed', async () => {
    const today = new Date();
    const due = new Date(today.getTime() - 10 * 86_400_000).toISOString().slice(0, 10);
    const task = await createTask(due, { title: '迟到的任务' });
    await sweep.run();
    const rows = await recorded(task.id);
    expect(new Set(rows.map((r) => r.step_at)).size).toBe(1);
    expect(['P3D', 'P10D']).toContain(rows[0].step_at);
    await sweep.run();
    expect(await recorded(task.id)).toHaveLength(rows.length);
  });

  it('restarts the ladder when an extension is approved, and stops it when the task is completed', async () => {
    const task = await createTask('2030-06-14');
    await sweep.run((await nextAt(task.id))!); // the first look, at creation
    await sweep.run((await nextAt(task.id))!); // -P7D
    expect((await recorded(task.id)).map((r) => r.step_at)).toEqual(['-P7D']);

    await app.as(liaison.token).post(`/api/v1/tasks/${task.id}/accept`).send({});
    const request = await app
      .as(liaison.token)
      .post(`/api/v1/tasks/${task.id}/extension-requests`)
      .send({ requestedDueDate: '2030-07-31', reason: '等待审批' });
    await app.as(supervisor.token).post(`/api/v1/extension-requests/${request.body.id}/approve`).send({});
    await sweep.run();
    await sweep.run((await nextAt(task.id))!);
    const afterExtension = await recorded(task.id);
    expect(afterExtension.map((r) => [r.step_at, r.due_date])).toEqual([
      ['-P7D', '2030-06-14'],
      ['-P7D', '2030-07-31'],
    ]);

    const evidence = await app.as(liaison.token).post(`/api/v1/tasks/${task.id}/evidence`).attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'a.pdf');
    await app
      .as(liaison.token)
      .post(`/api/v1/tasks/${task.id}/submit`)
      .send({ summary: '完成', evidenceIds: [evidence.body.id] });
    await app.as(supervisor.token).post(`/api/v1/tasks/${task.id}/approve`).send({});
    expect(await nextAt(task.id)).toBeNull();
    await sweep.run(new Date('2030-12-31T00:00:00Z'));
    expect(await recorded(task.id)).toHaveLength(2);
  });

  it('caps a long digest: the first DIGEST_MAX_ITEMS items, how many more, and the link to the full in-app list', async () => {
    const capped = await startWorker(app, {
      SMTP_URL: smtp.url,
      REMINDER_SWEEP_MS: '3600000',
      DIGEST_MAX_ITEMS: '3',
      PUBLIC_URL: 'https://duban.example.gov.cn/',
    });
    try {
      const reader = await app.user('liaison', 'finance');
      const tasks = [];
      for (let i = 1; i <= 5; i++) tasks.push(await createTask('2030-10-15', { title: `摘要上限-${i}`, assigneeId: reader.id }));
      // The ladder started at the end of the due day: P0D (overdue) is its one step due at `at`, P3D still ahead.
      const at = new Date('2030-10-16T00:00:00Z');
      await sql(app.databaseUrl, `UPDATE task SET ladder_from = '2030-10-15T16:00:00Z', next_reminder_at = now() WHERE id = ANY($1)`, [tasks.map((t) => t.id)]);
      expect((await capped.get(ReminderSweep).run(at)).recorded).toBeGreaterThanOrEqual(5);

      const [mail] = await waitFor('the digest mail', () => {
        const found = smtp.messages.filter((m) => m.to.includes(reader.email) && fromLadder(m));
        return found.length > 0 ? found : null;
      });
      expect(mail.subject).toBe('【督办提醒】您有 5 项任务需要关注（其中 5 项已逾期）');
      const text = decodedBody(mail.raw);
      expect(text.match(/任务：摘要上限-\d/g)).toHaveLength(3);
      expect(text).toContain('另有 2 项，请登录系统查看：https://duban.example.gov.cn/notifications');
      // The in-app list holds every one of them.
      const inApp = await app.as(reader.token).get('/api/v1/notifications');
      expect(inApp.body.total).toBe(5);
      expect(new Set((inApp.body.items as Array<{ taskId: string }>).map((n) => n.taskId))).toEqual(new Set(tasks.map((t) => t.id)));
    } finally {
      await capped.close();
    }
  });

  it('records each step once when two workers sweep at the same moment', async () => {
    const second = await startWorker(app, { SMTP_URL: smtp.url, REMINDER_SWEEP_MS: '3600000' });
    try {
      const tasks = await Promise.all(Array.from({ length: 30 }, (_, i) => createTask('2030-09-13', { title: `并发-${i}` })));
      const at = new Date('2030-09-30T00:00:00Z'); // after P10D: each task is late, so one step each
      await sql(app.databaseUrl, `UPDATE task SET ladder_from = '2030-09-29', next_reminder_at = now() WHERE id = ANY($1)`, [tasks.map((t) => t.id)]);
      await Promise.all([sweep.run(at), second.get(ReminderSweep).run(at), sweep.run(at)]);
      const rows = await sql<{ n: string; distinct_keys: string }>(
        app.databaseUrl,
        `SELECT count(*) AS n, count(DISTINCT (task_id, step_index, recipient_id)) AS distinct_keys FROM notification WHERE task_id = ANY($1)`,
        [tasks.map((t) => t.id)],
      );
      expect(Number(rows[0].n)).toBe(60); // P10D: the leader and the supervisor, for each of 30 tasks
      expect(rows[0].distinct_keys).toBe(rows[0].n);
      // One mail per recipient per sweep: the leader gets one mail listing the tasks.
      const deliveries = await sql<{ n: string }>(app.databaseUrl, `SELECT count(DISTINCT delivery_id) AS n FROM notification WHERE task_id = ANY($1)`, [
        tasks.map((t) => t.id),
      ]);
      expect(Number(deliveries[0].n)).toBeLessThanOrEqual(6);
    } finally {
      await second.close();
    }
  });

  it('mails the report ladder (定期报送) of a monthly task once per period and step, and not for a period filed', async () => {
    const monthly = async (title: string) => {
      const task = await createTask('2030-07-01', { title, reportEvery: 'P1M' });
      // Created on 10 January 2030: the January report is due on Tuesday 5 February, in the sweep's own clock.
      await sql(app.databaseUrl, `UPDATE task SET created_at = '2030-01-10T09:00:00+08:00', ladder_from = '2030-01-10T09:00:00+08:00' WHERE id = $1`, [
        task.id,
      ]);
      return task;
    };
    const filed = await monthly('教育经费执行月报（已报）');
    await monthly('教育经费执行月报（未报）');
    const reportMails = (email: string) => smtp.messages.filter((m) => m.to.includes(email) && /报送期限/.test(decodedBody(m.raw)));
    const sweepAt = async (at: string) => {
      const expected = smtp.messages.length + (await sweep.run(new Date(at))).deliveries.length;
      await waitFor(`the mails of the sweep at ${at}`, () => smtp.messages.length >= expected);
    };

    // Two working days ahead: one mail to the assignee naming both tasks' January report and its deadline.
    await sweepAt('2030-02-04T01:00:00Z');
    const [ahead] = reportMails(liaison.email);
    expect(reportMails(liaison.email)).toHaveLength(1);
    const text = decodedBody(ahead.raw);
    expect(text).toContain('教育经费执行月报（未报）');
    expect(text).toContain('报送期限：2030-02-05（2030年1月）');
    // The same moment again sends nothing.
    expect((await sweep.run(new Date('2030-02-04T01:00:00Z'))).deliveries).toEqual([]);

    // The report of one is filed on the deadline; two days on, only the other is chased, with the leader now told.
    await sql(
      app.databaseUrl,
      `INSERT INTO progress_report (task_id, author_id, department_code, kind, note, evidence_ids, period, created_at)
       VALUES ($1, $2, 'finance', 'progress', '一月进展', '{}', '2030-01', '2030-02-05T10:00:00+08:00')`,
      [filed.id, liaison.id],
    );
    await sweepAt('2030-02-07T01:00:00Z');
    const [late] = reportMails(leader.email);
    expect(reportMails(leader.email)).toHaveLength(1);
    expect(late.subject).toContain('【逾期未报】「教育经费执行月报（未报）」2030年1月进展情况逾期 2 天未报送');
    expect(decodedBody(late.raw)).not.toContain('（已报）');
    expect(reportMails(liaison.email)).toHaveLength(2);
    expect((await recorded(filed.id)).filter((n) => n.template === 'report_due')).toHaveLength(1);
  });

  it('runs only the report ladder of an open-ended task (长期坚持), period after period, and comes back for the next', async () => {
    const task = await createTask('2030-07-01', { title: '耕地保护月报（长期坚持）', dueDate: null, reportEvery: 'P1M', reportFrom: '2030-01-10' });
    await sql(app.databaseUrl, `UPDATE task SET created_at = '2030-01-10T09:00:00+08:00', ladder_from = '2030-01-10T09:00:00+08:00' WHERE id = $1`, [task.id]);
    const mails = () => smtp.messages.filter((m) => decodedBody(m.raw).includes('耕地保护月报（长期坚持）'));
    const sweepAt = async (at: string) => {
      const expected = smtp.messages.length + (await sweep.run(new Date(at))).deliveries.length;
      await waitFor(`the mails of the sweep at ${at}`, () => smtp.messages.length >= expected);
    };
    await sweepAt('2030-02-04T01:00:00Z');
    expect(mails().length).toBeGreaterThan(0);
    expect(decodedBody(mails()[0].raw)).toContain('报送期限：2030-02-05（2030年1月）');
    // Its next period is still to come: the sweep will look at the task again.
    expect(await nextAt(task.id)).not.toBeNull();
    await sweepAt('2030-03-04T01:00:00Z');
    const steps = await recorded(task.id);
    // Report steps only (no final deadline: no reminder, overdue or escalation of one), for January and February.
    expect(new Set(steps.map((n) => n.template))).toEqual(new Set(['report_due']));
    expect([...new Set(steps.map((n) => n.due_date))].sort()).toEqual(['2030-02-05', '2030-03-05']);
    expect(await nextAt(task.id)).not.toBeNull();
  });
});
