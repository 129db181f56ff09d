/**
 * What the HTTP layer says to people (Simplified Chinese), in one place: malformed requests, uploads and the error
 * filter's fallbacks, and the names of downloaded files. Field validation messages live in validation.ts (one per
 * class-validator constraint); each domain's own messages live in its lib's `*.messages.ts`.
 */
export const HTTP_MESSAGES = {
  invalidJson: (detail: string) => `请求体不是合法的 JSON：${detail}`,
  unsupportedContentType: (detail: string) => `不支持的 Content-Type：${detail}`,
  bodyTooLarge: '请求体过大',
  badRequest: '请求有误',
  databaseUnavailable: '数据库暂时不可用，请稍后重试',
  internalError: '服务器内部错误',
  notMultipart: '请以 multipart/form-data 上传，文件字段名为 file',
  missingFile: '缺少文件字段 file',
  malformedMultipart: (detail: string) => `multipart 请求体不完整或格式错误：${detail}`,
  badDryRun: (value: string) => `dryRun 只能是 true 或 false：${value}`,
  importRefused: (count: number, nothing: string, first: string) => `表格有 ${count} 处错误，${nothing}：${first}`,
  nothingImported: '未导入任何任务',
  noAccountCreated: '未创建任何账号',
  badNoticeKind: (kind: string | undefined) => `kind 只能是 supervise（督办）或 urge（催办）：${kind ?? '未填写'}`,
  evidenceIdNotUuid: (id: string) => `evidenceId 必须是 UUID：${id}`,
  auditRangeReversed: (from: string, to: string) => `from（${from}）不能晚于 to（${to}）`,
} as const;

/** Downloaded files' names (Content-Disposition carries them RFC 5987-encoded). */
export const FILE_NAMES = {
  auditLog: (date: string) => `审计日志-${date}.xlsx`,
  taskList: (date: string) => `任务清单-${date}.xlsx`,
  userImportTemplate: '批量开户模板.xlsx',
} as const;
