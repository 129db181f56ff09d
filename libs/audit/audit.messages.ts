/**
 * What the audit log says to people (Simplified Chinese) besides the actions' names (libs/vocabulary/audit.ts): the
 * export's sheet and column names, and the reasons the log records for changes made on someone's behalf.
 */
export const AUDIT_EXPORT_TEXT = {
  sheet: '审计日志',
  seq: '序号',
  at: '时间',
  actor: '操作人',
  action: '操作',
  actionLabel: '操作说明',
  entity: '对象',
  ip: '来源地址',
  detail: '详情',
  /** The actor of an entry no person made. */
  system: '系统',
} as const;

export const AUDIT_REASONS = {
  assigneeCleared: (previousLead: string) => `牵头部门已由 ${previousLead} 改为其他部门，原承办人不再承办`,
} as const;
