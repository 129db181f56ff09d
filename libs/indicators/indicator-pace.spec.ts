import { expectedAt, type PaceInput, type PaceLight, paceOf, yearPosition } from './indicator-pace.js';

const input = (
  comparator: PaceInput['comparator'],
  baseline: number | null,
  target: number,
  latest: number | null,
  baselineYear: number | null = 2020,
): PaceInput => ({ comparator, baseline, baselineYear: baseline === null ? null : baselineYear, target, targetYear: 2025, latest });

describe('yearPosition', () => {
  it.each([
    ['2024-01-01', 2023],
    ['2023-07-02', 2022 + 182 / 365],
    ['2024-07-01', 2023 + 182 / 366], // a leap year
    ['2025-12-31', 2024 + 364 / 365],
  ])('%s → %d', (date, position) => {
    expect(yearPosition(date)).toBeCloseTo(position, 12);
  });
});

describe('expectedAt', () => {
  it.each([
    [2020, 80], // the baseline year's end: the baseline
    [2019, 80], // before it: still the baseline
    [2022.5, 85], // half way
    [2025, 90], // the target year's end: the target
    [2030, 90], // after it: the target
  ])('at %d → %d', (position, value) => {
    expect(expectedAt(80, 2020, 90, 2025, position)).toBeCloseTo(value, 12);
  });
  it('is the target when the plan spans no time', () => {
    expect(expectedAt(80, 2025, 90, 2025, 2024)).toBe(90);
  });
});

describe('paceOf', () => {
  // Today 2023-01-01 is the end of 2022 on the yearly scale: 2 of the 5 years gone.
  const today = '2023-01-01';
  // [case, input, expected value today, behind share, light]
  const table: Array<[string, PaceInput, number | null, number | null, PaceLight]> = [
    // >= from 80 to 90: today's line is at 84; the way is 10, the tolerance 1.
    ['on the line', input('>=', 80, 90, 84), 84, 0, 'green'],
    ['ahead of the line', input('>=', 80, 90, 88), 84, -0.4, 'green'],
    ['behind by less than the tolerance', input('>=', 80, 90, 83.5), 84, 0.05, 'yellow'],
    ['behind by just under the tolerance', input('>=', 80, 90, 83.01), 84, 0.099, 'yellow'],
    ['behind by exactly the tolerance: red', input('>=', 80, 90, 83), 84, 0.1, 'red'],
    ['far behind', input('>=', 80, 90, 80), 84, 0.4, 'red'],
    ['already past the target', input('>=', 80, 90, 95), 84, -1.1, 'green'],
    // <= from 10 down to 0: the line is at 6 today; lower is ahead.
    ['ceiling: below the line', input('<=', 10, 0, 5), 6, -0.1, 'green'],
    ['ceiling: a little above', input('<=', 10, 0, 6.5), 6, 0.05, 'yellow'],
    ['ceiling: far above', input('<=', 10, 0, 9), 6, 0.3, 'red'],
    // = from 100 to 120 (a number to reach exactly): the way is up.
    ['equal, rising: on the line', input('=', 100, 120, 108), 108, 0, 'green'],
    ['equal, rising: behind', input('=', 100, 120, 107), 108, 0.05, 'yellow'],
    ['equal, kept level: off it either way', input('=', 100, 100, 101), 100, 0.01, 'yellow'],
    // 100 % kept at 100 %: the way is measured by the target, so a dip of 5 is yellow, 20 red.
    ['kept at 100 %: held', input('>=', 100, 100, 100), 100, 0, 'green'],
    ['kept at 100 %: a small dip', input('>=', 100, 100, 95), 100, 0.05, 'yellow'],
    ['kept at 100 %: a large dip', input('>=', 100, 100, 80), 100, 0.2, 'red'],
    ['float noise on the line stays green', input('>=', 0.1, 0.3, 0.1 + 0.2 * 0.4), 0.18, 0, 'green'],
    ['no baseline', input('>=', null, 90, 85), null, null, 'unknown'],
    ['no baseline year', { ...input('>=', 80, 90, 85), baselineYear: null }, null, null, 'unknown'],
    ['no value reported', input('>=', 80, 90, null), null, null, 'unknown'],
  ];
  it.each(table)('%s', (_case, pace, expected, behindShare, light) => {
    expect(paceOf(pace, today)).toEqual({ expected, behindShare, light });
  });

  it('holds the target after the target year', () => {
    expect(paceOf(input('>=', 80, 90, 89), '2027-03-01')).toEqual({ expected: 90, behindShare: 0.1, light: 'red' });
  });

  it('takes another tolerance', () => {
    expect(paceOf(input('>=', 80, 90, 83), today, 0.2).light).toBe('yellow');
  });
});
