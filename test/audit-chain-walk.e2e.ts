import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { verifyChain } from '../libs/audit/audit-chain.js';
import { AuditService } from '../libs/audit/audit.service.js';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { CHAIN_COLUMNS, chainContentOf } from '../libs/db/chain-link.js';
import { chainContentFromBytes } from '../libs/db/chain-text.js';
import { copyField } from '../libs/db/copy-text.js';
import { dataSourceOptions } from '../libs/db/data-source.js';
import { AuditRepository } from '../libs/db/repositories/audit.repository.js';
import { Transactions } from '../libs/db/transaction.js';
import { createTestDatabase, sql } from './support/database.js';

/**
 * The chain as `npm run audit:verify`, GET /audit/verify and `npm run restore` read it (COPY text, parsed in the
 * process): entries whose JSON holds every character COPY escapes read back as they were hashed, across the walk's
 * ranges; plain rows written from their bytes exactly as from their decoded fields; an edit behind the application's
 * back is named.
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
  /** The chain's rows as the walk's COPY writes them: each line's bytes and its fields decoded. */
  async function chainRows(): Promise<Array<{ line: Buffer; fields: Array<string | null> }>> {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of client.query(copyTo(`COPY (SELECT ${CHAIN_COLUMNS.join(', ')} FROM audit_log ORDER BY seq) TO STDOUT`)))
        chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks);
      const lines: Buffer[] = [];
      for (let start = 0; start < text.length; start = text.indexOf(10, start) + 1) lines.push(text.subarray(start, text.indexOf(10, start)));
      return lines.map((line) => ({ line, fields: line.toString().split('\t').map(copyField) }));
    } finally {
      await client.end();
    }
  }

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
    // Each row has COPY escapes: each is read from its decoded fields (chain-text.ts), its content the entry as
    // recorded (COPY's escapes undone, the JSON's keys in canonical order).
    const rows = await chainRows();
    expect(rows.map((row) => chainContentFromBytes(row.line))).toEqual(rows.map(() => null));
    const contents = rows.map((row) => JSON.parse(chainContentOf(row.fields)) as { entityId: string; after: Record<string, unknown> });
    expect(contents.map((c) => c.entityId)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `t\\${i}\t`));
    expect(contents[1].after).toEqual(JSON.parse(JSON.stringify(awkward)));
    expect(Object.keys(contents[1].after)).toEqual(['key\twith\ttabs', 'nested', 'note']);
  });

  it('writes plain rows from their bytes as their decoded fields give them, and the rest from their fields', async () => {
    // Generated entries as PostgreSQL stores and writes them: jsonb's key order and spaces, its numbers; keys that
    // share prefixes, sort by bytes below the quote or in another order by UTF-16 than by UTF-8 (😀 and （); Chinese,
    // emoji, JSON's punctuation inside strings.
    let state = 20261206;
    const random = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const pick = <T>(items: readonly T[]) => items[random(items.length)];
    const keys = ['a', 'b', 'aa', 'ab', 'a b', 'a!', 'Z', '_', '10', '9', '', 'é', '中文', 'note', 'percent', 'evidenceIds', '😀', '（备注）', '😀x'];
    const strings = ['', 'a', 'a b', '中文，全角：；', 'with, comma: colon {brace} [bracket]', '😀 emoji', '\u2028', 'del\x7f', 'quote "', 'back\\slash'];
    const numbers = [0, 7, -3, 40, 123456789012345, 1234567890123456, 1.5, -0.25, 1e21];
    const value = (depth: number): unknown => {
      const kind = random(depth > 2 ? 3 : 5);
      if (kind === 0) return pick(strings);
      if (kind === 1) return pick(numbers);
      if (kind === 2) return pick([true, false, null]);
      if (kind === 3) return Array.from({ length: random(4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: random(6) }, () => [pick(keys), value(depth + 1)]));
    };
    const entry = () => Object.fromEntries(Array.from({ length: 1 + random(5) }, () => [pick(keys), value(1)]));
    for (let i = 0; i < 300; i++) {
      await audit.record({
        actorId: null,
        action: 'task.update',
        entityType: 'task',
        entityId: `generated-${i}`,
        before: random(3) === 0 ? null : entry(),
        after: entry(),
        detail: random(2) === 0 ? null : entry(),
        ip: random(2) === 0 ? '203.0.113.7' : null,
      });
    }
    const rows = (await chainRows()).slice(7);
    const fromBytes = rows.map((row) => chainContentFromBytes(row.line));
    for (const [i, content] of fromBytes.entries()) if (content !== null) expect(content).toBe(chainContentOf(rows[i].fields));
    // Both ways are taken: most rows have nothing the bytes cannot be written from (a backslash, a decimal…).
    const written = fromBytes.filter((content) => content !== null).length;
    expect(written).toBeGreaterThan(60);
    expect(written).toBeLessThan(300);
    expect(await audit.verify()).toEqual({ checked: 307, broken: null });
    for (const range of [1, 64]) expect(await verifyChain(entries.walk(range))).toEqual({ checked: 307, broken: null });

    // A row written from its bytes, edited behind the application's back, is named.
    const edited = 8 + fromBytes.findIndex((content) => content !== null);
    await sql(db.url, 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await sql(db.url, `UPDATE audit_log SET entity_id = entity_id || 'x' WHERE seq = $1`, [edited]);
    expect(await audit.verify()).toEqual({ checked: edited - 1, broken: { seq: edited, reason: 'content does not match its hash' } });
    await sql(db.url, `UPDATE audit_log SET entity_id = left(entity_id, -1) WHERE seq = $1`, [edited]);
    await sql(db.url, 'ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    expect(await audit.verify()).toEqual({ checked: 307, broken: null });
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
