import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { verifyChain } from '../libs/audit/audit-chain.js';
import { AuditService } from '../libs/audit/audit.service.js';
import { dataSourceOptions } from '../libs/db/data-source.js';
import { AuditRepository } from '../libs/db/repositories/audit.repository.js';
import { Transactions } from '../libs/db/transaction.js';
import { createTestDatabase, sql } from './support/database.js';

/**
 * The chain as `npm run audit:verify`, GET /audit/verify and `npm run restore` read it (COPY text, parsed in the
 * process): entries whose JSON holds every character COPY escapes read back as they were hashed, across the walk's
 * ranges, and an edit behind the application's back is named.
 */
describe('the audit chain read for verification', () => {
  let db: { url: string; drop(): Promise<void> };
  let dataSource: DataSource;
  let audit: AuditService;
  let entries: AuditRepository;
  const awkward = {
    note: 'tab\there, newline\nthere, CR\r, backslash \\ and \\N, quote " and \\t literally, \b\f\v, 中文、全角，😀',
    'key\twith\ttabs': ['\\', '\n', null, 1.5, -0, 1e21],
    nested: { z: { '\\N': true }, a: [{ b: '\u2028\u0001' }] },
  };

  beforeAll(async () => {
    db = await createTestDatabase({ seeded: false });
    dataSource = new DataSource(dataSourceOptions(db.url, { extra: { max: 2 } }));
    await dataSource.initialize();
    const tx = new Transactions(dataSource);
    entries = new AuditRepository(tx);
    audit = new AuditService(entries, tx);
    for (let i = 0; i < 7; i++) {
      await audit.record({
        actorId: null,
        action: 'task.update',
        entityType: 'task',
        entityId: `t\\${i}\t`,
        before: i % 2 ? null : { status: 'assigned' },
        after: awkward,
        detail: i === 3 ? { why: '改期\n原因：\\' } : null,
        ip: i % 3 ? '203.0.113.7' : null,
      });
    }
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('reads every entry back as it was hashed, in pages and ranges of any size', async () => {
    const [{ n }] = await sql<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM audit_log');
    expect(n).toBe(7);
    expect(await audit.verify()).toEqual({ checked: 7, broken: null });
    // Ranges of 1, 2 and 3: links checked across the COPYs; a range that ends exactly at the last entry.
    for (const range of [1, 2, 3, 7]) expect(await verifyChain(entries.walk(range))).toEqual({ checked: 7, broken: null });
    const read = [];
    for await (const page of entries.walk()) read.push(...page);
    // Each link's content is the entry as recorded: COPY's escapes undone, the JSON's keys in canonical order.
    const contents = read.map((link) => JSON.parse(link.content) as { entityId: string; after: Record<string, unknown> });
    expect(contents.map((c) => c.entityId)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `t\\${i}\t`));
    expect(contents[1].after).toEqual(JSON.parse(JSON.stringify(awkward)));
    expect(Object.keys(contents[1].after)).toEqual(['key\twith\ttabs', 'nested', 'note']);
  });

  it('names an edited entry, and the connection it read on is fit for the next walk', async () => {
    await sql(db.url, 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await sql(db.url, `UPDATE audit_log SET detail = '{"why": "改期\\n原因：\\\\ "}' WHERE seq = 4`);
    await sql(db.url, 'ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    // Stopped at entry 4 of a range of 100,000: the rest of the COPY is read and dropped.
    expect(await audit.verify()).toEqual({ checked: 3, broken: { seq: 4, reason: 'content does not match its hash' } });
    expect(await verifyChain(entries.walk(2))).toEqual({ checked: 3, broken: { seq: 4, reason: 'content does not match its hash' } });
    await sql(db.url, 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await sql(db.url, 'DELETE FROM audit_log WHERE seq = 4');
    await sql(db.url, 'ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    expect(await audit.verify()).toEqual({ checked: 3, broken: { seq: 5, reason: 'entry 4 is missing' } });
    expect(await verifyChain(entries.walk(3))).toEqual({ checked: 3, broken: { seq: 5, reason: 'entry 4 is missing' } });
  });
});
