/**
 * `npm run backup` and `npm run restore` (issue 19) on the shared dataset (100,000 tasks, 1,000,000 audit entries)
 * with 1 GiB of evidence files, held against the bare tools on the same data in the same run: `pg_dump`
 * (directory format, uncompressed, as duban writes its COPY files) and `cp -r` of the evidence directory; then
 * `pg_restore` into an empty database and `cp -r` back, each the least of two runs, each begun from a settled
 * machine (a checkpoint and `sync` first, untimed). duban's CLIs run as an operator runs them (a process
 * each, build of dist/), so their figures include what the bare tools do not do: the SHA-256 of every file in
 * the manifest, and on restore the manifest checked before anything is written, the migrations, and the
 * verification (row counts, the audit chain link by link, every evidence file against its stored hash).
 *
 * The baseline needs the server's own `pg_dump`/`pg_restore` (a distribution's older one refuses a newer
 * server): /usr/lib/postgresql/<major>/bin, or PG_BIN. The embedded server from npm ships none, so on it this
 * bench says so and measures nothing: run it on DATABASE_URL (e.g. the machine's PostgreSQL 15).
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { benchDataset, DATASET } from './dataset.js';
import type { BenchRow } from './report.js';

const run = promisify(execFile);

/** Runs of each tool and CLI: each figure is the least of them. */
const ROUNDS = 2;

/** 256 files of 4 MiB: 1 GiB of evidence, few enough files to write in seconds. */
export const EVIDENCE_FILES = { count: 256, bytes: 4 * 1024 * 1024 } as const;

