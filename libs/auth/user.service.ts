import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../common/errors.js';
import { type Actor, DEPARTMENT_ROLES, Role } from '../common/roles.js';
import { DepartmentRepository } from '../db/repositories/department.repository.js';
import { UserRepository } from '../db/repositories/user.repository.js';
import { Transactions } from '../db/transaction.js';
import { toUserView, type UserView } from './auth.service.js';
import { hashPassword, verifyPassword } from './password.js';
import { SessionRepository } from '../db/repositories/session.repository.js';
import { checkPassword } from './password-policy.js';
import { AppConfig } from '../config/app-config.js';
import { PASSWORD_MESSAGES, USER_MESSAGES } from './auth.messages.js';

export interface NewUser {
  email: string;
  name: string;
  /** Unset: a temporary one is drawn and returned once. */
  password?: string;
  role: Role;
  departmentCode?: string;
  /** Whether the first sign-in must change the password (default true: whoever set it knows it). */
  mustChangePassword?: boolean;
}

/** A new account as its creator sees it: with the temporary password when one was drawn (shown once). */
export type CreatedUser = UserView & { mustChangePassword: boolean; temporaryPassword?: string };

/** A password meeting the rule whatever the draw (three classes are added to the random part). */
export function temporaryPassword(): string {
  return `${randomBytes(9).toString('base64url')}-Tz9`;
}

@Injectable()
export class UserService {
  private readonly logger = new Logger(UserService.name);

  constructor(
    private readonly users: UserRepository,
    private readonly departments: DepartmentRepository,
    private readonly audit: AuditService,
    private readonly tx: Transactions,
    private readonly config: AppConfig,
    private readonly sessions: SessionRepository,
  ) {}

  /**
   * 开户: an account with the password given (by the rule) or a temporary one drawn here; either way the first
   * sign-in must change it unless `mustChangePassword: false` says the holder chose it.
   */
  async create(actor: Actor | null, input: NewUser): Promise<CreatedUser> {
    const needsDepartment = DEPARTMENT_ROLES.includes(input.role);
    if (needsDepartment && !input.departmentCode) throw new InvalidInputError(USER_MESSAGES.departmentRequired(input.role));
    if (input.departmentCode && (await this.departments.unknownCodes([input.departmentCode])).length > 0) {
      throw new InvalidInputError(USER_MESSAGES.unknownDepartment(input.departmentCode));
    }
    const drawn = input.password === undefined ? temporaryPassword() : undefined;
    const password = input.password ?? drawn!;
    checkPassword(password, input.email, this.config.PASSWORD_MIN_LENGTH);
    const passwordHash = await hashPassword(password);
    const mustChangePassword = drawn !== undefined || input.mustChangePassword !== false;
    return this.tx.run(async () => {
      if (await this.users.findByEmail(input.email)) throw new ConflictError(USER_MESSAGES.emailTaken(input.email));
      const user = await this.users.insert({
        email: input.email,
        name: input.name,
        role: input.role,
        departmentCode: needsDepartment || input.departmentCode ? (input.departmentCode ?? null) : null,
        passwordHash,
        mustChangePassword,
      });
      const view = toUserView(user);
      await this.audit.record({
        actorId: actor?.id ?? null,
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        after: { ...view, mustChangePassword },
      });
      return { ...view, mustChangePassword, ...(drawn ? { temporaryPassword: drawn } : {}) };
    });
  }

  /** Active users, optionally of one role or department, by name: whom a supervisor may pick. */
  directory(role?: Role, department?: string) {
    return this.users.directory(role, department);
  }

  list(offset: number, limit: number) {
    return this.users
      .list(offset, limit)
      .then(({ items, total }) => ({ items: items.map((u) => ({ ...toUserView(u), active: u.active, version: u.version })), total }));
  }

  /**
   * 账号变更: name, role, department, active — with the version read. A deactivation, a role or a
   * department change ends the user's sessions at once (its tokens answer 401 on every process).
   */
  async update(actor: Actor, id: string, changes: { name?: string; role?: Role; departmentCode?: string | null; active?: boolean; version?: number }) {
    return this.tx.run(async () => {
      const user = await this.users.findByIdForUpdate(id);
      if (!user) throw new NotFoundError(USER_MESSAGES.notFound(id));
      if (changes.version !== undefined && changes.version !== user.version) {
        throw new ConflictError(USER_MESSAGES.staleVersion(user.version, changes.version));
      }
      if (user.id === actor.id && (changes.active === false || (changes.role !== undefined && changes.role !== user.role))) {
        throw new ForbiddenError(USER_MESSAGES.notOnSelf);
      }
      const role = changes.role ?? user.role;
      const departmentCode = changes.departmentCode !== undefined ? changes.departmentCode : user.departmentCode;
      if (DEPARTMENT_ROLES.includes(role) && !departmentCode) throw new InvalidInputError(USER_MESSAGES.departmentRequired(role));
      if (departmentCode && (await this.departments.unknownCodes([departmentCode])).length > 0)
        throw new InvalidInputError(USER_MESSAGES.unknownDepartment(departmentCode));
      const before = { ...toUserView(user), active: user.active };
      if (changes.name !== undefined) user.name = changes.name;
      user.role = role;
      user.departmentCode = DEPARTMENT_ROLES.includes(role) ? departmentCode : null;
      if (changes.active !== undefined) user.active = changes.active;
      const saved = await this.users.save(user);
      const after = { ...toUserView(saved), active: saved.active };
      const ends = before.active !== after.active || before.role !== after.role || before.departmentCode !== after.departmentCode;
      if (ends) await this.sessions.endAll(id, !after.active ? 'deactivated' : 'role');
      await this.audit.record({ actorId: actor.id, action: 'user.update', entityType: 'user', entityId: id, before, after });
      return { ...after, version: saved.version };
    });
  }

