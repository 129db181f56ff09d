import { departmentLight, lastMonths, onTimeRate, rankBulletin, reportCounts } from './dashboard-rules.js';

describe('departmentLight', () => {
  it.each([
    [0, 0, 'green'],
    [0, 2, 'yellow'],
    [1, 0, 'red'],
    [1, 5, 'red'],
  ] as const)('overdue %d, due soon %d → %s', (overdue, dueSoon, light) => {
    expect(departmentLight(overdue, dueSoon)).toBe(light);
  });
});

describe('onTimeRate', () => {
  it.each([
    [0, 0, null],
    [3, 3, 1],
    [2, 3, 0.6667],
    [0, 4, 0],
  ])('%d of %d → %s', (onTime, completed, rate) => {
    expect(onTimeRate(onTime, completed)).toBe(rate);
  });
});

describe('lastMonths', () => {
  it('lists this month and the eleven before it, across a year boundary', () => {
    expect(lastMonths('2026-03-31')).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });
  it('takes a count', () => {
    expect(lastMonths('2026-01-15', 2)).toEqual(['2025-12', '2026-01']);
  });
});

describe('rankBulletin', () => {
  const row = (code: string, ordinal: number, overdue: number, escalated: number, missedReports = 0) => ({ code, ordinal, overdue, escalated, missedReports });
  it('orders by overdue, then escalated; equals share a rank and keep the plan’s order', () => {
    const ranked = rankBulletin([row('tax', 3, 2, 1), row('edu', 1, 5, 0), row('finance', 2, 2, 1), row('hr', 4, 2, 3), row('land', 0, 0, 4)]);
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['edu', 1],
      ['hr', 2],
      ['finance', 3],
      ['tax', 3],
      ['land', 5],
    ]);
  });
  it('breaks an ordinal tie by code, whatever the input order', () => {
    const a = rankBulletin([row('b', 1, 1, 1), row('a', 1, 1, 1)]);
    const b = rankBulletin([row('a', 1, 1, 1), row('b', 1, 1, 1)]);
    expect(a).toEqual(b);
    expect(a.map((r) => [r.code, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });
  it('leaves missed reports out of the order of departments with overdue or escalated work', () => {
    const ranked = rankBulletin([row('tax', 3, 2, 1, 0), row('finance', 2, 2, 1, 6), row('edu', 1, 0, 1, 9)]);
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['finance', 1],
      ['tax', 1],
      ['edu', 3],
    ]);
  });
  it('puts departments listed only for missed reports last, most missed first, equals sharing a rank', () => {
    const ranked = rankBulletin([row('land', 5, 0, 0, 2), row('hr', 4, 0, 0, 3), row('edu', 1, 0, 1, 0), row('tax', 3, 0, 0, 2), row('finance', 2, 1, 0, 0)]);
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['finance', 1],
      ['edu', 2],
      ['hr', 3],
      ['tax', 4],
      ['land', 4],
    ]);
  });
});

describe('reportCounts', () => {
  const slot = (departmentCode: string, status: 'open' | 'filed' | 'late' | 'missed', dueDate: string, open = true) => ({
    departmentCode,
    status,
    dueDate,
    open,
  });
  it('counts per department the periods of open tasks owed this month and those missed', () => {
    const counts = reportCounts(
      [
        slot('finance', 'open', '2026-04-07'), // due this month, not yet past
        slot('finance', 'open', '2026-04-02'), // due today: still owed
        slot('finance', 'open', '2026-05-05'), // next month's
        slot('finance', 'missed', '2026-03-05'),
        slot('finance', 'missed', '2026-04-01'), // missed this month: missed, not due
        slot('finance', 'filed', '2026-04-07'), // filed: neither
        slot('finance', 'late', '2026-02-05'),
        slot('edu', 'missed', '2026-03-05', false), // a completed task's: nothing owed
        slot('edu', 'open', '2026-04-20', false),
        slot('tax', 'missed', '2026-01-05'),
      ],
      '2026-04-02',
    );
    expect(Object.fromEntries(counts)).toEqual({ finance: { dueThisMonth: 2, missed: 2 }, tax: { dueThisMonth: 0, missed: 1 } });
  });
});
