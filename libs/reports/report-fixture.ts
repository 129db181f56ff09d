/**
 * Assessment reports for the report renderers' tests: a small one whose every number a
 * test can name, and a large generated one for timing. Test support only.
 */
import type {
  AssessmentReport, DepartmentAssessment, DepartmentMetrics, ReportIndicator, ReportTask,
} from '../assessment/assessment-types.js';

export const LONG_NAME = '泰兴市教育局基础教育科/督导室:专项*检查?[试点]工作领导小组办公室（第二批次）';
export const SCRIPT_TITLE = '<script>alert("x")</script> & 其他';

/** A department's metrics, all zero or empty but `overrides`. */
export function departmentMetrics(overrides: Partial<DepartmentMetrics> = {}): DepartmentMetrics {
  return {
    due: 0, onTime: 0, late: 0, overdue: 0, pending: 0, meanDaysLate: null, returns: 0, evidenceShare: null,
    extensionRequests: 0, turnedRed: 0, escalated: 0,
    grades: { excellent: 0, good: 0, pass: 0, fail: 0 },
    indicators: { on_track: 0, at_risk: 0, off_track: 0, unknown: 0 },
    ...overrides,
  };
}

function department(
  departmentCode: string, departmentName: string, rank: number, finalScore: number,
  rest: Partial<DepartmentAssessment> & { metrics: DepartmentMetrics },
): DepartmentAssessment {
  return {
    departmentCode, departmentName, rank, finalScore,
    computedScore: finalScore, breakdown: [], reviewerScores: [], reviewerMean: null,
    ...rest,
  };
}

/** Three departments, two tied for first; a long name full of characters Excel forbids; a task titled with a script. */
export function smallReport(): AssessmentReport {
  return {
    year: 2025,
    status: 'finalized',
    asOf: '2026-01-05T02:30:00.000Z',
    departments: [
      department('JYJ', '教育局', 1, 92.5, {
        computedScore: 90,
        reviewerMean: 96.25,
        metrics: departmentMetrics({
          due: 3, onTime: 2, late: 1, meanDaysLate: 4, returns: 1, evidenceShare: 2 / 3, extensionRequests: 1,
          turnedRed: 1, grades: { excellent: 2, good: 1, pass: 0, fail: 0 },
          indicators: { on_track: 1, at_risk: 1, off_track: 0, unknown: 0 },
        }),
        breakdown: [
          { item: 'onTime', label: '按时完成率', points: 60 },
          { item: 'late', label: '逾期扣分', points: -2.5 },
        ],
        reviewerScores: [
          { reviewerId: 'u1', reviewerName: '王督查', score: 96.25, comment: '', version: 1, updatedAt: '2026-01-04T08:00:00.000Z' },
        ],
      }),
      department('CZJ', '财政局', 1, 92.5, {
        computedScore: 92.5,
        metrics: departmentMetrics({ due: 1, onTime: 1, evidenceShare: 1, grades: { excellent: 0, good: 1, pass: 0, fail: 0 } }),
      }),
      department('DDS', LONG_NAME, 3, 71.38, {
        computedScore: 71.38,
        metrics: departmentMetrics({
          due: 2, overdue: 1, pending: 1, meanDaysLate: 12, turnedRed: 1, escalated: 1,
          indicators: { on_track: 0, at_risk: 0, off_track: 1, unknown: 1 },
        }),
      }),
    ],
    tasks: {
      JYJ: [
        task({ id: 't1', code: 'JY-01', title: '推进集团化办学', status: 'completed', dueDate: '2025-06-30', completedAt: '2025-06-30T15:30:00.000Z', evidenceCount: 3, grade: 'excellent' }),
        task({ id: 't2', code: 'JY-02', title: '新建幼儿园 3 所', status: 'completed', dueDate: '2025-09-30', completedAt: '2025-10-04T01:00:00.000Z', daysLate: 4, evidenceCount: 0, grade: 'good' }),
        task({ id: 't3', code: null, title: '教师培训', status: 'completed', dueDate: '2025-12-31', completedAt: '2025-12-20T02:00:00.000Z', evidenceCount: 1, grade: 'excellent' }),
      ],
      CZJ: [
        task({ id: 't4', code: 'CZ-01', title: '教育经费保障', status: 'completed', dueDate: '2025-03-31', completedAt: '2025-03-01T02:00:00.000Z', evidenceCount: 2, grade: 'good' }),
      ],
      DDS: [
        task({ id: 't5', code: 'DD-01', title: SCRIPT_TITLE, status: 'in_progress', dueDate: '2025-12-24', daysLate: 12 }),
        task({ id: 't6', code: 'DD-02', title: '督导评估', status: 'assigned', dueDate: '2026-03-31' }),
      ],
    },
    indicators: {
      JYJ: [
        indicator({ code: 'I-01', name: '学前教育毛入园率', unit: '%', baseline: 90, target: 98, latest: { year: 2025, value: 96 }, trend: 'on_track' }),
        indicator({ code: 'I-02', name: '生师比', unit: '', baseline: 18, target: 15, latest: { year: 2025, value: 17.4 }, trend: 'at_risk' }),
      ],
      DDS: [
        indicator({ code: 'I-03', name: '督导覆盖率', unit: '%', baseline: 60, target: 100, latest: { year: 2025, value: 55 }, trend: 'off_track' }),
        indicator({ code: 'I-04', name: '新指标', unit: '个', baseline: null, target: 10, latest: null, trend: null }),
      ],
    },
  };
}

