/**
 * The database half of `npm run backup` / `npm run restore`: every table of the schema copied out in one
 * REPEATABLE READ snapshot (COPY … TO STDOUT through pg-copy-streams), and copied back into a database whose
 * schema the same migrations made. Not pg_dump: the embedded server (PostgreSQL 18, from npm) ships no pg_dump,
 * and a distribution's older pg_dump refuses a newer server; COPY's text format reads back on any version.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { logConnectionErrors } from './pg-client.js';

/** Tables the migrations own and fill themselves: not copied (their rows say which migrations made the schema). */
const MIGRATIONS_TABLE = 'schema_migration';

export interface DatabaseSnapshot {
  /** The migrations that made the schema, in order: a restore needs exactly these. */
  migrations: string[];
  /** Rows per table, as copied (the file of table `t` is `database/t.copy`). */
  rowCounts: Record<string, number>;
  sequences: Record<string, number | null>;
  /** The evidence files the snapshot refers to: what the file copy must then find. */
  evidence: Array<{ storageKey: string; sha256: string; size: number }>;
  /** The audit chain's last entry at the snapshot. */
  auditHead: { seq: number; hash: string } | null;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function tablesOf(client: pg.Client): Promise<string[]> {
  const rows = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
  return rows.rows.map((r) => r.tablename).filter((t) => t !== MIGRATIONS_TABLE);
}

/**
 * The COPY that writes out `table`: the audit chain in `seq` order (its primary key), so that a restore can recompute
 * the chain from the file as it loads it; the other tables as they lie.
 */
const copyOut = (table: string) =>
  table === 'audit_log' ? 'COPY (SELECT * FROM public."audit_log" ORDER BY seq) TO STDOUT' : `COPY public.${quoted(table)} TO STDOUT`;

/** Connections that copy tables at once, all in the one snapshot (the largest tables first). */
const DUMP_CONNECTIONS = 3;

export interface DatabaseDump {
  snapshot: DatabaseSnapshot;
  /** SHA-256 of each file written, by its path in the backup folder (`database/t.copy`), hashed as it was written. */
  files: Record<string, string>;
}

/**
 * Passes a COPY's text through, hashing it (SHA-256) and counting its rows on the way: each row ends in a newline,
 * and COPY's text format writes a newline inside a value as `\n`.
 */
function hashingRows(): Transform & { digest(): string; rows: number } {
  const hash = createHash('sha256');
  const tap = Object.assign(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) tap.rows++;
        done(null, chunk);
      },
    }),
    { rows: 0, digest: () => hash.digest('hex') },
  );
  return tap;
}

async function connectedClient(url: string, applicationName: string): Promise<pg.Client> {
  const client = logConnectionErrors(new pg.Client({ connectionString: url, application_name: applicationName }), applicationName);
  await client.connect();
  // Timestamps written in UTC, whatever the server's zone: the restore reads the audit chain's rows from their bytes
  // only so (libs/db/chain-text.ts); any zone loads the same instants.
  await client.query("SET TimeZone = 'UTC'");
  return client;
}

/**
 * Copies every table of `url` into `dir/database/` from one consistent snapshot, and returns what the snapshot held.
 * The first connection opens the snapshot and exports it; the others join it (SET TRANSACTION SNAPSHOT), so the
 * tables are copied at once and still as the database was at one instant. Each file is hashed as it is written
 * and each table's rows counted from its COPY (no second pass over either). `alongside` is given the evidence files the
 * snapshot refers to as soon as it is open, and runs while the tables are copied (the evidence files on disk while
 * the server writes out rows): every file it is given existed when the snapshot was taken.
 */
