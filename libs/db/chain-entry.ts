/** An audit entry of the chain from a row of `COPY … TO STDOUT` text: the walk's and a restore's one conversion. */
import pg from 'pg';
import type { ChainEntry } from './repositories/audit.repository.js';

/** The columns of `audit_log` the chain needs, in the order `chainEntry` takes them. */
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

const parseTimestamptz = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ, 'text') as (text: string) => Date;
const json = (text: string | null): Record<string, unknown> | null => (text === null ? null : (JSON.parse(text) as Record<string, unknown>));

/** A row of COPY text with the fields in `CHAIN_COLUMNS`' order (timestamptz as the driver parses it, jsonb by JSON.parse). */
export function chainEntry(f: Array<string | null>): ChainEntry {
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
    prevHash: f[11]!,
    hash: f[12]!,
  };
}
