import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { UnauthorizedError } from '../common/errors.js';
import type { Actor, Role } from '../common/roles.js';
import { UserRepository } from '../db/repositories/user.repository.js';
import { hashPassword, verifyPassword } from './password.js';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentCode: string | null;
}

@Injectable()
export class AuthService {
  /** Verified against when the e-mail is unknown, so timing does not reveal which accounts exist. */
  private readonly decoyHash = hashPassword('decoy-password-for-timing');

  constructor(
    private readonly users: UserRepository,
    private readonly jwt: JwtService,
  ) {}

  async login(email: string, password: string): Promise<{ accessToken: string; user: UserView }> {
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? (await this.decoyHash), password);
    if (!user || !ok || !user.active) throw new UnauthorizedError('邮箱或密码错误');
    const view = toUserView(user);
    const accessToken = await this.jwt.signAsync({ sub: view.id, email: view.email, name: view.name, role: view.role, dept: view.departmentCode });
    return { accessToken, user: view };
  }

  /**
   * The caller an access token names, as the database has it now: a token whose
   * user is gone or deactivated is refused, and a changed role or department
   * applies at once instead of when the token expires. Only `sub` is read from the
   * token, so a token with missing or odd claims cannot act as anyone.
   */
  async actorOf(token: string): Promise<Actor> {
    let sub: unknown;
    try {
      sub = (await this.jwt.verifyAsync<{ sub?: unknown }>(token)).sub;
    } catch {
      throw new UnauthorizedError('访问令牌无效或已过期，请重新登录');
    }
    const user = typeof sub === 'string' && isUUID(sub) ? await this.users.findById(sub) : null;
    if (!user || !user.active) throw new UnauthorizedError('访问令牌对应的账号不存在或已停用，请重新登录');
    return toUserView(user);
  }
}

export function toUserView(user: UserView): UserView {
  return { id: user.id, email: user.email, name: user.name, role: user.role, departmentCode: user.departmentCode };
}
