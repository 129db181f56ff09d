/** What the evaluation domain says to people (Simplified Chinese): the 4xx texts of a plan's staged evaluation. */
export const EVALUATION_MESSAGES = {
  planNotFound: (planId: string) => `规划不存在：${planId}`,
  badDay: (asOf: string) => `asOf 须为 YYYY-MM-DD 格式的日期：${asOf}`,
  beforeStart: (asOf: string, start: string) => `asOf ${asOf} 早于规划起始日期 ${start}`,
  finalizedNoChange: (plan: string, day: string, at: string | undefined) => `${plan} ${day} 的评估已于 ${at} 定稿，不能再修改`,
  alreadyFinalized: (plan: string, day: string, at: string | undefined) => `${plan} ${day} 的评估已于 ${at} 定稿`,
  nothingSaved: (plan: string, day: string) => `${plan} ${day} 尚无评估意见，请先保存评估意见再定稿`,
  /** The chapter row of tasks whose clause is not in the plan's text. */
  unplacedTitle: '未关联章节',
} as const;
