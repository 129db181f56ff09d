import { canonicalJson } from '../common/canonical-json.js';
import { CHAIN_CONTENT, type ChainLink, linkHash } from '../db/chain-link.js';

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

/**
 * The content as the chain hashes it: its keys in canonical (sorted) order, written directly, the same text as
 * canonicalJson of the object { seq, at, actorId, … } without making it.
 */
export function canonicalContent(content: ChainedContent): string {
  let body = '';
  for (const field of CHAIN_CONTENT) {
    // An absent address (undefined or null) is left out; any other key only when undefined.
    const value = 'optional' in field ? (content[field.key] ?? undefined) : content[field.key];
    if (value !== undefined) body += `${body ? ',' : '{'}"${field.key}":${canonicalJson(value)}`;
  }
  return body ? `${body}}` : '{}';
}

/** sha256(previous hash ‖ canonical content). */
export function entryHash(prevHash: string, content: ChainedContent): string {
  return linkHash(prevHash, canonicalContent(content));
}

export type ChainBreak = { seq: number; reason: string };

/** An entry as stored: its content and the two hashes. */
export type ChainEntry = ChainedContent & { prevHash: string; hash: string };

/** An entry as the verification reads it back (ChainLink), its digest of its content as canonicalContent writes it. */
export function chainLink(entry: ChainEntry): ChainLink {
  return { seq: entry.seq, prevHash: entry.prevHash, hash: entry.hash, digest: entryHash(entry.prevHash, entry) };
}

/**
 * Checks entries in order, given in pages (arrays, so a million entries are not a million awaits); returns the first
 * broken link, or null when the chain holds.
 */
export async function verifyChain(pages: AsyncIterable<readonly ChainLink[]>): Promise<{ checked: number; broken: ChainBreak | null }> {
  const { checked, broken } = await verifyChainRange(pages, { seq: 1, prevHash: GENESIS_HASH });
  return { checked, broken };
}

/** Where a stretch of the chain starts: its first entry's `seq` and the hash that entry must follow. */
export interface ChainStart {
  seq: number;
  prevHash: string;
}

/** A stretch of the chain checked on its own (`verifyChainRange`): what `joinChainRanges` holds against its neighbours. */
export interface ChainRange {
  checked: number;
  broken: ChainBreak | null;
  /** The first entry's claims (null when the stretch is empty). */
  first: ChainStart | null;
  /** The last entry checked intact. */
  last: { seq: number; hash: string } | null;
}

/**
 * Checks a stretch of the chain as `verifyChain` checks the whole, from `from`, or with `'as claimed'` from what its
 * first entry claims (seq and prev_hash: a stretch after the first, checked at once with the one before it; the claim
 * is then held against that one by `joinChainRanges`).
 */
export async function verifyChainRange(pages: AsyncIterable<readonly ChainLink[]>, from: ChainStart | 'as claimed'): Promise<ChainRange> {
  let first: ChainStart | null = null;
  let prev = from === 'as claimed' ? '' : from.prevHash;
  let expectedSeq = from === 'as claimed' ? 0 : from.seq;
  let checked = 0;
  const result = (broken: ChainBreak | null): ChainRange => ({
    checked,
    broken,
    first,
    last: checked > 0 ? { seq: expectedSeq - 1, hash: prev } : null,
  });
  for await (const page of pages) {
    for (const entry of page) {
      if (first === null) {
        first = { seq: entry.seq, prevHash: entry.prevHash };
        if (from === 'as claimed') {
          prev = entry.prevHash;
          expectedSeq = entry.seq;
        }
      }
      if (entry.seq !== expectedSeq) return result({ seq: entry.seq, reason: `entry ${expectedSeq} is missing` });
      if (entry.prevHash !== prev) return result({ seq: entry.seq, reason: 'prev_hash does not match the previous entry' });
      // Its digest is of its own prev_hash, which is `prev` (held just above).
      if (entry.digest !== entry.hash) return result({ seq: entry.seq, reason: 'content does not match its hash' });
      prev = entry.hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
  return result(null);
}

/**
 * The verdict on the whole chain from its stretches checked apart, in order: each stretch's first entry held against
 * the end of the one before (the genesis before the first), as `verifyChain` would have held it, so the first broken
 * link and its reason are the ones `verifyChain` names over the whole.
 */
export function joinChainRanges(ranges: readonly ChainRange[]): { checked: number; broken: ChainBreak | null; last: { seq: number; hash: string } | null } {
  let checked = 0;
  let end = { seq: 0, hash: GENESIS_HASH };
  for (const range of ranges) {
    if (range.first) {
      const { seq, prevHash } = range.first;
      if (seq !== end.seq + 1) return { checked, broken: { seq, reason: `entry ${end.seq + 1} is missing` }, last: null };
      if (prevHash !== end.hash) return { checked, broken: { seq, reason: 'prev_hash does not match the previous entry' }, last: null };
    }
    checked += range.checked;
    if (range.broken) return { checked, broken: range.broken, last: null };
    if (range.last) end = range.last;
  }
  return { checked, broken: null, last: checked > 0 ? end : null };
}
