/**
 * A link of the audit chain as the verification reads it back, and how it is made from a row of `COPY … TO STDOUT`
 * text whose fields are decoded (`chainLinkOf`; chain-text.ts reads most rows from their bytes instead, and these
 * rows this way): its content written straight from the fields in the form audit-chain.ts's canonicalContent writes,
 * without making the entry first.
 */
import { hash } from 'node:crypto';
import pg from 'pg';
import { canonicalJson } from '../common/canonical-json.js';

/** The columns of `audit_log` the chain needs, in the order `chainLinkOf` takes them. */
export const CHAIN_COLUMNS = [
  'seq',
  'at',
  'actor_id',
  'action',
  'entity_type',
  'entity_id',
  'task_id',
  'before',
  'after',
  'detail',
  'ip',
  'prev_hash',
  'hash',
] as const;

/**
 * An audit entry as the verification reads it back: its seq, both hashes as stored, and `digest`, the hash its
 * prev_hash and content give (`linkHash`), which an intact entry stores as its `hash`.
 */
export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
  digest: string;
}

/** sha256(previous hash ‖ "\n" ‖ canonical content): an entry's hash, its content in canonicalContent's text. */
export function linkHash(prevHash: string, content: string): string {
  // One-shot: a new Hash object per entry cost more than the hashing itself (same bytes as updates of each part).
  return hash('sha256', `${prevHash}\n${content}`);
}

/** timestamptz text as the driver parses it for a query. */
export const parseTimestamptz = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ, 'text') as (text: string) => Date;
/** A timestamptz in UTC to the millisecond (as the application writes them), years 1000 to 9999. */
const UTC_MILLIS = /^([1-9]\d{3}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,3}))?\+00$/;

const text = (value: string | null): string => (value === null ? 'null' : JSON.stringify(value));
const json = (value: string | null): string => (value === null ? 'null' : canonicalJson(JSON.parse(value)));
/** A timestamptz as canonicalJson writes the Date the driver parses it to (its ISO form), most without the Date. */
function instant(value: string): string {
  const utc = UTC_MILLIS.exec(value);
  return utc ? `"${utc[1]}T${utc[2]}.${(utc[3] ?? '').padEnd(3, '0')}Z"` : canonicalJson(parseTimestamptz(value));
}

/**
 * The content of a row of COPY text with the fields in `CHAIN_COLUMNS`' order (escapes undone, null for `\N`):
 * canonicalContent's text of the entry the driver would read (timestamptz by its parser, jsonb by JSON.parse), keys
 * in the same order; libs/audit/chain-link.spec.ts holds the two against each other.
 */
export function chainContentOf(f: Array<string | null>): string {
  let content =
    `{"action":${text(f[3])},"actorId":${text(f[2])},"after":${json(f[8])},"at":${instant(f[1]!)},"before":${json(f[7])},` +
    `"detail":${json(f[9])},"entityId":${text(f[5])},"entityType":${text(f[4])}`;
  // Hashed only when set (canonicalContent leaves out an absent address).
  if (f[10] !== null) content += `,"ip":${text(f[10])}`;
  return `${content},"seq":${Number(f[0])},"taskId":${text(f[6])}}`;
}

/** The link of a row of COPY text with the fields in `CHAIN_COLUMNS`' order (escapes undone, null for `\N`). */
export function chainLinkOf(f: Array<string | null>): ChainLink {
  return { seq: Number(f[0]), prevHash: f[11]!, hash: f[12]!, digest: linkHash(f[11]!, chainContentOf(f)) };
}
