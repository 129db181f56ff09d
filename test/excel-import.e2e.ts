import ExcelJS from 'exceljs';
import { crc32, createDeflateRaw } from 'node:zlib';
import { jest } from '@jest/globals';
import { TaskEvents } from '../libs/tasks/task-events.js';
import { startApp, type TestApp } from './support/app.js';
import { bytes } from './support/bytes.js';
import { sql } from './support/database.js';
import { mergedTable, multiSheetTable, ongoingTable, tableWithMistakes, wpsStyleTable } from './fixtures/duty-tables.js';

interface ImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: Array<{ sheet: string; row: number; column: string; cell?: string; message: string }>;
  tasks: Array<{
    row: number;
    title: string;
    leadDepartmentCode: string;
    coDepartmentCodes: string[];
    dueDate: string | null;
    reportEvery: string | null;
    parentRow: number | null;
    action: string;
    code: string;
  }>;
}

/** A real zip whose one entry inflates to `size` bytes of zeros (a zip bomb), deflated as a stream; `declared` is the size it claims. */
async function zipBomb(size: number, declared = size): Promise<Buffer> {
  const chunk = Buffer.alloc(1 << 20);
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  for (let written = 0; written < size; written += chunk.length) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  const data = Buffer.concat(parts);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  const cdOffset = local.length + name.length + data.length;
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** Over the 5,000-row limit but under the row elements refused unread: refused after reading. */
async function sixThousandRows(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('分工表');
  sheet.addRow(['重点任务', '牵头单位', '完成时限']);
  for (let i = 1; i <= 6000; i++) sheet.addRow([`任务${i}`, '教育部门', '2025年底']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('importing a 分工表 from Excel', () => {
  let app: TestApp;
  let supervisor: { token: string };
  let liaison: { token: string };

  beforeAll(async () => {
    app = await startApp();
    supervisor = await app.user('supervisor');
    liaison = await app.user('liaison', 'edu');
  });
  afterAll(() => app.close());

  const upload = (file: Buffer, dryRun: boolean, token = supervisor.token, name = '分工表.xlsx') =>
    app.as(token).post(`/api/v1/tasks/import?dryRun=${dryRun}`).attach('file', file, name);
  const importedCount = async () => Number((await sql<{ n: string }>(app.databaseUrl, `SELECT count(*) AS n FROM task WHERE code LIKE 'XLS-%'`))[0].n);

  it('gives a template that imports as it comes: headers, department list, drop-downs, an example', async () => {
    const res = await bytes(app.as(supervisor.token).get('/api/v1/tasks/import/template.xlsx')).expect(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('重点任务分工表模板.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    const sheet = workbook.getWorksheet('分工表')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '序号',
      '重点任务',
      '具体内容',
      '牵头单位',
      '配合单位',
      '完成时限',
      '规划条款',
      '督办责任人',
    ]);
    expect(sheet.getCell('D3').dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringContaining('部门列表')] });
    const departments = workbook.getWorksheet('部门列表')!;
    expect(departments.getRow(2).values).toEqual([undefined, '教育部门', 'edu', expect.stringContaining('市教育局')]);

    const dry = (await upload(res.body, true).expect(200)).body as ImportReport;
    expect(dry.errors).toEqual([]);
    expect(dry.tasks.map((t) => [t.title, t.leadDepartmentCode, t.dueDate, t.parentRow, t.action])).toEqual([
      ['（示例）加强教师队伍建设', 'edu', '2025-12-31', null, 'create'],
      ['（示例）深化师德师风建设', 'edu', '2025-12-31', 2, 'create'],
    ]);
    expect(await importedCount()).toBe(0);
    await app.as(liaison.token).get('/api/v1/tasks/import/template.xlsx').expect(403);
  });

  it('reads merged cells: a heading across the row, departments and tasks merged down; the heading becomes the parent task', async () => {
    const file = await mergedTable();
    const dry = (await upload(file, true).expect(200)).body as ImportReport;
    expect(dry.errors).toEqual([]);
    expect(dry.tasks.map((t) => [t.row, t.title, t.leadDepartmentCode, t.coDepartmentCodes, t.dueDate, t.parentRow])).toEqual([
      [2, '加快教育基础设施建设', 'edu', [], '2025-12-31', null],
      [3, '新建扩建学校', 'edu', ['nrp', 'ndrc'], '2025-12-31', 2],
      [4, '新建扩建学校', 'edu', ['finance'], '2025-12-31', 2],
      [5, '落实建设资金', 'edu', [], '2025-12-31', 2],
    ]);
    expect(await importedCount()).toBe(0);

    // Imported, the heading is the parent task of the three rows under it; again, nothing changes.
    expect((await upload(file, false).expect(200)).body).toMatchObject({ created: 4, errors: [] });
    const rows = await sql<{ title: string; parent: string | null }>(
      app.databaseUrl,
      `SELECT t.title, p.title AS parent FROM task t LEFT JOIN task p ON p.id = t.parent_id WHERE t.code LIKE 'XLS-%' AND t.title IN ('加快教育基础设施建设', '新建扩建学校', '落实建设资金') ORDER BY t.title, t.description`,
    );
    expect(rows).toEqual([
      { title: '加快教育基础设施建设', parent: null },
      { title: '新建扩建学校', parent: '加快教育基础设施建设' },
      { title: '新建扩建学校', parent: '加快教育基础设施建设' },
      { title: '落实建设资金', parent: '加快教育基础设施建设' },
    ]);
    expect((await upload(file, false).expect(200)).body).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
  });

  it('imports every sheet with a header row, and again changes nothing; an edited row updates its task only', async () => {
    const before = await importedCount();
    const file = await multiSheetTable();
    const dry = (await upload(file, true).expect(200)).body as ImportReport;
    expect(dry).toMatchObject({ rows: 3, created: 3, updated: 0, errors: [] });
    expect(dry.tasks.map((t) => [t.title, t.leadDepartmentCode, t.coDepartmentCodes, t.dueDate])).toEqual([
      ['深化课程改革', 'edu', [], '2025-06-30'],
      ['推进集团化办学', 'edu', ['staffing'], '2025-09-30'],
      ['保障教育经费投入', 'finance', ['tax', 'ndrc'], '2025-09-30'],
    ]);
    expect(await importedCount()).toBe(before);

    // Each task created is announced to the notifications domain (which sends one digest per person).
    const announced = jest.spyOn(app.nest.get(TaskEvents), 'emit');
    const done = (await upload(file, false).expect(200)).body as ImportReport;
    expect(announced.mock.calls.map(([event]) => [event.kind, event.task.title])).toEqual([
      ['task.assigned', '深化课程改革'],
      ['task.assigned', '推进集团化办学'],
      ['task.assigned', '保障教育经费投入'],
    ]);
    announced.mockRestore();
    expect(done).toMatchObject({ rows: 3, created: 3, updated: 0, unchanged: 0, errors: [] });
    const list = (await app.as(supervisor.token).get('/api/v1/tasks?q=深化课程改革').expect(200)).body;
    expect(list.items).toEqual([
      expect.objectContaining({ title: '深化课程改革', leadDepartmentCode: 'edu', dueDate: '2025-06-30', clauseRef: '五(一)1', status: 'assigned' }),
    ]);
    const audit = await sql<{ title: string }>(
      app.databaseUrl,
      `SELECT t.title FROM audit_log a JOIN task t ON t.id::text = a.entity_id WHERE a.action = 'task.import.create' AND a.detail->>'sheet' IN ('教育', '财政') ORDER BY a.seq`,
    );
    expect(audit.map((a) => a.title)).toEqual(['深化课程改革', '推进集团化办学', '保障教育经费投入']);

    const again = (await upload(file, false).expect(200)).body as ImportReport;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await importedCount()).toBe(before + 3);

    // The supervisor moves a deadline in the file; the liaison has meanwhile accepted the task.
    const task = list.items[0];
    await app.as(liaison.token).post(`/api/v1/tasks/${task.id}/accept`).send({ version: task.version }).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    workbook.getWorksheet('教育')!.getCell('E2').value = '2025年10月底';
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const update = (await upload(edited, false).expect(200)).body as ImportReport;
    expect(update).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const after = (await app.as(supervisor.token).get(`/api/v1/tasks/${task.id}`).expect(200)).body;
    expect(after).toMatchObject({ dueDate: '2025-10-31', status: 'in_progress' });
  });

  it('sets the owning supervisor (督办责任人) a row names; an empty cell leaves a new task to the importer and an existing one to its owner', async () => {
    const named = await app.user('supervisor');
    const [{ name }] = await sql<{ name: string }>(app.databaseUrl, 'SELECT name FROM app_user WHERE id = $1', [named.id]);
    const table = async (owner: string) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('督办');
      sheet.addRow(['重点任务', '牵头单位', '完成时限', '督办责任人']);
      sheet.addRow(['落实课后服务经费', '财政部门', '2025年底', owner]);
      sheet.addRow(['核定中小学教职工编制', '编办', '2025年底', '']);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const owners = async () =>
      Object.fromEntries(
        (
          await sql<{ title: string; supervisor_id: string }>(
            app.databaseUrl,
            `SELECT title, supervisor_id FROM task WHERE title IN ('落实课后服务经费', '核定中小学教职工编制')`,
          )
        ).map((r) => [r.title, r.supervisor_id]),
      );
    const unknown = (await upload(await table('不存在的人'), false).expect(422)).body as ImportReport;
    expect(unknown.errors).toEqual([expect.objectContaining({ row: 2, column: '督办责任人', message: expect.stringContaining('不是在职的督查人员') })]);
    expect((await upload(await table(name), false).expect(200)).body).toMatchObject({ created: 2, errors: [] });
    const importer = (await app.as(supervisor.token).get('/api/v1/me').expect(200)).body.id as string;
    expect(await owners()).toEqual({ 落实课后服务经费: named.id, 核定中小学教职工编制: importer });
    // Re-imported with the cell emptied, the owner stays; named again by email, nothing changes either.
    expect((await upload(await table(''), false).expect(200)).body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect((await upload(await table(named.email), false).expect(200)).body).toMatchObject({ updated: 0, unchanged: 2 });
    expect(await owners()).toEqual({ 落实课后服务经费: named.id, 核定中小学教职工编制: importer });
  });

  it('takes the assignee off a task a re-import moves to another lead department, and audits it', async () => {
    const financeLiaison = await app.user('liaison', 'finance');
    const table = async (lead: string) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('督办');
      sheet.addRow(['重点任务', '牵头单位', '完成时限']);
      sheet.addRow(['统筹学生资助资金', lead, '2025年底']);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    expect((await upload(await table('财政部门'), false).expect(200)).body).toMatchObject({ created: 1 });
    const [task] = (
      await app
        .as(supervisor.token)
        .get(`/api/v1/tasks?q=${encodeURIComponent('统筹学生资助资金')}`)
        .expect(200)
    ).body.items;
    await app.as(supervisor.token).patch(`/api/v1/tasks/${task.id}`).send({ version: task.version, assigneeId: financeLiaison.id }).expect(200);
    expect((await app.as(financeLiaison.token).get(`/api/v1/tasks/${task.id}`)).status).toBe(200);

    expect((await upload(await table('教育部门'), false).expect(200)).body).toMatchObject({ updated: 1 });
    const moved = (await app.as(supervisor.token).get(`/api/v1/tasks/${task.id}`).expect(200)).body;
    expect(moved).toMatchObject({ leadDepartmentCode: 'edu', assigneeId: null });
    expect((await app.as(financeLiaison.token).get(`/api/v1/tasks/${task.id}`)).status).toBe(404);
    const [entry] = await sql<{ before: object; after: object; detail: object }>(
      app.databaseUrl,
      `SELECT before, after, detail FROM audit_log WHERE action = 'task.import.update' AND entity_id = $1`,
      [task.id],
    );
    expect(entry).toMatchObject({
      before: { leadDepartmentCode: 'finance', assigneeId: financeLiaison.id },
      after: { leadDepartmentCode: 'edu', assigneeId: null },
      detail: { assigneeCleared: { assigneeId: financeLiaison.id } },
    });
  });

  it('maps 长期坚持 to an open-ended task reported quarterly, and 每月 / a date with 每半年 to their cycles', async () => {
    const dry = (await upload(await ongoingTable(), true).expect(200)).body as ImportReport;
    expect(dry.errors).toEqual([]);
    expect(dry.tasks.map((t) => [t.title, t.dueDate, t.reportEvery])).toEqual([
      ['制定教育事业发展实施方案', null, 'P3M'],
      ['落实教育专项资金', null, 'P1M'],
      ['保障教育用地', '2025-12-31', 'P6M'],
    ]);
    await upload(await ongoingTable(), false).expect(200);
    const list = (await app.as(supervisor.token).get('/api/v1/tasks?q=制定教育事业发展实施方案').expect(200)).body;
    expect(list.items).toEqual([expect.objectContaining({ dueDate: null, overdue: false, light: 'green' })]);
    const task = (await app.as(supervisor.token).get(`/api/v1/tasks/${list.items[0].id}`).expect(200)).body;
    expect(task).toMatchObject({ dueDate: null, reportEvery: 'P3M', reportDueDay: 5 });
    // Its report periods run from the quarter it was imported in, up to today's.
    const slots = (await app.as(supervisor.token).get(`/api/v1/tasks/${task.id}/report-slots`).expect(200)).body;
    expect(slots).toEqual([expect.objectContaining({ status: 'open' })]);
  });

  it('reads a WPS-style table: a title row above the headers, line breaks in headers, number 序号 and date cells', async () => {
    const dry = (await upload(await wpsStyleTable(), true).expect(200)).body as ImportReport;
    expect(dry.errors).toEqual([]);
    expect(dry.tasks.map((t) => [t.row, t.title, t.leadDepartmentCode, t.coDepartmentCodes, t.dueDate])).toEqual([
      [4, '加强教师培训', 'edu', ['finance', 'staffing'], '2025-12-31'],
      [5, '完善招聘机制', 'staffing', ['edu'], '2025-09-30'],
    ]);
  });

  it('names every mistake by sheet, row and cell, and a file with any mistake imports nothing', async () => {
    const before = await importedCount();
    const file = await tableWithMistakes();
    const dry = (await upload(file, true).expect(200)).body as ImportReport;
    expect(dry.errors.map((e) => [e.row, e.column, e.cell])).toEqual([
      [2, '牵头单位', 'C2'],
      [3, '完成时限', 'E3'],
      [4, '完成时限', 'E4'],
      [5, '完成时限', 'E5'],
      [6, '牵头单位', undefined],
    ]);
    expect(dry.errors.map((e) => e.message)).toEqual([
      '分工表 第 2 行「牵头单位」中的单位无法识别：市公安局（请使用部门列表中的名称）',
      '分工表 第 3 行「完成时限」日期不存在：2025-02-30',
      '分工表 第 4 行「完成时限」「每年」是按年或更短周期重复的任务，请每年（每期）一行写明完成时限，或写 每月、每季度、每半年、长期坚持',
      '分工表!E5（完成时限）含公式或错误值，请复制后“粘贴为数值”再导入',
      '分工表 第 6 行「牵头单位」为空：每项任务须有牵头单位',
    ]);
    const refused = await upload(file, false).expect(422);
    expect(refused.body.message).toMatch(/^表格有 5 处错误，未导入任何任务/);
    expect(await importedCount()).toBe(before);
  });

  it('refuses files that are not a readable workbook with a 4xx naming the problem, writing nothing, in bounded memory', async () => {
    const before = await importedCount();
    const rssBefore = process.memoryUsage().rss;
    const cases: Array<[Buffer, number, RegExp]> = [
      [Buffer.from('序号,任务,牵头单位\n1,甲,教育部门\n'), 415, /不是 XLSX/],
      [Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]), 415, /已加密/],
      [await zipBomb(2 ** 30), 413, /解压后超过 24 MiB/],
      [await zipBomb(2 ** 28, 1000), 413, /解压后超出上限（疑似压缩炸弹）/],
      [Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(100)]), 400, /已损坏/],
      [await sixThousandRows(), 413, /^表格超过单次导入上限 5000 行/],
    ];
    for (const [file, status, message] of cases) {
      const res = await upload(file, false);
      expect([res.status, res.body.message]).toEqual([status, expect.stringMatching(message)]);
    }
    const noHeader = new ExcelJS.Workbook();
    noHeader.addWorksheet('Sheet1').addRow(['甲', '乙', '丙']);
    const res = await upload(Buffer.from(await noHeader.xlsx.writeBuffer()), true).expect(400);
    expect(res.body.message).toMatch(/^未找到表头行/);
    await upload(Buffer.from('x'), true, liaison.token).expect(403);
    expect(await importedCount()).toBe(before);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(256 * 1024 * 1024);
  });

  it('refuses 100,000 rows with a 413 before reading them into memory', async () => {
    const stream = new (await import('node:stream')).PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
    const sheet = writer.addWorksheet('分工表');
    sheet.addRow(['序号', '重点任务', '牵头单位', '完成时限']).commit();
    for (let i = 1; i <= 100_000; i++) sheet.addRow([i, `任务${i}`, '教育部门', '2025年底']).commit();
    await writer.commit();
    const file = Buffer.concat(chunks);
    const rssBefore = process.memoryUsage().rss;
    const res = await upload(file, true).expect(413);
    expect(res.body.message).toBe('表格超过 20000 行，远超单次导入上限，请拆分为多个文件导入');
    const growth = process.memoryUsage().rss - rssBefore;
    console.log(`100,000-row file: ${(file.length / 1024 / 1024).toFixed(1)} MiB, RSS growth ${(growth / 1024 / 1024).toFixed(0)} MiB, ${res.body.message}`);
    expect(growth).toBeLessThan(128 * 1024 * 1024);
  });
});
