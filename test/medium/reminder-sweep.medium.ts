import { DeliveryQueue } from '../../libs/notifications/delivery-queue.js';
import { NotificationDeliveryModule } from '../../libs/notifications/notifications.module.js';
import { ReminderSweep } from '../../libs/notifications/reminder-sweep.service.js';
import { MailDriver } from '../../libs/mail/mail-driver.js';
import { TaskService } from '../../libs/tasks/task.service.js';
import { TasksModule } from '../../libs/tasks/tasks.module.js';
import { WebhookDriver } from '../../libs/webhook/webhook-driver.js';
import { strictFake } from '../support/strict.js';
import { type Medium, newActor, Role, startMedium } from './medium.js';

describe('ReminderSweep on PostgreSQL', () => {
  let medium: Medium;
  const queued: string[][] = [];

  beforeAll(async () => {
    medium = await startMedium([TasksModule, NotificationDeliveryModule], {
      outside: [[DeliveryQueue, strictFake<DeliveryQueue>('DeliveryQueue', { enqueue: async (ids: string[]) => void queued.push(ids) })]],
      // The sweep records; it never sends.
      fakes: [
        [MailDriver, strictFake<MailDriver>('MailDriver', { close: async () => undefined })],
        [WebhookDriver, strictFake<WebhookDriver>('WebhookDriver', {})],
      ],
    });
    // The imported plan's tasks are long overdue; this file follows its own.
    await medium.sql('UPDATE task SET next_reminder_at = NULL');
  });
  afterAll(() => medium.close());

  it('records every step passed since the task was set (two reminders, the overdue alert) once, queues the mail after commit, and sets the next step', async () => {
    const supervisor = await newActor(medium, Role.Supervisor);
    const liaison = await newActor(medium, Role.Liaison, 'finance');
    const task = await medium
      .get(TaskService)
      .create(supervisor, { title: '提醒测试', leadDepartment: 'finance', assigneeId: liaison.id, dueDate: '2030-07-01' });
    const sweep = medium.get(ReminderSweep);
    // The clock is the sweep's argument: the morning after the deadline (Asia/Shanghai).
    const now = new Date('2030-07-02T01:00:00Z');

    const first = await sweep.run(now);
    const notes = await medium.sql<{ recipient_id: string; template: string; delivery_id: string }>(
      'SELECT recipient_id, template, delivery_id FROM notification WHERE task_id = $1',
      [task.id],
    );
    expect(
      notes
        .filter((n) => n.recipient_id === liaison.id)
        .map((n) => n.template)
        .sort(),
    ).toEqual(['overdue', 'reminder', 'reminder']);
    expect(notes.some((n) => n.recipient_id === supervisor.id && n.template === 'overdue')).toBe(true);
    // Every recorded mail is a pending delivery row, and exactly those were queued.
    const deliveries = await medium.sql<{ id: string; status: string }>('SELECT id, status FROM delivery WHERE id = ANY($1)', [first.deliveries]);
    expect(deliveries.map((d) => d.status)).toEqual(first.deliveries.map(() => 'pending'));
    expect(queued.flat().sort()).toEqual([...first.deliveries].sort());
    expect(new Set(notes.map((n) => n.delivery_id))).toEqual(new Set(first.deliveries.filter((id) => notes.some((n) => n.delivery_id === id))));
    const [{ next }] = await medium.sql<{ next: Date }>('SELECT next_reminder_at AS next FROM task WHERE id = $1', [task.id]);
    expect(next.getTime()).toBeGreaterThan(now.getTime());

    // The same moment again: nothing is due, nothing recorded twice, nothing queued.
    queued.length = 0;
    expect(await sweep.run(now)).toEqual({ recorded: 0, deliveries: [] });
    expect(queued).toEqual([]);
    expect(await medium.sql('SELECT count(*)::int AS n FROM notification WHERE task_id = $1', [task.id])).toEqual([{ n: notes.length }]);
  });

  it('leaves a completed task alone and clears its next step', async () => {
    const supervisor = await newActor(medium, Role.Supervisor);
    const task = await medium.get(TaskService).create(supervisor, { title: '已办结', leadDepartment: 'tax', dueDate: '2030-07-01' });
    await medium.sql(`UPDATE task SET status = 'completed', next_reminder_at = '2030-06-20' WHERE id = $1`, [task.id]);
    queued.length = 0;
    await medium.get(ReminderSweep).run(new Date('2030-07-02T01:00:00Z'));
    expect(await medium.sql('SELECT count(*)::int AS n FROM notification WHERE task_id = $1', [task.id])).toEqual([{ n: 0 }]);
    expect(await medium.sql('SELECT next_reminder_at FROM task WHERE id = $1', [task.id])).toEqual([{ next_reminder_at: null }]);
  });

  it('reminds of each report period (定期报送) not filed against its own deadline, once per step, and stops for a filed one', async () => {
    const supervisor = await newActor(medium, Role.Supervisor);
    const liaison = await newActor(medium, Role.Liaison, 'staffing');
    const leader = await newActor(medium, Role.Leader, 'staffing');
    const tasks = medium.get(TaskService);
    const monthly = async (title: string) => {
      const task = await tasks.create(supervisor, { title, leadDepartment: 'staffing', dueDate: '2030-07-01', reportEvery: 'P1M' });
      // Created on 10 January 2030: the January report is due on 5 February (a Tuesday), in the sweep's own clock.
      await medium.sql(`UPDATE task SET created_at = '2030-01-10T09:00:00+08:00', ladder_from = '2030-01-10T09:00:00+08:00' WHERE id = $1`, [task.id]);
      return task;
    };
    const filedOne = await monthly('编制月报（已报）');
    const missedOne = await monthly('编制月报（未报）');
    const sweep = medium.get(ReminderSweep);
    const notes = (id: string) =>
      medium.sql<{ recipient_id: string; template: string; step_index: number; due_date: string; subject: string }>(
        `SELECT recipient_id, template, step_index, to_char(due_date, 'YYYY-MM-DD') AS due_date, subject FROM notification WHERE task_id = $1 ORDER BY step_index, recipient_id`,
        [id],
      );

    // Monday 4 February, 09:00 in Shanghai: two working days before the deadline, the liaisons are reminded.
    const monday = new Date('2030-02-04T01:00:00Z');
    await sweep.run(monday);
    for (const task of [filedOne, missedOne]) {
      expect(await notes(task.id)).toEqual([
        {
          recipient_id: liaison.id,
          template: 'report_due',
          step_index: 2000,
          due_date: '2030-02-05',
          subject: expect.stringContaining('2030年1月进展情况请于 2030-02-05 前报送'),
        },
      ]);
    }
    // The task's own ladder is months away; its next step is the report's next (the day after the deadline ends, Thursday 00:00).
    const [{ next }] = await medium.sql<{ next: Date }>('SELECT next_reminder_at AS next FROM task WHERE id = $1', [missedOne.id]);
    expect(next.toISOString()).toBe('2030-02-06T16:00:00.000Z');
    expect(await sweep.run(monday)).toEqual({ recorded: 0, deliveries: [] });

    // One of them is filed on the deadline; on Friday only the other hears of it, now with its leader (逾期未报).
    await medium.sql(
      `INSERT INTO progress_report (task_id, author_id, department_code, kind, note, evidence_ids, period, created_at)
       VALUES ($1, $2, 'staffing', 'progress', '一月进展', '{}', '2030-01', '2030-02-05T10:00:00+08:00')`,
      [filedOne.id, liaison.id],
    );
    await sweep.run(new Date('2030-02-08T01:00:00Z'));
    expect(await notes(filedOne.id)).toHaveLength(1);
    const missed = (await notes(missedOne.id)).filter((n) => n.step_index === 2001);
    expect(missed.map((n) => n.recipient_id).sort()).toEqual([liaison.id, leader.id].sort());
    expect(missed[0].subject).toContain('【逾期未报】「编制月报（未报）」2030年1月进展情况逾期 3 天未报送');
  });
});