function task(fields: Partial<ReportTask> & Pick<ReportTask, 'id' | 'title' | 'status' | 'dueDate'>): ReportTask {
  return { code: null, completedAt: null, daysLate: 0, evidenceCount: 0, grade: null, ...fields };
}

function indicator(fields: Omit<ReportIndicator, 'targetYear'>): ReportIndicator {
  return { targetYear: 2025, ...fields };
}

const STATUSES = ['assigned', 'in_progress', 'submitted', 'completed'] as const;

/** `taskCount` tasks spread over `departmentCount` departments, three indicators each; deterministic. */
export function largeReport(taskCount: number, departmentCount: number): AssessmentReport {
  const departments: DepartmentAssessment[] = [];
  const tasks: Record<string, ReportTask[]> = {};
  const indicators: Record<string, ReportIndicator[]> = {};
  for (let d = 0; d < departmentCount; d += 1) {
    const code = `D${String(d + 1).padStart(2, '0')}`;
    const list: ReportTask[] = [];
    for (let t = d; t < taskCount; t += departmentCount) {
      const status = STATUSES[t % STATUSES.length];
      const completed = status === 'completed';
      const day = 1 + (t % 28);
      list.push(task({
        id: `t${t}`, code: `${code}-${t}`, title: `第 ${t} 项任务：落实“十四五”教育规划重点工作，按期报送佐证材料`,
        status, dueDate: `2025-${String(1 + (t % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        completedAt: completed ? `2025-${String(1 + (t % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}T06:00:00.000Z` : null,
        daysLate: t % 7 === 0 ? t % 30 : 0, evidenceCount: t % 4, grade: completed ? 'good' : null,
      }));
    }
    tasks[code] = list;
    indicators[code] = [0, 1, 2].map((i) => indicator({
      code: `${code}-I${i}`, name: `指标 ${d}-${i}`, unit: '%', baseline: 50, target: 90,
      latest: { year: 2025, value: 50 + 15 * i + d }, trend: (['on_track', 'at_risk', 'off_track'] as const)[i],
    }));
    const done = list.filter((item) => item.status === 'completed').length;
    departments.push(department(code, `第${d + 1}部门`, d + 1, 95 - d, {
      metrics: departmentMetrics({ due: list.length, onTime: done, overdue: list.length - done, meanDaysLate: 3.5, evidenceShare: 0.75 }),
      breakdown: [{ item: 'onTime', label: '按时完成率', points: 60 }],
    }));
  }
  return { year: 2025, status: 'open', asOf: '2025-11-29T04:00:00.000Z', departments, tasks, indicators };
}
