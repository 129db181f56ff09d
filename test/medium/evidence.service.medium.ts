import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { ConflictError, NotFoundError } from '../../libs/common/errors.js';
import { EvidenceModule } from '../../libs/evidence/evidence.module.js';
import { EvidenceService } from '../../libs/evidence/evidence.service.js';
import { TaskService } from '../../libs/tasks/task.service.js';
import { TasksModule } from '../../libs/tasks/tasks.module.js';
import { type Medium, newActor, Role, startMedium } from './medium.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const file = (bytes: Buffer, filename: string) => ({ stream: Readable.from([bytes]), filename, truncated: () => false });

describe('EvidenceService on PostgreSQL and the local store', () => {
  let medium: Medium;
  let evidence: EvidenceService;

  beforeAll(async () => {
    // The local disk under DATA_DIR is the store here: no fake needed for it.
    medium = await startMedium([TasksModule, EvidenceModule], { env: { EVIDENCE_STORE: 'local' } });
    evidence = medium.get(EvidenceService);
  });
  afterAll(() => medium.close());

  it('stores a PDF under its hash, lists it, audits it and serves the same bytes back', async () => {
    const supervisor = await newActor(medium, Role.Supervisor);
    const liaison = await newActor(medium, Role.Liaison, 'finance');
    const task = await medium
      .get(TaskService)
      .create(supervisor, { title: '佐证测试', leadDepartment: 'finance', assigneeId: liaison.id, dueDate: '2030-06-30' });

    const view = await evidence.upload(liaison, task.id, file(PDF, '../统计表.pdf'));
    // The name keeps no directories.
    expect(view).toMatchObject({ filename: '统计表.pdf', size: PDF.length, mimeType: 'application/pdf' });
    const [row] = await medium.sql<{ sha256: string; storage_key: string; department_code: string }>(
      'SELECT sha256, storage_key, department_code FROM evidence WHERE id = $1',
      [view.id],
    );
    expect(row).toMatchObject({ sha256: createHash('sha256').update(PDF).digest('hex'), department_code: 'finance' });
    expect(existsSync(join(medium.dataDir, 'evidence', row.storage_key))).toBe(true);
    expect((await evidence.list(task.id)).map((e) => e.id)).toEqual([view.id]);
    expect(await medium.sql('SELECT action, actor_id FROM audit_log WHERE entity_id = $1', [view.id])).toEqual([
      { action: 'evidence.upload', actor_id: liaison.id },
    ]);

    const opened = await evidence.open(supervisor, task.id, view.id);
    expect(await text(opened.stream)).toBe(PDF.toString());
    // The download is recorded with who took it.
    expect(await medium.sql('SELECT action, actor_id FROM audit_log WHERE entity_id = $1 ORDER BY seq', [view.id])).toEqual([
      { action: 'evidence.upload', actor_id: liaison.id },
      { action: 'evidence.download', actor_id: supervisor.id },
    ]);
  });

  it('refuses content that is not an allowed type, or a completed task, and leaves neither a row nor a file', async () => {
    const supervisor = await newActor(medium, Role.Supervisor);
    const task = await medium.get(TaskService).create(supervisor, { title: '拒收测试', leadDepartment: 'tax', dueDate: '2030-06-30' });
    const stored = () => (existsSync(join(medium.dataDir, 'evidence')) ? readdirSync(join(medium.dataDir, 'evidence'), { recursive: true }).length : 0);
    const storedBefore = stored();
    await expect(evidence.upload(supervisor, task.id, file(Buffer.from('MZ\x90\x00 not a document'), '报告.pdf'))).rejects.toThrow('文件内容不是允许的类型');
    await medium.sql(`UPDATE task SET status = 'completed' WHERE id = $1`, [task.id]);
    await expect(evidence.upload(supervisor, task.id, file(PDF, '报告.pdf'))).rejects.toBeInstanceOf(ConflictError);
    await expect(evidence.upload(supervisor, '00000000-0000-4000-8000-000000000000', file(PDF, 'x.pdf'))).rejects.toBeInstanceOf(NotFoundError);
    expect(await medium.sql('SELECT count(*)::int AS n FROM evidence WHERE task_id = $1', [task.id])).toEqual([{ n: 0 }]);
    expect(stored()).toBe(storedBefore);
  });
});
