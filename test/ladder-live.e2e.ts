import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestDatabase, sql } from './support/database.js';
import { freePort } from './support/processes.js';
import { secondsLadder, writeSecondsPolicy } from './support/seconds-ladder.js';
import { captureOutput } from './support/child-output.js';
import { startSmtp, type TestSmtp } from './support/smtp.js';
import { waitFor } from './support/worker.js';

/**
 * Issue 4's "done when", in real time: duban started as `npm start` runs it
 * (API and worker in one process) with a policy whose steps are seconds apart;
 * a task left overdue produces the ladder of mails at a real SMTP server and in
 * the notifications list, once each. Nothing here calls the sweep: the app's
 * own schedule (REMINDER_SWEEP_MS) finds every step.
 */
/** Seconds from now to the first step: time for the app to start and for the users and the task to be created. */
const LEAD_S = 45; // generous: a loaded machine has needed more than 20 s
/** Seconds between steps: many sweeps (every 500 ms) apart. */
const GAP_S = 4;

describe('the reminder ladder in real time (npm start, a seconds policy)', () => {
  let smtp: TestSmtp;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let child: ChildProcess | undefined;
  let output = () => '';
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-ladder-'));
  /** A failed wait, with what duban logged and what the SMTP server got. */
  const withLog = <T>(waiting: Promise<T>) =>
    waiting.catch((error: Error) => {
      throw new Error(
        `${error.message}\nmails: ${JSON.stringify(smtp.messages.map((m) => [m.to, m.subject]))}\nduban's log, last lines:\n${output().split('\n').slice(-30).join('\n')}`,
      );
    });

  beforeAll(async () => {
    smtp = await startSmtp();
    db = await createTestDatabase();
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await db?.drop();
    await smtp?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends reminder, overdue alert and escalation as their moments come, to the right people, once each, by mail and in-app', async () => {
    const ladder = secondsLadder(LEAD_S, GAP_S);
    const policy = writeSecondsPolicy(dataDir, ladder);
    // The imported plan's own tasks are long overdue and would alert the supervisor too; this test follows its own task.
    await sql(db.url, 'UPDATE task SET next_reminder_at = NULL');

    const port = await freePort();
    const env: Record<string, string | undefined> = {
      ...process.env,
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      SMTP_URL: smtp.url,
      ESCALATION_POLICY: policy,
      REMINDER_SWEEP_MS: '500',
      ADMIN_EMAIL: 'admin@duban.local',
      ADMIN_PASSWORD: 'Chief-Pass-2026',
      QUEUE_PREFIX: `duban-ladder-${process.pid}`,
      LOG_LEVEL: 'info',
    };
    delete env.NODE_OPTIONS; // Jest's --experimental-vm-modules is not for the app.
    child = spawn(process.execPath, ['dist/apps/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    output = captureOutput(child, env);
    await waitFor(
      'duban to start',
      () => {
        if (child!.exitCode !== null) throw new Error(`duban exited:\n${output()}`);
        return output().includes('duban 已启动');
      },
      30_000,
    );

    const http = request(`http://127.0.0.1:${port}`);
    const login = async (email: string, password: string) =>
      (await http.post('/api/v1/auth/login').send({ email, password }).expect(200)).body.accessToken as string;
    const admin = await login('admin@duban.local', 'Chief-Pass-2026');
    const user = async (role: string, departmentCode?: string) => {
      const email = `${role}-live@test.duban`;
      const res = await http
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${admin}`)
        .send({ email, name: `${role}-live`, password: 'password-123', role, departmentCode, mustChangePassword: false })
        .expect(201);
      return { id: res.body.id as string, email, token: await login(email, 'password-123') };
    };
    const supervisor = await user('supervisor');
    const liaison = await user('liaison', 'finance');
    const leader = await user('leader', 'finance');
    const createTask = async (title: string) =>
      (
        await http
          .post('/api/v1/tasks')
          .set('Authorization', `Bearer ${supervisor.token}`)
          .send({ title, leadDepartment: 'finance', dueDate: ladder.dueDate, assigneeId: liaison.id })
          .expect(201)
      ).body.id as string;
    await createTask('按秒督办演示');
    // A task created after its first step skips it (as the contract says): the lead must have covered the start.
    if (Date.now() >= ladder.firstAt) throw new Error(`starting duban and creating the task took more than LEAD_S (${LEAD_S} s); raise it`);

    // The ladder's mails; the notice of the assignment itself (【新任务】, an event) is test/task-notifications.e2e.ts's subject.
    const fromLadder = (m: { subject: string }) => !m.subject.startsWith('【新任务】');
    const ladderMails = () => smtp.messages.filter((m) => m.subject.includes('按秒督办演示') && fromLadder(m));
    await withLog(waitFor('the whole ladder at the SMTP server', () => ladderMails().length >= 4, (LEAD_S + 2 * GAP_S + 30) * 1000, 100));

    // Two more tasks, each created after the last step, so each gets one alert (the latest step passed):
    // their mails prove that the sweep went on after the ladder, and must not have resent any of it.
    for (const title of ['之后的任务一', '之后的任务二']) {
      await createTask(title);
      await withLog(waitFor(`the one alert of ${title}`, () => smtp.messages.some((m) => m.subject.includes(title) && fromLadder(m)), 20_000, 100));
    }

    const mails = ladderMails().map((m) => ({ to: m.to, subject: m.subject }));
    expect(mails).toHaveLength(4);
    expect(new Set(ladderMails().map((m) => m.messageId)).size).toBe(4);
    // In ladder order; the overdue alert's two mails in either order.
    expect(mails[0]).toEqual({ to: liaison.email, subject: `【督办提醒】「按秒督办演示」将于 ${ladder.dueDate} 到期` });
    const overdue = `【逾期预警】「按秒督办演示」已逾期`;
    expect(mails.slice(1, 3).sort((a, b) => a.to.localeCompare(b.to))).toEqual(
      [
        { to: liaison.email, subject: overdue },
        { to: supervisor.email, subject: overdue },
      ].sort((a, b) => a.to.localeCompare(b.to)),
    );
    expect(mails[3]).toEqual({ to: leader.email, subject: '【督办升级】「按秒督办演示」逾期 0 天仍未办结' });
    expect(smtp.messages.filter((m) => m.subject.includes('之后的任务') && fromLadder(m))).toEqual([
      expect.objectContaining({ to: leader.email, subject: expect.stringContaining('【督办升级】「之后的任务一」') }),
      expect.objectContaining({ to: leader.email, subject: expect.stringContaining('【督办升级】「之后的任务二」') }),
    ]);

    // Every mail is in its recipient's notifications list, once.
    const listed = async (token: string) =>
      ((await http.get('/api/v1/notifications').set('Authorization', `Bearer ${token}`).expect(200)).body.items as Array<{ subject: string; template: string }>)
        .filter((n) => n.subject.includes('按秒督办演示'))
        .map((n) => n.template)
        .sort();
    expect(await listed(liaison.token)).toEqual(['overdue', 'reminder', 'task.assigned']); // and the assignment's own notice
    expect(await listed(supervisor.token)).toEqual(['overdue']);
    expect(await listed(leader.token)).toEqual(['escalation']);
  }, 150_000);
});
