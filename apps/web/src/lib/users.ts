import type { Role } from './tasks';
import type { Schemas } from './types';

/** A user as `GET /api/v1/users` lists it. */
export type UserRow = Schemas['AccountDto'];

/** What the administrator fills in to create a user (`POST /api/v1/users`). */
export interface UserForm {
  email: string;
  name: string;
  /** Empty: the API draws a temporary password and shows it once. */
  password?: string;
  role: Role;
  departmentCode?: string;
  /** The first sign-in must change the password (the API's default). */
  mustChangePassword?: boolean;
}

/** The roles in the order the form offers them. */
export const ROLE_ORDER: Role[] = ['liaison', 'leader', 'supervisor', 'reviewer', 'admin', 'security_admin', 'auditor'];

/** 部门负责人 and 联络员 belong to a department; the others see every department. */
export function needsDepartment(role: Role | undefined): boolean {
  return role === 'leader' || role === 'liaison';
}

export const PASSWORD_MIN = 10;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The form's problems, field by field, in Chinese (the API's rules: an e-mail, a name, 10+ characters (the API also asks three character classes and no common password), a department for leader and liaison). */
export function userFormErrors(form: Partial<UserForm>): Partial<Record<keyof UserForm, string>> {
  const errors: Partial<Record<keyof UserForm, string>> = {};
  const email = form.email?.trim() ?? '';
  if (!email) errors.email = '请填写邮箱';
  else if (!EMAIL.test(email) || email.length > 320) errors.email = '邮箱格式不正确';
  if (!form.name?.trim()) errors.name = '请填写姓名';
  else if (form.name.trim().length > 200) errors.name = '姓名过长';
  if (!form.password) {
    // Left empty: a temporary password is drawn by the API.
  } else if (form.password.length < PASSWORD_MIN) errors.password = `初始密码至少 ${PASSWORD_MIN} 位`;
  else if (form.password.length > 200) errors.password = '初始密码过长';
  if (!form.role) errors.role = '请选择角色';
  else if (needsDepartment(form.role) && !form.departmentCode) errors.departmentCode = '部门负责人和联络员须选择所属部门';
  return errors;
}

/** The body to send: trimmed, a password only when one was typed, and a department only for the roles that have one. */
export function userBody(form: UserForm): UserForm {
  return {
    email: form.email.trim(),
    name: form.name.trim(),
    ...(form.password ? { password: form.password, mustChangePassword: form.mustChangePassword !== false } : {}),
    role: form.role,
    ...(needsDepartment(form.role) && form.departmentCode ? { departmentCode: form.departmentCode } : {}),
  };
}
