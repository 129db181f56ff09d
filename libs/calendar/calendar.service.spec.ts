import { jest } from '@jest/globals';
import type { AuditEvent, AuditService } from '../audit/audit.service.js';
import { InvalidInputError, NotFoundError } from '../common/errors.js';
import { type Actor, Role } from '../common/roles.js';
import type { AppConfig } from '../config/app-config.js';
import type { CalendarDayEntity } from '../db/entities/calendar-day.entity.js';
import type { CalendarRepository } from '../db/repositories/calendar.repository.js';
import type { Transactions } from '../db/transaction.js';
import type { EscalationPolicy } from '../policy/escalation-policy.js';
import { parseDuration } from '../policy/iso-duration.js';
import { type CalendarDaysChange, CalendarService } from './calendar.service.js';

const ADMIN: Actor = { id: '00000000-0000-4000-8000-000000000001', email: 'a@x', name: 'a', role: Role.Admin, departmentCode: null };

/** The repository's contract in memory; `rows` may be changed behind the service's back (another process). */
class FakeDays {
  rows = new Map<string, CalendarDayEntity>();
  reads = 0;
  dueYears: number[] = [2025];

  async list(year?: number) {
    this.reads += 1;
    return [...this.rows.values()].filter((r) => year === undefined || r.date.startsWith(`${year}-`)).sort((a, b) => a.date.localeCompare(b.date));
  }
  async findByDate(date: string) {
    return this.rows.get(date) ?? null;
  }
  async lockChanges() {}
  async upsert(day: Pick<CalendarDayEntity, 'date' | 'kind' | 'note' | 'updatedBy'>) {
    const row = { ...day, updatedAt: new Date() };
    this.rows.set(day.date, row);
    return row;
  }
  async remove(date: string) {
    return this.rows.delete(date);
  }
  async openTaskDueYears() {
    return this.dueYears;
  }
}

function policy(workdays: boolean, steps = ['-P7D', 'P10D']): EscalationPolicy {
  return {
    workdays,
    warnBefore: parseDuration('P3D')!,
    steps: steps.map((at) => ({ at: parseDuration(at)!, atText: at, to: ['assignee'], template: 'reminder' })),
    review: [],
    reports: [],
    signOff: 'none',
  };
}

