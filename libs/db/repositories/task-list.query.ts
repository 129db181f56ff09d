import type { TaskEntity } from '../entities/task.entity.js';
import { openSql, overdueSql, waitingInTimeSql } from './deadline-rules.sql.js';

export interface TaskListFilter {
  /** Restrict to tasks this department leads or co-operates on. */
  department?: string;
  /** Departments the caller may see; undefined means all. */
  visibleDepartment?: string;
  status?: string;
  /** Overdue on this date (the one rule of deadline-rules.sql.ts, read in `timeZone`). */
  overdueBefore?: string;
  /** The plan's time zone, in which the overdue and light filters read a submission's date. */
  timeZone?: string;
  /** The traffic light, with today and the last date of the warning window it is derived from. */
  light?: { light: 'green' | 'yellow' | 'red'; today: string; warnUntil: string };
  dueBefore?: string;
  q?: string;
  parentId?: string;
  /** One plan's tasks. */
  planId?: string;
  offset: number;
  limit: number;
}

/**
 * The columns a list shows; the description and the rest come with the single task.
 * `updatedAt` is already the ISO text JSON would make of the Date.
 */
export type TaskListRow = Pick<
  TaskEntity,
  | 'id'
  | 'code'
  | 'title'
  | 'leadDepartmentCode'
  | 'coDepartmentCodes'
  | 'assigneeId'
  | 'dueDate'
  | 'status'
  | 'version'
  | 'parentId'
  | 'clauseRef'
  | 'percent'
  | 'submittedAt'
> & { updatedAt: string };

/** The page's statement and, for a page past the end (no row to carry it), the count's alone. */
export interface TaskListStatements {
  page: { text: string; values: unknown[] };
  count: { text: string; values: unknown[] };
}

// Named as the API names them, so a row needs no renaming. The dates as text: the due date because pg would make it
// a Date at local midnight; the update time in the very form Date.toJSON() writes (milliseconds truncated alike), which
// spares fifty Date parses and prints a request.
const LIST_COLUMNS = `t.id, t.code, t.title, t.lead_department_code AS "leadDepartmentCode", t.co_department_codes AS "coDepartmentCodes",
  t.assignee_id AS "assigneeId", to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate", t.status, t.version, t.parent_id AS "parentId",
  t.clause_ref AS "clauseRef", t.percent, t.submitted_at AS "submittedAt", to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"`;

/**
 * The SQL of a page of tasks in due-date order with the exact number of matches, written
 * out rather than built by TypeORM: this is the busiest read, and building and hydrating
 * it through the query builder was a fifth of its CPU (bench/task-list.bench.ts).
 *
 * With a department (asked for, or the caller's own) the rows come from task_department's
 * (department, due date) index, which also carries the deadline and status the overdue
 * and light filters test: the page reads its rows in order and stops, and the count, when
 * no filter needs the task itself, is an index-only scan. The count rides along as a
 * scalar subquery, evaluated once, so page and count are one round trip.
 */
export function taskListStatements(filter: TaskListFilter): TaskListStatements {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const department = filter.department ?? filter.visibleDepartment;
  const departmentParam = department ? param(department) : null;
  const by = departmentParam ? 'td' : 't';
  const from = departmentParam ? `task t JOIN task_department td ON td.task_id = t.id AND td.department_code = ${departmentParam}` : 'task t';
  const deadline = deadlineConditions(by, filter, param);
  // Filters only the task row can answer; any of them makes the count read tasks too.
  const taskOnly: string[] = [];
  if (filter.visibleDepartment && filter.visibleDepartment !== department) {
    // A liaison asking for another department: the tasks both departments share.
    taskOnly.push(`EXISTS (SELECT 1 FROM task_department v WHERE v.task_id = t.id AND v.department_code = ${param(filter.visibleDepartment)})`);
  }
  if (filter.parentId) taskOnly.push(`t.parent_id = ${param(filter.parentId)}`);
  if (filter.planId) taskOnly.push(`t.plan_id = ${param(filter.planId)}`);
  if (filter.q) {
    const like = param(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    taskOnly.push(`(t.title ILIKE ${like} OR t.description ILIKE ${like} OR t.code ILIKE ${like})`);
  }
  const where = whereClause([...deadline, ...taskOnly]);
  // Rows never repeat (one task_department row per task and department), so count(*) is exact.
  const count =
    departmentParam && taskOnly.length === 0
      ? `SELECT count(*) FROM task_department td WHERE td.department_code = ${departmentParam}${deadline.map((c) => ` AND ${c}`).join('')}`
      : `SELECT count(*) FROM ${from}${where}`;
  const countValues = [...values];
  // Ascending puts nulls last in PostgreSQL: open-ended tasks (no due date) after every deadline, as the indexes are ordered.
  const order = departmentParam ? 'td.due_date, td.task_id' : 't.due_date, t.id';
  const page = `SELECT ${LIST_COLUMNS}, (${count}) AS total FROM ${from}${where} ORDER BY ${order} LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`;
  return { page: { text: page, values }, count: { text: count, values: countValues } };
}

/** The status and deadline filters, on alias `a` (a task or its task_department row: both carry `status` and `due_date`). */
function deadlineConditions(a: 't' | 'td', filter: TaskListFilter, param: (value: unknown) => string): string[] {
  const conditions: string[] = [];
  const timeZone = () => {
    if (!filter.timeZone) throw new Error('the overdue and light filters need the time zone');
    return param(filter.timeZone);
  };
  if (filter.status) conditions.push(`${a}.status = ${param(filter.status)}`);
  if (filter.overdueBefore) conditions.push(overdueSql(a, param(filter.overdueBefore), timeZone()));
  if (filter.light) {
    // The same rule as taskLight(), in SQL.
    const { light, today, warnUntil } = filter.light;
    conditions.push(
      {
        red: () => overdueSql(a, param(today), timeZone()),
        yellow: () => `${openSql(a)} AND ${a}.due_date >= ${param(today)} AND ${a}.due_date <= ${param(warnUntil)}`,
        // An open-ended task (no due date) is always green.
        green: () =>
          `(NOT (${openSql(a)}) OR ${a}.due_date IS NULL OR ${a}.due_date > ${param(warnUntil)} OR (${a}.due_date < ${param(today)} AND ${waitingInTimeSql(a, timeZone())}))`,
      }[light](),
    );
  }
  if (filter.dueBefore) conditions.push(`${a}.due_date <= ${param(filter.dueBefore)}`);
  return conditions;
}

function whereClause(conditions: string[]): string {
  return conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
}
