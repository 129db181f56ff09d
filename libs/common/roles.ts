/** Roles of the contract; wire values never change once shipped. */
export enum Role {
  Admin = 'admin',
  Supervisor = 'supervisor',
  Leader = 'leader',
  Liaison = 'liaison',
  Reviewer = 'reviewer',
  /** 安全审计员: reads the audit log, nothing else (三员分立). */
  Auditor = 'auditor',
  /** 安全管理员: manages accounts (三员分立). */
  SecurityAdmin = 'security_admin',
}
export const ALL_ROLES = Object.values(Role);
/** The roles that work on the plan; the auditor and the security administrator see none of it. */
export const WORK_ROLES: readonly Role[] = [Role.Admin, Role.Supervisor, Role.Leader, Role.Liaison, Role.Reviewer];
/** Each role's Chinese name (the console's and the account import's), then other names tables use for it. */
export const ROLE_NAMES: Record<Role, readonly string[]> = {
  [Role.Liaison]: ['联络员'],
  [Role.Leader]: ['部门负责人', '负责人', '分管负责人'],
  [Role.Supervisor]: ['督查', '督查员', '督办员'],
  [Role.Reviewer]: ['考核', '考核员', '考核人员'],
  [Role.Admin]: ['管理员', '系统管理员'],
  [Role.Auditor]: ['安全审计员', '审计员'],
  [Role.SecurityAdmin]: ['安全管理员'],
};

/** The role a cell names: its wire value or one of its Chinese names; null when none. */
export function roleNamed(text: string): Role | null {
  const bare = text.replace(/\s+/g, '');
  for (const role of ALL_ROLES) if (bare === String(role) || ROLE_NAMES[role].includes(bare)) return role;
  return null;
}

/** Roles bound to one department; the others see every department. */
export const DEPARTMENT_ROLES: readonly Role[] = [Role.Leader, Role.Liaison];

/** Who is acting: what the access token says. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentCode: string | null;
  /** The session the request's token names (ended by a logout). */
  sessionId?: string;
  /** Holding a password an administrator reset: only /me, /me/password, /me/preferences and logout until it is changed. */
  mustChangePassword?: boolean;
  /**
   * The account's 大字模式, for GET /me: read with the account on every request (one boolean more), so /me stays the one
   * statement the token check already runs.
   */
  largeText?: boolean;
}
