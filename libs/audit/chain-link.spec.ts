import { chainContentOf, chainLinkOf, linkHash, parseTimestamptz } from '../db/chain-link.js';
import { chainContentFromBytes } from '../db/chain-text.js';
import { canonicalContent, type ChainedContent } from './audit-chain.js';

/** The entry as the driver reads the row (timestamptz by its parser, jsonb by JSON.parse): what was hashed. */
function asRead(f: Array<string | null>): ChainedContent {
  const json = (text: string | null) => (text === null ? null : JSON.parse(text));
  return {
    seq: Number(f[0]),
    at: parseTimestamptz(f[1]!),
    actorId: f[2],
    action: f[3]!,
    entityType: f[4]!,
    entityId: f[5]!,
    taskId: f[6],
    before: json(f[7]),
    after: json(f[8]),
    detail: json(f[9]),
    ip: f[10],
  };
}

/** The row as COPY TO writes it: fields between tabs, `\N` for null, backslash, tab and line ends escaped. */
function copyLine(f: Array<string | null>): Buffer {
  const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
  return Buffer.from(f.map((field) => (field === null ? '\\N' : field.replace(/[\\\t\n\r]/g, (c) => escapes[c]))).join('\t'));
}

describe('chainLinkOf and chain-text.ts', () => {
  const row = (at: string, overrides: Record<number, string | null> = {}): Array<string | null> => {
    const f: Array<string | null> = [
      '42',
      at,
      '3f0c7d1e-1111-4a2b-9c3d-000000000001',
      'task.accept',
      'task',
      't\\1\t',
      null,
      '{"status": "assigned"}',
      // jsonb's key order (shorter keys first), every kind of value, characters JSON escapes.
      '{"b": [1, 1.50, -0, 1e21, null, true], "aa": {"z": "引号\\"、反斜杠\\\\、换行\\n、\\u0001", "é": {}, "😀": []}, "10": "x", "9": "y"}',
      null,
      '203.0.113.7',
      'p'.repeat(64),
      'h'.repeat(64),
    ];
    for (const [i, value] of Object.entries(overrides)) f[Number(i)] = value;
    return f;
  };

  it.each([
    '2026-12-06 09:15:35.648+00',
    '2026-12-06 09:15:35.6+00',
    '2026-12-06 09:15:35.65+00',
    '2026-12-06 09:15:35+00',
    '2026-12-06 09:15:35.648123+00',
    '2026-12-06 17:15:35.648+08',
    '2026-12-06 14:45:35.648+05:30',
    '0999-01-01 00:00:00.001+00',
    '2000-02-29 23:59:59.999+00',
  ])('writes the content that was hashed for a row stamped %s', (at) => {
    const f = row(at);
    const content = chainContentOf(f);
    expect(content).toBe(canonicalContent(asRead(f)));
    expect(chainLinkOf(f)).toEqual({ seq: 42, prevHash: 'p'.repeat(64), hash: 'h'.repeat(64), digest: linkHash('p'.repeat(64), content) });
    // The same row without the JSON's escapes: written from its bytes when stamped in UTC to the millisecond.
    const plain = row(at, { 5: 'task-1', 8: '{"b": [1, -20, null, true, false, "x, y: {z}"], "aa": {"z": "中文", "": [], "é": {}}, "10": "x", "9": "y"}' });
    const fromBytes = chainContentFromBytes(copyLine(plain));
    if (/^[1-9][\d-]+ [\d:]+(\.\d{1,3})?\+00$/.test(at)) expect(fromBytes).toBe(canonicalContent(asRead(plain)));
    else expect(fromBytes).toBeNull();
  });

  it.each([
    ['a COPY escape (a quote in the JSON)', { 8: row('')[8] }],
    ['a decimal', { 9: '{"percent": 1.50}' }],
    ['an integer of 16 digits', { 9: '[1234567890123456]' }],
    ['a key outside the Basic Multilingual Plane', { 9: '{"a": 1, "😀": 2}' }],
    ['a quote in a text column', { 3: 'task."accept"' }],
    ['a control character in a text column', { 3: 'task\u0001accept' }],
    ['a stamp of another zone', { 1: '2026-12-06 17:15:35.648+08' }],
  ])('writes a row with %s from its decoded fields', (_, overrides) => {
    const f = row('2026-12-06 09:15:35.648+00', { 5: 'task-1', 8: '{"b": 1}', ...overrides });
    expect(chainContentFromBytes(copyLine(f))).toBeNull();
    expect(chainContentOf(f)).toBe(canonicalContent(asRead(f)));
  });

  it('leaves out an absent address and writes nulls as the entry has them', () => {
    const f = row('2026-12-06 09:15:35.648+00', { 2: null, 5: 'task-1', 7: null, 8: '[]', 9: '{}', 10: null });
    const content = chainContentOf(f);
    expect(content).toBe(canonicalContent(asRead(f)));
    expect(chainContentFromBytes(copyLine(f))).toBe(content);
    expect(content).not.toContain('"ip"');
    expect(content).toContain('"actorId":null');
  });
});