function setup(workdays = true) {
  const days = new FakeDays();
  const audited: AuditEvent[] = [];
  const audit = { record: async (event: AuditEvent) => void audited.push(event) } as unknown as AuditService;
  const tx = { run: <T>(work: () => Promise<T>) => work() } as unknown as Transactions;
  const config = { TZ: 'Asia/Shanghai' } as AppConfig;
  const service = new CalendarService(days as unknown as CalendarRepository, audit, tx, config, policy(workdays));
  const changes: CalendarDaysChange[] = [];
  service.onDaysChanged((change) => void changes.push(change));
  return { service, days, audited, changes };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('CalendarService', () => {
  afterEach(() => jest.useRealTimers());

  it('counts calendar days, without reading anything, when the policy says workdays: false', async () => {
    const { service, days } = setup(false);
    const calendar = await service.calendar();
    expect(calendar.shiftWorkdays('2026-02-13', 2)).toBe('2026-02-15');
    expect(calendar.hasDataFor(2099)).toBe(true);
    expect(await service.missingYears(2026, 2030)).toEqual([]);
    expect(await service.calendarNote('2027-06-30')).toBeNull();
    expect(days.reads).toBe(0);
  });

  it('reads the entries once and keeps them', async () => {
    const { service, days } = setup();
    await Promise.all([service.calendar(), service.calendar()]);
    await service.calendar();
    expect(days.reads).toBe(1);
    expect(await service.missingYears(2025, 2028)).toEqual([2027, 2028]);
  });

  it('enters a day: audited, effective at once, listeners told which date changed', async () => {
    const { service, audited, changes } = setup();
    expect((await service.calendar()).isWorkday('2027-01-01')).toBe(true);
    const view = await service.setDay(ADMIN, { date: '2027-01-01', kind: 'holiday', note: '元旦' });
    expect(view).toMatchObject({ date: '2027-01-01', kind: 'holiday', source: 'admin', packageKind: null, updatedBy: ADMIN.id });
    expect(audited).toEqual([
      {
        actorId: ADMIN.id,
        action: 'calendar.set',
        entityType: 'calendar_day',
        entityId: '2027-01-01',
        before: null,
        after: { date: '2027-01-01', kind: 'holiday', note: '元旦' },
        detail: { packageKind: null },
      },
    ]);
    const calendar = await service.calendar();
    expect(calendar.isWorkday('2027-01-01')).toBe(false);
    expect(calendar.hasDataFor(2027)).toBe(true);
    await settle();
    expect(changes.map((c) => c.dates)).toEqual([['2027-01-01']]);
    expect(changes[0].calendar.isWorkday('2027-01-01')).toBe(false);
  });

  it('tells no listener about a change of note only', async () => {
    const { service, changes } = setup();
    await service.setDay(ADMIN, { date: '2027-01-01', kind: 'holiday' });
    await service.setDay(ADMIN, { date: '2027-01-01', kind: 'holiday', note: '元旦' });
    await settle();
    expect(changes.map((c) => c.dates)).toEqual([['2027-01-01']]);
  });

  it('removes an entry (audited), and refuses to remove what is not there', async () => {
    const { service, audited, changes } = setup();
    await service.setDay(ADMIN, { date: '2026-02-14', kind: 'holiday' });
    await service.removeDay(ADMIN, '2026-02-14');
    expect(audited.map((e) => [e.action, e.before?.kind ?? null])).toEqual([
      ['calendar.set', null],
      ['calendar.remove', 'holiday'],
    ]);
    expect((await service.calendar()).isWorkday('2026-02-14')).toBe(true);
    await expect(service.removeDay(ADMIN, '2026-02-14')).rejects.toThrow(NotFoundError);
    expect(audited).toHaveLength(2);
    await settle();
    expect(changes.map((c) => c.dates)).toEqual([['2026-02-14'], ['2026-02-14']]);
  });

  it.each([
    [{ date: '2027-02-30', kind: 'holiday' }],
    [{ date: '2027-01-01', kind: 'weekend' }],
    [{ date: '2027-01-01', kind: 'holiday', note: 'x'.repeat(201) }],
  ])('refuses %j without touching anything', async (input) => {
    const { service, audited, days } = setup();
    await expect(service.setDay(ADMIN, input as never)).rejects.toThrow(InvalidInputError);
    expect(audited).toEqual([]);
    expect(days.rows.size).toBe(0);
  });

  it('notices another process’s change once its copy is 30 s old, and tells the listeners', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'], now: Date.parse('2026-11-29T00:00:00Z') });
    const { service, days, changes } = setup();
    expect((await service.calendar()).isWorkday('2027-01-04')).toBe(true);
    days.rows.set('2027-01-04', { date: '2027-01-04', kind: 'holiday', note: '', updatedBy: null, updatedAt: new Date() });
    expect((await service.calendar()).isWorkday('2027-01-04')).toBe(true);
    jest.advanceTimersByTime(30_000);
    await settle();
    expect((await service.calendar()).isWorkday('2027-01-04')).toBe(false);
    expect(changes.map((c) => c.dates)).toEqual([['2027-01-04']]);
    service.onModuleDestroy();
  });

  it.each([
    ['2026-06-30', null],
    ['2026-12-28', '2027'],
    ['2027-06-30', '2027'],
    ['2027-01-05', '2027'],
  ])('notes on a task due %s the year without data: %s', async (dueDate, year) => {
    const { service } = setup();
    const note = await service.calendarNote(dueDate);
    if (year === null) expect(note).toBeNull();
    else expect(note).toContain(`${year} 年`);
  });

  it('notes a deadline early in a year whose reminders start in the previous, missing one', async () => {
    const { service } = setup();
    await service.setDay(ADMIN, { date: '2028-01-01', kind: 'holiday' });
    expect(await service.calendarNote('2028-01-05')).toContain('2027 年');
    expect(await service.calendarNote('2028-06-30')).toBeNull();
  });

  it('reports coverage for this year, next year and open deadlines', async () => {
    const { service, days } = setup();
    days.dueYears = [2025, 2031];
    const coverage = await service.coverage();
    const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
    expect(coverage.checkedYears).toEqual([...new Set([2025, thisYear, thisYear + 1, 2031])].sort((a, b) => a - b));
    expect(coverage.missingYears).toContain(2031);
    expect(coverage.message).toContain('2031');
    expect(coverage.adminYears).toEqual([]);
  });
});
