/** An assessment year: open for scoring, then finalised (its report frozen); wire values never change once shipped. */
export const CYCLE_STATUS = { Open: 'open', Finalized: 'finalized' } as const;
export type CycleStatus = (typeof CYCLE_STATUS)[keyof typeof CYCLE_STATUS];

/** A report file's job, as its row records it; wire values never change once shipped. */
export const REPORT_STATUS = { Queued: 'queued', Running: 'running', Done: 'done', Failed: 'failed' } as const;
export type ReportStatus = (typeof REPORT_STATUS)[keyof typeof REPORT_STATUS];

/** What the audit log records of assessments. */
export type AssessmentAuditAction = 'assessment.open' | 'assessment.score' | 'assessment.score.revise' | 'assessment.finalize';

/**
 * One name for each figure of a department's year, shared by the workbook, the HTML report, the scoring
 * breakdown and the console (which imports this file too), so a figure is called the same wherever it is read.
 */
export const ASSESSMENT_LABEL = {
  rank: '名次',
  department: '部门',
  computedScore: '计算得分',
  reviewerMean: '评审均分',
  finalScore: '最终得分',
  due: '应完成',
  onTime: '按时完成',
  late: '逾期完成',
  overdue: '仍逾期',
  pending: '未到期',
  onTimeRate: '按时完成率',
  meanDaysLate: '平均逾期天数',
  returns: '被退回次数',
  evidenceShare: '佐证材料齐全率',
  extensionRequests: '延期申请',
  turnedRed: '亮红灯',
  escalated: '升级至部门负责人',
  gradeScore: '审核评价得分',
  indicatorState: '指标进展',
  reportsDue: '应报',
  reportsOnTime: '按时报送',
  reportsMissed: '逾期未报',
  reportsOnTimeRate: '按时报送率',
} as const;
