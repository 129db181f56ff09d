import type { Role } from './tasks';

/** The caller as the console knows it: its role, department and the permissions GET /me (or the login) listed. */
export interface Grantee {
  role: Role;
  departmentCode: string | null;
  /** Permission → task scope (`any`, `visible`, `member`, `lead`), from the API's one access table. */
  permissions?: Record<string, string>;
}

/**
 * Whether the API would let `user` do `permission` (to `task`): the same rule as decide() in
 * libs/auth/permissions.ts — a department role acts on tasks its department leads or, unless the
 * scope is `lead`, co-operates on. Buttons are shown from this, so none leads to a 403.
 */
export function can(user: Grantee, permission: string, task?: { leadDepartmentCode: string; coDepartmentCodes: string[] }): boolean {
  const scope = user.permissions?.[permission];
  if (!scope) return false;
  if (!task || scope === 'any' || (user.role !== 'liaison' && user.role !== 'leader')) return true;
  if (task.leadDepartmentCode === user.departmentCode) return true;
  return scope !== 'lead' && user.departmentCode !== null && task.coDepartmentCodes.includes(user.departmentCode);
}
