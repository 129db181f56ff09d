import type { Trend } from '../indicators/indicator-trend.js';
import { ASSESSMENT_LABEL as L } from '../vocabulary/assessment.js';

/**
 * What the assessment reports say to people (Simplified Chinese), in one place: titles, section headings, column
 * headers and the 4xx texts of report files. The figures themselves are named once in `ASSESSMENT_LABEL`
 * (libs/vocabulary/assessment.ts), shared with the console; grades in `GRADE_LABEL` (libs/vocabulary/tasks.ts).
 * The 督办/催办通知单 (notice-html.ts) is a document template of its own and keeps its text there.
 */

export const TREND_LABEL: Record<Trend | 'unknown', string> = {
  on_track: '正常推进',
  at_risk: '存在风险',
  off_track: '严重滞后',
  unknown: '数据不足',
};

/** A department with nothing due in the year is shown, not ranked. */
export const UNRANKED = '无考核任务';

export const REPORT_TEXT = {
  title: (year: number) => `${year} 年度目标考核报告`,
  finalized: '已定稿',
  notFinalized: '未定稿',
  subtitle: (status: string, asOf: string) => `${status}，数据截至 ${asOf}`,
  rank: (rank: number) => `第 ${rank} 名`,
  /** A sheet whose department name leaves nothing Excel accepts. */
  blankSheetName: '部门',
  rankingSheet: '排名',
  fileName: (year: number, format: string) => `${year}年度考核报告.${format}`,
} as const;

/** Column groups and headers of the reports' tables (report-columns.ts), for the workbook and the HTML page alike. */
export const REPORT_COLUMN = {
  group: { score: '得分', tasks: '任务', reports: '定期报送', grades: '评定等级', trends: '指标趋势', indicator: '指标', breakdown: '得分构成' },
  task: {
    code: '编号',
    title: '任务',
    status: '状态',
    dueDate: '截止日期',
    completedAt: '办结时间',
    daysLate: '逾期天数',
    evidence: '佐证数',
    grade: '评定等级',
  },
  indicator: {
    code: '指标编号',
    name: '指标',
    unit: '单位',
    baseline: '基期值',
    target: '目标值',
    targetYear: '目标年份',
    latest: '最新值',
    year: '年份',
    progress: '完成进度',
    trend: '趋势',
  },
  breakdown: { label: '项目', points: '分值' },
  reviewer: { name: '评审人', score: '分数', comment: '意见', updatedAt: '更新时间' },
} as const;

/** The HTML report's headings and notes. */
export const REPORT_HTML = {
  meta: (subtitle: string, departments: number) => `${subtitle}；共 ${departments} 个部门。`,
  scores: { heading: '一、综合得分排名', note: `各部门${L.finalScore}（${L.computedScore}与${L.reviewerMean}按权重合成），按名次排列。` },
  completion: { heading: '二、任务完成情况', note: `本年度应完成任务中${L.onTime}、${L.late}、${L.overdue}与${L.pending}的数量。` },
  indicators: { heading: '三、指标进展', note: '各部门指标从基期值走向目标值的平均进度（单项超过目标按 100% 计），虚线为目标，括号内为可测指标数。' },
  ranking: '四、排名表',
  departments: '五、部门详情',
  breakdown: '得分构成',
  noBreakdown: '无。',
  reviewerScores: '评审打分',
  noReviewerScores: '尚无评审打分。',
  indicatorList: '指标',
  noIndicators: '无牵头指标。',
  lateTasks: (count: number) => `逾期任务（${count} 项；全部任务见 report.xlsx）`,
  noLateTasks: '无逾期任务。',
  indicatorSeries: '指标完成进度',
  noMeasurable: '无可测指标',
  progressLabel: (percent: string, measured: number) => `${percent}%（${measured} 项）`,
} as const;

export const REPORT_MESSAGES = {
  notFound: (id: string) => `报告不存在：${id}`,
  fileNotFound: (id: string) => `报告文件不存在：${id}`,
  failed: (error: string) => `报告生成失败：${error}`,
  notReady: (progress: number) => `报告尚未生成完成（进度 ${progress}%），请稍后再试`,
} as const;
