// The package is CommonJS (a UMD bundle): under Node's ESM only its default export
// (module.exports) exists, so it is imported that way here too, as production code must.
import chineseDays from 'chinese-days';
import { addDays } from '../common/dates.js';
import { type CalendarDay, type CalendarDayKind, calendarDays, changedDates, chinaCalendar, yearsSpanned, yearsWithoutData } from './china-calendar.js';
import { packagedDays, packagedYears, parsePackagedDays } from './packaged-days.js';

const packaged = packagedDays();
const china = chinaCalendar(packaged, []);

describe('the packaged data (npm chinese-days)', () => {
  it('covers 2004 to at least 2026 without a gap', () => {
    const years = packagedYears();
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBeGreaterThanOrEqual(2026);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2004 + i));
  });

  // The rest of this file takes 2027 as the first year without published data (chinese-days 1.5.7, locked).
  // Once a release adds the 2027 notice, move the fallback cases to the next year.
  it('has no 2027 data yet', () => expect(packagedYears()).not.toContain(2027));

  it('names the festivals in Chinese', () => {
    expect(packaged.find((d) => d.date === '2026-02-17')).toEqual({ date: '2026-02-17', kind: 'holiday', name: '春节' });
    expect(packaged.find((d) => d.date === '2026-02-28')).toEqual({ date: '2026-02-28', kind: 'workday', name: '春节' });
  });

  it('agrees with the package’s own isWorkday on every day it covers', () => {
    const years = packagedYears();
    const disagreements: string[] = [];
    for (let date = `${years[0]}-01-01`; date <= `${years.at(-1)! + 1}-12-31`; date = addDays(date, 1)) {
      if (china.isWorkday(date) !== chineseDays.isWorkday(date)) disagreements.push(date);
    }
    expect(disagreements).toEqual([]);
  });

  it.each([
    [{}, 'holidays'],
    [{ holidays: {}, workdays: [] as unknown }, 'workdays'],
    [{ holidays: { '2026-1-1': 'x' }, workdays: {} }, '2026-1-1'],
    [null, 'holidays'],
  ])('refuses a data file it does not understand: %j', (data, mentions) => {
    expect(() => parsePackagedDays(data, 'chinese-days.json')).toThrow(mentions);
  });
});

describe('chinaCalendar().isWorkday', () => {
  it.each([
    // 2025 Spring Festival: 1月28日至2月4日放假，1月26日（周日）、2月8日（周六）上班
    ['2025-01-24', true, 'Friday'],
    ['2025-01-25', false, 'Saturday'],
    ['2025-01-26', true, 'make-up Sunday'],
    ['2025-01-28', false, '除夕'],
    ['2025-02-04', false, 'last day off, a Tuesday'],
    ['2025-02-05', true, 'back to work'],
    ['2025-02-08', true, 'make-up Saturday'],
    // 2026 Spring Festival: 2月15日至23日放假，2月14日（周六）、2月28日（周六）上班
    ['2026-02-13', true, 'Friday before'],
    ['2026-02-14', true, 'make-up Saturday'],
    ['2026-02-15', false, 'first day off, a Sunday'],
    ['2026-02-16', false, 'a Monday off'],
    ['2026-02-23', false, 'last day off, a Monday'],
    ['2026-02-24', true, 'back to work'],
    ['2026-02-28', true, 'make-up Saturday'],
    ['2026-03-01', false, 'plain Sunday'],
    // National Day 2025 (with Mid-Autumn): 10月1日至8日放假，9月28日（周日）、10月11日（周六）上班
    ['2025-09-28', true, 'make-up Sunday'],
    ['2025-10-01', false, '国庆'],
    ['2025-10-08', false, 'a Wednesday off'],
    ['2025-10-09', true, 'back to work'],
    ['2025-10-11', true, 'make-up Saturday'],
    // National Day 2026: 10月1日至7日放假，9月20日（周日）、10月10日（周六）上班
    ['2026-09-20', true, 'make-up Sunday'],
    ['2026-10-07', false, 'a Wednesday off'],
    ['2026-10-10', true, 'make-up Saturday'],
    // New Year 2026: 1月1日至3日放假，1月4日（周日）上班
    ['2026-01-02', false, 'a Friday off'],
    ['2026-01-04', true, 'make-up Sunday'],
    // No data for 2027: Monday–Friday
    ['2027-01-01', true, 'a Friday (its holiday is not known)'],
    ['2027-01-02', false, 'a Saturday'],
    ['2027-02-08', true, 'a Monday'],
  ] as Array<[string, boolean, string]>)('%s is %s (%s)', (date, expected) => {
    expect(china.isWorkday(date)).toBe(expected);
  });
});

