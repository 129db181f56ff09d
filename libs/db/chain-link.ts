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
 * What the chain hashes of an entry, in canonical (sorted) key order: each key, the column it is read from, how its
 * value is written, and whether it is left out when absent. The one list canonicalContent (audit-chain.ts),
 * `chainContentOf` and chain-text.ts write an entry's content by: a new hashed field is added here only.
 */
export const CHAIN_CONTENT = [
  { key: 'action', column: 'action', kind: 'text' },
  { key: 'actorId', column: 'actor_id', kind: 'text' },
  { key: 'after', column: 'after', kind: 'json' },
  { key: 'at', column: 'at', kind: 'instant' },
  { key: 'before', column: 'before', kind: 'json' },
  { key: 'detail', column: 'detail', kind: 'json' },
  { key: 'entityId', column: 'entity_id', kind: 'text' },
  { key: 'entityType', column: 'entity_type', kind: 'text' },
  // Hashed only when set, so entries written before addresses were recorded keep their hashes.
  { key: 'ip', column: 'ip', kind: 'text', optional: true },
  { key: 'seq', column: 'seq', kind: 'integer' },
  { key: 'taskId', column: 'task_id', kind: 'text' },
] as const satisfies ReadonlyArray<{
  key: string;
  column: (typeof CHAIN_COLUMNS)[number];
  kind: 'text' | 'json' | 'instant' | 'integer';
  optional?: true;
}>;

/** How each kind of column is written in a content (`CHAIN_CONTENT`'s `kind`). */
export type ChainContentKind = (typeof CHAIN_CONTENT)[number]['kind'];

/** A column's index in CHAIN_COLUMNS: its field in a row `chainLinkOf` takes. */
export const chainColumn = (name: (typeof CHAIN_COLUMNS)[number]): number => CHAIN_COLUMNS.indexOf(name);

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

const WRITE: Record<ChainContentKind, (value: string | null) => string> = {
  text,
  json,
  instant: (value) => instant(value!),
  integer: (value) => String(Number(value)),
};
const CONTENT = CHAIN_CONTENT.map((field) => ({ key: field.key, at: chainColumn(field.column), write: WRITE[field.kind], optional: 'optional' in field }));
const [SEQ, PREV_HASH, HASH] = (['seq', 'prev_hash', 'hash'] as const).map(chainColumn);

/**
 * The content of a row of COPY text with the fields in `CHAIN_COLUMNS`' order (escapes undone, null for `\N`):
 * canonicalContent's text of the entry the driver would read (timestamptz by its parser, jsonb by JSON.parse), keys
 * in the same order; libs/audit/chain-link.spec.ts holds the two against each other.
 */
export function chainContentOf(f: Array<string | null>): string {
  let content = '';
  for (const { key, at, write, optional } of CONTENT) {
    if (optional && f[at] === null) continue;
    content += `${content ? ',' : '{'}"${key}":${write(f[at])}`;
  }
  return `${content}}`;
}

/** The link of a row of COPY text with the fields in `CHAIN_COLUMNS`' order (escapes undone, null for `\N`). */
export function chainLinkOf(f: Array<string | null>): ChainLink {
  return { seq: Number(f[SEQ]), prevHash: f[PREV_HASH]!, hash: f[HASH]!, digest: linkHash(f[PREV_HASH]!, chainContentOf(f)) };
}
