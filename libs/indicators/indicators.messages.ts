/** What the indicators domain says to people (Simplified Chinese): the 4xx texts of indicators and their reported values. */
export const INDICATOR_MESSAGES = {
  notFound: (code: string) => `指标不存在：${code}`,
  otherDepartment: (code: string, department: string) => `指标 ${code} 由 ${department} 部门报送，当前用户所在部门无权报送`,
  foreignEvidence: (ids: readonly string[]) => `evidenceIds 不是本部门任务的佐证材料：${ids.join(', ')}`,
} as const;
