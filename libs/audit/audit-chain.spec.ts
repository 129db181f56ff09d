import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';
import { chainLink, type ChainedContent, type ChainEntry, entryHash, GENESIS_HASH, joinChainRanges, verifyChain, verifyChainRange } from './audit-chain.js';

/** The first implementation, as every entry written so far was hashed: the faster one must say exactly the same. */
function referenceJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(referenceJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${referenceJson(v)}`).join(',')}}`;
}
function referenceHash(prevHash: string, content: ChainedContent): string {
  const { seq, at, actorId, action, entityType, entityId, taskId, before, after, detail, ip } = content;
  const body = referenceJson({ seq, at, actorId, action, entityType, entityId, taskId, before, after, detail, ip: ip ?? undefined });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

function chain(n: number) {
  const entries: Array<ChainedContent & { prevHash: string; hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content: ChainedContent = {
      seq,
      at: new Date(Date.UTC(2026, 0, seq)),
      actorId: null,
      action: 'task.accept',
      entityType: 'task',
      entityId: `t${seq}`,
      taskId: null,
      before: { status: 'assigned' },
      after: { status: 'in_progress' },
      detail: null,
    };
    const hash = entryHash(prev, content);
    entries.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return entries;
}
/** As the repository gives them: in pages (of two here, so links cross pages). */
async function* each(entries: ChainEntry[]) {
  for (let i = 0; i < entries.length; i += 2) yield entries.slice(i, i + 2).map(chainLink);
}

describe('audit chain', () => {
  it('ignores key order, as jsonb reorders keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });
  it('writes what the first implementation wrote, for every kind of value', () => {
    const values: unknown[] = [
      null,
      undefined,
      0,
      -1.5e-7,
      'é"\\\n\u2028😀',
      true,
      [],
      {},
      [undefined, null, 1, [2, [3]], { b: 1, a: undefined }],
      { 10: 'a', 9: 'b', '': 0, B: 1, a: 2, é: 3, '😀': 4, '\uff21': 5, _: { z: [{ y: 1, x: { w: null } }] } },
      { at: new Date(Date.UTC(2026, 2, 3, 4, 5, 6, 7)), nested: [new Date(0)], skipped: undefined },
      { note: '按计划推进，已完成阶段性工作 1', percent: null, evidenceIds: ['a', 'b'] },
    ];
    for (const value of values) expect(canonicalJson(value)).toBe(referenceJson(value));
    const content: ChainedContent = {
      seq: 7,
      at: new Date(Date.UTC(2026, 0, 1)),
      actorId: 'u1',
      action: 'task.accept',
      entityType: 'task',
      entityId: 't1',
      taskId: null,
      before: { status: 'assigned' },
      after: values[9],
      detail: null,
    };
    for (const ip of [undefined, null, '10.0.0.1']) expect(entryHash('p', { ...content, ip })).toBe(referenceHash('p', { ...content, ip }));
    expect(entryHash('p', { ...content, before: undefined })).toBe(referenceHash('p', { ...content, before: undefined }));
  });
  it('verifies an intact chain', async () => {
    expect(await verifyChain(each(chain(5)))).toEqual({ checked: 5, broken: null });
  });
  it('names the first edited entry', async () => {
    const entries = chain(5);
    entries[2].after = { status: 'completed' };
    expect((await verifyChain(each(entries))).broken).toEqual({ seq: 3, reason: 'content does not match its hash' });
  });
  it('names a deleted entry', async () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect((await verifyChain(each(entries))).broken?.seq).toBe(3);
  });
  it('catches a rehashed entry through its successor', async () => {
    const entries = chain(4);
    entries[1].action = 'task.approve';
    entries[1].hash = entryHash(entries[1].prevHash, entries[1]);
    expect((await verifyChain(each(entries))).broken).toEqual({ seq: 3, reason: 'prev_hash does not match the previous entry' });
  });
  describe('checked in stretches and joined (a restore splits the chain between cores)', () => {
    type Entries = ReturnType<typeof chain>;
    const cases: Array<[string, (entries: Entries) => Entries]> = [
      ['intact', (e) => e],
      [
        'an edited entry',
        (e) => {
          e[3].after = { status: 'completed' };
          return e;
        },
      ],
      ['a deleted entry', (e) => [...e.slice(0, 2), ...e.slice(3)]],
      [
        'a rehashed entry',
        (e) => {
          e[1].action = 'task.approve';
          e[1].hash = entryHash(e[1].prevHash, e[1]);
          return e;
        },
      ],
      [
        'an entry claiming another predecessor',
        (e) => {
          e[4].prevHash = GENESIS_HASH;
          e[4].hash = entryHash(e[4].prevHash, e[4]);
          return e;
        },
      ],
      ['a chain without its first entry', (e) => e.slice(1)],
      ['a chain without its last entries', (e) => e.slice(0, 3)],
    ];
    // Every way of cutting the chain into two or three stretches: the verdict is the whole walk's, reason and all.
    const cuts = (n: number) => [
      ...Array.from({ length: n + 1 }, (_, a) => [a]),
      ...Array.from({ length: n + 1 }, (_, a) => Array.from({ length: n + 1 - a }, (_, i) => [a, a + i])).flat(),
    ];
    it.each(cases)('says what the whole walk says: %s', async (_name, alter) => {
      const entries = alter(chain(7));
      const whole = await verifyChain(each(entries));
      for (const cut of cuts(entries.length)) {
        const bounds = [0, ...cut, entries.length];
        const stretches = bounds.slice(1).map((end, i) => entries.slice(bounds[i], end));
        const ranges = await Promise.all(stretches.map((stretch) => verifyChainRange(each(stretch), 'as claimed')));
        const { checked, broken } = joinChainRanges(ranges);
        expect({ cut, checked, broken }).toEqual({ cut, ...whole });
      }
    });
    it('gives the last intact entry of a stretch, to pin the whole against a recorded head', async () => {
      const entries = chain(4);
      const range = await verifyChainRange(each(entries.slice(2)), 'as claimed');
      expect(range).toEqual({ checked: 2, broken: null, first: { seq: 3, prevHash: entries[1].hash }, last: { seq: 4, hash: entries[3].hash } });
      const before = await verifyChainRange(each(entries.slice(0, 2)), 'as claimed');
      expect(joinChainRanges([before, range])).toEqual({ checked: 4, broken: null, last: { seq: 4, hash: entries[3].hash } });
    });
  });
});
