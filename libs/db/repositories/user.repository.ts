import { Injectable } from '@nestjs/common';
import { UserEntity } from '../entities/user.entity.js';
import { Transactions } from '../transaction.js';

@Injectable()
export class UserRepository {
  constructor(private readonly tx: Transactions) {}

  private repo() {
    return this.tx.manager().getRepository(UserEntity);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo().findOneBy({ email: email.toLowerCase() });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo().findOneBy({ id });
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

  /** Serialises first-start admin creation across processes starting at once. */
  async lockBootstrap(): Promise<void> {
    await this.tx.manager().query('SELECT pg_advisory_xact_lock(hashtext($1))', ['duban:bootstrap-admin']);
  }
}
