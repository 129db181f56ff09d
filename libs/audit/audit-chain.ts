import { createHash } from 'node:crypto';

/** The first entry's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedContent {
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  taskId: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
  /** Hashed only when set, so entries written before addresses were recorded keep their hashes. */
  ip?: string | null;
}

/** JSON with object keys sorted at every depth, so jsonb's reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256(previous hash ‖ canonical content). */
export function entryHash(prevHash: string, content: ChainedContent): string {
  const { seq, at, actorId, action, entityType, entityId, taskId, before, after, detail, ip } = content;
  const body = canonicalJson({ seq, at, actorId, action, entityType, entityId, taskId, before, after, detail, ip: ip ?? undefined });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export type ChainBreak = { seq: number; reason: string };

/** Checks entries in order; returns the first broken link, or null when the chain holds. */
export async function verifyChain(
  entries: AsyncIterable<ChainedContent & { prevHash: string; hash: string }>,
): Promise<{ checked: number; broken: ChainBreak | null }> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for await (const entry of entries) {
    if (entry.seq !== expectedSeq) return { checked, broken: { seq: entry.seq, reason: `entry ${expectedSeq} is missing` } };
    if (entry.prevHash !== prev) return { checked, broken: { seq: entry.seq, reason: 'prev_hash does not match the previous entry' } };
    if (entryHash(prev, entry) !== entry.hash) return { checked, broken: { seq: entry.seq, reason: 'content does not match its hash' } };
    prev = entry.hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { checked, broken: null };
}
