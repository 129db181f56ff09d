import { departmentLight, lastMonths, onTimeRate, rankBulletin } from './dashboard-rules.js';

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
  const row = (code: string, ordinal: number, overdue: number, escalated: number) => ({ code, ordinal, overdue, escalated });
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
});
