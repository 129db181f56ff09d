import { jest } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';
import { checkScreen, chooseFiles, ensureWebBuild, launchChromium, saveScreenshot, SCREENSHOTS, signedInPage, uncheckedScreens } from './support/web.js';
import { multiSheetTable, tableWithMistakes } from './fixtures/duty-tables.js';

/**
 * The console's Excel work as a supervisor does it: upload a 分工表, see its mistakes in
 * their rows, upload the corrected table and import it; select tasks and change their
 * deadline at once. Screenshots go to docs/screenshots/ (the README shows them); every screen the walks show is
 * axe-checked (saveScreenshot, checkScreen), which the last test holds them to.
 */

// A browser walk on a busy two-core CI machine outlasts Jest's default minute.
jest.setTimeout(180_000);

describe('web console: importing a 分工表 and bulk changes', () => {
  let app: TestApp;
  let browser: Browser;
  let supervisor: { email: string; token: string };
  const problems: string[] = [];
  const files = join(tmpdir(), `duban-web-import-${process.pid}`);

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    mkdirSync(files, { recursive: true });
    ensureWebBuild();
    app = await startApp();
    supervisor = await app.user('supervisor');
    browser = await launchChromium();
    writeFileSync(join(files, '分工表-有错误.xlsx'), await tableWithMistakes());
    writeFileSync(join(files, '分工表.xlsx'), await multiSheetTable());
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const signedIn = (): Promise<Page> => signedInPage(browser, app.url, supervisor.email, 'password-123', problems);

  /** The first rows of the table drawn (antd's hidden measuring row is not one). */
  const rowsDrawn = (page: Page) => page.locator('.ant-table-tbody > tr:not(.ant-table-measure-row)').first().waitFor();

  /** Picks a workbook through 选择文件, as a person does. */
  const pick = (page: Page, file: string) => chooseFiles(page, () => page.getByRole('button', { name: '选择文件' }).click(), join(files, file));

  it('previews a table with its mistakes in their rows, then imports the corrected one', async () => {
    const page = await signedIn();
    await page.getByRole('heading', { name: '督办台' }).waitFor();
    await page.locator('canvas').first().waitFor();
    await checkScreen(page, 'supervisor-board');
    await page.getByRole('menuitem', { name: '导入分工表' }).click();
    await page.getByRole('button', { name: '预览' }).waitFor();
    await checkScreen(page, 'import');
    await pick(page, '分工表-有错误.xlsx');
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByText('发现 5 处问题').waitFor();
    const row2 = page.getByTestId('import-row').filter({ hasText: '分工表 第 2 行' });
    await row2.getByText('市公安局').waitFor();
    await page.getByTestId('import-row').filter({ hasText: '分工表 第 4 行' }).getByText('每年').waitFor();
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'import-preview-errors');

    await pick(page, '分工表.xlsx');
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByText('将新建 3 项').waitFor();
    expect(await page.getByTestId('import-row').count()).toBe(3);
    await page.getByTestId('import-row').filter({ hasText: '保障教育经费投入' }).getByText('税务部门、发展与改革部门').waitFor();
    await saveScreenshot(page, 'import-preview');
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.waitForURL(/\/tasks$/);
    await page.getByRole('row', { name: /保障教育经费投入/ }).waitFor();
    await checkScreen(page, 'tasks (imported)');
    const imported = (
      await app
        .as(supervisor.token)
        .get(`/api/v1/tasks?q=${encodeURIComponent('保障教育经费投入')}`)
        .expect(200)
    ).body.items;
    expect(imported).toEqual([expect.objectContaining({ leadDepartmentCode: 'finance', dueDate: '2025-09-30' })]);
    expect(problems).toEqual([]);
  });

  it('changes the deadline of the selected tasks at once', async () => {
    const titles = ['批量甲', '批量乙'];
    for (const title of titles)
      await app.as(supervisor.token).post('/api/v1/tasks').send({ title, leadDepartment: 'finance', dueDate: '2030-06-30' }).expect(201);
    const page = await signedIn();
    await page.goto(`${app.url}/tasks?q=${encodeURIComponent('批量')}`);
    await rowsDrawn(page);
    await checkScreen(page, 'tasks');
    for (const title of titles) await page.getByRole('row').filter({ hasText: title }).getByRole('checkbox').check();
    await page.getByRole('button', { name: '批量修改（2）' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('完成时限').fill('2031-03-31');
    await dialog.getByLabel('完成时限').press('Enter');
    await saveScreenshot(page, 'tasks-bulk-edit', { fullPage: false });
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.locator('.ant-message').getByText('已修改 2 项任务').waitFor();
    const listed = (
      await app
        .as(supervisor.token)
        .get(`/api/v1/tasks?q=${encodeURIComponent('批量')}`)
        .expect(200)
    ).body.items;
    expect(listed.map((t: { dueDate: string }) => t.dueDate)).toEqual(['2031-03-31', '2031-03-31']);
    expect(problems).toEqual([]);
  });

  it('prints a 催办通知单 from the task page', async () => {
    const task = (
      await app.as(supervisor.token).post('/api/v1/tasks').send({ title: '逾期待催办', leadDepartment: 'finance', dueDate: '2020-03-31' }).expect(201)
    ).body;
    const page = await signedIn();
    await page.goto(`${app.url}/tasks/${task.id}`);
    await page.getByRole('heading', { name: /逾期待催办/ }).waitFor();
    await checkScreen(page, 'task-detail (overdue)');
    const [notice] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: '打印催办单' }).click()]);
    await notice.getByRole('heading', { name: '催办通知单' }).waitFor();
    await notice.getByText(/已超过办理时限 \d+ 天/).waitFor();
    // The page's own style applies (A4 layout): the heading is centred.
    const style = (h: unknown) => (globalThis as unknown as { getComputedStyle(e: unknown): { textAlign: string } }).getComputedStyle(h).textAlign;
    expect(await notice.getByRole('heading', { name: '催办通知单' }).evaluate(style)).toBe('center');
    await saveScreenshot(notice, 'notice-urge');
    expect(problems).toEqual([]);
  });

  it('shows a liaison what its department owes this month (本月待报) and takes it to the task to file it', async () => {
    const liaison = await app.user('liaison', 'staffing');
    const task = (
      await app
        .as(supervisor.token)
        .post('/api/v1/tasks')
        .send({ title: '机构编制保障情况月报', leadDepartment: 'staffing', dueDate: '2030-12-31', reportEvery: 'P1M' })
        .expect(201)
    ).body as { id: string };
    // Created two months before this one: the first month's report is missed.
    await sql(app.databaseUrl, `UPDATE task SET created_at = date_trunc('month', now()) - interval '2 months' WHERE id = $1`, [task.id]);
    const page = await signedInPage(browser, app.url, liaison.email, 'password-123', problems);
    const owed = page.getByTestId('reports-owed');
    await owed.getByText(/本月待报（2 期，其中逾期未报 [12] 期）/).waitFor();
    await owed.getByText('逾期未报').first().waitFor();
    await saveScreenshot(owed, 'reports-owed');
    await owed.getByRole('link', { name: '机构编制保障情况月报' }).first().click();
    await page.getByRole('heading', { name: /机构编制保障情况月报/ }).waitFor();
    await checkScreen(page, 'liaison-task-detail');
    expect(problems).toEqual([]);
  });

  it('axe-checked every screen its walks showed', () => {
    expect(uncheckedScreens()).toEqual([]);
  });
});
