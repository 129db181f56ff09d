import { fitLine, shortfall, standing, type IndicatorTarget, type Trend, type YearValue } from './indicator-trend.js';

const target = (
  comparator: IndicatorTarget['comparator'],
  value: number,
  baseline: number | null,
  baselineYear: number | null = baseline === null ? null : 2020,
): IndicatorTarget => ({ comparator, target: value, targetYear: 2025, baseline, baselineYear });
const points = (...pairs: Array<[number, number]>): YearValue[] => pairs.map(([year, value]) => ({ year, value }));

describe('shortfall', () => {
  it.each([
    ['>=', 90, 85, 5],
    ['>=', 90, 95, -5],
    ['<=', 0, 3, 3],
    ['<=', 10, 4, -6],
    ['=', 100, 98, 2],
    ['=', 100, 102, 2],
  ] as const)('%s %d at %d → %d', (comparator, goal, value, expected) => {
    expect(shortfall(comparator, goal, value)).toBe(expected);
  });
});

describe('fitLine', () => {
  it('fits an exact line', () => {
    expect(fitLine(points([2020, 10], [2022, 14]))).toEqual({ slope: 2, intercept: 10 - 2 * 2020 });
  });
  it('needs two different years', () => {
    expect(fitLine(points([2021, 1]))).toBeNull();
    expect(fitLine(points([2021, 1], [2021, 2]))).toBeNull();
  });
});

describe('standing', () => {
  // [case, indicator, reported values, trend, projected, gap]
  const table: Array<[string, IndicatorTarget, YearValue[], Trend | null, number | null, number | null]> = [
    ['no report, baseline only: one point', target('>=', 90, 85), [], null, null, null],
    ['no baseline, one report', target('>=', 60, null), points([2021, 40]), null, null, 20],
    ['rising to exactly the target', target('>=', 90, 85), points([2021, 86], [2022, 87]), 'on_track', 90, 3],
    ['rising past the target', target('>=', 25, 17.4), points([2021, 20], [2022, 22]), 'on_track', 29, 3],
    // baseline 85 → target 90: distance 5, 10 % of it is 0.5; projection 89.6 is 0.4 short.
    ['slightly short: at risk', target('>=', 90, 85), points([2022, 86.84]), 'at_risk', 89.6, 3.16],
    ['flat: off track', target('>=', 90, 85), points([2021, 85], [2022, 85]), 'off_track', 85, 5],
    ['falling under a ceiling', target('<=', 0, null), points([2021, 6], [2022, 4], [2023, 2]), 'on_track', -2, 2],
    ['rising over a ceiling', target('<=', 10, 12), points([2021, 13]), 'off_track', 17, 3],
    ['equality hit', target('=', 100, 95), points([2021, 96], [2022, 97]), 'on_track', 100, 3],
    ['equality overshoot is a miss', target('=', 100, 90), points([2021, 94], [2022, 98]), 'off_track', 110, 2],
    // Kept at 100 % from a 100 % baseline: the distance is zero, so "near" is 10 % of the target.
    ['kept at target, small dip', target('>=', 100, 100), points([2021, 99.5]), 'at_risk', 97.5, 0.5],
    ['kept at target, large dip', target('>=', 100, 100), points([2021, 95]), 'off_track', 75, 5],
    ['kept at target', target('>=', 100, 100), points([2021, 100]), 'on_track', 100, 0],
    // A value reported for the baseline year replaces the baseline as a point.
    ['report for the baseline year', target('>=', 90, 85), points([2020, 80], [2021, 82]), 'on_track', 90, 8],
    ['least squares over scattered values', target('>=', 10, null), points([2021, 1], [2022, 3], [2023, 2], [2024, 4]), 'off_track', 4.5, 6],
    ['latest is the latest year, not the last given', target('>=', 10, 0), points([2022, 6], [2021, 4]), 'on_track', 15.333333, 4],
  ];
  it.each(table)('%s', (_, indicator, reported, trend, projected, gap) => {
    const result = standing(indicator, reported);
    expect(result.trend).toBe(trend);
    expect(result.projected).toBe(projected);
    expect(result.gap).toBe(gap);
  });

  it('names the latest reported value', () => {
    expect(standing(target('>=', 10, 0), points([2022, 6], [2021, 4])).latest).toEqual({ year: 2022, value: 6 });
    expect(standing(target('>=', 10, 0), []).latest).toBeNull();
  });
});
