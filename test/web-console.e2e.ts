import { jest } from '@jest/globals';
import { mkdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ReminderSweep } from '../libs/notifications/reminder-sweep.service.js';
import type { DepartmentAssessment } from '../libs/assessment/assessment-types.js';
import { RANKING_SHEET } from '../libs/reports/assessment-workbook.js';
import { ADMIN, startApp, type TestApp } from './support/app.js';
import { sql } from './support/database.js';
import {
  checkScreen,
  chooseFiles,
  ensureWebBuild,
  expectAccessible,
  launchChromium,
  saveScreenshot,
  SCREENSHOTS,
  screenOf,
  trackScreens,
  typeDate,
  uncheckedScreens,
} from './support/web.js';
import { startWorker } from './support/worker.js';

/**
 * The web console (apps/web) in Debian's Chromium against the real app: one
 * walk per role through its main work. Each main screen is saved under
 * docs/screenshots/ (the README shows them).
 */
const PASSWORD = 'password-123';
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n'),
  Buffer.alloc(3 * 1024 * 1024, 0x20),
  Buffer.from('\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
]);

type User = { id: string; email: string; token: string };

/** Today in Asia/Shanghai (deadlines are dates there), fixed once per run: the server's "today" too. */
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
/**
 * The browser's clock, frozen at 10:00 of that day: what the console works out from "now" (days left,
 * the date picker's today) is the same in every run of the day. The server's clock is the real one, so
 * due dates are set relative to TODAY and the screens that show server timestamps (history, messages) still change.
 */
const FROZEN = new Date(`${TODAY}T10:00:00+08:00`);

/** Screenshots leave out the transient toasts (each fades on a timer of its own). */
const QUIET = '.ant-message { display: none !important; }';

function isoDaysFromToday(days: number): string {
  return new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A number as the console writes it (zh-CN, at most two decimals). */
const zhNumber = (n: number) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(n);

/** An iCalendar text with its folded lines joined (RFC 5545 §3.1). */
function unfold(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, '');
}

// A browser walk on a busy two-core CI machine outlasts Jest's default minute.
jest.setTimeout(180_000);

