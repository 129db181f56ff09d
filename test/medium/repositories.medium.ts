import { AuditRepository } from '../../libs/db/repositories/audit.repository.js';
import { UserRepository } from '../../libs/db/repositories/user.repository.js';
import { WebhookRepository } from '../../libs/db/repositories/webhook.repository.js';
import { Transactions } from '../../libs/db/transaction.js';
import { CalendarFeedRepository } from '../../libs/db/repositories/calendar-feed.repository.js';
import { AssessmentRepository } from '../../libs/db/repositories/assessment.repository.js';
import { CalendarRepository } from '../../libs/db/repositories/calendar.repository.js';
import { DashboardRepository } from '../../libs/db/repositories/dashboard.repository.js';
import { DeliveryRepository } from '../../libs/db/repositories/delivery.repository.js';
import { LadderRepository } from '../../libs/db/repositories/ladder.repository.js';
import { SettingRepository } from '../../libs/db/repositories/setting.repository.js';
import { TaskRepository } from '../../libs/db/repositories/task.repository.js';
import type { TaskListFilter } from '../../libs/db/repositories/task-list.query.js';
import { isOpen, isOverdue, taskLight, type TaskStatus } from '../../libs/tasks/task-status.js';
import { type Medium, newActor, Role, startMedium } from './medium.js';

/**
 * The hand-written SQL against PostgreSQL, each statement's answer compared with the same
 * question answered in TypeScript from the plain rows (the oracle), on the imported plan with
 * statuses and deadlines spread so that every filter has rows on both sides.
 */
type Row = {
  id: string;
  code: string | null;
  title: string;
  description: string;
  lead: string;
  co: string[];
  status: string;
  due: string;
  submittedOn: string | null;
};

const TODAY = '2025-06-16';
const WARN_UNTIL = '2025-06-19';
const WEEK_END = '2025-06-23';
const TZ = 'Asia/Shanghai';

/** The TypeScript twins of the SQL rules (libs/tasks/task-status.ts) are the oracle. */
const open = (r: Row) => isOpen(r.status);
const facts = (r: Row) => ({ status: r.status as TaskStatus, dueDate: r.due, submittedOn: r.submittedOn });
const overdue = (r: Row) => isOverdue(facts(r), TODAY);
const light = (r: Row) => taskLight(facts(r), TODAY, WARN_UNTIL);

