import { Injectable } from '@nestjs/common';
import { ProgressReportEntity } from '../entities/progress-report.entity.js';
import { Transactions } from '../transaction.js';

@Injectable()
export class ProgressRepository {
  constructor(private readonly tx: Transactions) {}

  insert(report: Omit<ProgressReportEntity, 'id' | 'createdAt' | 'period'> & { period?: string | null }): Promise<ProgressReportEntity> {
    const repo = this.tx.manager().getRepository(ProgressReportEntity);
    return repo.save(repo.create({ ...report, period: report.period ?? null }));
  }

  /** The first report filed for each period of a task (the one that decides on time), by period. */
  /** For each of `taskIds`, the first report filed for each period (later ones update it), by period. */
  async firstFilingsOf(taskIds: string[]): Promise<Map<string, Map<string, { id: string; createdAt: Date }>>> {
    const byTask = new Map<string, Map<string, { id: string; createdAt: Date }>>();
    if (taskIds.length === 0) return byTask;
    const rows = await this.tx.manager().query<Array<{ taskId: string; period: string; id: string; createdAt: Date }>>(
      `SELECT DISTINCT ON (task_id, period) task_id AS "taskId", period, id, created_at AS "createdAt" FROM progress_report
        WHERE task_id = ANY($1::uuid[]) AND period IS NOT NULL ORDER BY task_id, period, created_at, id`,
      [taskIds],
    );
    for (const r of rows) {
      const periods = byTask.get(r.taskId) ?? new Map<string, { id: string; createdAt: Date }>();
      periods.set(r.period, { id: r.id, createdAt: r.createdAt });
      byTask.set(r.taskId, periods);
    }
    return byTask;
  }

  listForTask(taskId: string): Promise<ProgressReportEntity[]> {
    return this.tx
      .manager()
      .getRepository(ProgressReportEntity)
      .find({ where: { taskId }, order: { createdAt: 'ASC' } });
  }

  /** Each task's latest report (the export's 最近报送), one query for a batch of tasks. */
  async latestFor(taskIds: string[]): Promise<Map<string, { note: string; createdAt: Date }>> {
    if (taskIds.length === 0) return new Map();
    const rows = await this.tx.manager().query<Array<{ taskId: string; note: string; createdAt: Date }>>(
      `SELECT DISTINCT ON (task_id) task_id AS "taskId", note, created_at AS "createdAt" FROM progress_report
       WHERE task_id = ANY($1::uuid[]) ORDER BY task_id, created_at DESC`,
      [taskIds],
    );
    return new Map(rows.map((r) => [r.taskId, { note: r.note, createdAt: r.createdAt }]));
  }
}
