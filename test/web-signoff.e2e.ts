import { jest } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, startApp, type TestApp } from './support/app.js';
import { ensureWebBuild, launchChromium, saveScreenshot, SCREENSHOTS, signedInPage, typeDate, checkScreen, uncheckedScreens } from './support/web.js';
import { waitFor } from './support/worker.js';

/**
 * The sign-off and the supervisor's cancel and reopen in the console, in Debian's Chromium:
 * the leader finds what waits for its sign-off on its own page and passes it on; the
 * supervisor withdraws a task and opens it again; the admin is offered none of these.
 */
const PASSWORD = 'password-123';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
type User = { id: string; email: string; token: string };

// A browser walk on a busy two-core CI machine outlasts Jest's default minute.
jest.setTimeout(180_000);

describe('web console: leader sign-off, cancel and reopen', () => {
  let app: TestApp;
  let browser: Browser;
  let supervisor: User;
  let liaison: User;
  let leader: User;
  let taskId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ensureWebBuild();
    app = await startApp();
    supervisor = await app.user('supervisor');
    liaison = await app.user('liaison', 'finance');
    leader = await app.user('leader', 'finance');
    browser = await launchChromium();
    const created = await app
      .as(supervisor.token)
      .post('/api/v1/tasks')
      .send({ title: '落实教师培训经费', leadDepartment: 'finance', dueDate: '2031-06-30', assigneeId: liaison.id, requireSignOff: true })
      .expect(201);
    taskId = created.body.id;
    const l = app.as(liaison.token);
    await l.post(`/api/v1/tasks/${taskId}/accept`).send({}).expect(200);
    const evidence = (await l.post(`/api/v1/tasks/${taskId}/evidence`).attach('file', PDF, '培训经费拨付凭证.pdf').expect(201)).body.id;
    const submitted = await l
      .post(`/api/v1/tasks/${taskId}/submit`)
      .send({ summary: '培训经费已全部拨付', evidenceIds: [evidence] })
      .expect(200);
    expect(submitted.body.status).toBe('leader_review');
  });

  afterAll(async () => {
    expect(problems).toEqual([]);
    await browser?.close();
    await app?.close();
  });

  const signedIn = (email: string, password = PASSWORD): Promise<Page> => signedInPage(browser, app.url, email, password, problems);
  const status = async () => (await app.as(supervisor.token).get(`/api/v1/tasks/${taskId}`).expect(200)).body.status as string;

  it('the leader finds the report waiting on its page and signs it off', async () => {
    const page = await signedIn(leader.email);
    const waiting = page.getByTestId('awaiting-signoff');
    await waiting.getByText('待我审签（1）').waitFor();
    await checkScreen(page, 'leader-department');
    await waiting.getByRole('link', { name: '落实教师培训经费' }).click();
    await page.getByTestId('signoff-banner').waitFor();
    await saveScreenshot(page, 'leader-signoff');
    await page.getByRole('button', { name: '审签同意，报督查审核' }).click();
    await page.getByRole('dialog').getByLabel('审签意见（可选）').fill('情况属实，同意报送');
    await checkScreen(page, 'leader-signoff-dialog');
    await page.getByRole('dialog').getByRole('button', { name: '审签同意' }).click();
    await page.locator('.ant-message').getByText('已审签，报督查审核').waitFor();
    await page.getByText('待审核').first().waitFor();
    expect(await status()).toBe('submitted');
    // Now the supervisor's: the leader is offered nothing more.
    expect(await page.getByRole('button', { name: '审签同意，报督查审核' }).count()).toBe(0);
    await page.context().close();
  });

  it('the supervisor cancels the task with a reason and reopens it', async () => {
    const page = await signedIn(supervisor.email);
    await page.getByRole('heading', { name: '督办台' }).waitFor();
    await page.locator('canvas').first().waitFor();
    await checkScreen(page, 'supervisor-board');
    await page.goto(`${app.url}/tasks/${taskId}`);
    await page.getByText('办理记录（全部留痕）').waitFor();
    await checkScreen(page, 'supervisor-task-detail');
    await page.getByRole('button', { name: '撤销任务' }).click();
    await page.getByRole('dialog').getByLabel('撤销理由').fill('与其他事项合并办理');
    await checkScreen(page, 'supervisor-cancel');
    await page.getByRole('dialog').getByRole('button', { name: '撤销' }).click();
    await page.getByTestId('cancelled-banner').waitFor();
    expect(await status()).toBe('cancelled');
    expect(await page.getByRole('button', { name: '审核通过' }).count()).toBe(0);
    await page.getByRole('button', { name: '重新打开' }).click();
    await page.getByRole('dialog', { name: '重新打开任务' }).getByLabel('重新打开的理由').fill('合并事项取消，恢复办理');
    await checkScreen(page, 'supervisor-reopen');
    await page.getByRole('dialog', { name: '重新打开任务' }).getByRole('button', { name: '重新打开' }).click();
    await page.locator('.ant-message').getByText('任务已重新打开，恢复办理').waitFor();
    expect(await status()).toBe('in_progress');
    await page.getByText('撤销任务').first().waitFor(); // the history shows both steps
    await page.getByText('重新打开', { exact: true }).first().waitFor();
    await page.context().close();
  });

  it('the leader writes a 批示, shown at the top of the task; the liaison comments', async () => {
    const page = await signedIn(leader.email);
    await page.goto(`${app.url}/tasks/${taskId}`);
    const comments = page.getByTestId('comments');
    await comments.getByLabel('评论（@姓名 可提醒对方）').fill('请务必于月底前完成全部拨付');
    await comments.getByRole('checkbox', { name: '作为领导批示（显示在任务顶部）' }).check();
    await comments.getByRole('button', { name: '发布' }).click();
    await page.getByTestId('instructions').getByText('请务必于月底前完成全部拨付').waitFor();
    await page.context().close();

    const own = await signedIn(liaison.email);
    await own.getByRole('heading', { name: '我的任务' }).waitFor();
    await own.locator('.ant-table-tbody > tr:not(.ant-table-measure-row), [data-testid="task-card"]').first().waitFor();
    await own.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await checkScreen(own, 'liaison-tasks');
    await own.goto(`${app.url}/tasks/${taskId}`);
    await own.getByTestId('instructions').getByText('请务必于月底前完成全部拨付').waitFor();
    await checkScreen(own, 'liaison-task-detail');
    expect(await own.getByRole('checkbox', { name: '作为领导批示（显示在任务顶部）' }).count()).toBe(0);
    await own.getByTestId('comments').getByLabel('评论（@姓名 可提醒对方）').fill('收到，按期完成');
    await own.getByTestId('comments').getByRole('button', { name: '发布' }).click();
    await own.getByTestId('comment').filter({ hasText: '收到，按期完成' }).waitFor();
    const stored = (await app.as(supervisor.token).get(`/api/v1/tasks/${taskId}/comments`).expect(200)).body as Array<{ body: string; instruction: boolean }>;
    expect(stored.map((c) => [c.body, c.instruction])).toEqual([
      ['请务必于月底前完成全部拨付', true],
      ['收到，按期完成', false],
    ]);
    await own.context().close();
  });

  it('the liaison reads what moved in its messages and takes a kind off mail', async () => {
    const page = await signedIn(liaison.email);
    await page.goto(`${app.url}/notifications`);
    // The sign-off and the reopen above reached the assignee in-app.
    await page.getByText('【重新打开】「落实教师培训经费」已重新打开，请继续办理').first().waitFor();
    const prefs = page.getByTestId('mail-preferences');
    await prefs.getByRole('checkbox', { name: '任务被退回' }).waitFor();
    await checkScreen(page, 'liaison-notifications');
    await prefs.getByRole('checkbox', { name: '任务被退回' }).click(); // saved at once; the box follows the server's answer
    await page.locator('.ant-message').getByText('邮件设置已保存').waitFor();
    const saved = (await app.as(liaison.token).get('/api/v1/notifications/preferences').expect(200)).body.kinds as Array<{ kind: string; mail: boolean }>;
    expect(saved.filter((k) => !k.mail).map((k) => k.kind)).toEqual(['task.returned']);
    await page.context().close();
  });

  it('the supervisor edits a task on its own screen, and a change made meanwhile by someone else is not overwritten', async () => {
    const other = await app.user('supervisor');
    const [{ name: otherName }] = (await app.as(supervisor.token).get('/api/v1/users/directory?role=supervisor').expect(200)).body.filter(
      (u: { id: string }) => u.id === other.id,
    );
    const page = await signedIn(supervisor.email);
    await page.goto(`${app.url}/tasks/${taskId}`);
    await page.getByRole('button', { name: '修改任务' }).click();
    await page.getByRole('heading', { name: /修改任务/ }).waitFor();
    await checkScreen(page, 'supervisor-edit');
    await typeDate(page.getByLabel('截止日期'), '2031年5月31日');
    await page.getByLabel('督办责任人').click();
    await page.locator('.ant-select-item-option').filter({ hasText: otherName }).click();
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.locator('.ant-message').getByText('任务已修改').waitFor();
    await page.getByText('2031年5月31日').first().waitFor();
    const saved = (await app.as(supervisor.token).get(`/api/v1/tasks/${taskId}`).expect(200)).body;
    expect(saved).toMatchObject({ dueDate: '2031-05-31', supervisorId: other.id });

    // Someone changes the task while the screen is open: saving says so and keeps the other change.
    await page.getByRole('button', { name: '修改任务' }).click();
    await page.getByLabel('任务名称').fill('落实教师培训经费（修订）');
    await app.as(other.token).patch(`/api/v1/tasks/${taskId}`).send({ version: saved.version, description: '他人补充的说明' }).expect(200);
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByTestId('stale').waitFor();
    await checkScreen(page, 'supervisor-edit (stale)');
    const after = (await app.as(supervisor.token).get(`/api/v1/tasks/${taskId}`).expect(200)).body;
    expect(after).toMatchObject({ title: '落实教师培训经费', description: '他人补充的说明' });
    await page.getByTestId('stale').getByRole('button', { name: '重新载入' }).click();
    // The form holds the other change before the title is typed again (a slow reload would overwrite what was typed).
    await waitFor('the reloaded form', async () => (await page.getByLabel('任务说明').inputValue()) === '他人补充的说明' || null, 15_000, 100);
    await page.getByLabel('任务名称').fill('落实教师培训经费（修订）');
    await page.getByRole('button', { name: '保存修改' }).click();
    // Back on the task page, under its new title (the first save's toast may still be showing).
    await page.getByRole('heading', { name: /落实教师培训经费（修订）/ }).waitFor();
    expect((await app.as(supervisor.token).get(`/api/v1/tasks/${taskId}`).expect(200)).body).toMatchObject({
      title: '落实教师培训经费（修订）',
      description: '他人补充的说明',
    });
    await page.context().close();
  });

  it('the admin deactivates and resets an account; the user changes the temporary password first', async () => {
    const someone = await app.user('liaison', 'edu');
    const page = await signedIn(ADMIN.email, ADMIN.password);
    await page.goto(`${app.url}/users`);
    const row = page.getByRole('row', { name: new RegExp(someone.email) });
    await row.getByRole('button', { name: '停用' }).waitFor();
    await checkScreen(page, 'admin-users');
    await row.getByRole('button', { name: '停用' }).click();
    await row.getByText('已停用').waitFor();
    expect((await app.as(someone.token).get('/api/v1/me')).status).toBe(401);
    await row.getByRole('button', { name: '启用' }).click();
    await row.getByText('正常').waitFor();
    await row.getByRole('button', { name: '重置密码' }).click();
    const temporary = (await page.getByTestId('temporary-password').innerText()).trim();
    expect(temporary.length).toBeGreaterThanOrEqual(10);
    await checkScreen(page, 'admin-temporary-password');
    await page.getByRole('button', { name: '我已记下' }).click();
    await page.context().close();

    const own = await signedIn(someone.email, temporary);
    await own.getByTestId('must-change').waitFor();
    await checkScreen(own, 'liaison-must-change-password');
    await own.getByLabel('当前密码').fill(temporary);
    await own.getByLabel('新密码', { exact: true }).fill('Edu-Liaison-2026');
    await own.getByLabel('再次输入新密码').fill('Edu-Liaison-2026');
    await own.getByRole('button', { name: '修改密码' }).last().click();
    await own.getByRole('button', { name: '登录' }).waitFor();
    await own.context().close();
    const again = await signedIn(someone.email, 'Edu-Liaison-2026');
    await again.getByRole('heading', { name: '我的任务' }).waitFor();
    await checkScreen(again, 'liaison-tasks (none)');
    await again.context().close();
  });

  it('the admin is offered no task action the API would refuse it', async () => {
    const page = await signedIn(ADMIN.email, ADMIN.password);
    await page.goto(`${app.url}/tasks/${taskId}`);
    await page.getByText('办理记录（全部留痕）').waitFor();
    await checkScreen(page, 'admin-task-detail');
    for (const name of ['审核通过', '退回', '撤销任务', '重新打开', '审签同意，报督查审核', '签收任务']) {
      expect([name, await page.getByRole('button', { name, exact: true }).count()]).toEqual([name, 0]);
    }
    await page.context().close();
  });

  it('axe-checked every screen its walks showed', () => {
    expect(uncheckedScreens()).toEqual([]);
  });
});
