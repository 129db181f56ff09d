import type { INestApplicationContext } from '@nestjs/common';
import type { ReminderSweep } from '../libs/notifications/reminder-sweep.service.js';
import type { TestApp } from './support/app.js';
import { startLadder, stopLadder } from './support/ladder.js';
import { sql } from './support/database.js';
import { decodedBody, type TestSmtp } from './support/smtp.js';
import { waitFor } from './support/worker.js';

/**
 * 配合单位反馈: a task with `coDepartmentsReport` gives each co-department its own report period for
 * every period of the cycle, filed by its own liaison, chased by the report ladder to its own people
 * (the real worker delivering to a real SMTP server), and counted against it.
 */
type User = { id: string; email: string; token: string };
type Slot = { period: string; dueDate: string; status: string; progressId: string | null; departmentCode: string };
type CoSlots = { departmentCode: string; departmentName: string; latest: Slot | null; missed: string[]; slots: Slot[] };

describe('co-department reports (配合单位反馈)', () => {
  let app: TestApp;
  let smtp: TestSmtp;
  let worker: INestApplicationContext;
  let sweep: ReminderSweep;
  let supervisor: User;
  let lead: User; // finance, the lead department
  let leadLeader: User;
  let edu: User; // a co-department
  let eduLeader: User;
  let tax: User; // another co-department
  let taxLeader: User;
  let stranger: User; // a department the task does not involve

  beforeAll(async () => {
    ({ app, smtp, worker, sweep } = await startLadder());
    supervisor = await app.user('supervisor');
    lead = await app.user('liaison', 'finance');
    leadLeader = await app.user('leader', 'finance');
    edu = await app.user('liaison', 'edu');
    eduLeader = await app.user('leader', 'edu');
    tax = await app.user('liaison', 'tax');
    taxLeader = await app.user('leader', 'tax');
    stranger = await app.user('liaison', 'ndrc');
  });
  afterAll(() => stopLadder({ worker, app, smtp }));

  const api = (user: User) => app.as(user.token);
  /** A monthly task of finance with edu and tax as co-departments, created on `createdAt` (moved back by SQL). */
  async function monthly(title: string, dueDate: string, createdAt: string, extra: Record<string, unknown> = {}) {
    const task = (
      await api(supervisor)
        .post('/api/v1/tasks')
        .send({
          title,
          leadDepartment: 'finance',
          coDepartments: ['edu', 'tax'],
          assigneeId: lead.id,
          dueDate,
          reportEvery: 'P1M',
          coDepartmentsReport: true,
          ...extra,
        })
        .expect(201)
    ).body as { id: string; version: number; coDepartmentsReport: boolean };
    await sql(app.databaseUrl, `UPDATE task SET created_at = $2, ladder_from = $2 WHERE id = $1`, [task.id, createdAt]);
    // The assignment's own notices (events) are not this file's subject.
    await sql(app.databaseUrl, 'DELETE FROM notification WHERE task_id = $1 AND step_index IS NULL', [task.id]);
    return task;
  }
  const file = (user: User, id: string, period: string, note = '本单位负责部分进展正常') =>
    api(user).post(`/api/v1/tasks/${id}/progress`).send({ note, period });
  const coSlots = async (user: User, id: string) => (await api(user).get(`/api/v1/tasks/${id}/co-report-slots`).expect(200)).body as CoSlots[];
  const leadSlots = async (id: string) => (await api(supervisor).get(`/api/v1/tasks/${id}/report-slots`).expect(200)).body as Slot[];

  it('gives each co-department its own periods, filed by its own liaison, seen by the lead and by itself alone', async () => {
    const task = await monthly('教育专项资金配合落实月报', '2026-12-31', '2026-03-10T09:00:00+08:00');
    expect(task.coDepartmentsReport).toBe(true);

    // edu files March (late) as its own; the lead's March stays unfiled (missed), tax's too.
    const march = (await file(edu, task.id, '2026-03').expect(201)).body as { id: string; period: string };
    expect(march.period).toBe('2026-03');
    const lead3 = (await leadSlots(task.id)).find((s) => s.period === '2026-03')!;
    expect(lead3).toMatchObject({ status: 'missed', progressId: null, departmentCode: 'finance' });

    // The lead department (and a supervisor) see every co-department: its latest report and what it missed.
    for (const viewer of [lead, supervisor]) {
      const all = await coSlots(viewer, task.id);
      expect(all.map((d) => d.departmentCode)).toEqual(['edu', 'tax']);
      const [eduSlots, taxSlots] = all;
      expect(eduSlots.latest).toMatchObject({ period: '2026-03', status: 'late', progressId: march.id, departmentCode: 'edu' });
      expect(eduSlots.missed).not.toContain('2026-03');
      expect(eduSlots.missed).toContain('2026-04');
      expect(taxSlots.latest).toBeNull();
      expect(taxSlots.missed.slice(0, 2)).toEqual(['2026-03', '2026-04']);
      expect(taxSlots.slots.every((s) => s.departmentCode === 'tax')).toBe(true);
    }
    // A co-department sees its own slots only.
    expect((await coSlots(edu, task.id)).map((d) => d.departmentCode)).toEqual(['edu']);
    expect((await coSlots(tax, task.id)).map((d) => d.departmentCode)).toEqual(['tax']);

    // 本月待报: each department's own periods — tax owes March; edu no longer does; finance owes its own.
    type Owed = { taskId: string; period: string; departmentCode: string; leadDepartmentCode: string };
    const owed = async (user: User, query = '') =>
      ((await api(user).get(`/api/v1/report-slots/owed${query}`).expect(200)).body as Owed[]).filter((o) => o.taskId === task.id);
    const taxOwed = await owed(tax);
    expect(taxOwed[0]).toMatchObject({ period: '2026-03', departmentCode: 'tax', leadDepartmentCode: 'finance' });
    expect((await owed(edu)).map((o) => o.period)).not.toContain('2026-03');
    expect((await owed(edu)).every((o) => o.departmentCode === 'edu')).toBe(true);
    expect((await owed(lead)).map((o) => [o.period, o.departmentCode])[0]).toEqual(['2026-03', 'finance']);
    expect((await owed(supervisor, '?department=tax')).map((o) => o.period)).toEqual(taxOwed.map((o) => o.period));

    // The dashboard and the 通报 count a co-department's missed periods against it.
    const dashboard = (await api(tax).get('/api/v1/dashboard').expect(200)).body as { departments: Array<{ code: string; reports: { missed: number } }> };
    expect(dashboard.departments.find((d) => d.code === 'tax')!.reports.missed).toBeGreaterThanOrEqual(taxOwed.length - 1);
    const bulletin = (await api(supervisor).get('/api/v1/dashboard/bulletin').expect(200)).body as { items: Array<{ code: string; missedReports: number }> };
    expect(bulletin.items.find((i) => i.code === 'tax')?.missedReports).toBeGreaterThan(0);

    // Turned off, the co-departments owe nothing more of their own (their filings stay on the task).
    const current = (await api(supervisor).get(`/api/v1/tasks/${task.id}`).expect(200)).body as { version: number };
    const patched = (await api(supervisor).patch(`/api/v1/tasks/${task.id}`).send({ version: current.version, coDepartmentsReport: false }).expect(200))
      .body as { coDepartmentsReport: boolean };
    expect(patched.coDepartmentsReport).toBe(false);
    expect(await coSlots(lead, task.id)).toEqual([]);
    expect(await owed(tax)).toEqual([]);
    const history = (await api(supervisor).get(`/api/v1/tasks/${task.id}/history`).expect(200)).body as Array<{
      action: string;
      detail: { after: Record<string, unknown> };
    }>;
    expect(history.find((h) => h.action === 'task.progress')!.detail.after).toMatchObject({ period: '2026-03', departmentCode: 'edu' });
    expect(history.at(-1)!.detail.after).toEqual({ coDepartmentsReport: false });
  });

  it('refuses a period that is not one, one not yet begun, a co-department filing without the switch, and a stranger — changing nothing', async () => {
    const task = await monthly('税收征管配合月报', '2027-06-30', '2026-03-10T09:00:00+08:00');
    const count = async () => (await sql<{ n: number }>(app.databaseUrl, 'SELECT count(*)::int AS n FROM progress_report WHERE task_id = $1', [task.id]))[0].n;
    for (const [period, message] of [
      ['2026-02', '不是该任务的报送期'],
      ['2027-05', '尚未开始'],
    ] as const) {
      const res = await file(edu, task.id, period);
      expect([period, res.status, res.body.message]).toEqual([period, 400, expect.stringContaining(message)]);
    }
    // A department the task does not involve sees nothing of it.
    expect((await file(stranger, task.id, '2026-03')).status).toBe(404);
    expect((await api(stranger).get(`/api/v1/tasks/${task.id}/co-report-slots`)).status).toBe(404);

    const plain = await monthly('未要求配合单位报送的月报', '2027-06-30', '2026-03-10T09:00:00+08:00', { coDepartmentsReport: false });
    const refused = await file(edu, plain.id, '2026-03');
    expect([refused.status, refused.body.message]).toEqual([400, expect.stringContaining('未要求配合单位定期报送')]);
    expect(await count()).toBe(0);
    // Without the switch a co-department still reports progress, just not a period of its own.
    await api(edu).post(`/api/v1/tasks/${plain.id}/progress`).send({ note: '配合工作进展' }).expect(201);
    const bad = await api(supervisor).patch(`/api/v1/tasks/${plain.id}`).send({ version: 1, coDepartmentsReport: 'yes' });
    expect(bad.status).toBe(400);
  });

  it("reminds a co-department's own liaisons of its period, escalates to its leader, and stops its ladder alone once it files", async () => {
    // Created on 10 January 2030: the January reports are due on Tuesday 5 February, in the sweep's own clock.
    const task = await monthly('产业发展专项配合月报', '2030-07-01', '2030-01-10T09:00:00+08:00');
    // This test follows its own task's ladders alone.
    await sql(app.databaseUrl, 'UPDATE task SET next_reminder_at = NULL WHERE id <> $1', [task.id]);
    const reportMails = (user: User) => smtp.messages.filter((m) => m.to.includes(user.email) && /报送期限/.test(decodedBody(m.raw)));
    const sweepAt = async (at: string) => {
      const expected = smtp.messages.length + (await sweep.run(new Date(at))).deliveries.length;
      await waitFor(`the mails of the sweep at ${at}`, () => smtp.messages.length >= expected);
    };
    const recorded = async () =>
      sql<{ step_at: string; recipient_id: string; co_department_code: string }>(
        app.databaseUrl,
        `SELECT step_at, recipient_id, co_department_code FROM notification WHERE task_id = $1 AND template = 'report_due' ORDER BY created_at, step_index`,
        [task.id],
      );

    // Two working days ahead: the lead's assignee, and each co-department's liaison, one mail each naming its own department.
    await sweepAt('2030-02-04T01:00:00Z');
    for (const user of [lead, edu, tax]) expect(reportMails(user)).toHaveLength(1);
    expect(decodedBody(reportMails(edu)[0].raw)).toContain('报送期限：2030-02-05（2030年1月）');
    expect(decodedBody(reportMails(edu)[0].raw)).toContain('报送单位：教育部门（配合单位');
    expect(reportMails(edu)[0].subject).toContain('【定期报送】「产业发展专项配合月报」（教育部门）2030年1月进展情况请于 2030-02-05 前报送');
    expect(decodedBody(reportMails(lead)[0].raw)).not.toContain('报送单位');
    // Again at the same moment: nothing.
    expect((await sweep.run(new Date('2030-02-04T01:00:00Z'))).deliveries).toEqual([]);

    // edu files January on its deadline (its own department's report); two days on, edu hears nothing more, the others are chased.
    await sql(
      app.databaseUrl,
      `INSERT INTO progress_report (task_id, author_id, department_code, kind, note, evidence_ids, period, created_at)
       VALUES ($1, $2, 'edu', 'progress', '一月配合进展', '{}', '2030-01', '2030-02-05T10:00:00+08:00')`,
      [task.id, edu.id],
    );
    await sweepAt('2030-02-07T01:00:00Z');
    expect(reportMails(edu)).toHaveLength(1);
    expect(reportMails(eduLeader)).toHaveLength(0);
    for (const user of [lead, tax]) expect(reportMails(user)).toHaveLength(2);
    expect(reportMails(taxLeader)).toHaveLength(1);
    expect(reportMails(taxLeader)[0].subject).toContain('【逾期未报】「产业发展专项配合月报」（税务部门）2030年1月进展情况逾期 2 天未报送');
    expect(reportMails(leadLeader)).toHaveLength(1);

    // P3D: the owning supervisor hears of the lead's period and of tax's — two records on the same deadline, told apart by department.
    await sweepAt('2030-02-12T01:00:00Z');
    const toSupervisor = (await recorded()).filter((n) => n.recipient_id === supervisor.id);
    expect(toSupervisor.map((n) => n.co_department_code).sort()).toEqual(['', 'tax']);
    // Once only: each (step, recipient, department) of the January period recorded once, and nothing for edu after its filing.
    const rows = await recorded();
    expect(new Set(rows.map((n) => `${n.step_at}|${n.recipient_id}|${n.co_department_code}`)).size).toBe(rows.length);
    expect(rows.filter((n) => n.co_department_code === 'edu').map((n) => n.step_at)).toEqual(['-P2D']);
    expect(rows.filter((n) => n.recipient_id === edu.id || n.recipient_id === eduLeader.id)).toHaveLength(1);
  });
});
