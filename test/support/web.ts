import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type FileChooser, type Locator, type Page } from 'playwright-core';

const WEB_SOURCE = 'apps/web';
const WEB_BUILD = 'dist/web/index.html';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (!entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the console (`npm run build:web`, about 6 s) unless dist/web is newer
 * than every source file, so `npm test`'s pretest stays the server build alone.
 */
export function ensureWebBuild(): { built: boolean; ms: number } {
  const started = Date.now();
  if (existsSync(WEB_BUILD) && statSync(WEB_BUILD).mtimeMs >= newestSource(WEB_SOURCE)) return { built: false, ms: 0 };
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'], {
    encoding: 'utf8',
    // Jest sets NODE_ENV=test, which Vite would honour with a development build of React and antd.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`vite build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return { built: true, ms: Date.now() - started };
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with a fresh profile (Playwright makes one per launch); no network beyond loopback is tried. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A new browser context (a desktop screen, Chinese, Shanghai time, no motion) signed in to the console at `url`
 * as `email`; uncaught page errors are collected in `problems`, for the file to assert empty at its end.
 */
export async function signedInPage(browser: Browser, url: string, email: string, password: string, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await trackScreens(page);
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${url}/`);
  await page.getByLabel('邮箱').fill(email);
  await checkScreen(page, 'login');
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出' }).waitFor();
  return page;
}

/**
 * Where the page stands, as the screen tracker names it: who looks (the signed-in role from the console's session,
 * or 未登录), the route with ids as :id, and each dialog or popup open: antd's modals (role=dialog) and its popovers
 * (a Popconfirm is one: role=tooltip inside .ant-popover, which a role query alone would miss). A string to evaluate:
 * this project's tsconfig has no DOM.
 */
const SCREEN_NOW = `(() => {
  let role = '未登录';
  try { role = JSON.parse(sessionStorage.getItem('duban.user') || 'null')?.role ?? role; } catch {}
  const path = location.pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id');
  const dialogs = [...document.querySelectorAll('[role="dialog"]')]
    .filter((d) => d.getClientRects().length > 0)
    .map((d) => {
      const by = d.getAttribute('aria-labelledby');
      const title = d.getAttribute('aria-label') || (by && document.getElementById(by)?.textContent) || d.querySelector('.ant-modal-title, .ant-modal-confirm-title')?.textContent || '对话框';
      return title.trim().replace(/\\s+/g, ' ').slice(0, 40);
    });
  const popups = [...document.querySelectorAll('.ant-popover')]
    .filter((p) => p.getClientRects().length > 0 && !p.classList.contains('ant-popover-hidden'))
    .map((p) => (p.querySelector('.ant-popconfirm-title, .ant-popover-title')?.textContent || '弹出框').trim().replace(/\\s+/g, ' ').slice(0, 40));
  return JSON.stringify({ role, path, dialogs: [...dialogs, ...popups] });
})()`;

/** A screen's names: the route, and the route with each open dialog or popup (the check of one covers the page behind it). */
function screenKeys(json: string): string[] {
  const { role, path, dialogs } = JSON.parse(json) as { role: string; path: string; dialogs: string[] };
  return [`${role} ${path}`, ...dialogs.map((d) => `${role} ${path} › ${d}`)];
}

/** The names the screen tracker gives the page as it stands (its route, and the route with each dialog or popup open). */
export async function screenOf(page: Page): Promise<string[]> {
  return screenKeys(await page.evaluate<string>(SCREEN_NOW));
}

/** The screens the walks of this file showed, and those expectAccessible checked (per test file: Jest gives each its own modules). */
const visited = new Set<string>();
const checked = new Set<string>();

/**
 * Follows every screen a walk's page shows (a route, or a dialog opened over it), so the file can require each to
 * have been axe-checked (uncheckedScreens). The page reports each change through a binding, so what counts as
 * visited does not depend on the machine's speed; the check itself stays with the walk, at a point it chose, once
 * the screen is drawn (a screen half drawn would give a different answer each run).
 */
export async function trackScreens(page: Page): Promise<void> {
  // Every walk's page comes through here as it is made, long before it could open a file chooser (chooseFiles).
  interceptFileChoosers(page);
  await page.exposeBinding('__dubanScreen', (_source, json: string) => {
    for (const key of screenKeys(json)) visited.add(key);
  });
  await page.addInitScript(`(() => {
    let last;
    new MutationObserver(() => {
      // Not a screen yet: nothing drawn, or only 加载中… (a chunk on its way; a redirect passes through it).
      const root = document.getElementById('root');
      if (!root?.childElementCount || root.querySelector(':scope > [role="status"]:only-child')) return;
      const now = ${SCREEN_NOW};
      if (now !== last) { last = now; window.__dubanScreen(now); }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  })()`);
}

/** The screens a tracked walk of this file showed that no expectAccessible checked: each file's last test expects none. */
export function uncheckedScreens(): string[] {
  return [...visited].filter((key) => !checked.has(key)).sort();
}

/**
 * The page as it stands passes axe-core (WCAG 2.1 A and AA, and axe's best practices) with no serious or critical
 * violation (GB/T 37668-2019 follows WCAG 2.0 AA). A violation fails naming the page, the rule, its help text and
 * the selector of each element (the first five), so the report says what to fix where.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  for (const key of screenKeys(await page.evaluate<string>(SCREEN_NOW))) checked.add(key);
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length === 0) return;
  const lines = serious.map(
    (v) =>
      `  ${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1, 2).join('').trim()}` : ''}`)
        .join('\n')}`,
  );
  throw new Error(`accessibility of 「${name}」 (${page.url()}):\n${lines.join('\n')}`);
}

/** Checks the screen the page is on (expectAccessible) unless this file's walks have already checked it. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  if (screenKeys(await page.evaluate<string>(SCREEN_NOW)).every((key) => checked.has(key))) return;
  await expectAccessible(page, name);
}

/** Where the README's screenshots are written. */
export const SCREENSHOTS = 'docs/screenshots';

type ScreenshotOptions = { fullPage?: boolean; mask?: Locator[]; style?: string };

/**
 * Saves `docs/screenshots/NAME.png` of a page or one element, without animations or the caret; `mask` greys out
 * what differs in every run. A full page of CJK text can take longer than the 15 s action timeout to paint on a
 * busy two-core CI machine, so a screenshot gets a minute. Every screen a walk saves is a settled one, so it is
 * also where the walk checks the whole page's accessibility (expectAccessible) first.
 */
export async function saveScreenshot(target: Page | Locator, name: string, { fullPage = true, mask = [], style }: ScreenshotOptions = {}): Promise<Buffer> {
  await expectAccessible('goto' in target ? target : target.page(), name);
  const options = { path: `${SCREENSHOTS}/${name}.png`, animations: 'disabled', caret: 'hide', mask, maskColor: '#d9d9d9', style, timeout: 60_000 } as const;
  return 'goto' in target ? target.screenshot({ ...options, fullPage }) : target.screenshot(options);
}

/**
 * Types a date into an antd DatePicker as a person does (its text, then Tab: Enter would send the form) and waits
 * until the picker has taken it: its panel closed with the text still in the field. A picker that has not yet parsed
 * the text when it loses focus puts the old date back, so on a busy machine the text is typed once more.
 */
export async function typeDate(field: Locator, text: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await field.click();
    await field.fill(text);
    await field.press('Tab');
    await field.page().locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
    const value = await field.inputValue();
    if (value === text) return;
    if (attempt === 2) throw new Error(`the date picker kept 「${value}」 instead of 「${text}」`);
  }
}

/** Pages whose file choosers a page-wide listener keeps intercepted. */
const choosing = new WeakSet<Page>();

/**
 * Keeps the page's file choosers intercepted for its whole life. Playwright switches Chromium's interception on with
 * the first 'filechooser' listener, a round trip of its own: a listener added just before a click (or a key) that
 * opens the chooser at once can lose that race, the chooser then opens natively and the walk waits for nobody.
 * So the listener comes with the page (trackScreens), not with the upload.
 */
function interceptFileChoosers(page: Page): void {
  if (choosing.has(page)) return;
  choosing.add(page);
  page.on('filechooser', () => undefined);
}

type Files = Parameters<FileChooser['setFiles']>[0];

/**
 * Picks `files` in the browser's file chooser that `open` brings up (a click on 选择文件, Enter on a drop zone), as a
 * person does, and returns the chooser. The wait for this chooser starts before `open` runs (one started after the
 * click can miss it), on a page whose choosers have been intercepted since it was made (interceptFileChoosers).
 */
export async function chooseFiles(page: Page, open: () => Promise<unknown>, files: Files): Promise<FileChooser> {
  interceptFileChoosers(page);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), open()]);
  await chooser.setFiles(files);
  return chooser;
}
