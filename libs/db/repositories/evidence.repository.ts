import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { EvidenceEntity } from '../entities/evidence.entity.js';
import { Transactions } from '../transaction.js';

@Injectable()
export class EvidenceRepository {
  constructor(private readonly tx: Transactions) {}

  private repo() {
    return this.tx.manager().getRepository(EvidenceEntity);
  }

  insert(evidence: Omit<EvidenceEntity, 'id' | 'createdAt'> & { id: string }): Promise<EvidenceEntity> {
    return this.repo().save(this.repo().create(evidence));
  }

  findForTask(taskId: string, id: string): Promise<EvidenceEntity | null> {
    return this.repo().findOneBy({ taskId, id });
  }

  listForTask(taskId: string): Promise<EvidenceEntity[]> {
    return this.repo().find({ where: { taskId }, order: { createdAt: 'ASC' } });
  }

  /** Ids among `ids` that are not evidence of `taskId`. */
  async foreignIds(taskId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await this.repo().find({ where: { taskId, id: In(ids) }, select: { id: true } });
    const known = new Set(found.map((e) => e.id));
    return ids.filter((id) => !known.has(id));
  }
}
