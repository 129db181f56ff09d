import { ASSESSMENT_LABEL } from '../vocabulary/assessment.js';

/**
 * What the dashboard domain says to people (Simplified Chinese): the 通报 workbook's file, sheet and column names and
 * the 4xx texts. A figure the assessment also counts takes its name from `ASSESSMENT_LABEL`, as the console does.
 */
export const BULLETIN_TEXT = {
  fileName: (asOf: string) => `督办通报-${asOf}.xlsx`,
  creator: 'duban 督办',
  rankingSheet: '通报',
  tasksSheet: '任务明细',
  yes: '是',
  no: '否',
  ranking: {
    rank: '排名',
    code: '部门代码',
    name: '部门',
    overdue: '逾期任务数',
    escalated: '已升级任务数',
    overdueAndEscalated: '逾期且已升级',
    maxDaysOverdue: '最长逾期天数',
    missedReports: ASSESSMENT_LABEL.reportsMissed,
    worst: '最严重的任务',
  },
  tasks: {
    rank: '排名',
    department: '部门',
    code: '任务编号',
    title: '任务',
    dueDate: '截止日期',
    status: '状态',
    daysOverdue: '逾期天数',
    escalated: '已升级至部门负责人',
  },
} as const;

export const DASHBOARD_MESSAGES = {
  departmentNotFound: (code: string) => `部门不存在：${code}`,
} as const;
