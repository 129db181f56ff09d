import { Injectable } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { TaskDepartmentEntity } from '../entities/task-department.entity.js';
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

  /**
   * A page of tasks in due-date order and the exact number of matches. With a department
   * (asked for, or the caller's own) the rows come from task_department's (department,
   * due date) index, which also carries the deadline and status the overdue and light
   * filters test: the page reads its rows in order and stops, and the count, when no filter
   * needs the task itself, is an index-only scan. Page and count are one statement.
   */
  async list(filter: TaskListFilter): Promise<{ items: TaskListRow[]; total: number }> {
    const department = filter.department ?? filter.visibleDepartment;
    const page = this.repo().createQueryBuilder('t').select(LIST_COLUMNS.map((c) => `t.${c}`));
    if (department) page.innerJoin(TaskDepartmentEntity, 'td', 'td.task_id = t.id AND td.department_code = :department', { department });
    const by = department ? 'td' : 't';
    applyDeadlineFilters(page, by, filter);
    // Filters only the task row can answer; any of them makes the count read tasks too.
    const taskFilters: Array<[string, Record<string, unknown>]> = [];
    if (filter.visibleDepartment && filter.visibleDepartment !== department) {
      // A liaison asking for another department: the tasks both departments share.
      taskFilters.push(['EXISTS (SELECT 1 FROM task_department v WHERE v.task_id = t.id AND v.department_code = :visible)', { visible: filter.visibleDepartment }]);
    }
    if (filter.parentId) taskFilters.push(['t.parent_id = :parentId', { parentId: filter.parentId }]);
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      taskFilters.push(['(t.title ILIKE :like OR t.description ILIKE :like OR t.code ILIKE :like)', { like }]);
    }
    for (const [condition, params] of taskFilters) page.andWhere(condition, params);

    // Rows never repeat (one task_department row per task and department), so COUNT(*), not TypeORM's COUNT(DISTINCT id).
    const countFromIndex = Boolean(department) && taskFilters.length === 0;
    const count = countFromIndex
      ? this.tx.manager().createQueryBuilder(TaskDepartmentEntity, 'td').where('td.department_code = :department', { department })
      : page.clone();
    if (countFromIndex) applyDeadlineFilters(count, 'td', filter);
    count.select('COUNT(*)', 'total');
    // One round trip: the count rides along as a scalar subquery, evaluated once.
    page.addSelect(`(${count.getQuery()})`, 'total').setParameters(count.getParameters());
    page.orderBy(`${by}.due_date`, 'ASC').addOrderBy(department ? 'td.task_id' : 't.id', 'ASC').offset(filter.offset).limit(filter.limit);
    const { entities, raw } = await page.getRawAndEntities<{ total: string }>();
    let total = Number(raw[0]?.total ?? 0);
    // A page past the end has no row to carry the count.
    if (raw.length === 0 && filter.offset > 0) total = Number((await count.getRawOne<{ total: string }>())?.total ?? 0);
    return { items: entities, total };
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

/** The status and deadline filters, on alias `a` (a task or its task_department row: both carry `status` and `due_date`). */
function applyDeadlineFilters(query: SelectQueryBuilder<ObjectLiteral>, a: 't' | 'td', filter: TaskListFilter): void {
  if (filter.status) query.andWhere(`${a}.status = :status`, { status: filter.status });
  if (filter.overdueBefore) query.andWhere(`${a}.status <> 'completed' AND ${a}.due_date < :today`, { today: filter.overdueBefore });
  if (filter.light) {
    // The same rule as taskLight(), in SQL.
    const { light, today, warnUntil } = filter.light;
    const rule = {
      red: `${a}.status <> 'completed' AND ${a}.due_date < :today`,
      yellow: `${a}.status <> 'completed' AND ${a}.due_date >= :today AND ${a}.due_date <= :warnUntil`,
      green: `(${a}.status = 'completed' OR ${a}.due_date > :warnUntil)`,
    }[light];
    query.andWhere(rule, { today, warnUntil });
  }
  if (filter.dueBefore) query.andWhere(`${a}.due_date <= :dueBefore`, { dueBefore: filter.dueBefore });
}
