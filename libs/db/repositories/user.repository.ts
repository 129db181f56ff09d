import { Injectable } from '@nestjs/common';
import { UserEntity } from '../entities/user.entity.js';
import { Transactions } from '../transaction.js';

/** A user as access checks see it: no password hash. */
export type UserAccount = Pick<UserEntity, 'id' | 'email' | 'name' | 'role' | 'departmentCode' | 'active'>;

@Injectable()
export class UserRepository {
  constructor(private readonly tx: Transactions) {}

  private repo() {
    return this.tx.manager().getRepository(UserEntity);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo().findOneBy({ email: email.toLowerCase() });
  }

  /** Which of `emails` (any case) are taken. */
  async takenEmails(emails: string[]): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const rows = await this.tx
      .manager()
      .query<Array<{ email: string }>>('SELECT email FROM app_user WHERE email = ANY($1)', [emails.map((e) => e.toLowerCase())]);
    return new Set(rows.map((r) => r.email));
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo().findOneBy({ id });
  }

  /**
   * What an authenticated request needs of its caller, by hand-written SQL: every such request
   * runs it, and TypeORM's findOneBy built and hydrated a query each time for a one-row read.
   */
  async findAccount(id: string): Promise<UserAccount | null> {
    const rows = await this.tx
      .manager()
      .query<UserAccount[]>('SELECT id, email, name, role, department_code AS "departmentCode", active FROM app_user WHERE id = $1', [id]);
    return rows[0] ?? null;
  }

  count(): Promise<number> {
    return this.repo().count();
  }

  insert(user: Omit<Partial<UserEntity>, 'id'>): Promise<UserEntity> {
    return this.repo().save(this.repo().create({ ...user, email: user.email?.toLowerCase() }));
  }

  async list(offset: number, limit: number): Promise<{ items: UserEntity[]; total: number }> {
    const [items, total] = await this.repo().findAndCount({ order: { createdAt: 'ASC' }, skip: offset, take: limit });
    return { items, total };
  }

  /** Active users (of a role, of a department), by name, without anything but who they are. */
  directory(role?: string, department?: string): Promise<Array<Pick<UserEntity, 'id' | 'name' | 'role' | 'departmentCode'>>> {
    return this.repo().find({
      select: { id: true, name: true, role: true, departmentCode: true },
      where: { active: true, ...(role ? { role: role as UserEntity['role'] } : {}), ...(department ? { departmentCode: department } : {}) },
      order: { name: 'ASC' },
      take: 1000,
    });
  }

  /** The active users of a role, by name (e.g. the supervisors a 分工表 may name as 督办责任人). */
  activeWithRole(role: UserEntity['role']): Promise<Array<Pick<UserEntity, 'id' | 'name' | 'email'>>> {
    return this.repo().find({ select: { id: true, name: true, email: true }, where: { role, active: true }, order: { name: 'ASC' } });
  }

  /** The kinds each of `ids` takes off mail (its own choice), by user. */
  async mailMuted(ids: string[]): Promise<Map<string, string[]>> {
    if (ids.length === 0) return new Map();
    const rows = await this.tx
      .manager()
      .query<Array<{ id: string; mailMuted: string[] }>>('SELECT id, mail_muted AS "mailMuted" FROM app_user WHERE id = ANY($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [r.id, r.mailMuted]));
  }

  async setMailMuted(id: string, kinds: string[]): Promise<void> {
    await this.tx.manager().query('UPDATE app_user SET mail_muted = $2 WHERE id = $1', [id, kinds]);
  }

  async setLargeText(id: string, on: boolean): Promise<void> {
    await this.tx.manager().query('UPDATE app_user SET large_text = $2 WHERE id = $1', [id, on]);
  }

  findByIdForUpdate(id: string): Promise<UserEntity | null> {
    return this.repo().findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(user: UserEntity): Promise<UserEntity> {
    return this.repo().save(user);
  }

  /** Serialises first-start admin creation across processes starting at once. */
  async lockBootstrap(): Promise<void> {
    await this.tx.manager().query('SELECT pg_advisory_xact_lock(hashtext($1))', ['duban:bootstrap-admin']);
  }
}
