import { jest } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, startApp, type TestApp } from './support/app.js';
import { chooseFiles, ensureWebBuild, launchChromium, saveScreenshot, SCREENSHOTS, signedInPage, checkScreen, uncheckedScreens } from './support/web.js';

/**
 * 安全审计 and accounts in the console, in Debian's Chromium: the auditor reads, filters, verifies and exports
 * the audit log and sees nothing else; the administrator opens accounts from a workbook (problems named by row
 * first, then every temporary password shown once) and one account without typing a password.
 */
const PASSWORD = 'password-123';

async function workbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('账号');
  sheet.addRow(['姓名', '邮箱', '角色', '所属部门']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

// A browser walk on a busy two-core CI machine outlasts Jest's default minute.
jest.setTimeout(180_000);

describe('web console: the audit log and account import', () => {
  let app: TestApp;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ensureWebBuild();
    app = await startApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    expect(problems).toEqual([]);
    await browser?.close();
    await app?.close();
  });

  const signedIn = (email: string, password = PASSWORD): Promise<Page> => signedInPage(browser, app.url, email, password, problems);

  it('the auditor starts at the audit log, finds failed logins, verifies the chain and exports what it sees', async () => {
    const auditor = await app.user('auditor');
    const liaison = await app.user('liaison', 'finance');
    await app.http.post('/api/v1/auth/login').send({ email: liaison.email, password: 'Wrong-Guess-2026' }).expect(401);
    const page = await signedIn(auditor.email);
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    // Nothing of the plan's work is offered to the auditor.
    const menu = page.getByRole('menu');
    for (const item of ['全部任务', '督办台', '用户管理', '规划文本']) expect([item, await menu.getByText(item, { exact: true }).count()]).toEqual([item, 0]);

    await page.getByLabel('操作', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible').getByText('登录失败', { exact: true }).click();
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.getByRole('row', { name: new RegExp(liaison.email) });
    await row.getByText('登录失败').waitFor();
    await row.getByText('127.0.0.1').waitFor();
    await page.getByText('共 1 条').waitFor();

    await page.getByRole('button', { name: '校验审计链' }).click();
    await page
      .getByRole('status')
      .getByText(/审计链完好：共校验 \d+ 条记录/)
      .waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.getWorksheet('审计日志')!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(4).text).toBe('auth.login_failed');
    await saveScreenshot(page, 'auditor-audit-log');
    await page.context().close();
  });

  it('the administrator imports accounts from a workbook, fixing what the preview names first, and hands out the temporary passwords', async () => {
    const page = await signedIn(ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { name: '用户管理' }).waitFor();
    await page.getByRole('row', { name: new RegExp(ADMIN.email) }).waitFor();
    await checkScreen(page, 'admin-users');
    await page.getByRole('button', { name: '批量导入' }).click();
    const dialog = page.getByRole('dialog', { name: '批量导入用户' });
    const choose = () => dialog.getByRole('button', { name: '选择文件' }).click();
    await chooseFiles(page, choose, {
      name: '开户表.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await workbook([['钱一', 'qian1@taixing.gov.cn', '联络员', '']]),
    });
    await dialog.getByRole('button', { name: '预览' }).click();
    await dialog.getByTestId('user-import-errors').getByText('第 2 行所属部门：联络员须填写所属部门').waitFor();
    expect(await dialog.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await checkScreen(page, 'admin-user-import (errors)');

    await chooseFiles(page, choose, {
      name: '开户表.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await workbook([
        ['钱一', 'qian1@taixing.gov.cn', '联络员', '财政局'],
        ['钱二', 'qian2@taixing.gov.cn', '安全审计员', ''],
      ]),
    });
    await dialog.getByRole('button', { name: '预览' }).click();
    await dialog.getByText('共 2 个账号，检查无误，可以确认导入').waitFor();
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await dialog.getByText('已创建 2 个账号').waitFor();
    const firstPassword = (
      await dialog
        .getByRole('row', { name: /qian1@taixing.gov.cn/ })
        .locator('code')
        .innerText()
    ).trim();
    await saveScreenshot(page, 'admin-user-import');
    await dialog.getByRole('button', { name: '我已记下，关闭' }).click();
    await page
      .getByRole('row', { name: /qian2@taixing.gov.cn/ })
      .getByText('安全审计员')
      .waitFor();

    // One account without a password typed: the temporary one is shown once.
    await page.getByRole('button', { name: '新建用户' }).click();
    const create = page.getByRole('dialog', { name: '新建用户' });
    await create.getByLabel('姓名').fill('孙三');
    await create.getByLabel('邮箱（登录名）').fill('sun3@taixing.gov.cn');
    await create.getByLabel('角色').click();
    await page.locator('.ant-select-dropdown:visible').getByText('督查', { exact: true }).click();
    await checkScreen(page, 'admin-new-user');
    await create.getByRole('button', { name: '创建' }).click();
    const temporary = (await page.getByTestId('temporary-password').innerText()).trim();
    expect(temporary.length).toBeGreaterThanOrEqual(10);
    await checkScreen(page, 'admin-temporary-password');
    await page.getByRole('button', { name: '我已记下' }).click();
    await page.context().close();

    for (const [email, password] of [
      ['qian1@taixing.gov.cn', firstPassword],
      ['sun3@taixing.gov.cn', temporary],
    ]) {
      const signed = await app.http.post('/api/v1/auth/login').send({ email, password }).expect(200);
      expect(signed.body.user.mustChangePassword).toBe(true);
    }
  });

  it('the administrator opens the queue dashboard from the console with a single-use link', async () => {
    const page = await signedIn(ADMIN.email, ADMIN.password);
    await page.goto(`${app.url}/deliveries`);
    await page.getByRole('button', { name: '队列看板' }).waitFor();
    await checkScreen(page, 'admin-deliveries');
    const [board] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: '队列看板' }).click()]);
    await board.waitForURL(`${app.url}/admin/queues`);
    await board.getByText('duban 队列').first().waitFor();
    expect(board.url()).not.toContain('ticket=');
    await page.context().close();
  });

  it('axe-checked every screen its walks showed', () => {
    expect(uncheckedScreens()).toEqual([]);
  });
});
