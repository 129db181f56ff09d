import { ConflictError, InvalidInputError } from '../../libs/common/errors.js';
import { TaskService } from '../../libs/tasks/task.service.js';
import { TaskTransition } from '../../libs/tasks/task-status.js';
import { TasksModule } from '../../libs/tasks/tasks.module.js';
import { type Medium, newActor, Role, startMedium } from './medium.js';

describe('TaskService on PostgreSQL', () => {
  let medium: Medium;
  let tasks: TaskService;
  const auditOf = (taskId: string) =>
    medium.sql<{ action: string; actor_id: string }>('SELECT action, actor_id FROM audit_log WHERE task_id = $1 ORDER BY seq', [taskId]);

  beforeAll(async () => {
    medium = await startMedium([TasksModule]);
    tasks = medium.get(TaskService);
  });
  afterAll(() => medium.close());

  it('creates a task assigned to its liaison, with a ladder to run and an audit entry naming the supervisor', async () => {
    const supervisor = await newActor(medium, Role.Supervisor);
    const liaison = await newActor(medium, Role.Liaison, 'finance');
    const task = await tasks.create(supervisor, {
      title: '中期测试任务',
      leadDepartment: 'finance',
      coDepartments: ['finance', 'tax'],
      assigneeId: liaison.id,
      dueDate: '2030-06-30',
    });

    const [row] = await medium.sql('SELECT status, lead_department_code, co_department_codes, assignee_id, next_reminder_at FROM task WHERE id = $1', [
      task.id,
    ]);
    // The lead is not repeated among the co-departments.
    expect(row).toMatchObject({ status: 'assigned', lead_department_code: 'finance', co_department_codes: ['tax'], assignee_id: liaison.id });
    expect(row.next_reminder_at).toBeInstanceOf(Date);
    expect(await auditOf(task.id)).toEqual([{ action: 'task.create', actor_id: supervisor.id }]);
  });

  it('refuses an unknown department or an assignee of another department, and writes nothing', async () => {
    const supervisor = await newActor(medium, Role.Supervisor);
    const other = await newActor(medium, Role.Liaison, 'tax');
    const before = await medium.sql('SELECT count(*)::int AS n FROM task');
    await expect(tasks.create(supervisor, { title: 'x', leadDepartment: 'no-such', dueDate: '2030-06-30' })).rejects.toThrow(
      new InvalidInputError('部门不存在：no-such'),
    );
    await expect(tasks.create(supervisor, { title: 'x', leadDepartment: 'finance', assigneeId: other.id, dueDate: '2030-06-30' })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    expect(await medium.sql('SELECT count(*)::int AS n FROM task')).toEqual(before);
  });

  it('steps through the status machine under a row lock; a step from the wrong status is a conflict that changes nothing', async () => {
    const supervisor = await newActor(medium, Role.Supervisor);
    const liaison = await newActor(medium, Role.Liaison, 'finance');
    const task = await tasks.create(supervisor, { title: '签收两次', leadDepartment: 'finance', assigneeId: liaison.id, dueDate: '2030-06-30' });

    const accepted = await tasks.transition(liaison, task.id, TaskTransition.Accept);
    expect(accepted).toMatchObject({ status: 'in_progress', version: task.version + 1 });
    await expect(tasks.transition(liaison, task.id, TaskTransition.Accept)).rejects.toBeInstanceOf(ConflictError);
    await expect(tasks.transition(liaison, task.id, TaskTransition.Submit, { evidenceIds: [] })).rejects.toThrow('evidenceIds 至少需要一个佐证材料');

    expect((await medium.sql('SELECT status, version FROM task WHERE id = $1', [task.id]))[0]).toEqual({ status: 'in_progress', version: accepted.version });
    expect(await auditOf(task.id)).toEqual([
      { action: 'task.create', actor_id: supervisor.id },
      { action: 'task.accept', actor_id: liaison.id },
    ]);
  });

  it('lists only the liaison’s department’s work, and counts what it lists', async () => {
    const liaison = await newActor(medium, Role.Liaison, 'tax');
    const listed = await tasks.list(liaison, { page: 1, limit: 500 });
    const [expected] = await medium.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM task WHERE lead_department_code = 'tax' OR 'tax' = ANY(co_department_codes)`,
    );
    expect(listed.total).toBe(expected.n);
    expect(listed.total).toBeGreaterThan(0);
    expect(listed.items.every((t) => t.leadDepartmentCode === 'tax' || t.coDepartmentCodes.includes('tax'))).toBe(true);
  });
});