export async function backupBench(serverUrl: string): Promise<BenchRow[]> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const work = mkdtempSync(join(tmpdir(), 'duban-bench-backup-'));
  const databases: string[] = [];
  try {
    const version = Number((await admin.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0].v);
    const major = Math.floor(version / 10000);
    const bin = [process.env.PG_BIN, `/usr/lib/postgresql/${major}/bin`].find((d) => d && existsSync(join(d, 'pg_dump')));
    if (!bin) {
      console.warn(
        `backup bench: skipped. Its baseline needs pg_dump and pg_restore of PostgreSQL ${major} (the server's major version) ` +
          `in /usr/lib/postgresql/${major}/bin or PG_BIN; the embedded server ships none. Run it on DATABASE_URL.`,
      );
      return [];
    }
    const dataset = await benchDataset(serverUrl);
    const urlOf = (name: string) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
    const create = async (label: string, template?: string) => {
      const name = `duban_bench_${label}_${process.pid}`;
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      databases.push(name);
      // FILE_COPY: a checkpoint and a file copy, not the whole database through the WAL (PostgreSQL 15's default).
      await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}${version >= 150000 ? ' STRATEGY FILE_COPY' : ''}` : ''}`);
      return urlOf(name);
    };

    // A copy of the dataset whose evidence rows are the 256 files written here (the dataset's own rows have none).
    const started = performance.now();
    const source = await create('backup_source', new URL(dataset.url).pathname.slice(1));
    const dataDir = join(work, 'data');
    const files = await withEvidenceFiles(source, join(dataDir, 'evidence'));
    const { rows } = await admin.query<{ bytes: string }>('SELECT pg_database_size($1) AS bytes', [new URL(source).pathname.slice(1)]);
    const databaseMiB = Number(rows[0].bytes) / 2 ** 20;
    console.log(
      `backup bench: dataset ready in ${dataset.seconds.toFixed(1)} s; copy of it with ${files} evidence files ` +
        `(${((files * EVIDENCE_FILES.bytes) / 2 ** 30).toFixed(1)} GiB) in ${((performance.now() - started) / 1000).toFixed(1)} s; database ${databaseMiB.toFixed(0)} MiB`,
    );

    const tool = (name: string, args: string[]) => run(join(bin, name), args, { maxBuffer: 16 * 1024 * 1024 });
    const cli = async (script: string, dir: string, env: Record<string, string>) => {
      const childEnv: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'warn', EVIDENCE_STORE: 'local', ...env };
      delete childEnv.NODE_OPTIONS;
      const entry = fileURLToPath(new URL(`../apps/cli/${script}.js`, import.meta.url));
      const { stdout } = await run(process.execPath, [entry, dir], { env: childEnv, maxBuffer: 16 * 1024 * 1024 });
      return stdout.trim();
    };
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    // Each run starts from a settled machine: the server's dirty pages checkpointed and the page cache written back,
    // untimed. Otherwise a run pays for the one before: `cp -r` returns with a gigabyte not yet on disk (duban's
    // copies are fsynced and pay their own) and a restore leaves the next one a checkpoint of 900 MiB.
    const timed = async (work: () => Promise<unknown>) => {
      await admin.query('CHECKPOINT');
      await run('sync', []);
      return timedMs(work);
    };

    // Each figure the least of ROUNDS runs, the bare tools' and duban's alternating. This machine's noise (other work,
    // the writeback of the run before's gigabytes, a checkpoint) only ever adds time: one pair of runs differed by a
    // third from the next, the least of a few is the steadier reading.
    let pgDumpMs = Infinity;
    let cpOutMs = Infinity;
    let backupMs = Infinity;
    let backupSaid = '';
    // The first round's backups are the ones restored below.
    const bareBackup = join(work, 'bare-backup-0');
    const dubanBackup = join(work, 'duban-backup-0');
    for (let round = 0; round < ROUNDS; round++) {
      // Backup: the bare tools, then duban's, each from the same database and evidence directory.
      const bare = join(work, `bare-backup-${round}`);
      mkdirSync(bare);
      pgDumpMs = Math.min(pgDumpMs, await timed(() => tool('pg_dump', ['--format=directory', '--compress=0', `--file=${join(bare, 'database')}`, source])));
      cpOutMs = Math.min(cpOutMs, await timed(() => run('cp', ['-r', join(dataDir, 'evidence'), join(bare, 'evidence')])));
      const duban = join(work, `duban-backup-${round}`);
      let said = '';
      const ms = await timed(async () => {
        said = await cli('backup', duban, { DATABASE_URL: source, DATA_DIR: dataDir });
      });
      if (ms < backupMs) [backupMs, backupSaid] = [ms, said];
      if (round > 0) for (const dir of [bare, duban]) rmSync(dir, { recursive: true, force: true });
    }

    let pgRestoreMs = Infinity;
    let cpInMs = Infinity;
    let restoreMs = Infinity;
    let restoreSaid = '';
    for (let round = 0; round < ROUNDS; round++) {
      // Restore: each into an empty database and an empty evidence directory, both dropped once timed.
      const bareTarget = await create(`restore_bare_${round}`);
      pgRestoreMs = Math.min(pgRestoreMs, await timed(() => tool('pg_restore', ['--exit-on-error', `--dbname=${bareTarget}`, join(bareBackup, 'database')])));
      const bareRestored = join(work, `bare-restored-${round}`);
      mkdirSync(bareRestored);
      cpInMs = Math.min(cpInMs, await timed(() => run('cp', ['-r', join(bareBackup, 'evidence'), join(bareRestored, 'evidence')])));
      const dubanTarget = await create(`restore_duban_${round}`);
      const dubanRestored = join(work, `duban-restored-${round}`);
      let said = '';
      const ms = await timed(async () => {
        said = await cli('restore', dubanBackup, { DATABASE_URL: dubanTarget, DATA_DIR: dubanRestored });
      });
      if (ms < restoreMs) [restoreMs, restoreSaid] = [ms, said];
      for (const dir of [bareRestored, dubanRestored]) rmSync(dir, { recursive: true, force: true });
      for (const target of [bareTarget, dubanTarget]) await admin.query(`DROP DATABASE ${new URL(target).pathname.slice(1)} WITH (FORCE)`);
    }
    console.log(`backup bench: ${backupSaid}\nbackup bench: ${restoreSaid}`);
    console.log(
      `backup bench: pg_dump ${seconds(pgDumpMs)}, cp -r out ${seconds(cpOutMs)}, npm run backup ${seconds(backupMs)}; ` +
        `pg_restore ${seconds(pgRestoreMs)}, cp -r in ${seconds(cpInMs)}, npm run restore ${seconds(restoreMs)}`,
    );

    // The restore's own split (its last line): the manifest check, then migrations and the load, then the checks of the
    // database; the evidence meanwhile.
    const phases = /清单校验 ([\d.]+) 秒，数据库载入 ([\d.]+) 秒，载入后的行数与审计链校验 ([\d.]+) 秒；佐证材料与此同时恢复并校验，([\d.]+) 秒/
      .exec(restoreSaid)
      ?.slice(1)
      .map((x) => Number(x) * 1000);
    const what = `${DATASET.tasks} tasks, ${DATASET.auditEntries} audit entries (database ${databaseMiB.toFixed(0)} MiB), ${files} evidence files of 4 MiB`;
    return [
      {
        figure: `npm run backup (least of ${ROUNDS} runs, as the baseline): ${what}`,
        valueMs: backupMs,
        baselineMs: pgDumpMs + cpOutMs,
        baseline: 'pg_dump -Fd -Z0 + cp -r of the evidence',
        targetMs: (pgDumpMs + cpOutMs) * 1.5,
      },
      {
        figure: `npm run restore, verified: the same backup into an empty database (least of ${ROUNDS})`,
        valueMs: restoreMs,
        baselineMs: pgRestoreMs + cpInMs,
        baseline: 'pg_restore + cp -r of the evidence',
        targetMs: (pgRestoreMs + cpInMs) * 1.5,
      },
      ...(phases
        ? [
            {
              figure: '  of which the manifest check, migrations and the load (what pg_restore does)',
              valueMs: phases[0] + phases[1],
              baselineMs: pgRestoreMs,
              baseline: 'pg_restore',
            },
            {
              figure: '  of which, after the load, the row counts and the audit chain link by link',
              valueMs: phases[2],
              baselineMs: pgRestoreMs,
              baseline: 'pg_restore',
            },
            {
              figure: '  the evidence back and every file checked (during the load and the checks)',
              valueMs: phases[3],
              baselineMs: cpInMs,
              baseline: 'cp -r of the evidence',
            },
          ]
        : []),
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function timedMs(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Keeps the first EVIDENCE_FILES.count evidence rows of `url` (by id), each now naming a file of random bytes
 * written under `root` at its storage key with its size and SHA-256 as an upload records them; deletes the others.
 */
async function withEvidenceFiles(url: string, root: string): Promise<number> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const kept = (await db.query<{ id: string; storage_key: string }>('SELECT id, storage_key FROM evidence ORDER BY id LIMIT $1', [EVIDENCE_FILES.count]))
      .rows;
    const hashes: string[] = [];
    for (const row of kept) {
      const bytes = randomBytes(EVIDENCE_FILES.bytes);
      const path = join(root, row.storage_key);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
      hashes.push(createHash('sha256').update(bytes).digest('hex'));
    }
    await db.query('DELETE FROM evidence WHERE NOT (id = ANY($1::uuid[]))', [kept.map((r) => r.id)]);
    await db.query('UPDATE evidence e SET size = $3, sha256 = f.sha256 FROM unnest($1::uuid[], $2::text[]) AS f(id, sha256) WHERE e.id = f.id', [
      kept.map((r) => r.id),
      hashes,
      EVIDENCE_FILES.bytes,
    ]);
    await db.query('VACUUM ANALYZE evidence');
    return kept.length;
  } finally {
    await db.end();
  }
}
