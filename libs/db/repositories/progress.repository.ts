import { Injectable } from '@nestjs/common';
import { ProgressReportEntity } from '../entities/progress-report.entity.js';
import { Transactions } from '../transaction.js';

@Injectable()
export class ProgressRepository {
  constructor(private readonly tx: Transactions) {}

  insert(report: Omit<ProgressReportEntity, 'id' | 'createdAt'>): Promise<ProgressReportEntity> {
    const repo = this.tx.manager().getRepository(ProgressReportEntity);
    return repo.save(repo.create(report));
  }

  listForTask(taskId: string): Promise<ProgressReportEntity[]> {
    return this.tx.manager().getRepository(ProgressReportEntity).find({ where: { taskId }, order: { createdAt: 'ASC' } });
  }
}
