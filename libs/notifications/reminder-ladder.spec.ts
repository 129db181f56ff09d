import type { WorkdayCalendar } from '../calendar/workday-calendar.js';
import { chinaCalendar } from '../calendar/china-calendar.js';
import { packagedDays } from '../calendar/packaged-days.js';
import { parseDuration } from '../policy/iso-duration.js';
import { dueSteps, endOfDay, nextStepAt, stepMoment } from './reminder-ladder.js';

/** Calendar days (workdays: false). */
const everyDay: WorkdayCalendar = {
  isWorkday: () => true,
  shiftWorkdays: (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10),
  hasDataFor: () => true,
};
/** Monday to Friday, enough to check that day offsets go through the calendar. */
const weekdays: WorkdayCalendar = {
  isWorkday: (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
  shiftWorkdays(date, days) {
    let d = date;
    let left = Math.abs(days);
    while (left > 0) {
      d = everyDay.shiftWorkdays(d, Math.sign(days));
      if (this.isWorkday(d)) left -= 1;
    }
    return d;
  },
  hasDataFor: () => true,
};
const step = (at: string) => ({ at: parseDuration(at)! });
const TZ = 'Asia/Shanghai';
const POLICY = ['-P7D', '-P1D', 'P0D', 'P3D', 'P10D'];

describe('reminder ladder', () => {
  it('ends a day at midnight in the plan time zone', () => {
    expect(endOfDay('2026-03-10', TZ).toISOString()).toBe('2026-03-10T16:00:00.000Z');
    expect(endOfDay('2026-12-31', 'UTC').toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it.each([
    ['P0D', everyDay, '2026-03-10T16:00:00.000Z'],
    ['-P1D', everyDay, '2026-03-09T16:00:00.000Z'],
    ['P3D', everyDay, '2026-03-13T16:00:00.000Z'],
    ['PT30S', everyDay, '2026-03-10T16:00:30.000Z'],
    ['-PT30S', everyDay, '2026-03-10T15:59:30.000Z'],
    // Tuesday 10 March 2026 + 3 working days is Friday; + 5 is the next Tuesday.
    ['P3D', weekdays, '2026-03-13T16:00:00.000Z'],
    ['P5D', weekdays, '2026-03-17T16:00:00.000Z'],
    ['-P7D', weekdays, '2026-02-27T16:00:00.000Z'],
  ] as const)('step %s (%#) of a task due 2026-03-10', (at, calendar, expected) => {
    expect(stepMoment('2026-03-10', step(at), calendar, TZ).toISOString()).toBe(expected);
  });

  it('counts working days across the 2026 Spring Festival and its make-up Saturday', () => {
    const china = chinaCalendar(packagedDays(), []);
    // Holidays 15–23 February; Saturday 14 February is a make-up workday (调休).
    expect(stepMoment('2026-02-25', step('-P7D'), china, TZ).toISOString()).toBe('2026-02-09T16:00:00.000Z');
    expect(stepMoment('2026-02-12', step('P3D'), china, TZ).toISOString()).toBe('2026-02-24T16:00:00.000Z');
    expect(stepMoment('2026-02-12', step('P2D'), china, TZ).toISOString()).toBe('2026-02-14T16:00:00.000Z');
  });

  const moments = POLICY.map((at) => stepMoment('2026-03-10', step(at), everyDay, TZ));
  const at = (iso: string) => new Date(iso);

  it('a task assigned in good time walks the whole ladder, one step at a time', () => {
    const from = at('2026-01-01T00:00:00Z');
    expect(dueSteps(moments, from, at('2026-03-03T15:59:59Z'))).toEqual([]);
    expect(nextStepAt(moments, from, from)).toEqual(moments[0]);
    expect(dueSteps(moments, from, at('2026-03-03T16:00:00Z'))).toEqual([0]);
    expect(nextStepAt(moments, from, at('2026-03-03T16:00:00Z'))).toEqual(moments[1]);
    expect(dueSteps(moments, from, at('2026-03-25T00:00:00Z'))).toEqual([0, 1, 2, 3, 4]);
    expect(nextStepAt(moments, from, at('2026-03-25T00:00:00Z'))).toBeNull();
  });

  it('a task created ten days late gets only the latest passed step, then what is still ahead', () => {
    const from = at('2026-03-20T17:00:00Z'); // after P3D (13th), before P10D (20th 16:00 is P10D: passed too)
    expect(dueSteps(moments, from, from)).toEqual([4]);
    expect(nextStepAt(moments, from, from)).toBeNull();
    const earlier = at('2026-03-12T00:00:00Z'); // after P0D, before P3D
    expect(dueSteps(moments, earlier, earlier)).toEqual([2]);
    expect(nextStepAt(moments, earlier, earlier)).toEqual(moments[3]);
    expect(dueSteps(moments, earlier, at('2026-03-30T00:00:00Z'))).toEqual([2, 3, 4]);
  });

  it('a moved deadline starts a new ladder from the moment it was moved', () => {
    const moved = POLICY.map((s) => stepMoment('2026-04-30', step(s), everyDay, TZ));
    const from = at('2026-03-12T00:00:00Z');
    expect(dueSteps(moved, from, from)).toEqual([]);
    expect(nextStepAt(moved, from, from)).toEqual(moved[0]);
  });
});