export async function dumpDatabase(
  url: string,
  dir: string,
  alongside: (evidence: DatabaseSnapshot['evidence']) => Promise<void> = async () => undefined,
): Promise<DatabaseDump> {
  const client = await connectedClient(url, 'duban-backup');
  const helpers: pg.Client[] = [];
  try {
    // One snapshot for every table and every figure below: the copy is as the database was at one instant.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshotId = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0].id;
    const migrations = (await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`)).rows.map((r) => r.name);
    const tables = await tablesOf(client);
    const sizes = new Map(
      (
        await client.query<{ name: string; bytes: string }>(
          "SELECT c.relname AS name, pg_total_relation_size(c.oid) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'",
        )
      ).rows.map((r) => [r.name, Number(r.bytes)]),
    );
    const queue = [...tables].sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0));
    for (let i = 1; i < Math.min(DUMP_CONNECTIONS, tables.length); i++) {
      const helper = await connectedClient(url, 'duban-backup');
      helpers.push(helper);
      await helper.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await helper.query(`SET TRANSACTION SNAPSHOT '${snapshotId}'`);
    }
    const evidence = await evidenceOf(client);
    const rowCounts: Record<string, number> = {};
    const files: Record<string, string> = {};
    const copyingEvidence = alongside(evidence);
    // Whatever the tables do, the evidence copy is waited for (its failure, if any, reported after theirs).
    const copyingTables = Promise.all(
      [client, ...helpers].map(async (connection) => {
        for (let table = queue.shift(); table !== undefined; table = queue.shift()) {
          const tap = hashingRows();
          await pipeline(connection.query(copyTo(copyOut(table))), tap, createWriteStream(join(dir, 'database', `${table}.copy`)));
          rowCounts[table] = tap.rows;
          files[`database/${table}.copy`] = tap.digest();
        }
      }),
    );
    await Promise.allSettled([copyingTables, copyingEvidence]);
    await copyingTables;
    await copyingEvidence;
    for (const helper of helpers.splice(0)) {
      await helper.query('COMMIT');
      await helper.end();
    }
    const sequences = Object.fromEntries(
      (
        await client.query<{ name: string; value: string | null }>(
          "SELECT sequencename AS name, last_value AS value FROM pg_sequences WHERE schemaname = 'public'",
        )
      ).rows.map((r) => [r.name, r.value === null ? null : Number(r.value)]),
    );
    const head = (await client.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')).rows[0];
    await client.query('COMMIT');
    const sorted = Object.fromEntries(tables.map((t) => [t, rowCounts[t]]));
    return {
      snapshot: { migrations, rowCounts: sorted, sequences, evidence, auditHead: head ? { seq: Number(head.seq), hash: head.hash } : null },
      files,
    };
  } finally {
    await Promise.all(helpers.map((h) => h.end()));
    await client.end();
  }
}

/** The evidence files the database refers to, by storage key. */
async function evidenceOf(client: pg.Client): Promise<DatabaseSnapshot['evidence']> {
  const rows = await client.query<{ storageKey: string; sha256: string; size: string }>(
    'SELECT storage_key AS "storageKey", sha256, size FROM evidence ORDER BY storage_key',
  );
  return rows.rows.map((r) => ({ ...r, size: Number(r.size) }));
}

/** The evidence files `url`'s database refers to now, as a snapshot lists them (to hold a restore against its backup). */
export async function listEvidence(url: string): Promise<DatabaseSnapshot['evidence']> {
  const client = logConnectionErrors(new pg.Client({ connectionString: url }), 'duban-backup');
  await client.connect();
  try {
    return await evidenceOf(client);
  } finally {
    await client.end();
  }
}

/** Whether `url`'s database holds no rows of duban's yet (a fresh one, or one only migrated). */
export async function isEmptyDatabase(url: string): Promise<boolean> {
  const client = logConnectionErrors(new pg.Client({ connectionString: url }), 'duban-backup');
  await client.connect();
  try {
    for (const table of await tablesOf(client)) {
      if ((await client.query(`SELECT 1 FROM public.${quoted(table)} LIMIT 1`)).rowCount) return false;
    }
    return true;
  } finally {
    await client.end();
  }
}

/** A backup's file whose bytes are not those its manifest recorded (the message names it, as the manifest check does). */
export class BackupFileAltered extends Error {
  constructor(readonly path: string) {
    super(`文件内容与清单中的 SHA-256 不符：${path}`);
  }
}

export interface LoadChecks {
  /** The manifest's SHA-256 of each file by its path in the backup folder: every table's file is held against it. */
  files?: Record<string, string>;
  /** Runs before the load commits; a rejection rolls it back. */
  beforeCommit?: () => Promise<void>;
}

/** Reads of a backup's table file: large, so hashing it costs the hash, not the chunks. */
const READ = { highWaterMark: 1024 * 1024 };

/**
 * What the schema `public` of `url` holds now (tables, views, sequences, functions, types), to undo what a restore's
 * migrations made should the restore fail after them (`dropCreatedSince`).
 */
export async function schemaObjects(url: string): Promise<string[]> {
  const client = logConnectionErrors(new pg.Client({ connectionString: url }), 'duban-restore');
  await client.connect();
  try {
    const rows = await client.query<{ object: string }>(
      `SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END || ' ' || c.oid::regclass::text AS object
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
       UNION ALL
       SELECT 'FUNCTION ' || p.oid::regprocedure::text FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
       UNION ALL
       SELECT 'TYPE ' || t.oid::regtype::text FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'r', 'm')`,
    );
    return rows.rows.map((r) => r.object);
  } finally {
    await client.end();
  }
}

/** Drops, in one transaction, what `public` of `url` holds now and did not hold in `before` (`schemaObjects`). */
export async function dropCreatedSince(url: string, before: string[]): Promise<void> {
  const had = new Set(before);
  const created = (await schemaObjects(url)).filter((o) => !had.has(o));
  if (created.length === 0) return;
  const client = logConnectionErrors(new pg.Client({ connectionString: url, application_name: 'duban-restore' }), 'duban-restore');
  await client.connect();
  try {
    await client.query('BEGIN');
    // Tables first (with their indexes, triggers and owned sequences), then what is left; IF EXISTS: a CASCADE may
    // have taken it already.
    const order = ['TABLE', 'MATERIALIZED VIEW', 'VIEW', 'SEQUENCE', 'FUNCTION', 'TYPE'];
    created.sort((a, b) => order.findIndex((k) => a.startsWith(`${k} `)) - order.findIndex((k) => b.startsWith(`${k} `)));
    for (const object of created) {
      const kind = order.find((k) => object.startsWith(`${k} `))!;
      await client.query(`DROP ${kind} IF EXISTS ${object.slice(kind.length + 1)} CASCADE`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Loads a snapshot into `url`, whose schema `migrateDatabase` has just made with the same migrations: every table
 * emptied (of rows a migration may have added) and filled from its file in one transaction, with triggers and
 * foreign keys held off while it loads (`session_replication_role = replica`, which needs a superuser: the
 * embedded server's user, or `postgres`), then the sequences set. With `checks.files`, each table's file is hashed
 * as it streams into COPY and held against its recorded SHA-256 at its end: a file that differs fails the load
 * (`BackupFileAltered`, naming it) and the transaction is rolled back, so nothing of it stays. `checks.beforeCommit`
 * runs last, in the transaction: what it throws rolls the load back too.
 */
export async function loadDatabase(url: string, dir: string, snapshot: DatabaseSnapshot, checks: LoadChecks = {}): Promise<void> {
  const client = logConnectionErrors(new pg.Client({ connectionString: url, application_name: 'duban-restore' }), 'duban-restore');
  await client.connect();
  try {
    const applied = (await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`)).rows.map((r) => r.name);
    if (applied.join() !== snapshot.migrations.join()) {
      throw new Error(
        `备份来自另一版本的 duban（备份含 ${snapshot.migrations.length} 个迁移，当前 ${applied.length} 个）：请用与备份相同版本的 duban 恢复，再升级`,
      );
    }
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    const tables = Object.keys(snapshot.rowCounts);
    await client.query(`TRUNCATE ${tables.map((t) => `public.${quoted(t)}`).join(', ')}`);
    // As pg_restore does: the rows first, then the indexes, each built once from sorted rows instead of updated row by
    // row (a third of the load's time on the bench's million audit entries). Only indexes no constraint uses (primary
    // keys, unique constraints and the unique indexes foreign keys point at stay).
    const deferred = (
      await client.query<{ name: string; definition: string }>(
        `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
           FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
          WHERE n.nspname = 'public' AND t.relname = ANY($1)
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
        [tables],
      )
    ).rows;
    for (const index of deferred) await client.query(`DROP INDEX ${index.name}`);
    for (const table of tables) {
      const path = `database/${table}.copy`;
      const expected = checks.files?.[path];
      if (checks.files && expected === undefined) throw new BackupFileAltered(path);
      const tap = hashingRows();
      await pipeline(createReadStream(join(dir, path), READ), tap, client.query(copyFrom(`COPY public.${quoted(table)} FROM STDIN`)));
      if (checks.files && tap.digest() !== expected) throw new BackupFileAltered(path);
    }
    for (const index of deferred) await client.query(index.definition);
    for (const [name, value] of Object.entries(snapshot.sequences)) {
      if (value !== null) await client.query('SELECT setval($1, $2)', [`public.${quoted(name)}`, value]);
    }
    await checks.beforeCommit?.();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** The columns of `table` in the order `COPY table TO STDOUT` writes them (a table file's). */
export async function tableColumns(url: string, table: string): Promise<string[]> {
  const client = logConnectionErrors(new pg.Client({ connectionString: url }), 'duban-restore');
  await client.connect();
  try {
    const rows = await client.query<{ name: string }>(
      'SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum',
      [`public.${quoted(table)}`],
    );
    return rows.rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

/** Rows per table now, to hold against a snapshot's counts. */
export async function countRows(url: string, tables: string[]): Promise<Record<string, number>> {
  const client = logConnectionErrors(new pg.Client({ connectionString: url }), 'duban-backup');
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of tables) counts[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM public.${quoted(table)}`)).rows[0].n);
    return counts;
  } finally {
    await client.end();
  }
}