describe('chinaCalendar().shiftWorkdays', () => {
  it.each([
    // Across the 2026 Spring Festival and its make-up Saturdays
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-12', 3, '2026-02-24'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-02-27', 1, '2026-02-28'],
    ['2026-02-28', 1, '2026-03-02'],
    ['2026-02-24', -1, '2026-02-14'],
    ['2026-02-24', -2, '2026-02-13'],
    ['2026-02-27', -7, '2026-02-11'],
    // Across the 2025 Spring Festival
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-27', 1, '2025-02-05'],
    ['2025-02-05', -1, '2025-01-27'],
    // National Day
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-10-09', -1, '2025-09-30'],
    ['2025-10-10', 1, '2025-10-11'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-10-09', -3, '2026-09-29'],
    // New Year, from one year into the next
    ['2025-12-31', 1, '2026-01-04'],
    ['2026-01-05', -1, '2026-01-04'],
    // 0 is the date itself, working day or not
    ['2026-02-15', 0, '2026-02-15'],
    ['2026-02-13', 0, '2026-02-13'],
    // Into 2027, which has no data: Monday–Friday
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', 1, '2027-01-04'],
    ['2027-01-04', -1, '2027-01-01'],
    ['2027-01-04', -2, '2026-12-31'],
    ['2027-01-04', 10, '2027-01-18'],
  ] as const)('%s %s → %s', (date, days, expected) => {
    expect(china.shiftWorkdays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-02-30', 1],
    ['2026-2-3', 1],
    ['2026-02-13', 1.5],
    ['2026-02-13', Number.NaN],
  ])('refuses %j shifted by %j', (date, days) => {
    expect(() => china.shiftWorkdays(date, days)).toThrow(RangeError);
  });
});

describe('administrator overrides win over the package', () => {
  const cases: Array<[string, CalendarDay[], string, boolean]> = [
    ['a packaged workday made a holiday', [{ date: '2026-02-24', kind: 'holiday' }], '2026-02-24', false],
    ['a make-up Saturday cancelled', [{ date: '2026-02-14', kind: 'holiday' }], '2026-02-14', false],
    ['a packaged holiday made a workday', [{ date: '2026-02-16', kind: 'workday' }], '2026-02-16', true],
    ['a later year’s holiday', [{ date: '2027-01-01', kind: 'holiday' }], '2027-01-01', false],
    ['a later year’s make-up Saturday', [{ date: '2027-02-20', kind: 'workday' }], '2027-02-20', true],
  ];
  it.each(cases)('%s', (_, overrides, date, expected) => {
    expect(chinaCalendar(packaged, overrides).isWorkday(date)).toBe(expected);
    expect(china.isWorkday(date)).toBe(!expected);
  });

  it.each([
    [[{ date: '2026-02-24', kind: 'holiday' }], '2026-02-13', 2, '2026-02-25'],
    [[{ date: '2026-02-14', kind: 'holiday' }], '2026-02-13', 1, '2026-02-24'],
    [[{ date: '2027-01-01', kind: 'holiday' }], '2026-12-31', 1, '2027-01-04'],
    [[{ date: '2027-01-01', kind: 'holiday' }], '2027-01-04', -1, '2026-12-31'],
  ] as Array<[CalendarDay[], string, number, string]>)('with %j, %s %s → %s', (overrides, date, days, expected) => {
    expect(chinaCalendar(packaged, overrides).shiftWorkdays(date, days)).toBe(expected);
  });
});

describe('hasDataFor', () => {
  const with2027 = chinaCalendar(packaged, [{ date: '2027-01-01', kind: 'holiday' }]);
  it.each([
    [2003, false, false],
    [2004, true, true],
    [2025, true, true],
    [2026, true, true],
    [2027, false, true],
    [2028, false, false],
  ])('%i: %s from the package alone, %s with an administrator’s 2027-01-01', (year, packageOnly, withAdmin) => {
    expect(china.hasDataFor(year)).toBe(packageOnly);
    expect(with2027.hasDataFor(year)).toBe(withAdmin);
  });

  it('knows nothing without data (Monday–Friday everywhere)', () => {
    const empty = chinaCalendar([], []);
    expect(empty.hasDataFor(2026)).toBe(false);
    expect(empty.isWorkday('2026-02-16')).toBe(true);
    expect(empty.shiftWorkdays('2026-02-13', 1)).toBe('2026-02-16');
  });
});

describe('calendarDays (workdays: false)', () => {
  const plain = calendarDays();
  it.each([
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-15'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-02-13', 0, '2026-02-13'],
  ] as const)('%s %s → %s', (date, days, expected) => {
    expect(plain.shiftWorkdays(date, days)).toBe(expected);
  });

  it('counts every day and lacks no year', () => {
    expect(['2026-02-15', '2026-02-16', '2027-01-02'].map((d) => plain.isWorkday(d))).toEqual([true, true, true]);
    expect([1999, 2027, 2100].map((y) => plain.hasDataFor(y))).toEqual([true, true, true]);
    expect(() => plain.isWorkday('2026-13-01')).toThrow(RangeError);
  });
});

