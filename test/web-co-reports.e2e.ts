import { jest } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';
import { ensureWebBuild, launchChromium, saveScreenshot, SCREENSHOTS, signedInPage, checkScreen, uncheckedScreens } from './support/web.js';

/**
 * 配合单位反馈 in the console (Debian's Chromium against the real app): a co-department's liaison finds its own
 * periods in 本月待报, files one from the task page, and the lead department sees each co-department's
 * latest report and what it missed; the supervisor's edit form carries the switch.
 */
const PASSWORD = 'password-123';
type User = { id: string; email: string; token: string };

// A browser walk on a busy two-core CI machine outlasts Jest's default minute.
jest.setTimeout(180_000);

describe('web console: co-department reports (配合单位反馈)', () => {
  let app: TestApp;
  let browser: Browser;
  let supervisor: User;
  let lead: User;
  let edu: User;
  let taskId: string;
  const problems: string[] = [];
  const TITLE = '教育专项资金配合落实情况月报';

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ensureWebBuild();
    app = await startApp();
    supervisor = await app.user('supervisor');
    lead = await app.user('liaison', 'finance');
    edu = await app.user('liaison', 'edu');
    browser = await launchChromium();
    const res = await app
      .as(supervisor.token)
      .post('/api/v1/tasks')
      .send({ title: TITLE, leadDepartment: 'finance', coDepartments: ['edu', 'tax'], dueDate: '2030-12-31', reportEvery: 'P1M', coDepartmentsReport: true })
      .expect(201);
    taskId = res.body.id as string;
    // Created on the first of the month three months ago: three periods have ended, the first two missed by everyone.
    await sql(
      app.databaseUrl,
      `UPDATE task SET created_at = date_trunc('month', (now() AT TIME ZONE 'Asia/Shanghai') - interval '3 months') AT TIME ZONE 'Asia/Shanghai' + interval '9 hours' WHERE id = $1`,
      [taskId],
    );
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const slotsCard = (page: Page) => page.getByTestId('co-report-slots');

  it("a co-department's liaison sees its own periods owed, files one, and the lead sees every co-department's", async () => {
    const page = await signedInPage(browser, app.url, edu.email, PASSWORD, problems);
    // 本月待报 lists the task's periods edu owes, marked as a co-department's own.
    const owed = page.getByTestId('reports-owed');
    await owed.getByRole('link', { name: TITLE }).first().waitFor();
    expect(await owed.getByTestId('co-department-owed').count()).toBeGreaterThanOrEqual(2);
    await checkScreen(page, 'liaison-tasks');

    await owed.getByRole('link', { name: TITLE }).first().click();
    // Its own periods only: no other co-department's.
    await slotsCard(page).getByTestId('co-department-slots').first().waitFor();
    expect(await slotsCard(page).getByTestId('co-department-slots').count()).toBe(1);
    expect(await slotsCard(page).innerText()).toContain('教育部门');
    expect(await slotsCard(page).innerText()).toContain('尚未报送');
    await checkScreen(page, 'co-liaison-task-detail');

    // Files its first period (late) from the task page: the period list is its own.
    await page.getByLabel('报送进展').fill('教育部门负责部分：资金已拨付到校');
    await page.getByLabel('报送期').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '逾期未报' }).first().click();
    await page.getByRole('button', { name: '报送进展' }).click();
    await slotsCard(page)
      .getByText(/最近报送：\d{4}年\d{1,2}月（逾期报送）/)
      .waitFor();
    await page.context().close();

    // The lead department sees both co-departments: edu's latest report, tax's missed periods.
    const leadPage = await signedInPage(browser, app.url, lead.email, PASSWORD, problems);
    await leadPage.goto(`${app.url}/tasks/${taskId}`);
    await slotsCard(leadPage).getByTestId('co-department-slots').nth(1).waitFor();
    const [eduRow, taxRow] = await slotsCard(leadPage).getByTestId('co-department-slots').allInnerTexts();
    expect(eduRow).toMatch(/教育部门[\s\S]*最近报送：\d{4}年\d{1,2}月（逾期报送）/);
    expect(taxRow).toMatch(/税务部门[\s\S]*最近报送：尚未报送[\s\S]*逾期未报 \d+ 期/);
    await saveScreenshot(slotsCard(leadPage), 'co-department-reports');
    await leadPage.context().close();

    // The supervisor's edit form carries the switch, on.
    const boss = await signedInPage(browser, app.url, supervisor.email, PASSWORD, problems);
    await boss.getByRole('heading', { name: '督办台' }).waitFor();
    await boss.locator('canvas').first().waitFor();
    await checkScreen(boss, 'supervisor-board');
    await boss.goto(`${app.url}/tasks/${taskId}/edit`);
    expect(await boss.getByRole('checkbox', { name: '配合单位也须定期报送' }).isChecked()).toBe(true);
    await checkScreen(boss, 'supervisor-edit');
    await boss.context().close();
    expect(problems).toEqual([]);
  });

  it('axe-checked every screen its walks showed', () => {
    expect(uncheckedScreens()).toEqual([]);
  });
});
