import { loadAssessmentRubric, validateRubric } from './assessment-rubric.js';
import { computeScore, finalScore, hasAssessableWork, metricShares, rank, reviewerMean, round2 } from './assessment-scoring.js';
import { departmentMetrics as metrics } from '../../test/fixtures/assessment-report.fixture.js';

const rubric = validateRubric({
  metrics: { onTimeRate: 40, evidenceShare: 20, gradeScore: 25, indicatorState: 15 },
  deductions: { turnedRed: 1, escalated: 2, returns: 0.5 },
  bounds: { min: 0, max: 100 },
  reviewerWeight: 30,
  commentRequiredBelow: 60,
});

const sum = (items: { points: number }[]) => round2(items.reduce((s, i) => s + i.points, 0));

describe('assessment scoring', () => {
  it('weighs a department with fewer than fewTasks.minTasks tasks with neutral phantom tasks, and one with nothing due is not assessable', () => {
    const steady = validateRubric({ metrics: { onTimeRate: 100 }, fewTasks: { minTasks: 3, neutralShare: 0.8 } });
    // One task, late: (0·1 + 0.8·2)/3 instead of 0; one on time: (1 + 1.6)/3 instead of 1; three late: 0 (enough tasks to weigh fully).
    expect(metricShares(metrics({ due: 1, late: 1 }), steady).onTimeRate).toBeCloseTo(1.6 / 3, 10);
    expect(metricShares(metrics({ due: 1, onTime: 1 }), steady).onTimeRate).toBeCloseTo(2.6 / 3, 10);
    expect(metricShares(metrics({ due: 3, late: 3 }), steady).onTimeRate).toBe(0);
    expect(computeScore(metrics({ due: 1, onTime: 1 }), steady).computedScore).toBe(86.67);
    expect(metricShares(metrics({ due: 1, late: 1 }), rubric).onTimeRate).toBe(0); // without fewTasks: as recorded
    expect(hasAssessableWork(metrics())).toBe(false);
    expect(hasAssessableWork(metrics({ due: 1, pending: 1 }))).toBe(true);
    expect(() => validateRubric({ metrics: { onTimeRate: 100 }, fewTasks: { minTasks: 2.5 } })).toThrow('fewTasks.minTasks');
    expect(() => validateRubric({ metrics: { onTimeRate: 100 }, fewTasks: { neutralShare: 2 } })).toThrow('fewTasks.neutralShare');
  });

  it('computes shares of the record', () => {
    const m = metrics({
      onTime: 3,
      late: 1,
      overdue: 1,
      evidenceShare: 0.75,
      grades: { excellent: 1, good: 2, pass: 0, fail: 1 },
      indicators: { on_track: 2, at_risk: 1, off_track: 1, unknown: 3 },
    });
    expect(metricShares(m, rubric)).toEqual({
      onTimeRate: 0.6,
      evidenceShare: 0.75,
      gradeScore: (100 + 170 + 0) / 4 / 100,
      indicatorState: 2.5 / 4,
      reportsOnTimeRate: null,
    });
    expect(metricShares(metrics({ reportsDue: 12, reportsOnTime: 9, reportsLate: 2, reportsMissed: 1 }), rubric).reportsOnTimeRate).toBe(0.75);
  });

  describe('report periods (定期报送)', () => {
    const reports = { reportsDue: 12, reportsOnTime: 6, reportsLate: 2, reportsMissed: 4 };
    const mixed = metrics({
      due: 6,
      onTime: 3,
      late: 1,
      overdue: 1,
      pending: 1,
      evidenceShare: 0.75,
      turnedRed: 2,
      escalated: 1,
      returns: 2,
      grades: { excellent: 1, good: 2, pass: 0, fail: 1 },
      indicators: { on_track: 2, at_risk: 1, off_track: 1, unknown: 0 },
    });

    it('leave the score and its breakdown as they were under the shipped rubric, which names them at 0', () => {
      const shipped = loadAssessmentRubric('config/assessment.yaml');
      for (const m of [mixed, metrics({ due: 2, onTime: 1, overdue: 1, evidenceShare: 1 }), metrics()]) {
        expect(computeScore({ ...m, ...reports }, shipped)).toEqual(computeScore(m, shipped));
        expect(computeScore({ ...m, ...reports }, rubric)).toEqual(computeScore(m, rubric));
      }
      expect(computeScore({ ...mixed, ...reports }, shipped).computedScore).toBe(60.25);
    });

    it('move the score as a rubric weighs them: a share of the weights and points off per missed period', () => {
      const weighed = validateRubric({
        metrics: { onTimeRate: 30, evidenceShare: 20, gradeScore: 25, indicatorState: 15, reportsOnTimeRate: 10 },
        deductions: { turnedRed: 1, escalated: 2, returns: 0.5, reportsMissed: 0.5 },
      });
      // 30·0.6 + 20·0.75 + 25·0.675 + 15·0.625 + 10·6/12 = 18 + 15 + 16.875 + 9.375 + 5 = 64.25;
      // − 2 red − 2·1 escalated − 0.5·2 returns − 0.5·4 missed = 57.25
      const { computedScore, breakdown } = computeScore({ ...mixed, ...reports }, weighed);
      expect(computedScore).toBe(57.25);
      expect(sum(breakdown)).toBeCloseTo(57.25, 1);
      expect(breakdown.find((b) => b.item === 'metric:reportsOnTimeRate')).toEqual({
        item: 'metric:reportsOnTimeRate',
        label: '按时报送率（权重 10）：50%',
        points: 5,
      });
      expect(breakdown.find((b) => b.item === 'deduction:reportsMissed')).toEqual({
        item: 'deduction:reportsMissed',
        label: '逾期未报 4 × 0.5 分',
        points: -2,
      });
      // Every period on time: the full 10.
      expect(computeScore({ ...mixed, ...reports, reportsOnTime: 12, reportsLate: 0, reportsMissed: 0 }, weighed).computedScore).toBe(64.25);
      // Nothing due: left out like any metric without data, the other 90 scaled up to 100 — (64.25 − 5)·100/90 − 5 = 60.83.
      expect(computeScore(mixed, weighed).computedScore).toBe(60.83);
      expect(computeScore(mixed, weighed).breakdown.find((b) => b.item === 'metric:reportsOnTimeRate')!.label).toContain('无数据，不计');
    });
  });

  it.each([
    // [case, metrics, computed score]
    [
      'perfect record',
      metrics({
        due: 4,
        onTime: 4,
        evidenceShare: 1,
        grades: { excellent: 4, good: 0, pass: 0, fail: 0 },
        indicators: { on_track: 2, at_risk: 0, off_track: 0, unknown: 0 },
      }),
      100,
    ],
    // 40·0.6 + 20·0.75 + 25·0.675 + 15·0.625 = 24 + 15 + 16.875 + 9.375 = 65.25; − 2 red − 2·1 escalated − 0.5·2 returns = 60.25
    [
      'mixed record',
      metrics({
        due: 6,
        onTime: 3,
        late: 1,
        overdue: 1,
        pending: 1,
        evidenceShare: 0.75,
        turnedRed: 2,
        escalated: 1,
        returns: 2,
        grades: { excellent: 1, good: 2, pass: 0, fail: 1 },
        indicators: { on_track: 2, at_risk: 1, off_track: 1, unknown: 0 },
      }),
      60.25,
    ],
    // no grades, no indicators: on-time and evidence scaled from 60 to 100 → (40·0.5 + 20·1)·100/60 = 66.67
    ['metrics without data left out', metrics({ due: 2, onTime: 1, overdue: 1, evidenceShare: 1 }), 66.67],
    ['nothing to judge: the top of the scale', metrics(), 100],
    ['deductions stop at the lower bound', metrics({ due: 50, overdue: 50, turnedRed: 50, escalated: 50 }), 0],
  ])('%s', (_name, m, expected) => {
    const { computedScore, breakdown } = computeScore(m, rubric);
    expect(computedScore).toBe(expected);
    expect(sum(breakdown)).toBeCloseTo(expected, 1);
  });

  it('explains each weighted metric and each deduction', () => {
    const { breakdown } = computeScore(metrics({ due: 2, onTime: 1, late: 1, turnedRed: 1, returns: 2, evidenceShare: 0.5 }), rubric);
    expect(breakdown.map((b) => b.item)).toEqual([
      'metric:onTimeRate',
      'metric:evidenceShare',
      'metric:gradeScore',
      'metric:indicatorState',
      'deduction:turnedRed',
      'deduction:returns',
    ]);
    expect(breakdown.find((b) => b.item === 'metric:gradeScore')).toMatchObject({ points: 0, label: expect.stringContaining('无数据') });
    expect(breakdown.find((b) => b.item === 'deduction:returns')).toMatchObject({ points: -1, label: '被退回次数 2 × 0.5 分' });
  });

  it.each([
    [[], null],
    [[{ score: 80 }], 80],
    [[{ score: 80 }, { score: 91 }, { score: 70.5 }], 80.5],
    [[{ score: 100 }, { score: 99.99 }], 100],
  ])('reviewer mean of %j is %p', (scores, mean) => {
    expect(reviewerMean(scores)).toBe(mean);
  });

  it.each([
    [72.5, null, 72.5],
    [80, 90, 83],
    [60.25, 75.5, 64.83],
    [100, 0, 70],
  ])('final score of computed %p and reviewers %p is %p', (computed, mean, expected) => {
    expect(finalScore(computed, mean, rubric)).toBe(expected);
  });

  it.each([
    [
      [90, 80, 80, 70],
      [1, 2, 2, 4],
    ],
    [
      [50, 50, 50],
      [1, 1, 1],
    ],
    [
      [10, 20, 30],
      [1, 2, 3],
    ],
    [
      [88.5, 92, 88.5, 88.5, 70],
      [1, 2, 2, 2, 5],
    ],
    [[], []],
  ])('ranks %j with ties as %j', (scores, ranks) => {
    const ranked = rank(scores.map((finalScore, i) => ({ finalScore, code: `d${i}` })));
    expect(ranked.map((r) => r.rank)).toEqual(ranks);
    expect(ranked.map((r) => r.finalScore)).toEqual([...scores].sort((a, b) => b - a));
  });

  it('orders equal scores by the tie-break without changing their rank', () => {
    const ranked = rank(
      [
        { finalScore: 80, code: 'b' },
        { finalScore: 90, code: 'c' },
        { finalScore: 80, code: 'a' },
      ],
      (x, y) => x.code.localeCompare(y.code),
    );
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
    ]);
  });
});
