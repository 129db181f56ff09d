/**
 * What the workbook layer says to people (Simplified Chinese), in one place: why an .xlsx file is refused, the problems
 * an imported table's rows and cells show, and the task export's column names. What it recognises (header synonyms in
 * table-headers.ts and user-table.ts, deadline forms, department names) is data for reading tables, not messages; the
 * import templates (import-template.ts, user-table.ts) are documents of their own and keep their text.
 */

/** An .xlsx file refused before it is read (xlsx-guard.ts): the 400, 413 and 415 texts. */
export const XLSX_MESSAGES = {
  encryptedOrXls: '文件已加密或是旧版 .xls 格式：请取消密码保护后另存为 .xlsx 再上传',
  notXlsx: '文件不是 XLSX 工作簿（Excel 2007 及以后的 .xlsx 格式）',
  noDirectory: 'XLSX 文件已损坏：找不到 zip 目录',
  zip64: 'XLSX 文件过大（ZIP64 格式），请拆分后上传',
  tooManyParts: (entries: number, max: number) => `XLSX 文件内含 ${entries} 个部件，超过上限 ${max}`,
  brokenDirectory: 'XLSX 文件已损坏：zip 目录不完整',
  encrypted: 'XLSX 文件已加密，请取消密码保护后再上传',
  tooLargeUnzipped: (mib: number) => `XLSX 文件解压后超过 ${mib} MiB（疑似压缩炸弹或表格过大），已拒绝`,
  tooManyRows: (max: number) => `表格超过 ${max} 行，远超单次导入上限，请拆分为多个文件导入`,
  brokenPart: 'XLSX 文件已损坏：zip 部件不完整',
  bombRefused: 'XLSX 文件解压后超出上限（疑似压缩炸弹），已拒绝',
  unzipFailed: 'XLSX 文件已损坏：部件无法解压',
} as const;

/** Problems of an imported 分工表 or account table, by row and cell. */
export const TABLE_PROBLEMS = {
  tooManyRows: (max: number) => `表格超过单次导入上限 ${max} 行，请拆分为多个文件导入`,
  tooManyAccounts: (max: number) => `表格超过单次导入上限 ${max} 个账号，请拆分为多个文件导入`,
  formulaCell: (sheet: string, address: string, column: string) => `${sheet}!${address}（${column}）含公式或错误值，请复制后“粘贴为数值”再导入`,
  cell: (sheet: string, row: number, column: string, problem: string) => `${sheet} 第 ${row} 行「${column}」${problem}`,
  emptyTitle: '为空：每行须写明任务',
  titleTooLong: (max: number, length: number) => `超过 ${max} 字（${length} 字），请把细节移到「具体内容」`,
  unknownUnits: (units: readonly string[]) => `中的单位无法识别：${units.join('、')}（请使用部门列表中的名称）`,
  unknownClause: (ref: string) => `「${ref}」不是规划中的条款`,
  sameTask: (sheet: string, row: number) => `与 ${sheet} 第 ${row} 行是同一任务（同一上级下标题相同），请合并或改写标题`,
  emptyLead: '为空：每项任务须有牵头单位',
  emptyDue: '为空：每项任务须有完成时限',
  supervisorNamesake: (key: string, emails: readonly string[]) => `「${key}」有 ${emails.length} 名在职督查人员同名，请改填其邮箱（${emails.join('、')}）`,
  notASupervisor: (key: string) => `「${key}」不是在职的督查人员（请填写督查人员的姓名或邮箱，或留空由导入人担任）`,
} as const;

/** A 完成时限 cell that does not read as a date (deadline-forms.ts). */
export const DEADLINE_PROBLEMS = {
  invalidDate: '不是有效日期',
  unreadable: (value: string) => `无法识别的时间：${value}`,
  empty: '完成时限为空',
  periodic: (text: string) => `「${text}」是按年或更短周期重复的任务，请每年（每期）一行写明完成时限，或写 每月、每季度、每半年、长期坚持`,
  unknownForm: (text: string) => `无法识别的时间「${text}」，可写 2025-12-31、2025年12月底、2025.12、2025年底`,
  noSuchDay: (text: string) => `日期不存在：${text}`,
  noSuchMonth: (text: string) => `月份不存在：${text}`,
} as const;

/** The task list's workbook (`GET /tasks.xlsx`). */
export const TASK_EXPORT_TEXT = {
  sheet: '任务清单',
  code: '编号',
  title: '任务',
  leadDepartment: '牵头单位',
  coDepartments: '配合单位',
  dueDate: '完成时限',
  status: '状态',
  light: '灯号',
  daysOverdue: '逾期天数',
  percent: '进度（%）',
  lastReportAt: '最近报送日期',
  lastReport: '最近报送',
  clauseRef: '规划条款',
} as const;

/** Who made a workbook, in its properties. */
export const WORKBOOK_CREATOR = 'duban 督办';
