import { can, type Grantee } from './permissions';
import type { Role } from './tasks';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentCode: string | null;
  /** Permission → scope, from the API's access table (the login answer and GET /me). */
  permissions?: Record<string, string>;
  /** A reset (temporary) password: the console shows only the change-password screen. */
  mustChangePassword?: boolean;
  /** 大字模式 as the account keeps it (the login answer, GET /me, PUT /me/preferences); absent in a session saved before. */
  largeText?: boolean;
}

const TOKEN = 'duban.token';
const USER = 'duban.user';

/** The login lives in this tab only (sessionStorage): closing the tab signs out. */
export function loadSession(): { token: string; user: SessionUser } | null {
  const token = sessionStorage.getItem(TOKEN);
  const user = sessionStorage.getItem(USER);
  if (!token || !user) return null;
  try {
    return { token, user: JSON.parse(user) as SessionUser };
  } catch {
    return null;
  }
}

export function saveSession(token: string, user: SessionUser): void {
  sessionStorage.setItem(TOKEN, token);
  sessionStorage.setItem(USER, JSON.stringify(user));
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(USER);
}

export function token(): string | null {
  return sessionStorage.getItem(TOKEN);
}

/** Where each role starts: the admin at 用户管理 while it manages accounts (not under 三员分立), else at 督办台. */
export function homePath(user: Grantee): string {
  switch (user.role) {
    case 'auditor':
      return '/audit';
    case 'security_admin':
      return '/users';
    case 'liaison':
      return '/tasks';
    case 'leader':
      return '/department';
    case 'reviewer':
      return '/assessment';
    case 'admin':
      return can(user, 'user.list') ? '/users' : '/board';
    case 'supervisor':
    default:
      return '/board';
  }
}

/** The sign-in page, remembering the page a link led to (a mailed task link, say) so sign-in can return there. */
export function loginPath(pathname: string, search: string): string {
  const here = pathname + search;
  return here === '/' || here.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}

/** The remembered page of `/login?next=…`, only when it is a path of the console itself: never another site (an open redirect). */
export function nextPath(search: string): string | null {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\') || next.startsWith('/login')) return null;
  return next;
}
