import { jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { EVALUATION_SHEETS } from '../libs/reports/evaluation-workbook.js';
import { insertEvaluationPlan } from './fixtures/evaluation-plan.js';
import { ADMIN, startApp, type TestApp } from './support/app.js';
import { ensureWebBuild, launchChromium, saveScreenshot, SCREENSHOTS, signedInPage, typeDate, checkScreen, uncheckedScreens } from './support/web.js';

/**
 * The final evaluation in the console, in Debian's Chromium: a reviewer opens 规划评估 (as of the plan's last day,
 * since the plan has ended), reads which targets were met, writes the findings and downloads both reports; the
 * admin finalises; the reviewer then finds the text locked.
 */
const PASSWORD = 'password-123';

// A browser walk on a busy two-core CI machine outlasts Jest's default minute.
jest.setTimeout(180_000);

describe('web console: the plan’s final evaluation', () => {
  let app: TestApp;
  let browser: Browser;
  let reviewer: { email: string };
  let planId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ensureWebBuild();
    app = await startApp();
    reviewer = await app.user('reviewer');
    ({ planId } = await insertEvaluationPlan(app.databaseUrl));
    browser = await launchChromium();
  });

  afterAll(async () => {
    expect(problems).toEqual([]);
    await browser?.close();
    await app?.close();
  });

  const open = async (email: string, password = PASSWORD): Promise<Page> => {
    const page = await signedInPage(browser, app.url, email, password, problems);
    // The role's home first (the reviewer's 年度考核, the admin's 用户管理), drawn before moving on.
    await page.getByRole('heading', { name: email === reviewer.email ? '年度考核' : '用户管理' }).waitFor();
    await (email === reviewer.email ? page.getByText('尚未开启任何年度的考核') : page.getByRole('row', { name: new RegExp(ADMIN.email) })).waitFor();
    await checkScreen(page, 'home');
    await page.getByRole('menuitem', { name: '规划评估' }).click();
    await page.getByLabel('评估总览').waitFor();
    return page;
  };

  it('the reviewer reads the final evaluation, writes the findings and downloads the reports', async () => {
    const page = await open(reviewer.email);
    // The plan has ended: the final evaluation, as of its last day.
    expect(await page.locator('#evaluation-as-of').inputValue()).toBe('2025年12月31日');
    const overview = page.getByLabel('评估总览');
    await overview.getByText('规划目标完成').waitFor();
    expect(await overview.textContent()).toContain('2/ 5');
    const row = page.getByRole('row', { name: /^生均债务/ });
    await row.getByText('未完成').waitFor();
    await row.getByText('明显滞后于序时进度').waitFor();
    await page
      .getByRole('row', { name: /^标准化学校数/ })
      .getByText('已完成')
      .waitFor();
    await page.getByText('未报送指标（1）').waitFor();

    await page.getByLabel('规划实施效果、存在问题').fill('十四五规划目标总体完成，生均债务指标未达目标。');
    await page.getByLabel('对策建议').fill('十五五期间加强债务管控。');
    await page.getByRole('button', { name: '保存评估意见' }).click();
    await page.locator('.ant-message').getByText('评估意见已保存').waitFor();
    await page.getByText('草稿（已保存评估意见）').waitFor();
    await page.locator('.ant-message').getByText('评估意见已保存').waitFor({ state: 'hidden' });
    await saveScreenshot(page, 'plan-evaluation', { mask: [page.getByText(/最近保存/)] });

    const save = async (button: string, name: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      expect(download.suggestedFilename()).toBe(name);
      return readFileSync(await download.path());
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await save('下载评估报表（Excel）', '评估测试规划实施情况评估-2025-12-31.xlsx')) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet(EVALUATION_SHEETS.text)!.getRow(6).getCell(2).value).toBe('十五五期间加强债务管控。');
    const html = (await save('下载评估报告（网页）', '评估测试规划实施情况评估-2025-12-31.html')).toString('utf8');
    expect(html).toContain('十四五规划目标总体完成，生均债务指标未达目标。');

    // The middle of the period: computed live, nothing saved for it.
    await typeDate(page.locator('#evaluation-as-of'), '2023年6月30日');
    await page.getByText('未保存评估意见').waitFor();
    await checkScreen(page, 'reviewer-evaluation (mid-period)');
    await page.context().close();
  });

  it('the admin finalises it and the text is locked', async () => {
    const page = await open(ADMIN.email, ADMIN.password);
    await page.getByText('草稿（已保存评估意见）').waitFor();
    await checkScreen(page, 'admin-evaluation');
    await page.getByRole('button', { name: '定稿' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认定稿' }).waitFor();
    await checkScreen(page, 'admin-evaluation-finalize');
    await page.getByRole('dialog').getByRole('button', { name: '确认定稿' }).click();
    await page.locator('.ant-message').getByText('评估已定稿').waitFor();
    await page.getByText(/本期评估已于 .* 定稿/).waitFor();
    await checkScreen(page, 'admin-evaluation (finalised)');
    await page.context().close();
    const again = await open(reviewer.email);
    await again.getByText('已定稿', { exact: true }).waitFor();
    expect(await again.getByLabel('对策建议').isDisabled()).toBe(true);
    expect(await again.getByRole('button', { name: '保存评估意见' }).isDisabled()).toBe(true);
    await checkScreen(again, 'reviewer-evaluation (finalised)');
    await again.context().close();
    const saved = (
      await app
        .as(await app.login(reviewer.email, PASSWORD))
        .get(`/api/v1/plans/${planId}/evaluations`)
        .expect(200)
    ).body;
    expect(saved).toEqual([expect.objectContaining({ status: 'finalized', measures: '十五五期间加强债务管控。' })]);
  });

  it('axe-checked every screen its walks showed', () => {
    expect(uncheckedScreens()).toEqual([]);
  });
});
