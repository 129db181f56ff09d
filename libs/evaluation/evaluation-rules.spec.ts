import { addTasks, isOffTrack, judgeIndicator, noTasks, placesInPlan } from './evaluation-rules.js';

describe('judgeIndicator', () => {
  const ge = { comparator: '>=' as const, target: 90, targetYear: 2025, baseline: 80, baselineYear: 2020 };
  it.each([
    // [case, values, asOf, latest, achieved, progress, pace]
    ['met on the last day', [{ year: 2025, value: 90 }], '2025-12-31', 90, true, 1, 'green'],
    [
      'a later year is not known yet',
      [
        { year: 2024, value: 85 },
        { year: 2026, value: 95 },
      ],
      '2025-12-31',
      85,
      false,
      0.5,
      'red',
    ],
    ['nothing reported', [], '2025-12-31', null, null, null, 'unknown'],
  ] as const)('%s', (_case, values, asOf, latest, achieved, progress, pace) => {
    expect(judgeIndicator(ge, values, asOf)).toMatchObject({ latest, achieved, progress, pace });
  });
  it('reads the line at the end of the day: the target on 31 December of the target year', () => {
    expect(judgeIndicator(ge, [{ year: 2025, value: 89.9 }], '2025-12-31')).toMatchObject({ expected: 90, achieved: false });
  });
  it('meets a ceiling from below and an equality only exactly', () => {
    expect(judgeIndicator({ ...ge, comparator: '<=', target: 5, baseline: 8 }, [{ year: 2025, value: 5 }], '2025-12-31').achieved).toBe(true);
    expect(judgeIndicator({ ...ge, comparator: '=', target: 100, baseline: 90 }, [{ year: 2025, value: 101 }], '2025-12-31').achieved).toBe(false);
  });
});

describe('isOffTrack', () => {
  it.each([
    [false, 'red', null, true],
    [false, 'yellow', 'off_track', true],
    [false, 'yellow', 'at_risk', false],
    [true, 'red', 'off_track', false],
    [null, 'unknown', null, false],
  ] as const)('achieved %s, pace %s, trend %s → %s', (achieved, pace, trend, expected) => {
    expect(isOffTrack({ achieved, pace, trend })).toBe(expected);
  });
});

describe('placesInPlan', () => {
  const place = placesInPlan(
    [
      { code: '五', parentCode: null },
      { code: '五(一)', parentCode: '五' },
      { code: '五(一)1', parentCode: '五(一)' },
    ],
    new Map([
      ['五(一)1#2', '五(一)1'],
      ['五#1', '五'],
    ]),
  );
  it.each([
    ['五(一)1#2', '五', '五(一)'],
    ['五#1', '五', '五'],
    ['五(一)', '五', '五(一)'],
    ['六#1', null, null],
    [null, null, null],
  ])('%s → chapter %s, section %s', (ref, chapter, section) => {
    expect(place(ref)).toEqual({ chapter, section });
  });
});

describe('addTasks', () => {
  it('counts completions on time and late as completed', () => {
    const counts = noTasks();
    addTasks(counts, 'on_time', 2);
    addTasks(counts, 'late', 1);
    addTasks(counts, 'cancelled', 1);
    expect(counts).toEqual({ total: 4, completed: 3, onTime: 2, late: 1, overdue: 0, pending: 0, cancelled: 1, carriedOver: 0 });
  });

  it('counts a task carried over (结转) apart: in the total, neither completed nor open', () => {
    const counts = noTasks();
    addTasks(counts, 'pending', 1);
    addTasks(counts, 'carried', 2);
    expect(counts).toEqual({ total: 3, completed: 0, onTime: 0, late: 0, overdue: 0, pending: 1, cancelled: 0, carriedOver: 2 });
  });
});
