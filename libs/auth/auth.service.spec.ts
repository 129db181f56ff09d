import { createSecretKey, randomBytes } from 'node:crypto';
import { jest } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { jwtOptions } from './jwt-options.js';
import { Role } from '../common/roles.js';
import type { UserAccount, UserRepository } from '../db/repositories/user.repository.js';
import { AuthService } from './auth.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AppConfig } from '../config/app-config.js';
import type { SessionRepository } from '../db/repositories/session.repository.js';

const ID = '0b7f3c2e-8d4a-4f5b-9c1d-2e3f4a5b6c7d';
const SID = '5d1e8a2b-3c4f-4a6b-8d9e-0f1a2b3c4d5e';

/** AuthService on a real JwtService and an account held in memory (what the database would answer). */
function setUp() {
  let account: UserAccount = { id: ID, email: 'lianluo@finance.gov.cn', name: '财政局联络员', role: Role.Liaison, departmentCode: 'finance', active: true };
  let live = true;
  const sessions = {
    account: async (id: string, sid: string) =>
      id === account.id && sid === SID ? { ...account, mustChangePassword: false, largeText: false, live, stale: false } : null,
  } as unknown as SessionRepository;
  const jwt = new JwtService(jwtOptions(createSecretKey(randomBytes(32))));
  const config = { SESSION_IDLE_MINUTES: 30 } as AppConfig;
  return {
    auth: new AuthService({} as UserRepository, jwt, sessions, {} as AuditService, config),
    token: (expiresIn = 3600) => jwt.signAsync({ sub: ID, sid: SID }, { expiresIn }),
    change: (changes: Partial<UserAccount>) => (account = { ...account, ...changes }),
    end: () => (live = false),
  };
}

describe('the caller a token names', () => {
  afterEach(() => jest.useRealTimers());

  it('refuses a token from the second it expires, though it was accepted before', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-29T08:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const { auth, token } = setUp();
    const expiring = await token(60);
    await expect(auth.actorOf(expiring)).resolves.toMatchObject({ id: ID });
    jest.setSystemTime(new Date('2026-11-29T08:00:59.999Z'));
    await expect(auth.actorOf(expiring)).resolves.toMatchObject({ id: ID });
    jest.setSystemTime(new Date('2026-11-29T08:01:00Z'));
    await expect(auth.actorOf(expiring)).rejects.toThrow('访问令牌无效或已过期');
  });

  it('refuses a token altered in any part after the genuine one was accepted', async () => {
    const { auth, token } = setUp();
    const genuine = await token();
    await expect(auth.actorOf(genuine)).resolves.toMatchObject({ id: ID });
    const [header, payload, signature] = genuine.split('.');
    const flip = (part: string) => `${part.slice(0, -2)}${part.at(-2) === 'A' ? 'B' : 'A'}${part.at(-1)}`;
    for (const altered of [`${header}.${payload}.${flip(signature)}`, `${header}.${flip(payload)}.${signature}`, `${flip(header)}.${payload}.${signature}`]) {
      await expect(auth.actorOf(altered)).rejects.toThrow('访问令牌无效或已过期');
    }
    await expect(auth.actorOf(genuine)).resolves.toMatchObject({ id: ID });
  });

  it('reads the account on every request: a deactivation or a new role applies to a token already accepted', async () => {
    const { auth, token, change } = setUp();
    const accepted = await token();
    await expect(auth.actorOf(accepted)).resolves.toMatchObject({ role: Role.Liaison, departmentCode: 'finance' });
    change({ role: Role.Leader, departmentCode: 'edu' });
    await expect(auth.actorOf(accepted)).resolves.toMatchObject({ role: Role.Leader, departmentCode: 'edu' });
    change({ active: false });
    await expect(auth.actorOf(accepted)).rejects.toThrow('账号不存在或已停用');
  });

  it('refuses a token whose session has ended (logout, password change, idle)', async () => {
    const { auth, token, end } = setUp();
    const accepted = await token();
    await expect(auth.actorOf(accepted)).resolves.toMatchObject({ id: ID, sessionId: SID });
    end();
    await expect(auth.actorOf(accepted)).rejects.toThrow('会话已结束');
  });
});
