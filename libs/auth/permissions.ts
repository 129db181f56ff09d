import { type Actor, ALL_ROLES, DEPARTMENT_ROLES, Role, WORK_ROLES } from '../common/roles.js';

/**
 * Who may do what, in one table. Every route names one permission; the access
 * guard applies it. `scope` says how a task's departments limit the action:
 * - `visible`: lead or co-department (department roles), any task (others);
 * - `member`: the caller's department leads or co-operates on the task;
 * - `lead`: the caller's department leads the task.
 * A task outside what the caller may see is 404; an action the caller may not take is 403.
 */
export const PERMISSIONS = {
  'me.read': { roles: ALL_ROLES },
  'me.password': { roles: ALL_ROLES },
  // One's own display settings (大字模式).
  'me.preferences': { roles: ALL_ROLES },
  'auth.logout': { roles: ALL_ROLES },
  'notification.list': { roles: ALL_ROLES },
  'notification.read': { roles: ALL_ROLES },
  'notification.preferences': { roles: ALL_ROLES },
  // Account management and audit reading: the security administrator's and the auditor's, and the admin's unless
  // SEPARATION_OF_DUTIES (三员分立) takes them away from it (`separable`).
  'user.list': { roles: [Role.SecurityAdmin, Role.Admin], separable: true },
  'user.create': { roles: [Role.SecurityAdmin, Role.Admin], separable: true },
  'user.update': { roles: [Role.SecurityAdmin, Role.Admin], separable: true },
  'user.reset-password': { roles: [Role.SecurityAdmin, Role.Admin], separable: true },
  'user.import': { roles: [Role.SecurityAdmin, Role.Admin], separable: true },
  'audit.read': { roles: [Role.Auditor, Role.Admin], separable: true },
  // Whom to pick as assignee or owning supervisor: names and roles only.
  'user.directory': { roles: [Role.Supervisor, Role.Admin] },
  'department.list': { roles: ALL_ROLES },
  'plan.read': { roles: WORK_ROLES },
  // 结转 moves a plan's open work into the next plan: a plan-wide decision of the supervisors (or the administrator).
  'plan.carry-over': { roles: [Role.Supervisor, Role.Admin] },
  'task.list': { roles: WORK_ROLES },
  // A supervisor creates any task; the lead department's liaison or leader only sub-tasks of its own (TaskService checks the parent).
  'task.create': { roles: [Role.Supervisor, Role.Liaison, Role.Leader] },
  'task.read': { roles: WORK_ROLES, scope: 'visible' },
  // Scoped like the list it mirrors: a department role exports its own department's work.
  'task.export': { roles: WORK_ROLES },
  'task.import': { roles: [Role.Supervisor] },
  'task.bulk': { roles: [Role.Supervisor] },
  'task.notice': { roles: [Role.Supervisor], scope: 'visible' },
  'task.edit': { roles: [Role.Supervisor], scope: 'visible' },
  'task.accept': { roles: [Role.Liaison], scope: 'lead' },
  'task.progress': { roles: [Role.Liaison], scope: 'member' },
  'task.evidence.upload': { roles: [Role.Liaison], scope: 'member' },
  'task.evidence.read': { roles: WORK_ROLES, scope: 'visible' },
  'task.submit': { roles: [Role.Liaison], scope: 'lead' },
  'task.approve': { roles: [Role.Supervisor], scope: 'visible' },
  // A supervisor returns what waits for review; the lead department's leader what waits for its sign-off (TaskService tells which).
  'task.return': { roles: [Role.Supervisor, Role.Leader], scope: 'lead' },
  'task.signoff': { roles: [Role.Leader], scope: 'lead' },
  'task.cancel': { roles: [Role.Supervisor], scope: 'visible' },
  'task.reopen': { roles: [Role.Supervisor], scope: 'visible' },
  'task.extension.request': { roles: [Role.Liaison], scope: 'lead' },
  'task.history': { roles: WORK_ROLES, scope: 'visible' },
  'task.comment.read': { roles: WORK_ROLES, scope: 'visible' },
  // Those working on the task comment (批示 only supervisors and leaders, CommentService); reviewers and the admin read.
  'task.comment': { roles: [Role.Supervisor, Role.Leader, Role.Liaison], scope: 'visible' },
  'extension.decide': { roles: [Role.Supervisor], scope: 'visible' },
  // On a task that requires sign-off, the lead department's leader agrees to an extension request before the supervisor decides.
  'extension.endorse': { roles: [Role.Leader], scope: 'lead' },
  'indicator.list': { roles: WORK_ROLES },
  // Which department's liaison may report is decided by the indicator, in IndicatorService.
  'indicator.report': { roles: [Role.Liaison] },
  // Scoped in DashboardService: a department role sees its own department only.
  'dashboard.read': { roles: WORK_ROLES },
  'dashboard.bulletin': { roles: [Role.Supervisor, Role.Admin, Role.Reviewer] },
  // One's own feed only; the feed itself is fetched with its token (a public route).
  'calendar-feed.manage': { roles: WORK_ROLES },
  'calendar.read': { roles: WORK_ROLES },
  'calendar.manage': { roles: [Role.Admin] },
  'webhook.manage': { roles: [Role.Admin] },
  'delivery.list': { roles: [Role.Admin] },
  'queue.dashboard': { roles: [Role.Admin] },
  // What /health (public: up or down per component) adds for an administrator: error texts, endpoints, the queue backend.
  'health.details': { roles: [Role.Admin] },
  // The plan's staged evaluation names every department's problems, so it is read as the 通报 is: by the plan-wide roles.
  'evaluation.read': { roles: [Role.Supervisor, Role.Reviewer, Role.Admin] },
  'evaluation.write': { roles: [Role.Supervisor, Role.Reviewer] },
  'evaluation.finalize': { roles: [Role.Admin] },
  'assessment.list': { roles: [Role.Reviewer, Role.Admin] },
  'assessment.open': { roles: [Role.Reviewer, Role.Admin] },
  'assessment.read': { roles: [Role.Reviewer, Role.Supervisor, Role.Admin] },
  'assessment.score': { roles: [Role.Reviewer] },
  'assessment.finalize': { roles: [Role.Admin] },
  'assessment.report': { roles: [Role.Reviewer, Role.Supervisor, Role.Admin] },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;
export type TaskScope = 'visible' | 'member' | 'lead';
/** `separable`: the admin holds it only while duties are not separated. */
interface Rule {
  roles: readonly Role[];
  scope?: TaskScope;
  separable?: boolean;
}
/** How the deployment divides duties; SEPARATION_OF_DUTIES=true separates them. */
export interface Duties {
  separated: boolean;
}
const UNSEPARATED: Duties = { separated: false };

/** The roles holding `permission` under `duties`. */
export function rolesOf(permission: Permission, duties: Duties = UNSEPARATED): readonly Role[] {
  const rule: Rule = PERMISSIONS[permission];
  return duties.separated && rule.separable ? rule.roles.filter((role) => role !== Role.Admin) : rule.roles;
}
export interface TaskDepartments {
  leadDepartmentCode: string;
  coDepartmentCodes: readonly string[];
}

export type AccessDecision = 'allow' | 'forbidden' | 'not_found';

/** The department a caller is confined to, or null for roles that see every department. */
export function confinedDepartment(actor: Actor): string | null {
  return DEPARTMENT_ROLES.includes(actor.role) ? (actor.departmentCode ?? '') : null;
}

export function canSeeTask(actor: Actor, task: TaskDepartments): boolean {
  const department = confinedDepartment(actor);
  return department === null || task.leadDepartmentCode === department || task.coDepartmentCodes.includes(department);
}

/** Decides `permission` for `actor`; `task` is the task the route acts on, when it acts on one. */
export function decide(actor: Actor, permission: Permission, task?: TaskDepartments, duties: Duties = UNSEPARATED): AccessDecision {
  const rule: Rule = PERMISSIONS[permission];
  const roles = rolesOf(permission, duties);
  if (!task || !rule.scope) return roles.includes(actor.role) ? 'allow' : 'forbidden';
  // Hide what the caller may not see before saying what it may not do.
  if (!canSeeTask(actor, task)) return 'not_found';
  if (!roles.includes(actor.role)) return 'forbidden';
  const department = confinedDepartment(actor);
  if (rule.scope === 'lead' && department !== null && task.leadDepartmentCode !== department) return 'forbidden';
  return 'allow';
}

export function permissionScope(permission: Permission): TaskScope | undefined {
  const rule: Rule = PERMISSIONS[permission];
  return rule.scope;
}

/**
 * What `role` may do, for the console to offer only that (GET /me and the login answer): each
 * permission it holds with its task scope (`any` when the permission is not about one task).
 * The console applies the same scope rule to a task as decide() does here.
 */
export function grantsOf(role: Role, duties: Duties = UNSEPARATED): Record<string, TaskScope | 'any'> {
  const grants: Record<string, TaskScope | 'any'> = {};
  for (const [permission, rule] of Object.entries(PERMISSIONS) as Array<[Permission, Rule]>) {
    if (rolesOf(permission, duties).includes(role)) grants[permission] = rule.scope ?? 'any';
  }
  return grants;
}

/**
 * What a user holding a reset (temporary) password may still do: read itself, change the password, sign out, and
 * switch 大字模式 — the 修改密码 screen it is held on shows the switch, and an older official may need large text to
 * type the new password.
 */
export const WHILE_PASSWORD_CHANGE_REQUIRED: readonly Permission[] = ['me.read', 'me.password', 'me.preferences', 'auth.logout'];
