import { type Actor, Role } from '../common/roles.js';
import { decide, type Permission } from './permissions.js';

const actor = (role: Role, departmentCode: string | null = null): Actor => ({ id: 'u', email: 'u@x', name: 'u', role, departmentCode });
const task = { leadDepartmentCode: 'finance', coDepartmentCodes: ['tax'] };

describe('access rules', () => {
  // [role, department, permission, decision on a task led by finance with tax co-operating]
  const table: Array<[Role, string | null, Permission, string]> = [
    [Role.Liaison, 'finance', 'task.read', 'allow'],
    [Role.Reviewer, null, 'assessment.score', 'allow'],
    [Role.Admin, null, 'assessment.score', 'forbidden'],
    [Role.Supervisor, null, 'assessment.read', 'allow'],
    [Role.Supervisor, null, 'assessment.finalize', 'forbidden'],
    [Role.Leader, 'finance', 'assessment.read', 'forbidden'],
    [Role.Liaison, 'tax', 'task.read', 'allow'],
    [Role.Liaison, 'edu', 'task.read', 'not_found'],
    [Role.Leader, 'finance', 'task.read', 'allow'],
    [Role.Leader, 'edu', 'task.read', 'not_found'],
    [Role.Reviewer, null, 'task.read', 'allow'],
    [Role.Liaison, 'finance', 'task.accept', 'allow'],
    [Role.Liaison, 'tax', 'task.accept', 'forbidden'],
    [Role.Liaison, 'edu', 'task.accept', 'not_found'],
    [Role.Leader, 'finance', 'task.accept', 'forbidden'],
    [Role.Supervisor, null, 'task.accept', 'forbidden'],
    [Role.Liaison, 'tax', 'task.progress', 'allow'],
    [Role.Liaison, 'tax', 'task.evidence.upload', 'allow'],
    [Role.Liaison, 'edu', 'task.evidence.upload', 'not_found'],
    [Role.Liaison, 'finance', 'task.submit', 'allow'],
    [Role.Liaison, 'tax', 'task.submit', 'forbidden'],
    [Role.Liaison, 'tax', 'task.extension.request', 'forbidden'],
    [Role.Supervisor, null, 'task.approve', 'allow'],
    [Role.Liaison, 'finance', 'task.approve', 'forbidden'],
    [Role.Admin, null, 'task.approve', 'forbidden'],
    [Role.Reviewer, null, 'task.return', 'forbidden'],
    [Role.Supervisor, null, 'extension.decide', 'allow'],
    [Role.Liaison, 'edu', 'task.history', 'not_found'],
  ];
  it.each(table)('%s of %s, %s → %s', (role, dept, permission, expected) => {
    expect(decide(actor(role, dept), permission, task)).toBe(expected);
  });

  it.each([
    [Role.Admin, 'user.create', 'allow'],
    [Role.Supervisor, 'user.create', 'forbidden'],
    [Role.Supervisor, 'task.create', 'allow'],
    [Role.Liaison, 'task.create', 'allow'], // a sub-task of its own department's task only (TaskService checks the parent)
    [Role.Reviewer, 'task.create', 'forbidden'],
    [Role.Reviewer, 'task.list', 'allow'],
  ] as const)('%s: %s → %s', (role, permission, expected) => {
    expect(decide(actor(role, role === Role.Liaison ? 'finance' : null), permission)).toBe(expected);
  });

  it('confines a department role without a department to nothing', () => {
    expect(decide(actor(Role.Liaison, null), 'task.read', task)).toBe('not_found');
  });
});
