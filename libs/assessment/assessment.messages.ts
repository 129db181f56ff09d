/**
 * What the assessment domain says to people (Simplified Chinese), in one place: the score breakdown's lines and the
 * 4xx texts of cycles and reviewer scores. The figures' names live in `ASSESSMENT_LABEL` (libs/vocabulary/assessment.ts),
 * shared with the reports and the console. Tests assert these texts: change one here and in the tests together.
 */

export const BREAKDOWN_TEXT = {
  noData: '无数据，不计',
  metric: (label: string, weight: number, shown: string) => `${label}（权重 ${weight}）：${shown}`,
  base: '无可计算的指标，以满分为基数',
  deduction: (label: string, count: number, per: number) => `${label} ${count} × ${per} 分`,
  bounds: (min: number, max: number) => `按分值范围 ${min}–${max} 调整`,
} as const;

export const ASSESSMENT_MESSAGES = {
  cycleExists: (year: number) => `${year} 年度考核已存在`,
  cycleNotFound: (year: number) => `考核年度不存在：${year}`,
  departmentNotFound: (code: string) => `部门不存在：${code}`,
  finalizedNoScoring: (year: number) => `${year} 年度考核已定稿，不能再评分`,
  commentRequired: (below: number) => `评分低于 ${below} 分时必须填写评语（comment）`,
  alreadyScored: (code: string, version: number) => `你已为部门 ${code} 评过分（当前版本 ${version}），修改评分请带上 version`,
  staleScore: (current: number, requested: number | undefined) => `评分已被修改（当前版本 ${current}，请求版本 ${requested}），请刷新后重试`,
  notScoredYet: (code: string) => `你尚未为部门 ${code} 评分，首次评分不应带 version`,
  alreadyFinalized: (year: number, at: string | undefined) => `${year} 年度考核已于 ${at} 定稿`,
  unknownSnapshot: (version: unknown, known: number) => `考核快照版本 ${String(version)} 无法识别（本版本只读 1–${known}）`,
} as const;
