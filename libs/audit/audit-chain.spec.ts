import { canonicalJson, entryHash, GENESIS_HASH, verifyChain, type ChainedContent } from './audit-chain.js';

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
async function* each<T>(items: T[]) {
  yield* items;
}

describe('audit chain', () => {
  it('ignores key order, as jsonb reorders keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
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
});
