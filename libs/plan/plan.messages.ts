/** What the plan domain says to people (Simplified Chinese): the 4xx texts of plans, their scope and their clauses. */
export const PLAN_MESSAGES = {
  notFound: (plan: string) => `规划不存在：${plan}`,
  unknownPlanId: (planId: string) => `planId 对应的规划不存在：${planId}`,
  otherThanParent: '子任务须与上级任务属于同一规划（planId 与上级任务的规划不同）',
  clauseInSeveral: (ref: string) => `clauseRef ${ref} 出现在多个规划中，请用 planId 指明规划`,
  unknownClause: (ref: string) => `clauseRef 在规划中不存在：${ref}`,
  clauseNotInPlan: (ref: string, plan: string) => `clauseRef 在规划 ${plan} 中不存在：${ref}`,
} as const;
