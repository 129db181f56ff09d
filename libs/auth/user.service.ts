import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { ConflictError, InvalidInputError } from '../common/errors.js';
import { type Actor, DEPARTMENT_ROLES, Role } from '../common/roles.js';
import { DepartmentRepository } from '../db/repositories/department.repository.js';
import { UserRepository } from '../db/repositories/user.repository.js';
import { Transactions } from '../db/transaction.js';
import { toUserView, type UserView } from './auth.service.js';
import { hashPassword } from './password.js';
import { checkPassword } from './password-policy.js';
import { AppConfig } from '../config/app-config.js';

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  departmentCode?: string;
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
  ) {}

  async create(actor: Actor | null, input: NewUser): Promise<UserView> {
    const needsDepartment = DEPARTMENT_ROLES.includes(input.role);
    if (needsDepartment && !input.departmentCode) throw new InvalidInputError(`角色 ${input.role} 必须指定 departmentCode`);
    if (input.departmentCode && (await this.departments.unknownCodes([input.departmentCode])).length > 0) {
      throw new InvalidInputError(`departmentCode 不存在：${input.departmentCode}`);
    }
    checkPassword(input.password, input.email, this.config.PASSWORD_MIN_LENGTH);
    const passwordHash = await hashPassword(input.password);
    return this.tx.run(async () => {
      if (await this.users.findByEmail(input.email)) throw new ConflictError(`邮箱已被使用：${input.email}`);
      const user = await this.users.insert({
        email: input.email,
        name: input.name,
        role: input.role,
        departmentCode: needsDepartment || input.departmentCode ? (input.departmentCode ?? null) : null,
        passwordHash,
      });
      const view = toUserView(user);
      await this.audit.record({ actorId: actor?.id ?? null, action: 'user.create', entityType: 'user', entityId: user.id, after: { ...view } });
      return view;
    });
  }

  /** Active users, optionally of one role or department, by name: whom a supervisor may pick. */
  directory(role?: Role, department?: string) {
    return this.users.directory(role, department);
  }

  list(offset: number, limit: number) {
    return this.users.list(offset, limit).then(({ items, total }) => ({ items: items.map(toUserView), total }));
  }

  /** First start: creates the administrator when no user exists (once, even with many processes starting). */
  async ensureAdmin(email: string, password: string | undefined): Promise<void> {
    await this.tx.run(async () => {
      await this.users.lockBootstrap();
      if ((await this.users.count()) > 0) return;
      // A random one meets the rule whatever the draw: three classes are added to it.
      const chosen = password ?? `${randomBytes(12).toString('base64url')}-Aa1`;
      await this.create(null, { email, name: '系统管理员', password: chosen, role: Role.Admin });
      if (password) this.logger.log(`已创建管理员 ${email}`);
      // Printed once: nobody can read it back later.
      else this.logger.warn(`已创建管理员 ${email}，初始密码（仅显示一次）：${chosen}`);
    });
  }
}
