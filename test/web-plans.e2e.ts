import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { importSeeds } from '../libs/plan/import-seeds.js';
import { startApp, type TestApp } from './support/app.js';
import { checkScreen, ensureWebBuild, expectAccessible, launchChromium, saveScreenshot, signedInPage, uncheckedScreens } from './support/web.js';

/**
 * The plan switcher in Debian's Chromium: with the 十五五 draft beside the 十四五 plan, the console starts on the
 * current plan (the 十五五), lists its tasks only; switching to the 十四五 lists that plan's, and the choice
 * outlives a reload. On the plan's page a supervisor carries an open task of the 十四五 over (结转) into the 十五五,
 * and the task's page says where it came from.
 */
jest.setTimeout(180_000);

/** Chooses an option of the open antd Select (its visible list, not the hidden one kept for screen readers). */
const pick = (page: Page, name: RegExp) => page.locator('.ant-select-item-option:visible').filter({ hasText: name }).first().click();

describe('web console: switching plans', () => {
  let app: TestApp;
  let browser: Browser;
  let supervisor: { email: string; token: string };
  const problems: string[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    app = await startApp();
    await importSeeds(app.databaseUrl, 'test/fixtures/seeds-15th');
    supervisor = await app.user('supervisor');
    browser = await launchChromium();
  });

  afterAll(async () => {
    expect(problems).toEqual([]);
    await browser?.close();
    await app?.close();
  });

  it('scopes the task list to the plan chosen in the header and remembers the choice', async () => {
    const page = await signedInPage(browser, app.url, supervisor.email, 'password-123', problems);
    const switcher = page.getByTestId('plan-switcher');
    await switcher.getByText('泰兴市十五五教育事业发展规划（征求意见稿）（2026–2030）').waitFor();
    await checkScreen(page, 'supervisor-board');
    await page.getByRole('menuitem', { name: '全部任务' }).click();
    await page.getByRole('row', { name: /保障学校建设资金/ }).waitFor();
    await checkScreen(page, 'supervisor-tasks (one plan)');
    expect(await page.getByRole('row', { name: /（2021年）/ }).count()).toBe(0);

    await switcher.click();
    await page.getByRole('option', { name: /泰兴市十四五教育事业发展规划/ }).click();
    await page
      .getByRole('row', { name: /（2021年）/ })
      .first()
      .waitFor();
    expect(await page.getByRole('row', { name: /保障学校建设资金/ }).count()).toBe(0);

    await page.reload();
    await page
      .getByTestId('plan-switcher')
      .getByText(/泰兴市十四五教育事业发展规划/)
      .waitFor();
    await page
      .getByRole('row', { name: /（2021年）/ })
      .first()
      .waitFor();
  });

  it('holds the header on one row from 768 px to desktop width, the plan switcher and 大字模式 shown', async () => {
    const page = await signedInPage(browser, app.url, supervisor.email, 'password-123', problems);
    await page.getByTestId('plan-switcher').waitFor();
    await page.getByRole('switch', { name: '大字模式' }).click();
    await page.locator('[data-large-text]').waitFor();
    const header = page.locator('.ant-layout-header');
    /** The header's height, and what of it lies outside its box (a control pushed past its edge, or its row wrapped). */
    const measure = () =>
      header.evaluate((el) => {
        type Box = { left: number; right: number; top: number; bottom: number; height: number };
        type El = { getBoundingClientRect(): Box; querySelectorAll(s: string): Iterable<El>; textContent: string | null };
        const box = (el as unknown as El).getBoundingClientRect();
        const outside = [...(el as unknown as El).querySelectorAll('button, [role="switch"], .ant-select, [data-testid="header-who"]')]
          .filter((c) => {
            const r = c.getBoundingClientRect();
            return r.left < box.left || r.right > box.right + 0.5 || r.top < box.top || r.bottom > box.bottom + 0.5;
          })
          .map((c) => (c.textContent ?? '').trim());
        return { height: box.height, outside };
      });
    // At 1440 px everything has room; below the desktop's 1200 px the name, 大字模式 and 修改密码 move under 账户.
    const at = async (width: number) => {
      await page.setViewportSize({ width, height: 900 });
      await page.getByRole('button', { name: width >= 1200 ? '修改密码' : '账户' }).waitFor();
      await page.getByTestId('plan-switcher').waitFor();
      return measure();
    };
    const desktop = await at(1440);
    expect(desktop.outside).toEqual([]);
    expect(desktop.height).toBeLessThanOrEqual(64);
    for (const width of [1280, 1024, 768]) expect({ width, ...(await at(width)) }).toEqual({ width, ...desktop });

    // At 768 px 账户 opens the name, 大字模式 and 修改密码 below the header, the header still one row.
    const account = page.getByRole('button', { name: '账户' });
    await account.click();
    expect(await account.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('switch', { name: '大字模式' }).getAttribute('aria-checked')).toBe('true');
    expect(await measure()).toEqual(desktop);
    await saveScreenshot(page, 'supervisor-header-768-large-text', { fullPage: false });

    // The panel closes when its 修改密码 is followed, and one left open does not reopen as a phone's 菜单.
    await page.locator('#account-panel').getByRole('button', { name: '修改密码' }).click();
    await page.getByRole('heading', { name: '修改密码' }).waitFor();
    expect(await account.getAttribute('aria-expanded')).toBe('false');
    await checkScreen(page, 'supervisor-password (768 px, large text)');
    await account.click();
    await page.setViewportSize({ width: 360, height: 900 });
    const menu = page.getByRole('button', { name: '菜单' });
    await menu.waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
  });

  it('carries an open task over into the next plan from the plan page', async () => {
    const plans = (await app.as(supervisor.token).get('/api/v1/plans').expect(200)).body as Array<{ id: string; code: string }>;
    const older = plans.find((p) => p.code === 'taixing-edu-14th')!;
    const task = (
      await app
        .as(supervisor.token)
        .post('/api/v1/tasks')
        .send({ title: '结转演示：完善教师培训体系', leadDepartment: 'edu', dueDate: '2025-12-31', planId: older.id, clauseRef: '五(一)' })
        .expect(201)
    ).body as { id: string };

    const page = await signedInPage(browser, app.url, supervisor.email, 'password-123', problems);
    await page.getByRole('menuitem', { name: '规划文本' }).click();
    await page.getByRole('combobox', { name: '查看的规划' }).click();
    await pick(page, /泰兴市十四五教育事业发展规划/);
    await checkScreen(page, 'supervisor-plan');
    await page.getByRole('button', { name: '结转未完成任务' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '结转到' }).click();
    await pick(page, /十五五/);
    await dialog.getByText('选定的任务').click();
    await dialog.getByRole('combobox', { name: '要结转的任务' }).fill('结转演示');
    await pick(page, /结转演示：完善教师培训体系/);
    await dialog.getByText('结转范围').click();
    await saveScreenshot(dialog, 'plan-carry-over');
    await dialog.getByRole('button', { name: '结转' }).click();
    await page.getByText('已结转 1 项任务').waitFor();
    await page.getByTestId('carry-overs').getByRole('link', { name: '结转演示：完善教师培训体系' }).click();
    await page
      .getByTestId('carried-from')
      .getByText(/自《泰兴市十四五教育事业发展规划.*》结转/)
      .waitFor();
    await expectAccessible(page, 'carried task');
    const moved = (await app.as(supervisor.token).get(`/api/v1/tasks/${task.id}`).expect(200)).body as { planId: string };
    expect(moved.planId).not.toBe(older.id);
  });

  it('axe-checked every screen its walks showed', () => {
    expect(uncheckedScreens()).toEqual([]);
  });
});
