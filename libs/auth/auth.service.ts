import { grantsOf } from './permissions.js';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
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

/** How many verified tokens a process remembers: far more than the people signed in at once. */
const VERIFIED_TOKENS = 10_000;

@Injectable()
export class AuthService {
  /** Verified against when the e-mail is unknown, so timing does not reveal which accounts exist. */
  private readonly decoyHash = hashPassword('decoy-password-for-timing');
  private readonly verified = new LRUCache<string, { sub: unknown; expiresAt: number }>({ max: VERIFIED_TOKENS });

  constructor(
    private readonly users: UserRepository,
    private readonly jwt: JwtService,
  ) {}

  async login(email: string, password: string): Promise<{ accessToken: string; user: UserView & { permissions: Record<string, string> } }> {
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? (await this.decoyHash), password);
    if (!user || !ok || !user.active) throw new UnauthorizedError('邮箱或密码错误');
    const view = toUserView(user);
    const accessToken = await this.jwt.signAsync({ sub: view.id, email: view.email, name: view.name, role: view.role, dept: view.departmentCode });
    return { accessToken, user: { ...view, permissions: grantsOf(view.role) } };
  }

  /**
   * The caller an access token names, as the database has it now: a token whose
   * user is gone or deactivated is refused, and a changed role or department
   * applies at once instead of when the token expires. Only `sub` is read from the
   * token, so a token with missing or odd claims cannot act as anyone.
   */
  async actorOf(token: string): Promise<Actor> {
    const sub = await this.subjectOf(token);
    const user = typeof sub === 'string' && isUUID(sub) ? await this.users.findAccount(sub) : null;
    if (!user || !user.active) throw new UnauthorizedError('访问令牌对应的账号不存在或已停用，请重新登录');
    return toUserView(user);
  }

  /**
   * The subject of a valid, unexpired token. A token verified once is remembered with its
   * expiry until then: verifying (base64, JSON, HMAC) was a fifth of an authenticated
   * request's CPU, and a token's signature cannot change. Keyed by the whole token, so an
   * altered or forged one is never found and is verified in full.
   */
  private async subjectOf(token: string): Promise<unknown> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAt) return known.sub;
    try {
      const claims = await this.jwt.verifyAsync<{ sub?: unknown; exp?: number }>(token);
      if (typeof claims.exp === 'number') this.verified.set(token, { sub: claims.sub, expiresAt: claims.exp * 1000 });
      return claims.sub;
    } catch {
      this.verified.delete(token);
      throw new UnauthorizedError('访问令牌无效或已过期，请重新登录');
    }
  }
}

export function toUserView(user: UserView): UserView {
  return { id: user.id, email: user.email, name: user.name, role: user.role, departmentCode: user.departmentCode };
}
