/**
 * Every API error in words a member of staff can act on. The API answers
 * `{statusCode, error, message}` (NestJS); `message` is a Chinese sentence from
 * the domain, or for a validation error (400) one English class-validator
 * sentence per bad field, which is translated here field by field.
 */

export interface ApiErrorBody {
  statusCode?: number;
  error?: string;
  message?: string | string[];
}

/** Thrown by the API client; `status` 0 means the request never got an answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
    readonly path: string,
  ) {
    super(describeError(status, body, path));
    this.name = 'ApiError';
  }
}

/** Fields of the API's bodies and queries as the console labels them. */
export const FIELD_LABELS: Record<string, string> = {
  email: '邮箱',
  password: '密码',
  title: '任务名称',
  description: '任务说明',
  leadDepartment: '牵头单位',
  coDepartments: '配合单位',
  assigneeId: '责任人',
  dueDate: '截止日期',
  clauseRef: '规划条款',
  indicatorCodes: '关联指标',
  parentId: '上级任务',
  version: '版本',
  note: '进展说明',
  percent: '完成进度',
  evidenceIds: '佐证材料',
  summary: '办结说明',
  comment: '意见',
  grade: '评定等次',
  reason: '理由',
  requestedDueDate: '申请延期至',
  year: '年度',
  value: '数值',
  score: '评分',
  file: '文件',
  page: '页码',
  limit: '每页条数',
};

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** One class-validator sentence ("dueDate must be ...") in Chinese, naming the field. */
export function translateValidationMessage(message: string): string {
  if (HAS_CHINESE.test(message)) return message;
  const unknown = /^property (\w+) should not exist$/.exec(message);
  if (unknown) return `不接受的字段：${unknown[1]}`;
  const match = /^(?:each value in )?(\w+)\s+(.*)$/.exec(message);
  if (!match) return message;
  const [, field, rest] = match;
  const label = FIELD_LABELS[field] ?? field;
  if (/should not be empty|must not be empty/.test(rest)) return `${label}不能为空`;
  if (/must be an email/.test(rest)) return `${label}格式不正确`;
  if (/must not be greater than|must not be more than/.test(rest)) return `${label}超出允许的最大值`;
  if (/must not be less than/.test(rest)) return `${label}小于允许的最小值`;
  if (/shorter than or equal to/.test(rest)) return `${label}过长`;
  if (/longer than or equal to/.test(rest)) return `${label}过短`;
  if (/must be one of the following values/.test(rest)) return `${label}的取值不在允许范围内`;
  if (/must be an integer|must be a number/.test(rest)) return `${label}必须是数字`;
  if (/must be a UUID/.test(rest)) return `${label}格式不正确`;
  if (/YYYY-MM-DD|date/i.test(rest)) return `${label}必须是有效日期`;
  if (/must be an array/.test(rest)) return `${label}必须是列表`;
  if (/must contain no more than/.test(rest)) return `${label}数量过多`;
  return `${label}填写有误`;
}

function serverDetail(body: ApiErrorBody | null): string[] {
  const message = body?.message;
  if (message === undefined || message === null) return [];
  return (Array.isArray(message) ? message : [message]).filter((m) => typeof m === 'string' && m.length > 0);
}

/** Nest's own 404 for a route it does not have: "Cannot GET /api/v1/…". */
export function isMissingRoute(status: number, body: ApiErrorBody | null): boolean {
  return status === 404 && serverDetail(body).some((m) => /^Cannot (GET|POST|PUT|PATCH|DELETE) /.test(m));
}

/** The sentence shown for an error from `path` (used by `ApiError`). */
export function describeError(status: number, body: ApiErrorBody | null, path = ''): string {
  const detail = serverDetail(body);
  const chinese = detail.filter((m) => HAS_CHINESE.test(m)).join('；');
  switch (true) {
    case status === 0:
      return '无法连接服务器，请检查网络后重试（已填写的内容仍保留）';
    case status === 400:
      return detail.length ? `填写有误：${detail.map(translateValidationMessage).join('；')}` : '填写有误，请检查后重试';
    case status === 401:
      return path.endsWith('/auth/login') ? '邮箱或密码不正确' : '登录已失效，请重新登录';
    case status === 403:
      return chinese ? `无权执行此操作：${chinese}` : '无权执行此操作';
    case isMissingRoute(status, body):
      return '该功能暂未开通（服务器尚未提供此接口），请稍后再试或联系管理员';
    case status === 404:
      return chinese ? `未找到：${chinese}` : '未找到该内容，可能已删除或无权查看';
    case status === 409:
      return chinese ? `操作未完成：${chinese}` : '操作与当前状态冲突（可能已被他人修改），请刷新后重试';
    case status === 413:
      return '文件过大，超过了允许的上限';
    case status === 415:
      return chinese ? `不支持的文件类型：${chinese}` : '不支持该文件类型，请上传 PDF、Office 文档或图片';
    case status === 429:
      return '操作过于频繁，请稍后再试';
    case status >= 500:
      return '服务器暂时出错，请稍后重试（已填写的内容仍保留）';
    default:
      return chinese || `请求失败（${status}）`;
  }
}

/** Any thrown value as a sentence for a message box. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && HAS_CHINESE.test(error.message)) return error.message;
  return '操作失败，请重试';
}