  /**
   * An administrator resets a password: a temporary one, shown once, to be changed at the next sign-in; every
   * session ends and a lockout is lifted. `actor` null: the operator's `npm run admin:reset-password`.
   */
  async resetPassword(actor: Actor | null, id: string): Promise<{ temporaryPassword: string }> {
    const drawn = temporaryPassword();
    const passwordHash = await hashPassword(drawn);
    return this.tx.run(async () => {
      const user = await this.users.findByIdForUpdate(id);
      if (!user) throw new NotFoundError(USER_MESSAGES.notFound(id));
      user.passwordHash = passwordHash;
      user.mustChangePassword = true;
      user.failedLogins = 0;
      user.lockedUntil = null;
      await this.users.save(user);
      await this.sessions.endAll(id, 'reset');
      await this.audit.record({
        actorId: actor?.id ?? null,
        action: 'user.password_reset',
        entityType: 'user',
        entityId: id,
        detail: actor ? null : { via: 'cli' },
      });
      return { temporaryPassword: drawn };
    });
  }

  /** The account of `email` (any case), for the operator's commands. */
  async findByEmail(email: string): Promise<UserView & { active: boolean }> {
    const user = await this.users.findByEmail(email);
    if (!user) throw new NotFoundError(USER_MESSAGES.notFound(email));
    return { ...toUserView(user), active: user.active };
  }

  /** One's own password: the current one, then a new one by the rule; every session of the user ends, this one included. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findById(actor.id);
    if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) throw new InvalidInputError(PASSWORD_MESSAGES.wrongCurrent);
    if (currentPassword === newPassword) throw new InvalidInputError(PASSWORD_MESSAGES.unchanged);
    checkPassword(newPassword, user.email, this.config.PASSWORD_MIN_LENGTH);
    const passwordHash = await hashPassword(newPassword);
    await this.tx.run(async () => {
      const locked = await this.users.findByIdForUpdate(actor.id);
      if (!locked) throw new NotFoundError(USER_MESSAGES.notFound(actor.id));
      locked.passwordHash = passwordHash;
      locked.mustChangePassword = false;
      await this.users.save(locked);
      await this.sessions.endAll(actor.id, 'password');
      await this.audit.record({ actorId: actor.id, action: 'user.password_change', entityType: 'user', entityId: actor.id });
    });
  }

  /**
   * One's own display settings (大字模式), kept with the account so they follow the user to another computer or phone.
   * A change is audited with the value before and after; sending the value already held changes and records nothing.
   */
  async setPreferences(actor: Actor, preferences: { largeText: boolean }): Promise<{ largeText: boolean }> {
    return this.tx.run(async () => {
      const before = await this.users.findByIdForUpdate(actor.id);
      if (!before) throw new NotFoundError(USER_MESSAGES.notFound(actor.id));
      if (before.largeText !== preferences.largeText) {
        await this.users.setLargeText(actor.id, preferences.largeText);
        await this.audit.record({
          actorId: actor.id,
          action: 'user.preferences',
          entityType: 'user',
          entityId: actor.id,
          before: { largeText: before.largeText },
          after: { largeText: preferences.largeText },
        });
      }
      return { largeText: preferences.largeText };
    });
  }

  /** First start: creates the administrator when no user exists (once, even with many processes starting). */
  async ensureAdmin(email: string, password: string | undefined): Promise<void> {
    await this.tx.run(async () => {
      await this.users.lockBootstrap();
      if ((await this.users.count()) > 0) return;
      // ADMIN_PASSWORD is the operator's own choice; a drawn one is printed once and must be changed at the first sign-in.
      const created = await this.create(null, { email, name: USER_MESSAGES.adminName, password, role: Role.Admin, mustChangePassword: password === undefined });
      if (created.temporaryPassword) this.logger.warn(`已创建管理员 ${email}，初始密码（仅显示一次，首次登录须修改）：${created.temporaryPassword}`);
      else this.logger.log(`已创建管理员 ${email}`);
    });
  }
}
