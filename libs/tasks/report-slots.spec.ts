import { chinaCalendar } from '../calendar/china-calendar.js';
import { packagedDays } from '../calendar/packaged-days.js';
import {
  firstFilings,
  periodOf,
  periodStart,
  ReportSlotMemo,
  reportingDepartments,
  reportSlots,
  slotDueDate,
  slotOwner,
  slotStatus,
  taskReportSlots,
} from './report-slots.js';

describe('report periods', () => {
  it.each([
    ['P1M', '2026-02-14', '2026-02', '2026-02-01', '2026-02-28'],
    ['P1M', '2028-02-29', '2028-02', '2028-02-01', '2028-02-29'],
    ['P3M', '2026-03-31', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['P3M', '2026-04-01', '2026-Q2', '2026-04-01', '2026-06-30'],
    ['P3M', '2026-12-31', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['P6M', '2026-06-30', '2026-H1', '2026-01-01', '2026-06-30'],
    ['P6M', '2026-07-01', '2026-H2', '2026-07-01', '2026-12-31'],
  ] as const)('%s on %s is %s (%s to %s)', (cycle, date, period, from, to) => {
    expect(periodOf(cycle, date)).toEqual({ period, from, to });
  });

  it.each([
    ['P1M', '2026-03', '2026-03-01'],
    ['P1M', '2026-12', '2026-12-01'],
    ['P3M', '2026-Q2', '2026-04-01'],
    ['P6M', '2026-H2', '2026-07-01'],
    ['P1M', '2026-13', null],
    ['P1M', '2026-00', null],
    ['P1M', '2026-Q1', null],
    ['P3M', '2026-04', null],
    ['P3M', '2026-Q5', null],
    ['P6M', '2026-Q1', null],
    ['P1M', '二〇二六年三月', null],
  ] as const)('%s: %s begins on %s', (cycle, period, from) => {
    expect(periodStart(cycle, period)).toBe(from);
  });
});

describe('report slots', () => {
  it('runs from the period the task was created in to the last one ending before its deadline', () => {
    const slots = reportSlots({ reportEvery: 'P1M', reportDueDay: 5, startOn: '2026-03-10', dueDate: '2026-12-31' });
    expect(slots.map((s) => s.period)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(slots[0]).toEqual({ period: '2026-03', from: '2026-03-01', to: '2026-03-31', dueDate: '2026-04-05' });
    expect(slots.at(-1)!.dueDate).toBe('2026-12-05');
  });

  it('counts quarters across the year end, and a five-year monthly task has sixty slots', () => {
    const quarters = reportSlots({ reportEvery: 'P3M', reportDueDay: 10, startOn: '2026-11-20', dueDate: '2027-09-30' });
    expect(quarters.map((s) => [s.period, s.dueDate])).toEqual([
      ['2026-Q4', '2027-01-10'],
      ['2027-Q1', '2027-04-10'],
      ['2027-Q2', '2027-07-10'],
    ]);
    expect(reportSlots({ reportEvery: 'P1M', reportDueDay: 5, startOn: '2026-01-01', dueDate: '2031-01-01' })).toHaveLength(60);
  });

  it('moves with an extended deadline: the new last periods are owed too', () => {
    const before = reportSlots({ reportEvery: 'P6M', reportDueDay: 5, startOn: '2026-01-15', dueDate: '2026-12-31' });
    const after = reportSlots({ reportEvery: 'P6M', reportDueDay: 5, startOn: '2026-01-15', dueDate: '2027-06-30' });
    expect(before.map((s) => s.period)).toEqual(['2026-H1']);
    expect(after.map((s) => s.period)).toEqual(['2026-H1', '2026-H2']);
  });

  it('puts a due day past the month’s end on its last day, and on the next working day after a holiday (2026 Spring Festival)', () => {
    expect(slotDueDate('2026-01-31', 31)).toBe('2026-02-28');
    const china = chinaCalendar(packagedDays(), []);
    // 17 February 2026 is the first day of the Spring Festival; work resumes on the 24th.
    expect(slotDueDate('2026-01-31', 17)).toBe('2026-02-17');
    expect(slotDueDate('2026-01-31', 17, china)).toBe('2026-02-24');
    // A Saturday (2026-08-01) moves to Monday.
    expect(slotDueDate('2026-07-31', 1, china)).toBe('2026-08-03');
  });

  it('lists the same slots through a memo shared by tasks of different cycles, due days, starts and deadlines (the sweep’s)', () => {
    const china = chinaCalendar(packagedDays(), []);
    const memo = new ReportSlotMemo(china);
    for (const reportEvery of ['P1M', 'P3M', 'P6M'] as const)
      for (const reportDueDay of [1, 17, 31])
        for (const [startOn, dueDate] of [
          ['2025-11-20', '2027-03-01'],
          ['2026-01-01', '2031-01-01'],
          ['2026-02-17', '2026-12-31'],
        ]) {
          const task = { reportEvery, reportDueDay, startOn, dueDate };
          expect(memo.slots(task)).toEqual(reportSlots(task, china));
        }
    // A stored task's first period is the one it was created in, in the plan's time zone (here already 1 July).
    const stored = { reportEvery: 'P3M' as const, reportDueDay: 5, reportFrom: null, createdAt: new Date('2026-06-30T17:00:00Z'), dueDate: '2027-01-31' };
    expect(memo.taskSlots(stored, 'Asia/Shanghai')).toEqual(taskReportSlots(stored, 'Asia/Shanghai', china));
    expect(memo.taskSlots(stored, 'Asia/Shanghai').map((s) => s.period)).toEqual(['2026-Q3', '2026-Q4']);
    expect(memo.taskSlots({ ...stored, reportEvery: null }, 'Asia/Shanghai')).toEqual([]);
  });

  it.each([
    ['2026-04-05', '2026-04-01', '2026-04-20', 'filed'],
    ['2026-04-05', '2026-04-05', '2026-04-20', 'filed'],
    ['2026-04-05', '2026-04-06', '2026-04-20', 'late'],
    ['2026-04-05', null, '2026-04-06', 'missed'],
    ['2026-04-05', null, '2026-04-05', 'open'],
  ] as const)('a slot due %s filed on %s is, on %s, %s', (dueDate, filedOn, today, status) => {
    expect(slotStatus({ dueDate }, filedOn, today)).toBe(status);
  });
});

describe('open-ended tasks (长期坚持: a cycle and no final deadline)', () => {
  const created = new Date('2026-03-10T02:00:00Z');
  const openEnded = { reportEvery: 'P3M' as const, reportDueDay: 10, reportFrom: null, createdAt: created, dueDate: null };

  it('run from the period of their start up to the one containing the day asked about, never beyond', () => {
    expect(taskReportSlots(openEnded, 'Asia/Shanghai', undefined, '2026-03-31').map((s) => s.period)).toEqual(['2026-Q1']);
    expect(taskReportSlots(openEnded, 'Asia/Shanghai', undefined, '2026-10-01').map((s) => [s.period, s.dueDate])).toEqual([
      ['2026-Q1', '2026-04-10'],
      ['2026-Q2', '2026-07-10'],
      ['2026-Q3', '2026-10-10'],
      ['2026-Q4', '2027-01-10'],
    ]);
    // Without a day to stop at there is nothing to work out.
    expect(taskReportSlots(openEnded, 'Asia/Shanghai')).toEqual([]);
  });

  it('start from reportFrom when given, and cross the year end', () => {
    const monthly = { ...openEnded, reportEvery: 'P1M' as const, reportDueDay: 5, reportFrom: '2026-11-15' };
    expect(taskReportSlots(monthly, 'Asia/Shanghai', undefined, '2027-02-01').map((s) => [s.period, s.dueDate])).toEqual([
      ['2026-11', '2026-12-05'],
      ['2026-12', '2027-01-05'],
      ['2027-01', '2027-02-05'],
      ['2027-02', '2027-03-05'],
    ]);
  });

  it('stop at the period in which the task was completed or cancelled', () => {
    const completed = { ...openEnded, completedAt: new Date('2026-08-20T04:00:00Z') };
    expect(taskReportSlots(completed, 'Asia/Shanghai', undefined, '2027-06-30').map((s) => s.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    const cancelled = { ...openEnded, cancelledAt: new Date('2026-04-01T01:00:00Z') };
    expect(taskReportSlots(cancelled, 'Asia/Shanghai', undefined, '2027-06-30').map((s) => s.period)).toEqual(['2026-Q1', '2026-Q2']);
  });

  it('keep a task with a final deadline as it was: until plays no part', () => {
    const bounded = { ...openEnded, dueDate: '2026-12-31' };
    expect(taskReportSlots(bounded, 'Asia/Shanghai', undefined, '2026-04-01').map((s) => s.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
  });
});

describe('co-department reports (配合单位反馈)', () => {
  const task = { leadDepartmentCode: 'edu', coDepartmentCodes: ['finance', 'hr'], coDepartmentsReport: true };

  it('has the lead and, when the task says so, each co-department owe every period', () => {
    expect(reportingDepartments(task)).toEqual(['edu', 'finance', 'hr']);
    expect(reportingDepartments({ ...task, coDepartmentsReport: false })).toEqual(['edu']);
  });

  it.each([
    ['edu', 'edu'],
    ['finance', 'finance'], // a co-department's filing is its own, never the lead's
    ['transport', 'edu'], // a former lead's filing stays the task's
  ])('a filing by %s fills the slot of %s', (department, owner) => {
    expect(slotOwner(task, department)).toBe(owner);
  });

  it('keeps the first filing of each department and period', () => {
    const at = (day: number) => new Date(Date.UTC(2026, 3, day));
    const first = firstFilings(task, [
      { id: 'b', departmentCode: 'finance', period: '2026-03', createdAt: at(9) },
      { id: 'a', departmentCode: 'finance', period: '2026-03', createdAt: at(3) },
      { id: 'c', departmentCode: 'edu', period: '2026-03', createdAt: at(12) },
      { id: 'd', departmentCode: 'transport', period: '2026-03', createdAt: at(2) },
    ]);
    expect([...first].map(([key, f]) => [key, f.id])).toEqual([
      ['finance|2026-03', 'a'],
      ['edu|2026-03', 'd'],
    ]);
  });
});
