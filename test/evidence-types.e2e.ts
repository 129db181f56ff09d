import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { startApp, type TestApp } from './support/app.js';
import { bytes } from './support/bytes.js';
import { sql } from './support/database.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201a3d2f2b60000000049454e44ae426082',
  'hex',
);
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600', 'hex'), Buffer.alloc(64, 1)]);

/**
 * What evidence may be (入侵防范): a file a reviewer's browser or Windows would run or render is refused with 415
 * and leaves nothing stored, whatever its content; a name that disagrees with the content is corrected, so the
 * file is saved by the reviewer's browser under the type it really is; documents and images pass as before.
 */
describe('evidence types and names', () => {
  let app: TestApp;
  let liaison: { token: string };
  let taskId: string;

  beforeAll(async () => {
    app = await startApp();
    const supervisor = await app.user('supervisor');
    liaison = await app.user('liaison', 'finance');
    taskId = (await app.as(supervisor.token).post('/api/v1/tasks').send({ title: '佐证类型', leadDepartment: 'finance', dueDate: '2031-06-30' }).expect(201))
      .body.id;
  });
  afterAll(() => app?.close());

  const upload = (content: Buffer, filename: string) => app.as(liaison.token).post(`/api/v1/tasks/${taskId}/evidence`).attach('file', content, filename);
  const stored = async () => ({
    rows: (await sql<{ n: number }>(app.databaseUrl, 'SELECT count(*)::int AS n FROM evidence'))[0].n,
    files: existsSync(join(app.dataDir, 'evidence')) ? readdirSync(join(app.dataDir, 'evidence'), { recursive: true }).length : 0,
  });

  it.each(['通知.hta', 'run.js', 'macro.vbs', 'setup.bat', 'clean.ps1', 'page.html', 'start.cmd', 'logo.svg'])(
    'refuses %s with 415 and stores nothing',
    async (name) => {
      const before = await stored();
      const res = await upload(Buffer.from('MsgBox "hello"\r\n'), name);
      expect(res.status).toBe(415);
      expect(res.body.message).toContain(`.${name.split('.').pop()}`);
      expect(await stored()).toEqual(before);
    },
  );

  it('refuses markup disguised as a text or PDF file', async () => {
    const before = await stored();
    for (const name of ['说明.txt', '报告.pdf']) {
      const res = await upload(Buffer.from('<!DOCTYPE html><html><script>location="http://evil"</script></html>'), name);
      expect([name, res.status, res.body.message]).toEqual([name, 415, expect.stringContaining('网页或脚本')]);
    }
    expect(await stored()).toEqual(before);
  });

  it('stores a file under the type its content shows, and serves it so', async () => {
    const png = await upload(PNG, '拨付凭证.pdf').expect(201);
    expect(png.body).toMatchObject({ filename: '拨付凭证.png', mimeType: 'image/png' });
    const file = await bytes(app.as(liaison.token).get(`/api/v1/tasks/${taskId}/evidence/${png.body.id as string}`)).expect(200);
    expect(file.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('拨付凭证.png')}`);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    const [entry] = await sql<{ detail: { uploadedAs?: string } }>(
      app.databaseUrl,
      "SELECT detail FROM audit_log WHERE action = 'evidence.upload' AND entity_id = $1",
      [png.body.id],
    );
    expect(entry.detail).toEqual({ uploadedAs: '拨付凭证.pdf' });
  });

  it('accepts documents, sheets, images and text under their own names', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('台账').addRow(['项目', '金额']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    for (const [content, name, mime] of [
      [PDF, '资金拨付.pdf', 'application/pdf'],
      [xlsx, '经费台账.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [JPEG, '现场照片.jpg', 'image/jpeg'],
      [Buffer.from('会议纪要：经费已拨付。\n'), '纪要.txt', 'text/plain'],
      [Buffer.from('项目,金额\n校舍,100\n'), '明细.csv', 'text/csv'],
    ] as const) {
      const res = await upload(content, name);
      expect([name, res.status, res.body.filename, res.body.mimeType]).toEqual([name, 201, name, mime]);
    }
  });
});
