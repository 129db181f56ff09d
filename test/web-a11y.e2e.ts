import { jest } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';
import { ensureWebBuild, expectAccessible, launchChromium, saveScreenshot, SCREENSHOTS } from './support/web.js';

/**
 * The console for every person (issue 20), in Debian's Chromium: a liaison who works by keyboard alone (skip link,
 * a visible focus ring on every stop, sign in, open a task, accept it), and 大字模式 (适老化) on a 360 px phone:
 * larger text and controls, nothing wider than the screen, remembered for that user only. The axe check of every
 * screen the walks save is in saveScreenshot (test/support/web.ts).
 */
const PASSWORD = 'password-123';
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The little of the DOM the page-side functions below use (this project's tsconfig has no DOM library). */
type Node = {
  tagName: string;
  id: string;
  textContent: string | null;
  parentElement: Node | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { height: number };
};
type Browserish = {
  document: { activeElement: Node | null; body: Node; documentElement: { scrollWidth: number; clientWidth: number } };
  getComputedStyle(node: Node): { outlineStyle: string; outlineWidth: string; boxShadow: string; fontSize: string };
  localStorage: { getItem(key: string): string | null };
};

// A browser walk on a busy two-core CI machine outlasts Jest's default minute.
jest.setTimeout(180_000);

describe('web console for every person', () => {
  let app: TestApp;
  let browser: Browser;
  let liaison: { id: string; email: string };
  let leader: { id: string; email: string };
  const problems: string[] = [];
  const titles = ['核拨农村义务教育学校取暖费', '审核学前教育资助资金'];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ensureWebBuild();
    app = await startApp();
    // The finance department's list holds this file's tasks alone (the same list in every run, for the screenshot).
    await sql(app.databaseUrl, "UPDATE task SET lead_department_code = 'edu' WHERE lead_department_code = 'finance'");
    await sql(app.databaseUrl, "UPDATE task SET co_department_codes = array_remove(co_department_codes, 'finance')");
    const supervisor = await app.user('supervisor');
    liaison = await app.user('liaison', 'finance');
    leader = await app.user('leader', 'finance');
    for (const [i, title] of titles.entries()) {
      await app
        .as(supervisor.token)
        .post('/api/v1/tasks')
        .send({ title, leadDepartment: 'finance', dueDate: inDays(10 + i * 10), assigneeId: liaison.id })
        .expect(201);
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    expect(problems).toEqual([]);
    await browser?.close();
    await app?.close();
  });

  async function open(width: number, height: number): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });
    await context.clock.setFixedTime(new Date(`${TODAY}T10:00:00+08:00`));
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => problems.push(e.message));
    return { context, page };
  }

  async function signIn(page: Page, email: string) {
    await page.goto(`${app.url}/`);
    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '退出' }).waitFor();
  }

  /** What has the keyboard's focus, and whether it shows: an outline or a focus shadow wide enough to see. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const win = globalThis as unknown as Browserish;
      const document = win.document;
      const el = document.activeElement;
      if (!el || el === document.body) return { name: '(body)', ring: false, id: '' };
      // antd draws an input's or a select's ring on its wrapper, a few levels up from the focused <input>.
      const ringed = (node: Node) => {
        const style = win.getComputedStyle(node);
        return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) || (style.boxShadow !== 'none' && style.boxShadow !== '');
      };
      let ring = false;
      for (let node: Node | null = el, up = 0; node && up < 4 && !ring; node = node.parentElement, up++) ring = ringed(node);
      const name = `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} 「${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}」`;
      return { name, ring, id: el.id };
    });

  /** Tab until the focused element's text matches `target`, every stop with a visible focus ring; at most `limit` stops. */
  async function tabTo(page: Page, target: RegExp, limit = 60): Promise<void> {
    const unringed: string[] = [];
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (!now.ring) unringed.push(now.name);
      if (target.test(now.name)) {
        expect(unringed).toEqual([]);
        return;
      }
    }
    throw new Error(`${limit} Tabs did not reach ${target} (stops without a focus ring: ${unringed.join(', ')})`);
  }

  it('by keyboard alone: signs in, skips to the content, opens a task and accepts it, the focus always visible', async () => {
    const { context, page } = await open(1366, 900);
    await page.goto(`${app.url}/`);
    await page.getByRole('button', { name: '登录' }).waitFor();
    // A missing field is said beside it and announced, and the focus goes to it.
    await tabTo(page, /「登录」/);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: '请输入邮箱' }).waitFor();
    expect((await focused(page)).id).toBe('login-email');
    expect(await page.getByLabel('邮箱').getAttribute('aria-describedby')).toBe('login-email-hint');
    await page.keyboard.type(liaison.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /我的任务/ }).waitFor();
    await page.getByRole('row', { name: new RegExp(titles[0]) }).waitFor();

    // The first Tab offers the skip link, visible once focused; Enter moves on to the page's content.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到主要内容' });
    expect((await focused(page)).name).toMatch(/跳到主要内容/);
    expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('main');

    await tabTo(page, new RegExp(titles[0]));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: titles[0] }).waitFor();
    await expectAccessible(page, 'liaison-task-detail (keyboard)');
    await tabTo(page, /「签收任务」/);
    await page.keyboard.press('Enter');
    await page.locator('.ant-message').getByText('已签收').first().waitFor();
    await page.getByText('办理中').first().waitFor();
    await context.close();
  });

  it('大字模式 on a 360 px phone: larger text and controls, nothing off the screen, remembered for that user only', async () => {
    const { context, page } = await open(360, 740);
    await signIn(page, liaison.email);
    await page.getByRole('heading', { name: /我的任务/ }).waitFor();
    const link = page.getByRole('link', { name: titles[1] });
    await link.waitFor();
    const fontSize = () => link.evaluate((el) => parseFloat((globalThis as unknown as Browserish).getComputedStyle(el as unknown as Node).fontSize));
    const controlHeight = () => page.getByRole('button', { name: '导出 Excel' }).evaluate((el) => el.getBoundingClientRect().height);
    const overflow = () =>
      page.evaluate(() => {
        const { documentElement } = (globalThis as unknown as Browserish).document;
        return documentElement.scrollWidth - documentElement.clientWidth;
      });
    expect(await fontSize()).toBe(14);
    const large = page.getByRole('switch', { name: '大字模式' });
    expect(await large.getAttribute('aria-checked')).toBe('false');

    await large.click();
    expect(await large.getAttribute('aria-checked')).toBe('true');
    await page.locator('[data-large-text]').waitFor();
    expect(await fontSize()).toBe(18);
    expect(await controlHeight()).toBeGreaterThanOrEqual(44);
    expect(await overflow()).toBe(0);
    await saveScreenshot(page, 'liaison-tasks-large-text-mobile');

    // A task's page holds too, and a reload keeps the mode.
    await link.click();
    await page.getByRole('heading', { name: titles[1] }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: titles[1] }).waitFor();
    expect(await page.getByRole('switch', { name: '大字模式' }).getAttribute('aria-checked')).toBe('true');
    expect(await overflow()).toBe(0);
    await expectAccessible(page, 'liaison-task-detail (large text, 360 px)');

    // At 200 % zoom a 1366 px screen is 683 CSS pixels wide: the list holds there as well.
    await page.setViewportSize({ width: 683, height: 450 });
    await page.goto(`${app.url}/tasks`);
    await link.waitFor();
    expect(await overflow()).toBe(0);

    // Remembered per user: the department's leader, in the same browser, starts with ordinary text.
    await page.getByRole('button', { name: '退出' }).click();
    await signIn(page, leader.email);
    expect(await page.getByRole('switch', { name: '大字模式' }).getAttribute('aria-checked')).toBe('false');
    expect(await page.evaluate((id) => (globalThis as unknown as Browserish).localStorage.getItem(`duban.large-text.${id}`), liaison.id)).toBe('1');
    await context.close();
  });
});