describe('web console', () => {
  let app: TestApp;
  let worker: INestApplicationContext;
  let browser: Browser;
  let supervisor: User;
  let liaison: User;
  let leader: User;
  let reviewer: User;
  const problems: string[] = [];
  const tasks: Record<string, { id: string; title: string; dueDate: string }> = {};

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const build = ensureWebBuild();
    if (build.built) console.info(`web console built in ${build.ms} ms`);
    app = await startApp();
    // The plan's own (long overdue) tasks would alert everyone; this file follows its own tasks.
    await sql(app.databaseUrl, 'UPDATE task SET next_reminder_at = NULL');
    // The finance department starts without the plan's own tasks, so its liaison's list shows this file's tasks on one page.
    await sql(app.databaseUrl, "UPDATE task SET lead_department_code = 'edu' WHERE lead_department_code = 'finance'");
    await sql(app.databaseUrl, "UPDATE task SET co_department_codes = array_remove(co_department_codes, 'finance')");
    // The plan's tasks get random ids on import, and lists order by due date then id: ids made from their codes
    // put the many tasks due on the same year-end in the same order in every run (so the screenshots are the same).
    // Only the task rows and their parents are renumbered; nothing else refers to them yet but the audit log, which stays as written.
    await sql(
      app.databaseUrl,
      `BEGIN;
      SET LOCAL session_replication_role = replica;
      CREATE TEMP TABLE plan_ids ON COMMIT DROP AS SELECT id AS old, md5('duban-plan-task:' || code)::uuid AS new FROM task;
      UPDATE task t SET id = m.new FROM plan_ids m WHERE t.id = m.old;
      UPDATE task t SET parent_id = m.new FROM plan_ids m WHERE t.parent_id = m.old;
      COMMIT;`,
    );
    supervisor = await app.user('supervisor');
    liaison = await app.user('liaison', 'finance');
    leader = await app.user('leader', 'finance');
    reviewer = await app.user('reviewer');
    worker = await startWorker(app, { REMINDER_SWEEP_MS: '3600000' });
    browser = await launchChromium();

    const create = async (key: string, title: string, dueDate: string, extra: Record<string, unknown> = {}) => {
      const res = await app
        .as(supervisor.token)
        .post('/api/v1/tasks')
        .send({ title, leadDepartment: 'finance', dueDate, assigneeId: liaison.id, ...extra });
      if (res.status !== 201) throw new Error(`create ${title}: ${res.status} ${JSON.stringify(res.body)}`);
      tasks[key] = { id: res.body.id, title, dueDate };
    };
    await create('main', '落实教育经费“两个只增不减”', isoDaysFromToday(30), { clauseRef: '七(二)财政部门', coDepartments: ['edu'] });
    await create('soon', '编制年度教育经费预算', isoDaysFromToday(1));
    await create('returned', '拨付义务教育生均公用经费', isoDaysFromToday(20));
    await create('overdue', '报送教育附加费征收情况', isoDaysFromToday(-2));
    await create('escalated', '核拨学前教育生均补助', isoDaysFromToday(-40));
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await app?.close();
  });

  async function open(width = 1366, height = 900): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: { width, height },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
      reducedMotion: 'reduce',
    });
    await context.clock.setFixedTime(FROZEN);
    const page = await context.newPage();
    await trackScreens(page);
    page.setDefaultTimeout(15_000);
    page.on('console', (m) => {
      if (m.type() === 'error' && !/the server responded with a status of (404|409|500)/.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    return { context, page };
  }

  async function signIn(page: Page, email: string, password = PASSWORD) {
    await page.goto(`${app.url}/`);
    await page.getByLabel('邮箱').fill(email);
    await checkScreen(page, 'login');
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '退出' }).waitFor();
  }

  /** A full-page screenshot without animations or the caret; `mask` greys out what differs in every run (a random token). */
  const shot = (page: Page, name: string, mask: Locator[] = []) => saveScreenshot(page, name, { mask, style: QUIET });
  const toast = (page: Page, text: string) => page.locator('.ant-message').getByText(text).first().waitFor();

  it('is served at / under the CSP, without shadowing the API, health or docs', async () => {
    const index = await app.http.get('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    // Served over plain HTTP on an intranet address, an upgrade would send the scripts to https: a blank page.
    expect(index.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(index.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    const deep = await app.http.get('/tasks/00000000-0000-0000-0000-000000000000');
    expect(deep.status).toBe(200);
    expect(deep.text).toBe(index.text);
    const asset = index.text.match(/src="(\/assets\/[^"]+\.js)"/)![1];
    const js = await app.http.get(asset);
    expect(js.status).toBe(200);
    expect(js.headers['cache-control']).toContain('immutable');
    expect((await app.http.get('/assets/nope.js')).status).toBe(404);
    const api = await app.http.get('/api/v1/no-such-route');
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ statusCode: 404 });
    expect((await app.http.get('/api/v1/tasks')).status).toBe(401);
    expect((await app.http.get('/health')).headers['content-type']).toMatch(/json/);
    expect((await app.http.get('/feeds/x.ics')).headers['content-type'] ?? '').not.toMatch(/text\/html/);
    expect((await app.http.get('/api/docs')).text).toContain('swagger');
    // Inline scripts are allowed on Swagger UI's pages only: the console, the API and health run none.
    const scriptSrc = (csp: unknown) => /script-src ([^;]*)/.exec(String(csp))?.[1] ?? '';
    for (const path of ['/', '/tasks/x', '/api/v1/tasks', '/health', '/assets/nope.js']) {
      expect([path, scriptSrc((await app.http.get(path)).headers['content-security-policy'])]).toEqual([path, "'self'"]);
    }
    expect(scriptSrc((await app.http.get('/api/docs')).headers['content-security-policy'])).toContain("'unsafe-inline'");
  });

  it('liaison: signs in, sees the lights, accepts, reports, uploads evidence, submits, asks for time, reports an indicator', async () => {
    const { context, page } = await open();
    await page.goto(`${app.url}/`);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await shot(page, 'login');
    // A wrong password is said in Chinese and the email stays typed.
    await page.getByLabel('邮箱').fill(liaison.email);
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('邮箱或密码不正确').waitFor();
    expect(await page.getByLabel('邮箱').inputValue()).toBe(liaison.email);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();

    // 我的任务: the department's tasks with lights and dates.
    await page.getByRole('heading', { name: /我的任务/ }).waitFor();
    const mainRow = page.getByRole('row', { name: new RegExp(tasks.main.title) });
    await mainRow.waitFor();
    expect(
      await page
        .getByRole('row', { name: new RegExp(tasks.overdue.title) })
        .locator('[data-light="red"]')
        .count(),
    ).toBe(1);
    expect(
      await page
        .getByRole('row', { name: new RegExp(tasks.soon.title) })
        .locator('[data-light="yellow"]')
        .count(),
    ).toBe(1);
    expect(await mainRow.locator('[data-light="green"]').count()).toBe(1);
    expect(await mainRow.textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    await shot(page, 'liaison-tasks');

    // Task detail: accept, progress, evidence (drag-and-drop zone's input), submit.
    await page.getByRole('link', { name: tasks.main.title }).click();
    await page.getByRole('button', { name: '签收任务' }).click();
    await toast(page, '已签收');
    await page.getByText('办理中').first().waitFor();
    await page.getByLabel('报送进展').fill('已完成资金测算，正在报批');
    await page.getByLabel('完成进度（%）').fill('60');
    await page.getByRole('button', { name: '报送进展' }).click();
    await toast(page, '进展已报送');
    await page.getByText('已完成资金测算，正在报批').last().waitFor();
    // A large file on a slow line (uploads throttled to 1 MB/s): the bar follows XHR's upload progress.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
    await chooseFiles(page, () => page.getByRole('button', { name: /将文件拖到此处/ }).click(), {
      name: '资金拨付凭证.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    const bar = page.getByTestId('upload-progress').filter({ hasText: '资金拨付凭证.pdf' });
    await bar.locator('.ant-progress-status-active').waitFor();
    await shot(page, 'liaison-upload-progress');
    await toast(page, '已上传：资金拨付凭证.pdf');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.getByText('资金拨付凭证.pdf').first().waitFor();
    await page.getByText(/3 MB/).waitFor();
    // A second file dropped on the zone (a real drop event carrying a File).
    const dropped = await page.evaluateHandle(`(() => {
      const data = new DataTransfer();
      data.items.add(new File(['%PDF-1.4\\n%%EOF\\n'], '会议纪要.pdf', { type: 'application/pdf' }));
      return data;
    })()`);
    const zone = page.locator('.ant-upload-drag [role=button]');
    await zone.dispatchEvent('dragover', { dataTransfer: dropped });
    await zone.dispatchEvent('drop', { dataTransfer: dropped });
    await toast(page, '已上传：会议纪要.pdf');
    await page.getByText('佐证材料（2）').waitFor();
    await shot(page, 'liaison-task-detail');
    await page.getByRole('button', { name: '提交办结' }).click();
    const dialog = page.getByRole('dialog', { name: '提交办结' });
    await dialog.getByLabel('办结说明').fill('经费已足额拨付，凭证见附件');
    expect(await dialog.getByRole('checkbox', { name: '资金拨付凭证.pdf' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: '会议纪要.pdf' }).isChecked()).toBe(true);
    await shot(page, 'liaison-submit');
    await dialog.getByRole('button', { name: '提交' }).click();
    await toast(page, '已提交，等待督查审核');
    await page.getByText('待审核').first().waitFor();

    // An extension request for the task due tomorrow.
    await page.goto(`${app.url}/tasks/${tasks.soon.id}`);
    await page.getByLabel('申请延期至').click();
    await page
      .getByLabel('申请延期至')
      .fill(`${Number(isoDaysFromToday(40).slice(0, 4))}年${Number(isoDaysFromToday(40).slice(5, 7))}月${Number(isoDaysFromToday(40).slice(8, 10))}日`);
    await page.getByLabel('申请延期至').press('Enter');
    await page.getByLabel('延期理由').fill('预算需待人大审议后确定');
    await page.getByRole('button', { name: '申请延期' }).click();
    await toast(page, '延期申请已提交');
    await page.getByTestId('extension-request').getByText('待审批').waitFor();

    // 指标填报.
    await page.getByRole('menuitem', { name: '指标填报' }).click();
    await page.getByRole('button', { name: '填报' }).first().click();
    const report = page.getByRole('dialog');
    await report.getByLabel(/数值/).fill('4.5');
    await report.getByLabel(/说明/).fill('据 2025 年财政决算');
    await shot(page, 'liaison-indicator');
    await report.getByRole('button', { name: '提交' }).click();
    await toast(page, '指标数值已填报');

    // A phone's width (390 px): the list still works.
    await context.close();
    const phone = await open(390, 844);
    await signIn(phone.page, liaison.email);
    await phone.page.getByRole('heading', { name: /我的任务/ }).waitFor();
    await phone.page
      .getByTestId('task-card')
      .filter({ hasText: tasks.main.title })
      .getByText(/\d{4}年\d{1,2}月\d{1,2}日/)
      .first()
      .waitFor();
    await shot(phone.page, 'liaison-tasks-mobile');
    await phone.page.getByRole('link', { name: tasks.soon.title }).click();
    await phone.page.getByText('将文件拖到此处').waitFor();
    await shot(phone.page, 'liaison-task-detail-mobile');
    await phone.context.close();
  });

  it('supervisor: board, overdue alert, create and assign, approve with a grade, return with a reason, decide an extension, history', async () => {
    // Submitted work to return (set up through the API), and the reminder sweep's overdue alerts.
    const lead = app.as(liaison.token);
    await lead.post(`/api/v1/tasks/${tasks.returned.id}/accept`).send({});
    const evidence = await lead.post(`/api/v1/tasks/${tasks.returned.id}/evidence`).attach('file', PDF.subarray(0, 200), '凭证.pdf');
    expect((await lead.post(`/api/v1/tasks/${tasks.returned.id}/submit`).send({ summary: '已拨付', evidenceIds: [evidence.body.id] })).status).toBe(200);
    await worker.get(ReminderSweep).run();

    const { context, page } = await open();
    await signIn(page, supervisor.email);
    await page.getByRole('heading', { name: '督办台' }).waitFor();
    await page.locator('canvas').first().waitFor();
    // The board shows GET /api/v1/dashboard's figures for the department …
    const dashboard = await app.as(supervisor.token).get('/api/v1/dashboard');
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.asOf).toBe(TODAY);
    const finance = dashboard.body.departments.find((d: { code: string }) => d.code === 'finance');
    expect(finance).toMatchObject({ name: '财政部门', total: 5, overdue: 2, light: 'red' });
    expect(finance.dueSoon).toBeGreaterThanOrEqual(1);
    const card = page.getByTestId('dashboard-department').filter({ hasText: '财政部门' });
    await card.getByText(`共 ${finance.total} 项 · 逾期 ${finance.overdue} · 临期 ${finance.dueSoon} · 按期率 `).waitFor();
    // The periodic reports (定期报送): per department and in the totals.
    await card.getByText(`本月应报 ${finance.reports.dueThisMonth} 期`).waitFor();
    await card.getByText(`逾期未报 ${finance.reports.missed} 期`).waitFor();
    expect((await page.getByTestId('reports-missed').innerText()).replace(/\s/g, '')).toBe(`逾期未报${dashboard.body.totals.reports.missed}期`);
    expect((await page.getByTestId('reports-due').innerText()).replace(/\s/g, '')).toBe(`本月应报（定期报送）${dashboard.body.totals.reports.dueThisMonth}期`);
    expect(await card.locator('[data-light]').getAttribute('data-light')).toBe('red');
    await page.getByText(`各单位逾期与临期任务（截至 ${Number(TODAY.slice(0, 4))}年${Number(TODAY.slice(5, 7))}月${Number(TODAY.slice(8, 10))}日）`).waitFor();
    // The overdue list counts what GET /api/v1/tasks?overdue=true counts (the plan's own tasks included).
    const overdueTotal = (await app.as(supervisor.token).get('/api/v1/tasks?overdue=true&limit=1')).body.total as number;
    expect(overdueTotal).toBeGreaterThanOrEqual(2);
    await page.getByText(`逾期任务（${overdueTotal}）`).waitFor();
    await page.getByTestId('overdue-list').locator('tr.ant-table-row').first().waitFor();
    // … and the 通报 of GET /api/v1/dashboard/bulletin: the department's rank, counts and its worst tasks.
    const bulletin = await app.as(supervisor.token).get('/api/v1/dashboard/bulletin');
    expect(bulletin.status).toBe(200);
    const listed = bulletin.body.items.find((i: { code: string }) => i.code === 'finance');
    expect(listed).toMatchObject({ name: '财政部门', overdue: 2 });
    expect(listed.worst.map((t: { title: string }) => t.title)).toEqual(expect.arrayContaining([tasks.escalated.title, tasks.overdue.title]));
    const entry = page.getByTestId('bulletin').locator('.ant-list-item').filter({ hasText: '财政部门' });
    await entry.getByText(`第 ${listed.rank} 名`).waitFor();
    await entry.getByText(`逾期 ${listed.overdue} 项 · 已升级 ${listed.escalated} 项 · 最长逾期 ${listed.maxDaysOverdue} 天`).waitFor();
    // (another entry names 财政部门 in a task's title: the rank tells them apart)
    await entry
      .filter({ hasText: `第 ${listed.rank} 名` })
      .getByText(`逾期未报 ${listed.missedReports} 期`)
      .waitFor();
    await entry.getByRole('link', { name: tasks.escalated.title }).waitFor();
    await entry
      .getByText(
        `（截止 ${Number(tasks.escalated.dueDate.slice(0, 4))}年${Number(tasks.escalated.dueDate.slice(5, 7))}月${Number(tasks.escalated.dueDate.slice(8, 10))}日，逾期 40 天`,
      )
      .waitFor();
    await shot(page, 'supervisor-board');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('canvas').first().waitFor();
    await shot(page, 'supervisor-board-mobile');
    await page.setViewportSize({ width: 1366, height: 900 });

    // The overdue alert, in-app.
    await page.getByRole('menuitem', { name: '消息提醒' }).click();
    const alert = page.locator('[data-template="overdue"]').filter({ hasText: tasks.overdue.title });
    await alert.getByText('逾期预警', { exact: true }).waitFor();
    await shot(page, 'supervisor-notifications');

    // Create and assign: a failed request keeps the form as typed; the retry succeeds.
    await page.getByRole('menuitem', { name: '新建任务' }).click();
    await page.getByLabel('任务名称').fill('建立教育经费统计公告制度');
    await page.getByLabel('任务说明').fill('每年公布教育经费执行情况统计公告');
    await page.getByLabel('牵头单位').click();
    await page.getByLabel('牵头单位').fill('财政');
    await page.getByLabel('牵头单位').press('Enter');
    await page.getByLabel('配合单位').click();
    await page.getByLabel('配合单位').fill('教育');
    await page.getByLabel('配合单位').press('Enter');
    await page.getByLabel('配合单位').press('Escape');
    await typeDate(page.getByLabel('截止日期'), '2030年6月30日');
    await page.getByLabel('规划条款').click();
    await page.getByLabel('规划条款').fill('七(二)财政');
    await page.locator('.ant-select-item-option').filter({ hasText: '七(二)财政部门' }).first().click();
    await shot(page, 'supervisor-create-task');
    await page.route(
      '**/api/v1/tasks',
      (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: 503,
              contentType: 'application/json',
              body: JSON.stringify({ statusCode: 503, error: 'Service Unavailable', message: 'down' }),
            })
          : route.continue(),
      { times: 1 },
    );
    await page.getByRole('button', { name: '创建并下达' }).click();
    await page.getByTestId('form-error').getByText('服务器暂时出错，请稍后重试（已填写的内容仍保留）').waitFor();
    expect(await page.getByLabel('任务名称').inputValue()).toBe('建立教育经费统计公告制度');
    await page.getByRole('button', { name: '创建并下达' }).click();
    await toast(page, '任务已创建并下达');
    await page.getByRole('heading', { name: '建立教育经费统计公告制度' }).waitFor();
    await page.getByText('2030年6月30日').first().waitFor();
    await page.getByText('教育部门').first().waitFor();

    // An open-ended duty (长期坚持): no date to pick, a reporting cycle instead; its page says so.
    await page.getByRole('menuitem', { name: '新建任务' }).click();
    await page.getByLabel('任务名称').fill('落实教育专项资金（长期）');
    await page.getByLabel('牵头单位').click();
    await page.getByLabel('牵头单位').fill('财政');
    await page.getByLabel('牵头单位').press('Enter');
    await page.getByTestId('open-ended').check();
    // The date field leaves with the next render, not with the click: waited for (a count at once raced it under load).
    await page.getByLabel('截止日期').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '创建并下达' }).click();
    await page.getByText('长期坚持的任务须选择报送周期').waitFor();
    await page.getByLabel('定期报送').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '每季度' }).click();
    await shot(page, 'supervisor-create-open-ended');
    await page.getByRole('button', { name: '创建并下达' }).click();
    await toast(page, '任务已创建并下达');
    await page.getByRole('heading', { name: '落实教育专项资金（长期）' }).waitFor();
    await page.getByText('长期坚持').first().waitFor();
    await page.getByText('按周期报送').first().waitFor();

    // Approve the liaison's submission with a grade; its history tells every step.
    await page.goto(`${app.url}/tasks/${tasks.main.id}`);
    await page.getByRole('button', { name: '审核通过' }).click();
    const approve = page.getByRole('dialog', { name: '审核通过' });
    await approve.getByLabel('评定等次').waitFor();
    await checkScreen(page, 'supervisor-approve');
    await approve.getByLabel('评定等次').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '良好' }).click();
    await approve.getByLabel('审核意见').fill('材料齐全');
    await approve.getByRole('button', { name: '通过' }).click();
    await toast(page, '已审核通过，任务办结');
    await page.getByText('已办结').first().waitFor();
    await page.getByText('良好').first().waitFor();
    for (const step of ['创建任务', '签收', '报送进展', '上传佐证材料', '提交办结', '审核通过']) {
      await page.getByTestId('history-entry').getByText(step, { exact: true }).first().waitFor();
    }
    await shot(page, 'supervisor-task-history');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('listitem').filter({ hasText: '资金拨付凭证.pdf' }).getByRole('button', { name: '下载' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('资金拨付凭证.pdf');
    expect(Buffer.compare(readFileSync(await file.path()), PDF)).toBe(0);

    // Return the other submission with a reason.
    await page.goto(`${app.url}/tasks/${tasks.returned.id}`);
    await page.getByRole('button', { name: '退回' }).click();
    const giveBack = page.getByRole('dialog', { name: '退回任务' });
    await giveBack.getByLabel('退回理由').fill('请补充银行回单');
    await checkScreen(page, 'supervisor-return');
    await giveBack.getByRole('button', { name: '退回' }).click();
    await toast(page, '已退回');

    // Decide the extension request.
    await page.goto(`${app.url}/tasks/${tasks.soon.id}`);
    await page.getByTestId('extension-request').getByRole('button', { name: '同意', exact: true }).click();
    await toast(page, '已同意延期，截止日期已调整');
    await page.getByTestId('extension-request').getByText('已同意').waitFor();
    await context.close();

    // The liaison follows the task's link (as a mail gives it) while signed out: signing in leads back to the task,
    // which says why the work came back.
    const back = await open();
    await back.page.goto(`${app.url}/tasks/${tasks.returned.id}`);
    await back.page.waitForURL(/\/login\?next=%2Ftasks%2F/);
    await back.page.getByLabel('邮箱').waitFor();
    await checkScreen(back.page, 'login (a task link)');
    await back.page.getByLabel('邮箱').fill(liaison.email);
    await back.page.getByLabel('密码').fill(PASSWORD);
    await back.page.getByRole('button', { name: '登录' }).click();
    await back.page.waitForURL(`${app.url}/tasks/${tasks.returned.id}`);
    await back.page.getByTestId('return-reason').getByText('退回理由：请补充银行回单').waitFor();
    await shot(back.page, 'liaison-returned');
    await back.context.close();
  });

  it("leader: the department's board and the escalations it received", async () => {
    const { context, page } = await open();
    await signIn(page, leader.email);
    await page.getByRole('heading', { name: /本部门督办情况/ }).waitFor();
    await page.getByTestId('escalations').locator('[data-template="escalation"]').filter({ hasText: tasks.escalated.title }).waitFor();
    await page.locator('canvas').first().waitFor();
    // Its own department only, with GET /api/v1/dashboard's figures.
    const own = await app.as(leader.token).get('/api/v1/dashboard');
    expect(own.body.departments.map((d: { code: string }) => d.code)).toEqual(['finance']);
    const [d] = own.body.departments;
    await page
      .getByTestId('dashboard-department')
      .filter({ hasText: '财政部门' })
      .getByText(`共 ${d.total} 项 · 逾期 ${d.overdue} · 临期 ${d.dueSoon} · 按期率 `)
      .waitFor();
    expect(await page.getByTestId('dashboard-department').count()).toBe(1);
    await shot(page, 'leader-department');
    await page.getByRole('menuitem', { name: '部门任务' }).click();
    await page.getByRole('link', { name: tasks.escalated.title }).waitFor();
    await checkScreen(page, 'leader-tasks');
    // Read only: no buttons to act on another's work.
    await page.getByRole('link', { name: tasks.escalated.title }).click();
    await page.getByText('办理记录（全部留痕）').waitFor();
    await page.getByTestId('history-entry').first().waitFor();
    await checkScreen(page, 'leader-task-detail');
    expect(await page.getByRole('button', { name: '签收任务' }).count()).toBe(0);
    await context.close();
  });

  it('reviewer: opens the cycle, the metrics per department, scoring with a comment, ranking, both reports (a large one through its job)', async () => {
    const year = Number(TODAY.slice(0, 4));
    const { context, page } = await open();
    await signIn(page, reviewer.email);
    await page.getByRole('heading', { name: '年度考核' }).waitFor();
    // No cycle yet: the reviewer opens this year's in the console.
    await page.getByText('尚未开启任何年度的考核').waitFor();
    await checkScreen(page, 'reviewer-assessment (no cycle)');
    const opener = page.getByRole('dialog', { name: '开启考核周期' });
    await page.getByRole('button', { name: '开启考核周期' }).click();
    await opener.getByLabel('考核年度').fill(String(year));
    await checkScreen(page, 'reviewer-open-cycle');
    await opener.getByRole('button', { name: '开启' }).click();
    await toast(page, `已开启 ${year} 年度考核`);
    await opener.waitFor({ state: 'hidden' });
    await page.getByText('评分中').waitFor();
    expect((await app.as(reviewer.token).get('/api/v1/assessments')).body).toEqual([expect.objectContaining({ year, status: 'open' })]);
    // The same year again: the API's 409, said in Chinese in the dialog.
    await page.getByRole('button', { name: '开启考核周期' }).click();
    await opener.getByLabel('考核年度').fill(String(year));
    await opener.getByRole('button', { name: '开启' }).click();
    await opener.getByText('该年度的考核周期已开启，无需重复开启').waitFor();
    await opener.getByRole('button', { name: '取消' }).click();
    await opener.waitFor({ state: 'hidden' });
    await page.getByRole('columnheader', { name: '最终得分' }).waitFor();
    const row = page.getByRole('row', { name: /财政部门/ });
    await row.getByText('未评分').waitFor();
    await row.getByRole('button', { name: '评分' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('评分（0–100）').fill('88.5');
    await dialog.getByLabel('评语').fill('经费保障有力，佐证材料齐全');
    await shot(page, 'reviewer-scoring');
    await dialog.getByRole('button', { name: '保存' }).click();
    await toast(page, '评分已保存');
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('88.5：经费保障有力，佐证材料齐全').waitFor();

    // The score is the server's: the department's row shows its rank and final score as GET …/departments has them.
    const ranked = (await app.as(reviewer.token).get(`/api/v1/assessments/${year}/departments`)).body as DepartmentAssessment[];
    const finance = ranked.find((r) => r.departmentCode === 'finance')!;
    expect(finance.reviewerScores).toEqual([
      expect.objectContaining({ reviewerId: reviewer.id, score: 88.5, comment: '经费保障有力，佐证材料齐全', version: 1 }),
    ]);
    expect(finance.reviewerMean).toBe(88.5);
    const finalScore = zhNumber(finance.finalScore);
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[0]).toBe(String(finance.rank));
    expect(cells).toContain(finalScore);
    expect(cells).toContain('88.5');
    await shot(page, 'reviewer-assessment');
    // A revision without the version is refused (409) …
    const stale = await app.as(reviewer.token).put(`/api/v1/assessments/${year}/departments/finance`).send({ score: 80, comment: '未带版本' });
    expect(stale.status).toBe(409);
    // … while the console's revision names it.
    await row.getByRole('button', { name: '修改评分' }).click();
    await dialog.getByLabel('评分（0–100）').fill('90');
    await dialog.getByRole('button', { name: '保存' }).click();
    await toast(page, '评分已保存');
    await row.getByText('90：经费保障有力，佐证材料齐全').waitFor();
    const revised = ((await app.as(reviewer.token).get(`/api/v1/assessments/${year}/departments`)).body as DepartmentAssessment[]).find(
      (r) => r.departmentCode === 'finance',
    )!;
    expect(revised.reviewerScores).toEqual([expect.objectContaining({ score: 90, version: 2 })]);

    // Both reports, as the console saves them: the workbook holds the score the console shows; the page draws three charts.
    const save = async (button: string, name: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      expect(download.suggestedFilename()).toBe(name);
      return readFileSync(await download.path());
    };
    // The workbook of a year with more tasks than ASSESSMENT_INLINE_REPORT_MAX_TASKS is built by the worker: GET answers 202
    // with the job, and the console follows it with a progress bar, then saves the finished file.
    const inlineMax = app.config.ASSESSMENT_INLINE_REPORT_MAX_TASKS;
    app.config.ASSESSMENT_INLINE_REPORT_MAX_TASKS = 1;
    const progress = page.getByLabel('报告生成进度');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载考核报表（Excel）' }).click(),
      progress
        .first()
        .waitFor()
        .then(async () => {
          expect(await progress.first().locator('.ant-progress').count()).toBe(1);
          await shot(page, 'assessment-report-progress', [progress.first().locator('.ant-progress')]);
        }),
    ]);
    expect(download.suggestedFilename()).toBe(`年度考核-${year}.xlsx`);
    const xlsx = readFileSync(await download.path());
    await progress.first().waitFor({ state: 'hidden' });
    const jobs = await sql(app.databaseUrl, `SELECT status, progress FROM assessment_report WHERE year = ${year} AND format = 'xlsx'`);
    expect(jobs).toEqual([expect.objectContaining({ status: 'done', progress: 100 })]);
    app.config.ASSESSMENT_INLINE_REPORT_MAX_TASKS = inlineMax;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(RANKING_SHEET);
    expect(sheet).toBeDefined();
    let financeRow: unknown[] | undefined;
    sheet!.eachRow((r) => {
      const values = (r.values as unknown[]).slice(1);
      if (values.includes('财政部门')) financeRow = values;
    });
    expect(financeRow).toEqual(expect.arrayContaining([revised.rank, 90, revised.finalScore]));
    const finalShown = zhNumber(revised.finalScore);
    expect(await row.getByRole('cell').allTextContents()).toContain(finalShown);
    const html = (await save('下载考核报告（网页）', `年度考核-${year}.html`)).toString('utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html.match(/<svg/g)).toHaveLength(3);
    expect(html).toContain('财政部门');
    await context.close();
  });

  it('admin: the first administrator creates a liaison who can then sign in, sees failed deliveries, finalises the scored cycle', async () => {
    const year = Number(TODAY.slice(0, 4));
    const { context, page } = await open();
    await signIn(page, ADMIN.email, ADMIN.password);
    // The administrator starts at 用户管理, listing the accounts made so far.
    await page.getByRole('heading', { name: '用户管理' }).waitFor();
    await page.getByRole('row', { name: new RegExp(reviewer.email) }).waitFor();
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    const email = 'zhao.min@finance.taixing.local';
    const password = 'chushi-mima-2026';
    await dialog.getByLabel('姓名').fill('赵敏');
    await dialog.getByLabel('邮箱（登录名）').fill(email);
    await dialog.getByLabel('初始密码').fill('short');
    // 联络员 is the default role; without a department, and with a short password, the form says why before any request.
    await dialog.getByRole('button', { name: '创建' }).click();
    await dialog.getByText('初始密码至少 10 位').waitFor();
    await dialog.getByText('部门负责人和联络员须选择所属部门').waitFor();
    await checkScreen(page, 'admin-new-user (errors)');
    await dialog.getByLabel('初始密码').fill(password);
    await dialog.getByLabel('所属部门').click();
    await page.locator('.ant-select-dropdown:visible').getByText('财政部门', { exact: true }).click();
    await dialog.getByRole('button', { name: '创建' }).click();
    await toast(page, '已创建用户：赵敏');
    await dialog.waitFor({ state: 'hidden' });
    const created = page.getByRole('row', { name: new RegExp(email) });
    await created.getByText('联络员').waitFor();
    await created.getByText('财政部门').waitFor();
    await shot(page, 'admin-users');
    const listed = (await app.as(await app.login(ADMIN.email, ADMIN.password)).get('/api/v1/users?limit=200')).body.items as {
      email: string;
      role: string;
      departmentCode: string | null;
    }[];
    expect(listed).toContainEqual(expect.objectContaining({ email, role: 'liaison', departmentCode: 'finance' }));

    // 投递失败: the page answers from GET /deliveries?status=failed.
    await page.getByRole('menuitem', { name: '投递失败' }).click();
    await page.getByRole('heading', { name: '投递失败' }).waitFor();
    await page.getByText(/没有投递失败的消息|条消息多次重试后仍未送达/).waitFor();
    await checkScreen(page, 'admin-deliveries');

    // 年度考核: the reviewer has scored; the administrator finalises after a dialog saying it locks the cycle.
    await page.getByRole('menuitem', { name: '年度考核' }).click();
    await page.getByText('评分中').waitFor();
    expect(await page.getByRole('columnheader', { name: '我的评分' }).count()).toBe(0);
    await page.getByRole('button', { name: '定稿', exact: true }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: `定稿 ${year} 年度考核？` });
    await confirm.getByText(/锁定/).waitFor();
    await shot(page, 'admin-assessment-finalize');
    await confirm.getByRole('button', { name: '确认定稿' }).click();
    await toast(page, `${year} 年度考核已定稿`);
    await page.getByText('已定稿', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '定稿', exact: true }).count()).toBe(0);
    expect((await app.as(reviewer.token).get('/api/v1/assessments')).body).toEqual([expect.objectContaining({ year, status: 'finalized' })]);
    await page.getByRole('button', { name: '退出' }).click();
    await context.close();

    // The new liaison signs in with the password the administrator set, must first choose its own, then starts at 我的任务.
    const second = await open();
    await signIn(second.page, email, password);
    await second.page.getByTestId('must-change').waitFor();
    await checkScreen(second.page, 'liaison-must-change-password');
    await second.page.getByLabel('当前密码').fill(password);
    await second.page.getByLabel('新密码', { exact: true }).fill('Zhao-Finance-2026');
    await second.page.getByLabel('再次输入新密码').fill('Zhao-Finance-2026');
    await second.page.getByRole('button', { name: '修改密码' }).last().click();
    await second.page.getByRole('button', { name: '登录' }).waitFor();
    await signIn(second.page, email, 'Zhao-Finance-2026');
    await second.page.getByRole('heading', { name: /我的任务/ }).waitFor();
    await second.context.close();

    // The reviewer now sees 已定稿, and scoring is locked.
    const third = await open();
    await signIn(third.page, reviewer.email);
    await third.page.getByText('已定稿', { exact: true }).waitFor();
    await third.page.getByText('本年度考核已定稿，评分已锁定').waitFor();
    const row = third.page.getByRole('row', { name: /财政部门/ });
    await expect(row.getByRole('button', { name: '修改评分' }).isDisabled()).resolves.toBe(true);
    expect(
      (await app.as(reviewer.token).put(`/api/v1/assessments/${year}/departments/finance`).send({ score: 70, comment: '定稿后', version: 2 })).status,
    ).toBe(409);
    await third.context.close();
  });

  it("everyone: the plan's text with clauses linked to tasks and indicators, and the calendar-feed link", async () => {
    const { context, page } = await open();
    await signIn(page, supervisor.email);
    await page.getByRole('menuitem', { name: '规划文本' }).click();
    // The clause's sentence is marked in the plan's text, its tasks and indicators linked beside it.
    const clause = page.locator('[data-ref="七(二)财政部门"]');
    await clause.waitFor();
    const taskLink = page.getByRole('link', { name: new RegExp(tasks.main.title.slice(0, 10)) }).first();
    await taskLink.waitFor();
    await clause.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'plan', { fullPage: false, style: QUIET });
    await taskLink.click();
    await page.getByRole('heading', { name: tasks.main.title }).waitFor();

    // The calendar-feed link: made in the console, it serves the user's open tasks as iCalendar; revoked, it is 404.
    await page.getByRole('menuitem', { name: '日历订阅' }).click();
    await page.getByRole('button', { name: '生成订阅链接' }).click();
    const shown = page.getByTestId('feed-url');
    await shown.waitFor();
    const url = new URL(await shown.inputValue());
    expect(url.pathname).toMatch(/^\/api\/v1\/feeds\/[\w-]+\.ics$/);
    expect(url.origin).toBe(app.url);
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = unfold(await feed.text());
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`SUMMARY:【截止】${tasks.overdue.title}`);
    expect(ics).toContain(`DTSTART;VALUE=DATE:${tasks.overdue.dueDate.replaceAll('-', '')}`);
    expect((await app.as(supervisor.token).get('/api/v1/me/calendar-feed')).body).toMatchObject({ active: true });
    await page.getByRole('button', { name: '重新生成链接' }).waitFor();
    await shot(page, 'calendar-feed', [shown]);
    await page.getByRole('button', { name: '停用链接' }).click();
    await page.getByRole('button', { name: '停用', exact: true }).waitFor();
    // The Popconfirm is a screen of its own to the tracker (a popup over the page), so uncheckedScreens holds it to this check.
    expect(await screenOf(page)).toContain('supervisor /calendar › 停用后原链接立即失效，确定吗？');
    await expectAccessible(page, 'calendar-feed (confirm)');
    await page.getByRole('button', { name: '停用', exact: true }).click();
    await toast(page, '订阅链接已停用');
    await page.getByRole('button', { name: '生成订阅链接' }).waitFor();
    expect(await shown.count()).toBe(0);
    expect((await fetch(url)).status).toBe(404);
    expect((await app.as(supervisor.token).get('/api/v1/me/calendar-feed')).body).toEqual({ active: false, createdAt: null });
    await context.close();
    expect(problems.filter((p) => /Content Security Policy|Refused to/.test(p))).toEqual([]);
  });

  it('axe-checked every screen its walks showed', () => {
    expect(uncheckedScreens()).toEqual([]);
  });
});

describe('web console not built', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ WEB_DIR: 'dist/no-such-web-build' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('says so in Chinese at / instead of failing, and the API still answers', async () => {
    const res = await app.http.get('/');
    expect(res.status).toBe(503);
    expect(res.text).toContain('督办控制台尚未构建');
    expect(res.text).toContain('npm run build:web');
    expect((await app.http.get('/api/v1/me')).status).toBe(401);
  });
});
