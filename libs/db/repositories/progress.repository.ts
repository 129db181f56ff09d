import { Injectable } from '@nestjs/common';
import { ProgressReportEntity } from '../entities/progress-report.entity.js';
import { Transactions } from '../transaction.js';

/** A department's first report for a period of a task (定期报送). */
export interface PeriodFiling {
  id: string;
  departmentCode: string;
  period: string;
  createdAt: Date;
}

@Injectable()
export class ProgressRepository {
  constructor(private readonly tx: Transactions) {}

  insert(report: Omit<ProgressReportEntity, 'id' | 'createdAt' | 'period'> & { period?: string | null }): Promise<ProgressReportEntity> {
    const repo = this.tx.manager().getRepository(ProgressReportEntity);
    return repo.save(repo.create({ ...report, period: report.period ?? null }));
  }

  /**
   * For each of `taskIds`, the first report each department filed for each period (later ones update it; the one
   * that decides on time is the first), by task.
   */
  async firstFilingsOf(taskIds: string[]): Promise<Map<string, PeriodFiling[]>> {
    const byTask = new Map<string, PeriodFiling[]>();
    if (taskIds.length === 0) return byTask;
    const rows = await this.tx.manager().query<Array<PeriodFiling & { taskId: string }>>(
      `SELECT DISTINCT ON (task_id, department_code, period) task_id AS "taskId", department_code AS "departmentCode", period, id, created_at AS "createdAt"
         FROM progress_report WHERE task_id = ANY($1::uuid[]) AND period IS NOT NULL ORDER BY task_id, department_code, period, created_at, id`,
      [taskIds],
    );
    // Appended in place: a long cycle's task has dozens of filings, and the dashboard reads every cycle task's.
    for (const { taskId, ...filing } of rows) {
      const filings = byTask.get(taskId);
      if (filings) filings.push(filing);
      else byTask.set(taskId, [filing]);
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
