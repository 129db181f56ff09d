import { jest } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';
import {
  checkScreen,
  chooseFiles,
  ensureWebBuild,
  expectAccessible,
  launchChromium,
  saveScreenshot,
  SCREENSHOTS,
  trackScreens,
  uncheckedScreens,
} from './support/web.js';

/**
 * The console for every person (issue 20), in Debian's Chromium: a liaison who works by keyboard alone (skip link,
 * a visible focus ring on every stop, sign in, open a task, accept it), and 大字模式 (适老化) on a 360 px phone:
 * larger text and controls, nothing wider than the screen, kept with that user's account only (so it is on again when
 * the user signs in from another computer or phone). The axe check of every
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
  document: { activeElement: Node | null; body: Node; scrollingElement: { scrollWidth: number }; querySelector(selector: string): Node | null };
  innerWidth: number;
  getComputedStyle(node: Node): { outlineStyle: string; outlineWidth: string; boxShadow: string; fontSize: string };
  localStorage: { length: number; getItem(key: string): string | null };
};

// A browser walk on a busy two-core CI machine outlasts Jest's default minute.
jest.setTimeout(180_000);

describe('web console for every person', () => {
  let app: TestApp;
  let browser: Browser;
  let liaison: { id: string; email: string; token: string };
  let leader: { id: string; email: string };
  let supervisor: { id: string; email: string; token: string };
  let reviewer: { id: string; email: string; token: string };
  const problems: string[] = [];
  const titles = ['核拨农村义务教育学校取暖费', '审核学前教育资助资金'];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ensureWebBuild();
    app = await startApp();
    // The finance department's list holds this file's tasks alone (the same list in every run, for the screenshot).
    await sql(app.databaseUrl, "UPDATE task SET lead_department_code = 'edu' WHERE lead_department_code = 'finance'");
    await sql(app.databaseUrl, "UPDATE task SET co_department_codes = array_remove(co_department_codes, 'finance')");
    supervisor = await app.user('supervisor');
    reviewer = await app.user('reviewer');
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
    await trackScreens(page);
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => problems.push(e.message));
    return { context, page };
  }

  async function signIn(page: Page, email: string) {
    await page.goto(`${app.url}/`);
    await page.getByLabel('邮箱').fill(email);
    await checkScreen(page, 'login');
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
      let row: Node | null = el;
      while (row && row.tagName !== 'TR') row = row.parentElement;
      const name = `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} 「${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}」${row ? ` in 「${(row.textContent ?? '').slice(0, 30)}」` : ''}`;
      return { name, ring, id: el.id };
    });

  /** Tab until the focused element's text matches `target`, every stop with a visible focus ring; at most `limit` stops. */
  async function tabTo(page: Page, target: RegExp, limit = 60): Promise<void> {
    const unringed: string[] = [];
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (!now.ring) unringed.push(now.name);
      if (target.test(`${now.name} #${now.id}`)) {
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

  /** Signs in by keyboard alone: the first Tab reaches the email field, then the password, and Enter sends the form. */
  async function signInByKeyboard(page: Page, email: string) {
    await page.goto(`${app.url}/`);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await checkScreen(page, 'login (keyboard)');
    await tabTo(page, /#login-email$/);
    await page.keyboard.type(email);
    await tabTo(page, /#login-password$/);
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '退出' }).waitFor();
  }

  /** The task as the API has it now. */
  const taskNow = async (token: string, id: string) =>
    (await app.as(token).get(`/api/v1/tasks/${id}`).expect(200)).body as { status: string; grade: string | null; evidence: { filename: string }[] };

  it('by keyboard alone: uploads evidence (Enter and Space open the file chooser), submits; the supervisor approves; the reviewer scores', async () => {
    const year = Number(TODAY.slice(0, 4));
    const id = ((await app.as(liaison.token).get('/api/v1/tasks?limit=50').expect(200)).body.items as { id: string; title: string }[]).find(
      (t) => t.title === titles[0],
    )!.id;
    // The first walk accepted it; run alone, this one accepts through the API.
    if ((await taskNow(liaison.token, id)).status === 'assigned') await app.as(liaison.token).post(`/api/v1/tasks/${id}/accept`).send({}).expect(200);
    await app.as(reviewer.token).post('/api/v1/assessments').send({ year }).expect(201);

    // The liaison: the drop zone is a Tab stop that shows its focus; Enter opens the file chooser, and so does Space.
    const { context, page } = await open(1366, 900);
    await signInByKeyboard(page, liaison.email);
    await page.getByRole('link', { name: titles[0] }).waitFor();
    await tabTo(page, new RegExp(titles[0]));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: titles[0] }).waitFor();
    await tabTo(page, /「将文件拖到此处/);
    for (const [key, name] of [
      ['Enter', '拨付凭证.pdf'],
      ['Space', '会议纪要.pdf'],
    ] as const) {
      // After a file is sent the focus is still on the zone (a second file is one key away).
      expect((await focused(page)).name).toMatch(/「将文件拖到此处/);
      const chooser = await chooseFiles(page, () => page.keyboard.press(key), { name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
      expect(chooser.isMultiple()).toBe(true);
      await page.locator('.ant-message').getByText(`已上传：${name}`).first().waitFor();
      await page
        .getByRole('listitem')
        .filter({ hasText: name })
        .filter({ has: page.getByRole('button', { name: '下载' }) })
        .waitFor();
    }
    expect((await taskNow(liaison.token, id)).evidence.map((e) => e.filename).sort()).toEqual(['会议纪要.pdf', '拨付凭证.pdf']);

    // 提交办结: the dialog takes the focus; the summary typed, both files ticked, Enter on 提交.
    await tabTo(page, /「提交办结」/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '提交办结' });
    await dialog.waitFor();
    await expectAccessible(page, 'liaison-submit (keyboard)');
    await tabTo(page, /textarea/);
    await page.keyboard.type('资金已拨付，凭证见附件');
    expect(await dialog.getByRole('checkbox', { checked: true }).count()).toBe(2);
    await tabTo(page, /button 「提交」/);
    await page.keyboard.press('Enter');
    await page.locator('.ant-message').getByText('已提交，等待督查审核').first().waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect((await taskNow(liaison.token, id)).status).toBe('submitted');
    await context.close();

    // The supervisor: 审核通过, the grade chosen with the arrow keys, Enter on 通过.
    const boss = await open(1366, 900);
    await signInByKeyboard(boss.page, supervisor.email);
    await boss.page.getByRole('heading', { name: '督办台' }).waitFor();
    await boss.page.locator('canvas').first().waitFor();
    await checkScreen(boss.page, 'supervisor-board (keyboard)');
    await boss.page.goto(`${app.url}/tasks/${id}`);
    await boss.page.getByRole('heading', { name: titles[0] }).waitFor();
    await expectAccessible(boss.page, 'supervisor-task-detail (keyboard)');
    await tabTo(boss.page, /「审核通过」/);
    await boss.page.keyboard.press('Enter');
    const approve = boss.page.getByRole('dialog', { name: '审核通过' });
    await approve.waitFor();
    await tabTo(boss.page, /combobox/);
    await boss.page.keyboard.press('ArrowDown');
    await boss.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor();
    await expectAccessible(boss.page, 'supervisor-approve (keyboard)');
    await boss.page.keyboard.press('ArrowDown');
    await boss.page.keyboard.press('Enter');
    await approve.getByTitle('良好').waitFor();
    await tabTo(boss.page, /textarea/);
    await boss.page.keyboard.type('材料齐全');
    await tabTo(boss.page, /button 「通过」/);
    await boss.page.keyboard.press('Enter');
    await boss.page.locator('.ant-message').getByText('已审核通过，任务办结').first().waitFor();
    expect(await taskNow(supervisor.token, id)).toMatchObject({ status: 'completed', grade: 'good' });
    await boss.context.close();

    // The reviewer: from the table (a scrolling region, itself a Tab stop) to the finance row's 评分, a score and a comment, Enter on 保存.
    const rev = await open(1366, 900);
    await signInByKeyboard(rev.page, reviewer.email);
    await rev.page.getByRole('heading', { name: '年度考核' }).waitFor();
    const row = rev.page.getByRole('row', { name: /财政部门/ });
    await row.getByText('未评分').waitFor();
    await tabTo(rev.page, /「评分」.*in 「.*财政部门/, 150);
    await rev.page.keyboard.press('Enter');
    const scoring = rev.page.getByRole('dialog', { name: '评分：财政部门' });
    await scoring.waitFor();
    await expectAccessible(rev.page, 'reviewer-scoring (keyboard)');
    await tabTo(rev.page, /spinbutton|#score$/);
    await rev.page.keyboard.type('86');
    await tabTo(rev.page, /textarea/);
    await rev.page.keyboard.type('按期办结');
    await tabTo(rev.page, /button 「保存」/);
    await rev.page.keyboard.press('Enter');
    await rev.page.locator('.ant-message').getByText('评分已保存').first().waitFor();
    await row.getByText('86：按期办结').waitFor();
    const scored = (
      (await app.as(reviewer.token).get(`/api/v1/assessments/${year}/departments`).expect(200)).body as {
        departmentCode: string;
        reviewerScores: { score: number; comment: string }[];
      }[]
    ).find((d) => d.departmentCode === 'finance')!;
    expect(scored.reviewerScores).toEqual([expect.objectContaining({ score: 86, comment: '按期办结' })]);
    await rev.context.close();
  });

  /** The switch's click, once the API has kept the choice with the account (PUT /me/preferences answered). */
  async function switchAndSave(page: Page, on: boolean) {
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/preferences') && r.request().method() === 'PUT');
    await page.getByRole('switch', { name: '大字模式' }).click();
    expect((await saved).status()).toBe(200);
    expect(await page.getByRole('switch', { name: '大字模式' }).getAttribute('aria-checked')).toBe(String(on));
    expect((await app.as(liaison.token).get('/api/v1/me')).body.largeText).toBe(on);
  }

  it('大字模式 on a 360 px phone: larger text and controls, nothing off the screen, kept with that user only', async () => {
    const { context, page } = await open(360, 740);
    await signIn(page, liaison.email);
    await page.getByRole('heading', { name: /我的任务/ }).waitFor();
    const link = page.getByRole('link', { name: titles[1] });
    await link.waitFor();
    const fontSize = () => link.evaluate((el) => parseFloat((globalThis as unknown as Browserish).getComputedStyle(el as unknown as Node).fontSize));
    const controlHeight = () => page.getByRole('button', { name: '导出 Excel' }).evaluate((el) => el.getBoundingClientRect().height);
    /** How far the page scrolls sideways (0: not at all), and the header's height (one row: 64 px). */
    const overflow = () =>
      page.evaluate(() => {
        const win = globalThis as unknown as Browserish;
        return win.document.scrollingElement.scrollWidth - win.innerWidth;
      });
    const headerHeight = () => page.locator('.ant-layout-header').evaluate((el) => el.getBoundingClientRect().height);
    expect(await fontSize()).toBe(14);
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await headerHeight()).toBeLessThanOrEqual(64);
    await saveScreenshot(page, 'liaison-tasks-mobile-360');

    // On a phone the header is one row (菜单, the name, 退出); 菜单 opens the account's controls, 大字模式 among them.
    const menu = page.getByRole('button', { name: '菜单' });
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const large = page.getByRole('switch', { name: '大字模式' });
    expect(await large.getAttribute('aria-checked')).toBe('false');
    await expectAccessible(page, 'liaison-menu (360 px)');
    await switchAndSave(page, true);
    await page.locator('[data-large-text]').waitFor();
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await fontSize()).toBe(18);
    expect(await controlHeight()).toBeGreaterThanOrEqual(44);
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await headerHeight()).toBeLessThanOrEqual(64);
    await saveScreenshot(page, 'liaison-tasks-large-text-mobile');

    // A task's page holds too, and a reload keeps the mode.
    await link.click();
    await page.getByRole('heading', { name: titles[1] }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: titles[1] }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await headerHeight()).toBeLessThanOrEqual(64);
    await expectAccessible(page, 'liaison-task-detail (large text, 360 px)');
    await menu.click();
    expect(await page.getByRole('switch', { name: '大字模式' }).getAttribute('aria-checked')).toBe('true');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await menu.click();

    // At 200 % zoom a 1366 px screen is 683 CSS pixels wide: the list and the one-row header hold there as well.
    await page.setViewportSize({ width: 683, height: 450 });
    await page.goto(`${app.url}/tasks`);
    await link.waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await headerHeight()).toBeLessThanOrEqual(64);

    // Remembered per user: the department's leader, in the same browser, starts with ordinary text.
    await page.getByRole('button', { name: '退出' }).click();
    await signIn(page, leader.email);
    await page.getByTestId('dashboard-department').first().waitFor();
    await checkScreen(page, 'leader-department (360 px)');
    await menu.click();
    expect(await page.getByRole('switch', { name: '大字模式' }).getAttribute('aria-checked')).toBe('false');
    expect(await page.evaluate((id) => (globalThis as unknown as Browserish).localStorage.getItem(`duban.large-text.${id}`), liaison.id)).toBe('1');
    await context.close();

    // Kept with the account: on another computer (a fresh browser, nothing in its storage) the liaison signs in to
    // large text, and switching it off there is kept too.
    const other = await open(1440, 900);
    await other.page.goto(`${app.url}/`);
    expect(await other.page.evaluate(() => (globalThis as unknown as Browserish).localStorage.length)).toBe(0);
    await signIn(other.page, liaison.email);
    await other.page.getByRole('heading', { name: /我的任务/ }).waitFor();
    await other.page.locator('[data-large-text]').waitFor();
    expect(
      await other.page
        .getByRole('link', { name: titles[1] })
        .evaluate((el) => parseFloat((globalThis as unknown as Browserish).getComputedStyle(el as unknown as Node).fontSize)),
    ).toBe(18);
    expect(await other.page.getByRole('switch', { name: '大字模式' }).getAttribute('aria-checked')).toBe('true');
    await checkScreen(other.page, 'liaison-tasks (large text, 1440 px)');
    await switchAndSave(other.page, false);
    expect(await other.page.locator('[data-large-text]').count()).toBe(0);
    await checkScreen(other.page, 'liaison-tasks (1440 px)');
    await other.context.close();
  });

  it('axe-checked every screen its walks showed', () => {
    expect(uncheckedScreens()).toEqual([]);
  });
});
