import type { Schemas } from './types';

/** An entry as `GET /api/v1/audit` lists it. */
export type AuditEntry = Schemas['AuditEntryDto'];

/** What the viewer filters by (empty fields are left out of the query). */
export interface AuditFilter {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

/** The kinds of action an auditor looks for, as the API's filter names them (`domain.*` or one action). */
export const AUDIT_ACTION_FILTERS: { value: string; label: string }[] = [
  { value: 'auth.*', label: '登录与退出' },
  { value: 'auth.login_failed', label: '登录失败' },
  { value: 'user.*', label: '账号管理' },
  { value: 'task.*', label: '任务办理' },
  { value: 'extension.*', label: '延期' },
  { value: 'evidence.*', label: '佐证材料' },
  { value: 'report.*', label: '报表下载' },
  { value: 'assessment.*', label: '考核' },
  { value: 'queue.*', label: '队列看板' },
  { value: 'webhook.*', label: '群机器人' },
  { value: 'calendar.*', label: '工作日历' },
];

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  task: '任务',
  user: '用户',
  evidence: '佐证材料',
  report: '报表',
  assessment: '考核',
  extension: '延期申请',
  comment: '评论',
  department: '部门',
  calendar: '工作日历',
  indicator: '指标',
};

/** The query string of `filter` (and of a page, for the list), without empty fields. */
export function auditQuery(filter: AuditFilter, page?: { page: number; limit: number }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter) as [keyof AuditFilter, string | undefined][]) {
    const trimmed = value?.trim();
    if (trimmed) params.set(key, trimmed);
  }
  if (page) {
    params.set('page', String(page.page));
    params.set('limit', String(page.limit));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** What an entry changed or noted, on one line: before → after of each field that changed, then the detail's fields. */
export function auditSummary(entry: Pick<AuditEntry, 'before' | 'after' | 'detail'>): string {
  const parts: string[] = [];
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = JSON.stringify(before[key] ?? null);
    const now = JSON.stringify(after[key] ?? null);
    if (was !== now) parts.push(entry.before ? `${key}: ${was} → ${now}` : `${key}: ${now}`);
  }
  for (const [key, value] of Object.entries(entry.detail ?? {})) parts.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return parts.join('；');
}
