/**
 * What the auth domain says to people (Simplified Chinese), in one place: the 401/403/404 texts of the access guard
 * and of sessions, the password rule, and the 4xx texts of accounts and their bulk import. Tests assert these texts:
 * change one here and in the tests together.
 */

export const ACCESS_MESSAGES = {
  unruledRoute: '该接口未配置访问规则',
  passwordChangeRequired: '当前使用的是临时密码，请先修改密码（POST /me/password）',
  forbidden: '当前用户无权执行此操作',
  missingToken: '缺少访问令牌（Authorization: Bearer <token>）',
  idNotUuid: (id: string) => `id 必须是 UUID：${id}`,
  taskNotFound: (id: string) => `任务不存在：${id}`,
  extensionNotFound: (id: string) => `延期申请不存在：${id}`,
} as const;

export const SESSION_MESSAGES = {
  locked: (until: string) => `登录失败次数过多，账号已锁定至 ${until}，请稍后再试或联系管理员`,
  badCredentials: '邮箱或密码错误',
  accountGone: '访问令牌对应的账号不存在或已停用，请重新登录',
  sessionEnded: '会话已结束（已退出、超时或账号已变更），请重新登录',
  invalidToken: '访问令牌无效或已过期，请重新登录',
  noSession: '会话已结束，请重新登录',
  ticketExpired: '链接已失效（一次性、一分钟内有效），请从控制台重新打开',
  ticketSessionGone: '登录已失效，请从控制台重新打开',
} as const;

export const PASSWORD_MESSAGES = {
  tooShort: (minLength: number, length: number) => `密码至少 ${minLength} 位（当前 ${length} 位）`,
  tooFewClasses: (present: number) => `密码须包含小写字母、大写字母、数字、符号中的至少三类（当前 ${present} 类）`,
  tooCommon: '密码过于常见（在常用密码列表中），请换一个',
  containsEmail: '密码不能包含邮箱用户名',
  wrongCurrent: 'currentPassword 不正确',
  unchanged: '新密码不能与当前密码相同',
} as const;

export const USER_MESSAGES = {
  notFound: (idOrEmail: string) => `用户不存在：${idOrEmail}`,
  staleVersion: (current: number, requested: number) => `用户已被他人修改（当前版本 ${current}，请求版本 ${requested}），请刷新后重试`,
  departmentRequired: (role: string) => `角色 ${role} 必须指定 departmentCode`,
  unknownDepartment: (code: string) => `departmentCode 不存在：${code}`,
  emailTaken: (email: string) => `邮箱已被使用：${email}`,
  notOnSelf: '不能停用自己的账号或更改自己的角色',
  adminName: '系统管理员',
} as const;

/** The columns of the account workbook, as its row problems name them. */
export const USER_COLUMN_LABEL = { name: '姓名', email: '邮箱', role: '角色', department: '所属部门' } as const;

export const USER_IMPORT_MESSAGES = {
  unreadable: (reason: string) => `无法读取 XLSX 文件，请用 Excel 或 WPS 另存为 .xlsx 后重试（${reason}）`,
  noHeaderRow: (name: string, email: string, role: string) => `未找到表头行：各工作表前 10 行中没有同时含「${name}」「${email}」「${role}」的行`,
  cell: (row: number, column: string, problem: string) => `第 ${row} 行${column}：${problem}`,
  missing: '未填写',
  nameTooLong: '过长（最多 200 字）',
  badEmail: (email: string) => `格式不正确：${email}`,
  repeatedEmail: (row: number, email: string) => `与第 ${row} 行重复：${email}`,
  unknownRole: (role: string, choices: readonly string[]) => `无法识别「${role}」，可填：${choices.join('、')}`,
  unknownDepartment: (department: string) => `未找到部门「${department}」`,
  departmentRequired: (role: string) => `${role}须填写所属部门`,
  emailTaken: (email: string) => `已被使用：${email}`,
  emailsTaken: (emails: readonly string[]) => `邮箱已被使用：${emails.join('、')}`,
} as const;
