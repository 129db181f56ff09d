import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { ExtensionRequestEntity, ExtensionStatus } from '../entities/extension-request.entity.js';
import { Transactions } from '../transaction.js';

@Injectable()
export class ExtensionRepository {
  constructor(private readonly tx: Transactions) {}

  private repo() {
    return this.tx.manager().getRepository(ExtensionRequestEntity);
  }

  insert(request: Omit<ExtensionRequestEntity, 'id' | 'createdAt' | 'decidedBy' | 'decidedAt' | 'decisionComment'>): Promise<ExtensionRequestEntity> {
    return this.repo().save(this.repo().create(request));
  }

  findById(id: string): Promise<ExtensionRequestEntity | null> {
    return this.repo().findOneBy({ id });
  }

  findByIdForUpdate(id: string): Promise<ExtensionRequestEntity | null> {
    return this.repo().createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :id', { id }).getOne();
  }

  /** A request still waiting for a decision (the leader's or the supervisor's). */
  hasPending(taskId: string): Promise<boolean> {
    return this.repo().existsBy({ taskId, status: In([ExtensionStatus.Pending, ExtensionStatus.AwaitingLeader]) });
  }

  save(request: ExtensionRequestEntity): Promise<ExtensionRequestEntity> {
    return this.repo().save(request);
  }

  listForTask(taskId: string): Promise<ExtensionRequestEntity[]> {
    return this.repo().find({ where: { taskId }, order: { createdAt: 'ASC' } });
  }
}
