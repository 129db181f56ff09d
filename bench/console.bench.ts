/**
 * The console on a weak line (issue 20): largest contentful paint of the sign-in page and of a liaison's task
 * list (我的任务, opened signed in), cold (empty browser cache) and warm (the same browser again), in Debian's
 * Chromium throttled through the DevTools protocol to slow-4G (400 ms round trip, 400 kbit/s each way), beside
 * the same loads unthrottled in the same run. Also the bytes the browser received for each load. Figures only:
 * a time is never asserted (CI machines differ); the gzipped-size budgets are the test (test/web-budget.e2e.ts).
 */
import { spawnSync } from 'node:child_process';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { importSeeds } from '../libs/plan/import-seeds.js';
import { call, startBenchApp } from './http-load.js';
import { benchDatabase, type BenchRow } from './report.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Chrome DevTools' own slow-4G is 150 ms and 1.6 Mbit/s; issue 20 asks for a township office's worse line. */
const SLOW_4G = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const UNTHROTTLED = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
const PASSWORD = 'bench-password-123';

type Load = { lcpMs: number; kb: number };

/** The latest largest-contentful-paint entry and the bytes received (navigation and every resource, headers included). */
function measure(page: Page): Promise<Load> {
  return page.evaluate(
    () =>
      new Promise<Load>((resolve) => {
        // Page-side code: this project's tsconfig has no DOM library, so the little used is typed here.
        type Entry = { startTime: number; transferSize?: number };
        const perf = (globalThis as unknown as { performance: { getEntriesByType(type: string): Entry[] } }).performance;
        const Observer = (
          globalThis as unknown as {
            PerformanceObserver: new (cb: (list: { getEntries(): Entry[] }) => void) => { observe(o: object): void };
          }
        ).PerformanceObserver;
        new Observer((list) => {
          const entries = list.getEntries();
          const bytes = [...perf.getEntriesByType('navigation'), ...perf.getEntriesByType('resource')].reduce((sum, e) => sum + (e.transferSize ?? 0), 0);
          resolve({ lcpMs: entries[entries.length - 1].startTime, kb: bytes / 1024 });
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
}

async function load(page: Page, cdp: CDPSession, url: string, ready: (page: Page) => Promise<unknown>, cold: boolean): Promise<Load> {
  if (cold) await cdp.send('Network.clearBrowserCache');
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  return measure(page);
}

/** Login and task list, cold then warm, on one browser page under `conditions`. */
async function walk(browser: Browser, base: string, email: string, conditions: typeof SLOW_4G): Promise<Record<string, Load>> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', conditions);
  const loginReady = (p: Page) => p.getByRole('button', { name: '登录' }).waitFor();
  const listReady = (p: Page) => p.locator('.ant-table-row').first().waitFor();
  const figures: Record<string, Load> = {};
  figures['login, cold'] = await load(page, cdp, `${base}/login`, loginReady, true);
  figures['login, warm'] = await load(page, cdp, `${base}/login`, loginReady, false);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await listReady(page);
  // The session lives in the tab (sessionStorage), so the list is opened again in it: first with the cache emptied.
  figures['task list, cold'] = await load(page, cdp, `${base}/tasks`, listReady, true);
  figures['task list, warm'] = await load(page, cdp, `${base}/tasks`, listReady, false);
  await context.close();
  return figures;
}

export async function consoleBench(serverUrl: string): Promise<BenchRow[]> {
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
  const scratch = await benchDatabase(serverUrl, 'console');
  // The plan's own tasks: the finance department's liaison has a real list of them.
  await importSeeds(scratch.url, 'seeds');
  const app = await startBenchApp(scratch.url);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const admin = await app.user('admin');
    const email = `bench-console-${Date.now()}@bench.duban`;
    await call(app.url, admin.token, 'POST', '/api/v1/users', {
      email,
      name: '联络员',
      password: PASSWORD,
      role: 'liaison',
      departmentCode: 'finance',
      mustChangePassword: false,
    });
    const fast = await walk(browser, app.url, email, UNTHROTTLED);
    const slow = await walk(browser, app.url, email, SLOW_4G);
    const rows: BenchRow[] = [];
    for (const page of Object.keys(slow)) {
      rows.push({ figure: `console ${page}: LCP on slow-4G`, valueMs: slow[page].lcpMs, baselineMs: fast[page].lcpMs, baseline: 'unthrottled' });
    }
    for (const page of Object.keys(slow)) {
      rows.push({ figure: `console ${page}: received`, valueMs: slow[page].kb, baselineMs: fast[page].kb, baseline: 'unthrottled', unit: 'KB' });
    }
    return rows;
  } finally {
    await browser.close();
    await app.close();
    await scratch.drop();
  }
}
