import { Injectable } from '@nestjs/common';
import { openSql } from './deadline-rules.sql.js';
import { TaskStatus } from '../../vocabulary/tasks.js';
import { In } from 'typeorm';
import { TaskEntity } from '../entities/task.entity.js';
import { Transactions } from '../transaction.js';
import { type TaskListFilter, type TaskListRow, taskListStatements } from './task-list.query.js';

export type { TaskListFilter, TaskListRow } from './task-list.query.js';

@Injectable()
export class TaskRepository {
  constructor(private readonly tx: Transactions) {}

  private repo() {
    return this.tx.manager().getRepository(TaskEntity);
  }

  findById(id: string): Promise<TaskEntity | null> {
    return this.repo().findOneBy({ id });
  }

  /** Reads and row-locks the task until the transaction ends, serialising changes to it. */
  findByIdForUpdate(id: string): Promise<TaskEntity | null> {
    return this.repo().createQueryBuilder('t').setLock('pessimistic_write').where('t.id = :id', { id }).getOne();
  }

  /** Just what access checks need. */
  findScope(id: string): Promise<Pick<TaskEntity, 'id' | 'leadDepartmentCode' | 'coDepartmentCodes'> | null> {
    return this.repo().findOne({ where: { id }, select: { id: true, leadDepartmentCode: true, coDepartmentCodes: true } });
  }

  /**
   * A page of tasks in due-date order and the exact number of matches (the SQL: taskListStatements).
   * The rows are the driver's own: they also carry the `total` column, which taskSummaryView leaves out.
   */
  async list(filter: TaskListFilter): Promise<{ items: TaskListRow[]; total: number }> {
    const { page, count } = taskListStatements(filter);
    const manager = this.tx.manager();
    const rows = await manager.query<Array<TaskListRow & { total: string }>>(page.text, page.values);
    if (rows.length > 0 || filter.offset === 0) return { items: rows, total: Number(rows[0]?.total ?? 0) };
    // A page past the end has no row to carry the count.
    const [{ count: total }] = await manager.query<Array<{ count: string }>>(count.text, count.values);
    return { items: rows, total: Number(total) };
  }

  insert(task: Partial<TaskEntity>): Promise<TaskEntity> {
    return this.repo().save(this.repo().create(task));
  }

  /** Inserts many tasks (ids given, so sub-tasks can name parents in the same batch), 500 a statement. */
  async insertMany(tasks: Array<Partial<TaskEntity> & { id: string }>): Promise<void> {
    for (let i = 0; i < tasks.length; i += 500) await this.repo().insert(tasks.slice(i, i + 500));
  }

  /** Writes changed fields; TypeORM bumps `version` and `updatedAt`. */
  async save(task: TaskEntity): Promise<TaskEntity> {
    return this.repo().save(task);
  }

  /** The tasks carrying these codes (the 分工表 import's stable keys). */
  findByCodes(codes: string[]): Promise<TaskEntity[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.repo().findBy({ code: In(codes) });
  }

  async existsById(id: string): Promise<boolean> {
    return this.repo().existsBy({ id });
  }

  /** A parent's sub-tasks counted: all, completed, cancelled (the roll-up of decomposed work). */
  async childCounts(parentId: string): Promise<{ total: number; completed: number; cancelled: number }> {
    const [row] = await this.tx.manager().query<Array<{ total: number; completed: number; cancelled: number }>>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE status = '${TaskStatus.Completed}')::int AS completed,
              count(*) FILTER (WHERE status = '${TaskStatus.Cancelled}')::int AS cancelled
         FROM task WHERE parent_id = $1`,
      [parentId],
    );
    return row;
  }

  /** A parent's sub-tasks still open, oldest deadline first (to name them when they stop the parent). */
  openChildren(parentId: string): Promise<TaskEntity[]> {
    return this.tx
      .manager()
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .where('t.parent_id = :parentId', { parentId })
      .andWhere(openSql('t'))
      .orderBy('t.due_date')
      .addOrderBy('t.id')
      .getMany();
  }

  /** Tasks with a reporting cycle (定期报送) that are not cancelled (those leave every figure), whose periods one department owes, or all; at most `limit`, soonest deadline first. */
  withReportCycle(department: string | null, limit: number): Promise<TaskEntity[]> {
    const query = this.tx
      .manager()
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .where('t.report_every IS NOT NULL')
      .andWhere(`t.status <> '${TaskStatus.Cancelled}'`);
    // A department owes the periods of the tasks it leads, and of those it co-owns that ask co-departments to report.
    if (department)
      query.andWhere('(t.lead_department_code = :department OR (t.co_departments_report AND :department = ANY(t.co_department_codes)))', { department });
    return query.orderBy('t.due_date').addOrderBy('t.id').take(limit).getMany();
  }
}
