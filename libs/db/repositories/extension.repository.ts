import { Injectable } from '@nestjs/common';
import { ExtensionRequestEntity } from '../entities/extension-request.entity.js';
import { Transactions } from '../transaction.js';

@Injectable()
export class ExtensionRepository {
  constructor(private readonly tx: Transactions) {}

  private repo() {
    return this.tx.manager().getRepository(ExtensionRequestEntity);
  }

  insert(
    request: Omit<ExtensionRequestEntity, 'id' | 'createdAt' | 'decidedBy' | 'decidedAt' | 'decisionComment' | 'status'>,
  ): Promise<ExtensionRequestEntity> {
    return this.repo().save(this.repo().create(request));
  }

  findById(id: string): Promise<ExtensionRequestEntity | null> {
    return this.repo().findOneBy({ id });
  }

  findByIdForUpdate(id: string): Promise<ExtensionRequestEntity | null> {
    return this.repo().createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :id', { id }).getOne();
  }

  hasPending(taskId: string): Promise<boolean> {
    return this.repo().existsBy({ taskId, status: 'pending' as ExtensionRequestEntity['status'] });
  }

  save(request: ExtensionRequestEntity): Promise<ExtensionRequestEntity> {
    return this.repo().save(request);
  }

  listForTask(taskId: string): Promise<ExtensionRequestEntity[]> {
    return this.repo().find({ where: { taskId }, order: { createdAt: 'ASC' } });
  }
}