describe('repositories on PostgreSQL (hand-written SQL)', () => {
  let medium: Medium;
  let rows: Row[];

  beforeAll(async () => {
    medium = await startMedium([]);
    // Spread statuses and deadlines (deterministically) around TODAY; the trigger keeps task_department in step.
    await medium.sql(`
      WITH n AS (SELECT id, row_number() OVER (ORDER BY code, id) AS i FROM task)
      UPDATE task t SET
        status = (ARRAY['assigned', 'in_progress', 'leader_review', 'submitted', 'completed', 'cancelled'])[1 + n.i % 6],
        due_date = DATE '${TODAY}' + ((n.i * 7) % 41 - 20)::int
      FROM n WHERE n.id = t.id`);
    // Handed in the day before, on or after the due date (at noon in the plan's time zone): the fair clock has both sides.
    await medium.sql(`
      WITH n AS (SELECT id, row_number() OVER (ORDER BY code, id) AS i FROM task)
      UPDATE task t SET submitted_at = ((t.due_date + (n.i % 3 - 1)::int)::timestamp + interval '12 hours') AT TIME ZONE '${TZ}'
      FROM n WHERE n.id = t.id AND t.status IN ('leader_review', 'submitted', 'completed')`);
    rows = (
      await medium.sql<Row>(
        `SELECT id, code, title, description, lead_department_code AS lead, co_department_codes AS co, status, to_char(due_date, 'YYYY-MM-DD') AS due,
                to_char(submitted_at AT TIME ZONE '${TZ}', 'YYYY-MM-DD') AS "submittedOn" FROM task`,
      )
    ).map((r) => ({ ...r }));
  });
  afterAll(() => medium.close());

  describe('TaskRepository.list (task-list.query.ts)', () => {
    const of = (r: Row, department: string) => r.lead === department || r.co.includes(department);
    const cases: Array<[string, Omit<TaskListFilter, 'offset' | 'limit'>, (r: Row) => boolean]> = [
      ['everything', {}, () => true],
      ['a department it leads or co-operates on', { department: 'finance' }, (r) => of(r, 'finance')],
      ['the caller’s own department', { visibleDepartment: 'edu' }, (r) => of(r, 'edu')],
      ['a status within a department', { department: 'edu', status: 'submitted' }, (r) => of(r, 'edu') && r.status === 'submitted'],
      ['overdue', { overdueBefore: TODAY, timeZone: TZ }, overdue],
      ['overdue in a department', { department: 'edu', overdueBefore: TODAY, timeZone: TZ }, (r) => of(r, 'edu') && overdue(r)],
      ['red', { light: { light: 'red', today: TODAY, warnUntil: WARN_UNTIL }, timeZone: TZ }, (r) => light(r) === 'red'],
      [
        'yellow in a department',
        { department: 'ndrc', light: { light: 'yellow', today: TODAY, warnUntil: WARN_UNTIL }, timeZone: TZ },
        (r) => of(r, 'ndrc') && light(r) === 'yellow',
      ],
      ['green', { light: { light: 'green', today: TODAY, warnUntil: WARN_UNTIL }, timeZone: TZ }, (r) => light(r) === 'green'],
      [
        'green in a department',
        { department: 'finance', light: { light: 'green', today: TODAY, warnUntil: WARN_UNTIL }, timeZone: TZ },
        (r) => of(r, 'finance') && light(r) === 'green',
      ],
      ['due before a date', { dueBefore: TODAY }, (r) => r.due <= TODAY],
    ];

    it.each(cases)('%s: the rows and the count the oracle finds, in due-date order', async (_name, filter, expected) => {
      const wanted = rows.filter(expected);
      expect(wanted.length).toBeGreaterThan(0);
      const { items, total } = await medium.get(TaskRepository).list({ ...filter, offset: 0, limit: 10_000 });
      expect(total).toBe(wanted.length);
      expect(items.map((t) => t.id).sort()).toEqual(wanted.map((r) => r.id).sort());
      const dues = items.map((t) => t.dueDate);
      expect(dues).toEqual([...dues].sort());
    });

    it('pages without gaps or repeats, and still counts on a page past the end', async () => {
      const seen: string[] = [];
      for (let offset = 0; ; offset += 7) {
        const page = await medium.get(TaskRepository).list({ department: 'finance', offset, limit: 7 });
        expect(page.total).toBe(rows.filter((r) => of(r, 'finance')).length);
        if (page.items.length === 0) break;
        seen.push(...page.items.map((t) => t.id));
      }
      expect(seen.length).toBe(new Set(seen).size);
      expect(seen.sort()).toEqual(
        rows
          .filter((r) => of(r, 'finance'))
          .map((r) => r.id)
          .sort(),
      );
    });

    it('finds tasks by a word of their title, description or code (case-insensitive, % and _ taken literally)', async () => {
      const sample = rows.find((r) => r.title.length >= 4)!;
      const word = sample.title.slice(1, 4);
      const matches = (r: Row, w: string) => [r.title, r.description, r.code ?? ''].some((text) => text.toLowerCase().includes(w.toLowerCase()));
      const { items, total } = await medium.get(TaskRepository).list({ q: word, offset: 0, limit: 10_000 });
      expect(items.map((t) => t.id).sort()).toEqual(
        rows
          .filter((r) => matches(r, word))
          .map((r) => r.id)
          .sort(),
      );
      expect(total).toBe(items.length);
      expect((await medium.get(TaskRepository).list({ q: '%', offset: 0, limit: 10 })).total).toBe(rows.filter((r) => matches(r, '%')).length);
    });
  });

  it('CalendarFeedRepository.openTasks: a department’s open work (led or co-operated on) by due date, or all open work', async () => {
    const opened = rows.filter(open).sort((x, y) => x.due.localeCompare(y.due) || x.id.localeCompare(y.id));
    const feeds = medium.get(CalendarFeedRepository);
    expect((await feeds.openTasks('tax')).map((t) => t.id)).toEqual(opened.filter((r) => r.lead === 'tax' || r.co.includes('tax')).map((r) => r.id));
    expect((await feeds.openTasks(null)).map((t) => t.id)).toEqual(opened.map((r) => r.id));
  });

  it('LadderRepository: recipients are the active supervisors and the departments’ active leaders and liaisons; a notification is recorded once', async () => {
    const ladder = medium.get(LadderRepository);
    const [supervisor, leader, liaison, elsewhere, gone] = [
      await newActor(medium, Role.Supervisor),
      await newActor(medium, Role.Leader, 'nrp'),
      await newActor(medium, Role.Liaison, 'nrp'),
      await newActor(medium, Role.Liaison, 'staffing'),
      await newActor(medium, Role.Leader, 'nrp'),
    ];
    await medium.sql('UPDATE app_user SET active = false WHERE id = $1', [gone.id]);
    const ids = (await ladder.recipients(['nrp'])).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([supervisor.id, leader.id, liaison.id]));
    expect(ids).not.toContain(elsewhere.id);
    expect(ids).not.toContain(gone.id);
    expect((await ladder.usersById([liaison.id, gone.id])).map((r) => r.id)).toEqual([liaison.id]);

    const task = rows.find(open)!;
    const note = {
      taskId: task.id,
      stepIndex: 0,
      stepAt: '-P7D',
      recipientId: liaison.id,
      dueDate: task.due,
      template: 'reminder',
      subject: 's',
      body: 'b',
      deliveryId: null,
    };
    expect(await ladder.insertNotifications([note])).toEqual([note]);
    expect(await ladder.insertNotifications([note, { ...note, stepIndex: 1 }])).toEqual([{ ...note, stepIndex: 1 }]);
  });

  it('LadderRepository.filedPeriods: each task’s distinct filed periods with the department that filed them; reports without a period and other tasks’ are left out', async () => {
    const ladder = medium.get(LadderRepository);
    const liaison = await newActor(medium, Role.Liaison, 'nrp');
    const [twice, once, unfiled, other] = rows.filter(open).slice(0, 4);
    const report = (taskId: string, period: string | null) =>
      medium.sql(
        `INSERT INTO progress_report (task_id, author_id, department_code, kind, note, evidence_ids, period)
         VALUES ($1, $2, 'nrp', 'progress', '进展', '{}', $3)`,
        [taskId, liaison.id, period],
      );
    await report(twice.id, '2025-01');
    await report(twice.id, '2025-01');
    await report(twice.id, '2025-02');
    await medium.sql(
      `INSERT INTO progress_report (task_id, author_id, department_code, kind, note, evidence_ids, period) VALUES ($1, $2, 'edu', 'progress', '配合单位进展', '{}', '2025-01')`,
      [twice.id, liaison.id],
    );
    await report(once.id, '2025-Q1');
    await report(unfiled.id, null);
    await report(other.id, '2025-03');

    const filed = await ladder.filedPeriods([twice.id, once.id, unfiled.id]);
    const named = (filings: Array<{ departmentCode: string; periods: Set<string> }>) =>
      filings.flatMap((f) => [...f.periods].map((period) => `${f.departmentCode} ${period}`)).sort();
    expect(Object.fromEntries([...filed].map(([id, periods]) => [id, named(periods)]))).toEqual({
      [twice.id]: ['edu 2025-01', 'nrp 2025-01', 'nrp 2025-02'],
      [once.id]: ['nrp 2025-Q1'],
    });
    expect(await ladder.filedPeriods([])).toEqual(new Map());
  });

  it('DashboardRepository.indicatorsWithLatest: every indicator in the plan’s order, with its latest year’s value', async () => {
    const indicators = await medium.sql<{ code: string }>('SELECT code FROM indicator ORDER BY ordinal, code');
    const [first, second] = indicators;
    const reporter = await newActor(medium, Role.Liaison, 'edu');
    for (const [year, value] of [
      [2022, 1.5],
      [2024, 2.5],
      [2023, 9],
    ] as const) {
      await medium.sql('INSERT INTO indicator_value (indicator_code, year, value, reported_by) VALUES ($1, $2, $3, $4)', [
        first.code,
        year,
        value,
        reporter.id,
      ]);
    }
    await medium.sql('DELETE FROM indicator_value WHERE indicator_code = $1', [second.code]);
    const latest = await medium.get(DashboardRepository).indicatorsWithLatest();
    expect(latest.map((i) => i.code)).toEqual(indicators.map((i) => i.code));
    expect(latest[0].latest).toEqual({ year: 2024, value: 2.5 });
    expect(latest[1].latest).toBeNull();
  });

  it('CalendarFeedRepository: a feed’s token finds its active owner until revoked or the owner is deactivated', async () => {
    const feeds = medium.get(CalendarFeedRepository);
    const owner = await newActor(medium, Role.Liaison, 'edu');
    const feed = await feeds.insert(owner.id, 'a'.repeat(64));
    expect(await feeds.findOwner('a'.repeat(64))).toEqual({ feedId: feed.id, userId: owner.id, name: owner.name, role: 'liaison', departmentCode: 'edu' });
    await medium.sql('UPDATE app_user SET active = false WHERE id = $1', [owner.id]);
    expect(await feeds.findOwner('a'.repeat(64))).toBeNull();
    await medium.sql('UPDATE app_user SET active = true WHERE id = $1', [owner.id]);
    expect(await feeds.revokeActive(owner.id)).toBe(feed.id);
    expect(await feeds.revokeActive(owner.id)).toBeNull();
    expect(await feeds.findOwner('a'.repeat(64))).toBeNull();
  });

  it('DashboardRepository.departmentCounts: each lead department’s statuses and deadlines as the oracle counts them', async () => {
    const counts = await medium.get(DashboardRepository).departmentCounts(TODAY, WARN_UNTIL, WEEK_END, null, TZ);
    const [{ n }] = await medium.sql<{ n: number }>('SELECT count(*)::int AS n FROM department');
    expect(counts).toHaveLength(n);
    for (const c of counts) {
      const led = rows.filter((r) => r.lead === c.code && r.status !== 'cancelled');
      const opened = led.filter(open);
      expect(c).toEqual({
        code: c.code,
        name: c.name,
        total: led.length,
        assigned: led.filter((r) => r.status === 'assigned').length,
        inProgress: led.filter((r) => r.status === 'in_progress').length,
        leaderReview: led.filter((r) => r.status === 'leader_review').length,
        submitted: led.filter((r) => r.status === 'submitted').length,
        completed: led.filter((r) => r.status === 'completed').length,
        overdue: opened.filter(overdue).length,
        dueSoon: opened.filter((r) => r.due >= TODAY && r.due <= WARN_UNTIL).length,
        dueWithin7Days: opened.filter((r) => r.due >= TODAY && r.due <= WEEK_END).length,
      });
    }
    expect(counts.reduce((n, c) => n + c.overdue, 0)).toBeLessThan(rows.filter((r) => open(r) && r.due < TODAY).length); // the fair clock spares some
    const one = await medium.get(DashboardRepository).departmentCounts(TODAY, WARN_UNTIL, WEEK_END, 'finance', TZ);
    expect(one).toEqual(counts.filter((c) => c.code === 'finance'));
  });

  it('LadderRepository: locks the due tasks (oldest step first, up to the limit), and reschedules only open ones that have a next step', async () => {
    const ladder = medium.get(LadderRepository);
    await medium.sql('UPDATE task SET next_reminder_at = NULL');
    const chosen = rows.filter(open).slice(0, 5);
    const at = (i: number) => new Date(Date.UTC(2025, 5, 1, i));
    await ladder.setNextReminders(chosen.map((r, i) => ({ id: r.id, at: at(i) })));
    const done = rows.find((r) => r.status === 'completed')!;
    await ladder.setNextReminders([{ id: done.id, at: at(9) }]);

    const due = await medium.get(LadderRepository).lockDueTasks(at(3), 3);
    expect(due.map((t) => t.id)).toEqual(chosen.slice(0, 3).map((r) => r.id));

    await ladder.rescheduleOpenTasks();
    const next = await medium.sql<{ id: string; moved: boolean }>('SELECT id, next_reminder_at > $1 AS moved FROM task WHERE next_reminder_at IS NOT NULL', [
      at(10),
    ]);
    // The open tasks now wait for the next sweep; the completed one keeps its (never used) time; no other task gained one.
    expect(Object.fromEntries(next.map((r) => [r.id, r.moved]))).toEqual({ ...Object.fromEntries(chosen.map((r) => [r.id, true])), [done.id]: false });
  });

  it('DashboardRepository.onTimeByMonth: completions by month in the plan’s time zone, on time until the end of the due date there', async () => {
    const done = rows.filter((r) => r.status === 'completed');
    // Alternately a second before and a second after midnight at the end of the due date, in Asia/Shanghai.
    await medium.sql(`
      WITH n AS (SELECT id, row_number() OVER (ORDER BY id) AS i FROM task WHERE status = 'completed')
      UPDATE task t SET completed_at = (t.due_date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' + CASE WHEN n.i % 2 = 0 THEN interval '-1 second' ELSE interval '1 second' END
      FROM n WHERE n.id = t.id`);
    // Approved at once: the submission judged is the completion's moment.
    await medium.sql(`UPDATE task SET submitted_at = completed_at WHERE status = 'completed'`);
    const late = new Set(
      (
        await medium.sql<{ id: string }>(
          `SELECT id FROM task WHERE status = 'completed' AND completed_at > (due_date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
        )
      ).map((r) => r.id),
    );
    const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const expected = new Map<string, { code: string; month: string; completed: number; onTime: number }>();
    for (const r of done) {
      const month = (late.has(r.id) ? nextDay(r.due) : r.due).slice(0, 7);
      if (month < '2025-05') continue;
      const key = `${r.lead}|${month}`;
      const entry = expected.get(key) ?? { code: r.lead, month, completed: 0, onTime: 0 };
      entry.completed += 1;
      if (!late.has(r.id)) entry.onTime += 1;
      expected.set(key, entry);
    }
    const byKey = (a: { code: string; month: string }, b: { code: string; month: string }) => `${a.code}|${a.month}`.localeCompare(`${b.code}|${b.month}`);
    const counted = await medium.get(DashboardRepository).onTimeByMonth('Asia/Shanghai', '2025-05-01', null);
    expect(counted.sort(byKey)).toEqual([...expected.values()].sort(byKey));
    expect(late.size).toBeGreaterThan(0);
  });

  it('DashboardRepository.bulletin: each department with overdue work, its count, its longest delay and its worst tasks, longest overdue first', async () => {
    const bulletin = await medium.get(DashboardRepository).bulletin(TODAY, 3, TZ);
    const late = rows.filter(overdue);
    const departments = [...new Set(late.map((r) => r.lead))];
    expect(bulletin.map((b) => b.code).sort()).toEqual(departments.sort());
    const days = (due: string) => (Date.parse(TODAY) - Date.parse(due)) / 86_400_000;
    for (const b of bulletin) {
      const mine = late.filter((r) => r.lead === b.code).sort((x, y) => x.due.localeCompare(y.due) || x.id.localeCompare(y.id));
      expect(b).toMatchObject({ overdue: mine.length, maxDaysOverdue: days(mine[0].due), escalated: 0 });
      expect(b.worst.map((t) => [t.id, t.daysOverdue, t.overdue])).toEqual(mine.slice(0, 3).map((r) => [r.id, days(r.due), true]));
    }
    // A department named for its missed reports is listed even with nothing overdue: zeros and no worst tasks.
    const [quiet] = await medium.sql<{ code: string }>(`SELECT code FROM department WHERE NOT (code = ANY($1)) ORDER BY code LIMIT 1`, [departments]);
    const named = await medium.get(DashboardRepository).bulletin(TODAY, 3, TZ, [quiet.code, departments[0]]);
    expect(named.map((b) => b.code).sort()).toEqual([...departments, quiet.code].sort());
    expect(named.find((b) => b.code === quiet.code)).toMatchObject({ overdue: 0, escalated: 0, overdueAndEscalated: 0, maxDaysOverdue: 0, worst: [] });
  });

  it('CalendarRepository.openTaskDueYears: the distinct years of open deadlines, ascending', async () => {
    await medium.sql(`UPDATE task SET due_date = DATE '2031-02-03' WHERE id = $1`, [rows.find(open)!.id]);
    await medium.sql(`UPDATE task SET due_date = DATE '2033-02-03' WHERE id = $1`, [rows.find((r) => r.status === 'completed')!.id]);
    await medium.sql(`UPDATE task SET due_date = DATE '2035-02-03' WHERE id = $1`, [rows.find((r) => r.status === 'cancelled')!.id]);
    const opened = await medium.sql<{ due: string }>(`SELECT to_char(due_date, 'YYYY') AS due FROM task WHERE status NOT IN ('completed', 'cancelled')`);
    const years = await medium.get(CalendarRepository).openTaskDueYears();
    expect(years).toEqual([...new Set(opened.map((r) => Number(r.due)))].sort((a, b) => a - b));
    expect(years).toContain(2031);
    expect(years).not.toContain(2033);
    expect(years).not.toContain(2035);
  });

  it('AssessmentRepository: a queued or abandoned report is claimed, a finished one never; old queued rows are found for re-queueing', async () => {
    const reports = medium.get(AssessmentRepository);
    await medium.sql(`INSERT INTO assessment_cycle (year, status) VALUES (2024, 'open')`);
    const insert = async (status: string) =>
      (
        await medium.sql<{ id: string }>(
          `INSERT INTO assessment_report (year, format, status, created_at) VALUES (2024, 'xlsx', $1, now() - interval '1 hour') RETURNING id`,
          [status],
        )
      )[0].id;
    const [queued, running, done, failed] = [await insert('queued'), await insert('running'), await insert('done'), await insert('failed')];
    expect([await reports.claimReport(queued), await reports.claimReport(running), await reports.claimReport(done), await reports.claimReport(failed)]).toEqual(
      [true, true, false, false],
    );
    expect(await medium.sql('SELECT status FROM assessment_report WHERE id = $1', [queued])).toEqual([{ status: 'running' }]);

    const waiting = await insert('queued');
    expect(await reports.queuedReportIds(new Date())).toEqual([waiting]);
    expect(await reports.queuedReportIds(new Date(Date.now() - 2 * 3600_000))).toEqual([]);
  });

  it('AssessmentRepository: a year opens once; its tasks are those due in it', async () => {
    const reports = medium.get(AssessmentRepository);
    const admin = await newActor(medium, Role.Admin);
    expect(await reports.insertCycle(2022, admin.id)).toMatchObject({ year: 2022, status: 'open', openedBy: admin.id });
    expect(await reports.insertCycle(2022, admin.id)).toBeNull();
    const [{ n }] = await medium.sql<{ n: number }>(`SELECT count(*)::int AS n FROM task WHERE to_char(due_date, 'YYYY') = '2025'`);
    expect(await reports.countTasks(2025)).toBe(n);
  });

  it('CalendarRepository.upsert and WebhookRepository.upsert: a second write replaces the first; LadderRepository.webhooks lists the enabled robots', async () => {
    const admin = await newActor(medium, Role.Admin);
    const days = medium.get(CalendarRepository);
    await days.upsert({ date: '2031-05-02', kind: 'holiday', note: '一', updatedBy: admin.id });
    expect(await days.upsert({ date: '2031-05-02', kind: 'workday', note: '二', updatedBy: admin.id })).toMatchObject({ kind: 'workday', note: '二' });
    expect(await days.remove('2031-05-02')).toBe(true);
    expect(await days.remove('2031-05-02')).toBe(false);

    const robots = medium.get(WebhookRepository);
    await robots.upsert({ departmentCode: 'tax', kind: 'wecom', url: 'https://robot.example/1', enabled: true, updatedBy: admin.id });
    await robots.upsert({ departmentCode: 'tax', kind: 'dingtalk', url: 'https://robot.example/2', enabled: true, updatedBy: admin.id });
    await robots.upsert({ departmentCode: 'nrp', kind: 'wecom', url: 'https://robot.example/3', enabled: false, updatedBy: admin.id });
    expect(await medium.get(LadderRepository).webhooks(['tax', 'nrp', 'edu'])).toEqual([
      { departmentCode: 'tax', kind: 'dingtalk', url: 'https://robot.example/2' },
    ]);
  });

  it('AuditRepository.lockChainHead and UserRepository.findAccount: the newest entry of the chain; a caller as a request needs it', async () => {
    const [newest] = await medium.sql<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    const head = await medium.get(Transactions).run(() => medium.get(AuditRepository).lockChainHead());
    expect(head).toEqual({ seq: Number(newest.seq), hash: newest.hash });
    const liaison = await newActor(medium, Role.Liaison, 'edu');
    expect(await medium.get(UserRepository).findAccount(liaison.id)).toEqual({
      id: liaison.id,
      email: liaison.email,
      name: liaison.name,
      role: 'liaison',
      departmentCode: 'edu',
      active: true,
    });
    expect(await medium.get(UserRepository).findAccount('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('DeliveryRepository: a send is recorded once; failing or sending a row already settled changes nothing', async () => {
    const deliveries = medium.get(DeliveryRepository);
    const insert = async () =>
      (await medium.sql<{ id: string }>(`INSERT INTO delivery (channel, target, subject, body) VALUES ('mail', 'a@test.duban', 's', 'b') RETURNING id`))[0].id;
    const id = await insert();
    expect(await deliveries.markSent(id)).toBe(true);
    expect(await deliveries.markSent(id)).toBe(false);
    expect(await deliveries.markFailed(id, 'late failure')).toBe(false);
    expect((await deliveries.findById(id))?.status).toBe('sent');

    const other = await insert();
    await deliveries.recordAttempt(other, 'first');
    await deliveries.recordAttempt(other, 'second');
    expect(await deliveries.findById(other)).toMatchObject({ status: 'pending', attempts: 2, lastError: 'second' });
    const pending = await deliveries.pendingIds(new Date(Date.now() + 60_000), 100);
    expect(pending.map((p) => p.id)).toContain(other);
    expect(pending.map((p) => p.id)).not.toContain(id);
  });

  it('SettingRepository.getOrInit: the first value wins, including between two callers at once', async () => {
    const settings = medium.get(SettingRepository);
    const values = await Promise.all([settings.getOrInit('medium-key', 'a'), settings.getOrInit('medium-key', 'b')]);
    expect(values[0]).toBe(values[1]);
    expect(await settings.getOrInit('medium-key', 'c')).toBe(values[0]);
  });
});