describe('yearsWithoutData and yearsSpanned', () => {
  it.each([
    [
      [2027, 2025, 2027, 2003, 2026],
      [2003, 2027],
    ],
    [[2025, 2026], []],
    [[], []],
  ])('%j lacks %j', (years, expected) => {
    expect(yearsWithoutData(china, years)).toEqual(expected);
  });

  it.each([
    ['2026-06-30', -7, 10, [2026]],
    ['2026-12-28', -7, 10, [2026, 2027]],
    ['2026-01-05', -7, 0, [2025, 2026]],
    ['2026-01-05', 0, 0, [2026]],
    ['2030-06-30', -400, 400, [2028, 2029, 2030, 2031, 2032]],
  ] as const)('a deadline %s with steps from %s to %s working days touches %j', (date, from, to, expected) => {
    expect(yearsSpanned(china, date, from, to)).toEqual(expected);
  });
});

describe('changedDates', () => {
  const entries = (list: Array<[string, CalendarDayKind]>) => new Map(list);
  it.each([
    ['nothing changed', [['2027-01-01', 'holiday']], [['2027-01-01', 'holiday']], []],
    ['entered', [], [['2027-01-01', 'holiday']], ['2027-01-01']],
    ['removed', [['2027-01-01', 'holiday']], [], ['2027-01-01']],
    ['corrected', [['2027-01-01', 'holiday']], [['2027-01-01', 'workday']], ['2027-01-01']],
    [
      'several, by date',
      [
        ['2027-02-20', 'workday'],
        ['2027-01-01', 'holiday'],
      ],
      [['2027-01-02', 'holiday']],
      ['2027-01-01', '2027-01-02', '2027-02-20'],
    ],
  ] as Array<[string, Array<[string, CalendarDayKind]>, Array<[string, CalendarDayKind]>, string[]]>)('%s', (_, before, after, expected) => {
    expect(changedDates(entries(before), entries(after))).toEqual(expected);
  });
});
