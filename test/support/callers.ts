import { USER_PASSWORD } from './app.js';
import { Role } from '../../libs/common/roles.js';
import type { TestApp } from './app.js';

/**
 * One caller of each role and department relation to the fixture tasks, which
 * are led by finance with tax co-operating; "other" callers belong to edu.
 */
export type Caller =
  'admin' | 'supervisor' | 'reviewer' | 'leaderOwn' | 'leaderOther' | 'liaisonLead' | 'liaisonCo' | 'liaisonOther' | 'auditor' | 'securityAdmin';

export const LEAD_DEPARTMENT = 'finance';
export const CO_DEPARTMENT = 'tax';
export const OTHER_DEPARTMENT = 'edu';

export const CALLERS: Record<Caller, { role: Role; department?: string }> = {
  admin: { role: Role.Admin },
  supervisor: { role: Role.Supervisor },
  reviewer: { role: Role.Reviewer },
  leaderOwn: { role: Role.Leader, department: LEAD_DEPARTMENT },
  leaderOther: { role: Role.Leader, department: OTHER_DEPARTMENT },
  liaisonLead: { role: Role.Liaison, department: LEAD_DEPARTMENT },
  liaisonCo: { role: Role.Liaison, department: CO_DEPARTMENT },
  liaisonOther: { role: Role.Liaison, department: OTHER_DEPARTMENT },
  auditor: { role: Role.Auditor },
  securityAdmin: { role: Role.SecurityAdmin },
};
export const CALLER_NAMES = Object.keys(CALLERS) as Caller[];

export interface CallerAccount {
  id: string;
  token: string;
  email: string;
  password: string;
}

/** Logs the administrator in and creates one user for every other caller. */
export async function createCallers(app: TestApp, adminPassword: string): Promise<Record<Caller, CallerAccount>> {
  const accounts = {} as Record<Caller, CallerAccount>;
  for (const name of CALLER_NAMES) {
    const { role, department } = CALLERS[name];
    if (role === Role.Admin) {
      const res = await app.http.post('/api/v1/auth/login').send({ email: 'admin@duban.local', password: adminPassword });
      accounts[name] = { id: res.body.user.id, token: res.body.accessToken, email: 'admin@duban.local', password: adminPassword };
    } else {
      const { id, token, email } = await app.user(role, department);
      accounts[name] = { id, token, email, password: USER_PASSWORD };
    }
  }
  return accounts;
}

/** Signs every caller in again, in place (after a route such as logout ended their sessions). */
export async function signInAgain(app: TestApp, accounts: Record<Caller, CallerAccount>): Promise<void> {
  for (const account of Object.values(accounts)) account.token = await app.login(account.email, account.password);
}

export interface TaskFixture {
  taskId: string;
  evidenceId: string;
  extensionId: string;
}

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

/** A task led by finance with tax co-operating, accepted, with one evidence file and a pending extension request. */
export async function taskFixture(app: TestApp, accounts: Record<Caller, CallerAccount>, title = '夹具任务'): Promise<TaskFixture> {
  const supervisor = app.as(accounts.supervisor.token);
  const lead = app.as(accounts.liaisonLead.token);
  const task = await supervisor.post('/api/v1/tasks').send({ title, leadDepartment: LEAD_DEPARTMENT, coDepartments: [CO_DEPARTMENT], dueDate: '2030-12-31' });
  if (task.status !== 201) throw new Error(`fixture task: ${task.status} ${JSON.stringify(task.body)}`);
  const taskId = task.body.id as string;
  await lead.post(`/api/v1/tasks/${taskId}/accept`).send({});
  const evidenceId = (await lead.post(`/api/v1/tasks/${taskId}/evidence`).attach('file', PDF, 'a.pdf')).body.id as string;
  const extensionId = (await lead.post(`/api/v1/tasks/${taskId}/extension-requests`).send({ requestedDueDate: '2031-06-30', reason: '需要更多时间' })).body
    .id as string;
  if (!evidenceId || !extensionId) throw new Error('fixture task: evidence or extension request not created');
  return { taskId, evidenceId, extensionId };
}
