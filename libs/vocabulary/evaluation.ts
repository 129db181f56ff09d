/** A plan's staged evaluation (分期评估): findings written while a draft, then finalised (its numbers frozen); wire values never change once shipped. */
export const EVALUATION_STATUS = { Draft: 'draft', Finalized: 'finalized' } as const;
export type EvaluationStatus = (typeof EVALUATION_STATUS)[keyof typeof EVALUATION_STATUS];

/** What the audit log records of evaluations. */
export type EvaluationAuditAction = 'evaluation.save' | 'evaluation.finalize';

/**
 * One name for each figure of an evaluation, shared by the workbook, the HTML report and the console,
 * so a figure is called the same wherever it is read.
 */
export const EVALUATION_LABEL = {
  indicator: '指标',
  unit: '单位',
  baseline: '基数',
  target: '目标',
  latest: '实际完成',
  latestYear: '数据年份',
  result: '完成情况',
  achieved: '已完成',
  notAchieved: '未完成',
  unreported: '未报送',
  progress: '完成进度',
  pace: '序时进度',
  chapter: '章节',
  total: '任务数',
  completed: '已完成',
  onTime: '按时完成',
  late: '逾期完成',
  open: '未完成',
  overdue: '逾期未完成',
  notDue: '未到期',
  cancelled: '已撤销',
  carriedOver: '结转',
  findings: '规划实施效果、存在问题',
  measures: '对策建议',
} as const;

/** The pace lights in words: colour is never the only carrier. */
export const PACE_LABEL = { green: '符合序时进度', yellow: '略滞后于序时进度', red: '明显滞后于序时进度', unknown: '无法判断' } as const;
