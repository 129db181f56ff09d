import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { importSeeds } from '../libs/plan/import-seeds.js';
import { startApp, type TestApp } from './support/app.js';
import { ensureWebBuild, launchChromium, signedInPage } from './support/web.js';

/**
 * The plan switcher in Debian's Chromium: with the 十五五 draft beside the 十四五 plan, the console starts on the
 * current plan (the 十五五), lists its tasks only; switching to the 十四五 lists that plan's, and the choice
 * outlives a reload.
 */
jest.setTimeout(180_000);

describe('web console: switching plans', () => {
  let app: TestApp;
  let browser: Browser;
  let supervisor: { email: string };
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
    await page.getByRole('menuitem', { name: '全部任务' }).click();
    await page.getByRole('row', { name: /保障学校建设资金/ }).waitFor();
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
});
