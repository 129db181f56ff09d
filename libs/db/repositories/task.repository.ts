import { Injectable } from '@nestjs/common';
import { TaskEntity } from '../entities/task.entity.js';
import { Transactions } from '../transaction.js';

export interface TaskListFilter {
  /** Restrict to tasks this department leads or co-operates on. */
  department?: string;
  /** Departments the caller may see; undefined means all. */
  visibleDepartment?: string;
  status?: string;
  overdueBefore?: string;
  /** The traffic light, with today and the last date of the warning window it is derived from. */
  light?: { light: 'green' | 'yellow' | 'red'; today: string; warnUntil: string };
  dueBefore?: string;
  q?: string;
  parentId?: string;
  offset: number;
  limit: number;
}

/** The columns a list shows; the description and the rest come with the single task. */
const LIST_COLUMNS = [
  'id', 'code', 'title', 'leadDepartmentCode', 'coDepartmentCodes', 'assigneeId', 'dueDate',
  'status', 'version', 'parentId', 'clauseRef', 'percent', 'updatedAt',
] as const;
export type TaskListRow = Pick<TaskEntity, (typeof LIST_COLUMNS)[number]>;

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

  async list(filter: TaskListFilter): Promise<{ items: TaskListRow[]; total: number }> {
    const query = this.repo().createQueryBuilder('t').select(LIST_COLUMNS.map((c) => `t.${c}`));
    // `@>` and not `= ANY(…)`: only the containment operator can use the GIN index on co_department_codes,
    // which turns the department filter into a BitmapOr of two index scans instead of a filter over every open task.
    const inDepartment = (param: string) =>
      `(t.lead_department_code = :${param} OR t.co_department_codes @> ARRAY[:${param}]::varchar[])`;
    if (filter.visibleDepartment) query.andWhere(inDepartment('visible'), { visible: filter.visibleDepartment });
    // A liaison listing their own department: the same condition twice would only skew the planner's estimates.
    if (filter.department && filter.department !== filter.visibleDepartment) query.andWhere(inDepartment('department'), { department: filter.department });
    if (filter.status) query.andWhere('t.status = :status', { status: filter.status });
    if (filter.overdueBefore) {
      query.andWhere(`t.status <> 'completed' AND t.due_date < :today`, { today: filter.overdueBefore });
    }
    if (filter.light) {
      // The same rule as taskLight(), in SQL.
      const { light, today, warnUntil } = filter.light;
      const rule = {
        red: `t.status <> 'completed' AND t.due_date < :today`,
        yellow: `t.status <> 'completed' AND t.due_date >= :today AND t.due_date <= :warnUntil`,
        green: `(t.status = 'completed' OR t.due_date > :warnUntil)`,
      }[light];
      query.andWhere(rule, { today, warnUntil });
    }
    if (filter.dueBefore) query.andWhere('t.due_date <= :dueBefore', { dueBefore: filter.dueBefore });
    if (filter.parentId) query.andWhere('t.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere('(t.title ILIKE :like OR t.description ILIKE :like OR t.code ILIKE :like)', { like });
    }
    query.orderBy('t.due_date', 'ASC').addOrderBy('t.id', 'ASC').offset(filter.offset).limit(filter.limit);
    const [items, total] = await query.getManyAndCount();
    return { items, total };
  }

  insert(task: Partial<TaskEntity>): Promise<TaskEntity> {
    return this.repo().save(this.repo().create(task));
  }

  /** Writes changed fields; TypeORM bumps `version` and `updatedAt`. */
  async save(task: TaskEntity): Promise<TaskEntity> {
    return this.repo().save(task);
  }

  async existsById(id: string): Promise<boolean> {
    return this.repo().existsBy({ id });
  }
}
