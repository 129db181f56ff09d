/**
 * The operator's account commands, for when nobody can sign in to do it (a lost administrator
 * password, or the first security administrator under SEPARATION_OF_DUTIES):
 *
 *   npm run admin:reset-password -- EMAIL              a temporary password, printed once; unlocks the account
 *   npm run admin:create-user -- EMAIL ROLE NAME [DEPT] an account with a temporary password, printed once
 *
 * Either password must be changed at the first sign-in. Both run against DATABASE_URL, or the
 * embedded database under DATA_DIR (stop duban first: one PostgreSQL server owns a data directory).
 * Audited with no actor (`detail.via: cli`). Exit code 0 on success, 1 on a refusal, 2 when it cannot run.
 */
import 'reflect-metadata';
import { openRuntime, type Runtime } from '../bootstrap.js';
import { AuditService } from '../../libs/audit/audit.service.js';
import { UserService } from '../../libs/auth/user.service.js';
import { DomainError } from '../../libs/common/errors.js';
import { roleNamed } from '../../libs/common/roles.js';
import { withOwnPool } from '../../libs/db/data-source.js';
import { AuditRepository } from '../../libs/db/repositories/audit.repository.js';
import { DepartmentRepository } from '../../libs/db/repositories/department.repository.js';
import { SessionRepository } from '../../libs/db/repositories/session.repository.js';
import { UserRepository } from '../../libs/db/repositories/user.repository.js';

const USAGE = '用法：npm run admin:reset-password -- 邮箱 ｜ npm run admin:create-user -- 邮箱 角色 姓名 [部门代码]';

let runtime: Runtime | undefined;
try {
  const [command, email, roleText, name, department] = process.argv.slice(2);
  if (!email || (command === 'create-user' && (!roleText || !name)) || !['reset-password', 'create-user'].includes(command)) {
    console.error(USAGE);
    process.exit(2);
  }
  runtime = await openRuntime({ ...process.env, SEED_ON_START: 'false' });
  const config = runtime.config;
  await withOwnPool(runtime.databaseUrl, { max: 2, application_name: 'duban-admin' }, async (tx) => {
    const users = new UserService(
      new UserRepository(tx),
      new DepartmentRepository(tx),
      new AuditService(new AuditRepository(tx), tx),
      tx,
      config,
      new SessionRepository(tx),
    );
    if (command === 'reset-password') {
      const user = await users.findByEmail(email);
      const { temporaryPassword } = await users.resetPassword(null, user.id);
      console.log(`已重置 ${user.email}（${user.name}）的密码，原有会话已失效、锁定已解除。临时密码（仅显示一次，登录后须修改）：${temporaryPassword}`);
      if (!user.active) console.log('注意：该账号处于停用状态，需由有权限的管理员启用后才能登录');
    } else {
      const role = roleNamed(roleText);
      if (!role) throw new DomainError(`无法识别角色「${roleText}」`);
      const created = await users.create(null, { email, name, role, departmentCode: department });
      console.log(`已创建 ${created.email}（${created.name}，${role}）。临时密码（仅显示一次，登录后须修改）：${created.temporaryPassword}`);
    }
  });
  process.exitCode = 0;
} catch (error) {
  console.error(`${error instanceof DomainError ? '未执行' : '无法执行'}：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = error instanceof DomainError ? 1 : 2;
} finally {
  await runtime?.close();
}
