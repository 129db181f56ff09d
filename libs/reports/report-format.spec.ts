import type { DepartmentMetrics, ReportIndicator } from '../assessment/assessment-types.js';
import { formatDateTime, formatPercent, indicatorProgress, onTimeShare, sheetNames, statusLabel, trendLabel, wallClock } from './report-format.js';

describe('sheetNames', () => {
  it.each([
    ['a plain name', ['教育局'], [], ['教育局']],
    ['forbidden characters', ['a/b\\c:d*e?f[g]h'], [], ['a_b_c_d_e_f_g_h']],
    [
      'a name past 31 characters',
      ['一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三'],
      [],
      ['一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一'],
    ],
    ['a clash, case-insensitively', ['Office', 'office', 'OFFICE'], [], ['Office', 'office(2)', 'OFFICE(3)']],
    ['a clash with a taken name', ['排名'], ['排名'], ['排名(2)']],
    ['a long clash keeps its suffix inside 31', ['x'.repeat(40), 'x'.repeat(35)], [], ['x'.repeat(31), `${'x'.repeat(28)}(2)`]],
    ['a blank name', ['  ', '///'], [], ['部门', '___']],
    ['surrounding quotes', ["'教育局'"], [], ['教育局']],
    ['the reserved History', ['History'], [], ['History(2)']],
  ])('%s', (_, names, taken, expected) => {
    const result = sheetNames(names, taken);
    expect(result).toEqual(expected);
    for (const name of result) {
      expect(Array.from(name).length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[\\/?*[\]:]/);
    }
  });
});

describe('onTimeShare', () => {
  const base = { onTime: 0, late: 0, overdue: 0, pending: 0 } as DepartmentMetrics;
  it.each([
    [{ onTime: 3, late: 1, overdue: 0, pending: 5 }, 0.75],
    [{ onTime: 1, late: 1, overdue: 2, pending: 0 }, 0.25],
    [{ onTime: 0, late: 0, overdue: 0, pending: 4 }, null],
  ])('%j → %p', (counts, expected) => {
    expect(onTimeShare({ ...base, ...counts })).toBe(expected);
  });
});

describe('indicatorProgress', () => {
  const indicator = (baseline: number | null, target: number, latest: number | null): ReportIndicator => ({
    code: 'I',
    name: 'I',
    unit: '%',
    baseline,
    target,
    targetYear: 2025,
    latest: latest === null ? null : { year: 2025, value: latest },
    trend: null,
  });
  it.each([
    ['halfway up', indicator(90, 98, 94), 0.5],
    ['halfway down (a target below the baseline)', indicator(18, 14, 16), 0.5],
    ['past the target', indicator(0, 10, 12), 1.2],
    ['moving away', indicator(60, 100, 55), -0.125],
    ['no baseline', indicator(null, 10, 5), null],
    ['no report', indicator(1, 10, null), null],
    ['no distance to cover', indicator(10, 10, 10), null],
  ])('%s', (_, value, expected) => {
    expect(indicatorProgress(value)).toBe(expected);
  });
});

describe('labels and formats', () => {
  it('names statuses and trends in Chinese, leaving an unknown status as it is', () => {
    expect(['assigned', 'in_progress', 'submitted', 'completed', 'archived'].map(statusLabel)).toEqual(['待签收', '办理中', '待审核', '已办结', 'archived']);
    expect([trendLabel('on_track'), trendLabel('at_risk'), trendLabel('off_track'), trendLabel(null)]).toEqual([
      '正常推进',
      '存在风险',
      '严重滞后',
      '数据不足',
    ]);
  });

  it('formats shares as percentages', () => {
    expect(formatPercent(2 / 3)).toBe('66.7%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(null)).toBe('—');
  });

  it('reads instants in Asia/Shanghai', () => {
    expect(formatDateTime('2025-06-30T15:30:00.000Z')).toBe('2025-06-30 23:30');
    expect(formatDateTime('2025-12-31T16:00:00.000Z')).toBe('2026-01-01 00:00');
    expect(wallClock('2025-06-30T15:30:45.000Z').toISOString()).toBe('2025-06-30T23:30:45.000Z');
  });
});
