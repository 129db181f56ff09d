/**
 * A link of the audit chain from a row of `COPY … TO STDOUT` text (`npm run audit:verify`'s walk and a restore's
 * workers): its content written straight from the row in the form audit-chain.ts's canonicalContent writes, without making the entry first.
 */
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
 * An audit entry as the verification reads it back: its seq, both hashes and its content as the chain hashes it
 * (libs/audit/audit-chain.ts's canonicalContent).
 */
export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
  content: string;
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
 * The link of a row of COPY text with the fields in `CHAIN_COLUMNS`' order (escapes undone, null for `\N`). The
 * content is canonicalContent's text of the entry the driver would read (timestamptz by its parser, jsonb by
 * JSON.parse), keys in the same order; libs/audit/chain-link.spec.ts holds the two against each other. No Date
 * and no entry object per row: a million entries took 8.4–11.4 s on one core instead of 10.7–12.5 s.
 */
export function chainLinkOf(f: Array<string | null>): ChainLink {
  const seq = Number(f[0]);
  let content =
    `{"action":${text(f[3])},"actorId":${text(f[2])},"after":${json(f[8])},"at":${instant(f[1]!)},"before":${json(f[7])},` +
    `"detail":${json(f[9])},"entityId":${text(f[5])},"entityType":${text(f[4])}`;
  // Hashed only when set (canonicalContent leaves out an absent address).
  if (f[10] !== null) content += `,"ip":${text(f[10])}`;
  content += `,"seq":${seq},"taskId":${text(f[6])}}`;
  return { seq, prevHash: f[11]!, hash: f[12]!, content };
}
