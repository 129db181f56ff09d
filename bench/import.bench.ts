/**
 * The Excel bench of issue 16. A 2,000-row 分工表 through `POST /tasks/import`: the dry run
 * against reading the same workbook with bare exceljs; the import into an empty plan against
 * that read plus inserting the same 2,000 rows through bare `pg` (one INSERT each, one
 * transaction, rolled back). Then `GET /tasks.xlsx` of 10,000 tasks: its time against bare exceljs streaming
 * 10,000 rows of the same width to nowhere, and the process's RSS growth while it streams.
 */
import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import pg from 'pg';
import { startBenchApp } from './http-load.js';
import { type BenchRow, benchDatabase, timed } from './report.js';

const ROWS = 2000;
const EXPORT_ROWS = 10_000;
const DEPARTMENTS = [
  ['edu', '教育部门', ['市教育局']],
  ['ndrc', '发展与改革部门', ['发改委']],
  ['finance', '财政部门', []],
  ['nrp', '自然资源和规划部门', []],
  ['staffing', '编制部门', ['编办']],
  ['tax', '税务部门', []],
  ['other', '其他部门', []],
] as const;
const WRITTEN_AS = ['市教育局', '发改委', '财政局', '自然资源和规划局', '编办', '税务局', '其他部门'];

async function dutyTable(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('分工表');
  sheet.addRow(['序号', '重点任务', '具体内容', '牵头单位', '配合单位', '完成时限']);
  for (let i = 1; i <= ROWS; i++) {
    sheet.addRow([
      i,
      `第${i}项重点任务：推进教育事业高质量发展`,
      `围绕第${i}项任务，制定实施方案，明确责任分工和时间节点，按季度报送进展。`,
      WRITTEN_AS[i % 7],
      `${WRITTEN_AS[(i + 1) % 7]}、${WRITTEN_AS[(i + 2) % 7]}`,
      `${2026 + (i % 3)}年${1 + (i % 12)}月底`,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function bareRead(file: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
  return rows;
}

/** The same rows inserted with bare pg, one statement each, in one transaction that is rolled back. */
async function bareInserts(url: string, rows: string[][]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const [i, [, title, description]] of rows.slice(1).entries()) {
      await client.query(
        `INSERT INTO task (code, title, description, lead_department_code, co_department_codes, due_date, status) VALUES ($1, $2, $3, $4, $5, $6, 'assigned')`,
        [`BARE-${i}`, title, description, DEPARTMENTS[i % 7][0], [DEPARTMENTS[(i + 1) % 7][0], DEPARTMENTS[(i + 2) % 7][0]], '2026-12-31'],
      );
    }
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

export async function importBench(serverUrl: string): Promise<BenchRow[]> {
  const db = await benchDatabase(serverUrl, 'import');
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  for (const [ordinal, [code, name, aliases]] of DEPARTMENTS.entries()) {
    await client.query('INSERT INTO department (code, name, aliases, ordinal) VALUES ($1, $2, $3, $4)', [code, name, aliases, ordinal]);
  }
  const app = await startBenchApp(db.url);
  try {
    const supervisor = await app.user('supervisor');
    const file = await dutyTable();
    const upload = async (dryRun: boolean) => {
      const form = new FormData();
      form.append('file', new Blob([file]), '分工表.xlsx');
      const res = await fetch(`${app.url}/api/v1/tasks/import?dryRun=${dryRun}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${supervisor.token}` },
        body: form,
      });
      const report = (await res.json()) as { created: number; errors: unknown[] };
      if (res.status !== 200 || report.errors.length > 0) throw new Error(`import ${res.status}: ${JSON.stringify(report).slice(0, 500)}`);
      return report;
    };
    let rows: string[][] = [];
    const read = await timed(async () => {
      rows = await bareRead(file);
    });
    const inserts = await timed(() => bareInserts(db.url, rows));
    const dryRun = await timed(() => upload(true).then(() => undefined));
    let created = 0;
    const imported = await timed(async () => {
      created = (await upload(false)).created;
    });
    if (created !== ROWS) throw new Error(`the import created ${created} tasks, not ${ROWS}`);

    await client.query(
      `INSERT INTO task (code, title, description, lead_department_code, co_department_codes, due_date, status, percent)
      SELECT 'EXP-' || g, '导出任务 ' || g, '', (ARRAY['edu','ndrc','finance','nrp'])[1 + g % 4], ARRAY['tax'], DATE '2025-01-01' + (g % 900), 'in_progress', g % 100
      FROM generate_series(1, $1::int) g`,
      [EXPORT_ROWS - ROWS],
    );
    const bareExport = await timed(async () => {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new Writable({ write: (_c, _e, done) => done() }), useSharedStrings: false });
      const sheet = workbook.addWorksheet('任务清单');
      for (let i = 0; i < EXPORT_ROWS; i++)
        sheet.addRow([`EXP-${i}`, `导出任务 ${i}`, '财政部门', '税务部门', '2025-06-30', '办理中', '红灯', 100, 50, '', '', '']).commit();
      await workbook.commit();
    });
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }, 20);
    let exportedBytes = 0;
    const exported = await timed(async () => {
      const res = await fetch(`${app.url}/api/v1/tasks.xlsx`, { headers: { authorization: `Bearer ${supervisor.token}` } });
      if (res.status !== 200) throw new Error(`export ${res.status}`);
      for await (const chunk of res.body!) exportedBytes += (chunk as Uint8Array).length;
    });
    clearInterval(sampler);
    const growthMiB = (rssPeak - rssBefore) / 1024 / 1024;
    const baseline = read + inserts;
    return [
      {
        figure: `分工表 of ${ROWS} rows, dry run (POST /tasks/import?dryRun=true)`,
        valueMs: dryRun,
        baselineMs: read,
        baseline: 'bare exceljs read of the workbook',
        targetMs: read * 3,
      },
      {
        figure: `  the same, imported (one transaction, audited per task)`,
        valueMs: imported,
        baselineMs: baseline,
        baseline: `bare exceljs read + bare pg inserts ${inserts.toFixed(0)} ms`,
        targetMs: baseline * 3,
      },
      {
        figure: `GET /tasks.xlsx of ${EXPORT_ROWS} tasks (${(exportedBytes / 1024 / 1024).toFixed(1)} MiB)`,
        valueMs: exported,
        baselineMs: bareExport,
        baseline: 'bare exceljs streaming writer, same rows',
      },
      { figure: '  the same: RSS growth while streaming', valueMs: growthMiB, baselineMs: 0, baseline: '—', targetMs: 64, unit: 'MiB' },
    ];
  } finally {
    await app.close();
    await client.end();
    await db.drop();
  }
}
