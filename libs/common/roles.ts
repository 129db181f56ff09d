/** Roles of the contract; wire values never change once shipped. */
export enum Role {
  Admin = 'admin',
  Supervisor = 'supervisor',
  Leader = 'leader',
  Liaison = 'liaison',
  Reviewer = 'reviewer',
}
export const ALL_ROLES = Object.values(Role);
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
  /** Holding a password an administrator reset: only /me, /me/password and logout until it is changed. */
  mustChangePassword?: boolean;
}
