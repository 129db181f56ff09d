/** What the plan domain says to people (Simplified Chinese): the 4xx texts of plans, their scope and their clauses. */
export const PLAN_MESSAGES = {
  notFound: (plan: string) => `规划不存在：${plan}`,
  unknownPlanId: (planId: string) => `planId 对应的规划不存在：${planId}`,
  otherThanParent: '子任务须与上级任务属于同一规划（planId 与上级任务的规划不同）',
  clauseInSeveral: (ref: string) => `clauseRef ${ref} 出现在多个规划中，请用 planId 指明规划`,
  unknownClause: (ref: string) => `clauseRef 在规划中不存在：${ref}`,
  clauseNotInPlan: (ref: string, plan: string) => `clauseRef 在规划 ${plan} 中不存在：${ref}`,
  carryOverSamePlan: (plan: string) => `不能结转到同一规划：任务已在《${plan}》中`,
  carryOverTargetNotFound: (plan: string) => `结转的目标规划不存在：${plan}`,
  carryOverNotInPlan: (plan: string, ids: readonly string[]) => `以下任务不在《${plan}》中，无法从该规划结转：${ids.join('、')}`,
  carryOverClosed: (tasks: readonly string[]) => `已办结或已撤销的任务不结转（其完成情况留在原规划）：${tasks.join('、')}`,
  carryOverSplit: (tasks: readonly string[]) => `子任务须随其仍在办理的上级任务一并结转，请同时选择上级任务：${tasks.join('、')}`,
} as const;
