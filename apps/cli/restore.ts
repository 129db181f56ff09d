/**
 * `npm run restore -- DIR`: a backup made by `npm run backup` into an empty DATA_DIR (the embedded server) or an
 * empty DATABASE_URL, then verified: every file against the manifest (the manifest's list first; each table's file
 * hashed as it streams into COPY and each evidence file as it is copied back, the load committed only once all
 * matched: from a damaged backup nothing stays restored), then, restored, the row counts against the manifest, the
 * evidence the database lists against it and the audit chain link by link (the evidence restored while the database
 * loads; each file's hash, taken as it is written, is the one the snapshot recorded). Exit code 0 when restored and
 * verified, 1 when the backup or the verification fails, 2 when it cannot run.
 */
import './threadpool.js';
import 'reflect-metadata';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { DataSource } from 'typeorm';
import { AuditService } from '../../libs/audit/audit.service.js';
import { loadConfig } from '../../libs/config/app-config.js';
import {
  BackupFileAltered,
  countRows,
  dropCreatedSince,
  isEmptyDatabase,
  listEvidence,
  loadDatabase,
  schemaObjects,
  tableColumns,
} from '../../libs/db/backup.js';
import { dataSourceOptions, migrateDatabase } from '../../libs/db/data-source.js';
import { startEmbeddedPostgres } from '../../libs/db/embedded-postgres.js';
import { AuditRepository } from '../../libs/db/repositories/audit.repository.js';
import { Transactions } from '../../libs/db/transaction.js';
import { createEvidenceStorage } from '../../libs/storage/storage.module.js';
import { type BackupManifest, inParallel, readVerifiedManifest, sha256Of } from './backup-files.js';
import { copyEvidenceFiles } from './evidence-copy-worker.js';
import type { ChainFileResult, ChainFileTask } from './restore-chain-worker.js';
import { type ChainRange, joinChainRanges } from '../../libs/audit/audit-chain.js';
import { rowRanges } from '../../libs/db/copy-text.js';

/** S3 objects read and hashed at once. */
const EVIDENCE_READS = 4;

/** A backup a file of which is not as its manifest recorded, found while restoring (all it restored undone). */
class BackupDamaged extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/**
 * Workers that recompute the audit chain from the backup's file (`restore-chain-worker.ts`): one per core, so the two
 * of the bench machine share it (one worker took 20 s a million entries under load, and finished after the load).
 */
const CHAIN_WORKERS = Math.min(2, availableParallelism());

/**
 * The audit chain of the backup's `audit_log` file checked in worker threads, a stretch of the file each: `intact` when
 * the stretches join into one chain from the first entry to the head the manifest recorded (its seq and hash). At the
 * first break any worker finds the others are stopped: the restore then walks the restored table, which names it.
 * `stop` ends them all early.
 */
function chainOfFile(
  path: string,
  columns: string[],
  head: { seq: number; hash: string },
): { result: Promise<{ checked: number; intact: boolean }>; stop: () => Promise<void> } {
  const workers: Worker[] = [];
  let stopped = false;
  const stop = async () => {
    stopped = true;
    await Promise.all(workers.map((worker) => worker.terminate()));
  };
  const result = (async () => {
    const ranges = await rowRanges(path, CHAIN_WORKERS);
    if (stopped) return { checked: 0, intact: false };
    const stretches = ranges.map(({ start, end }) => {
      const worker = new Worker(new URL('./restore-chain-worker.js', import.meta.url), { workerData: { path, columns, start, end } satisfies ChainFileTask });
      workers.push(worker);
      return new Promise<ChainFileResult>((done) => {
        worker.once('message', (message: ChainFileResult) => done(message));
        // Whatever goes wrong in a worker, the restored table is walked instead.
        worker.once('error', () => done(null));
        worker.once('exit', () => done(null));
      }).then((stretch) => {
        if (stretch === null || stretch.broken) void stop();
        return stretch;
      });
    });
    const checkedStretches = await Promise.all(stretches);
    await stop();
    const read = checkedStretches.filter((stretch): stretch is ChainRange => stretch !== null);
    if (read.length < checkedStretches.length) return { checked: 0, intact: false };
    const chain = joinChainRanges(read);
    return { checked: chain.checked, intact: chain.broken === null && chain.last?.seq === head.seq && chain.last.hash === head.hash };
  })().catch(() => ({ checked: 0, intact: false }));
  return { result, stop };
}

const source = process.argv[2];
if (!source) {
  console.error('用法：npm run restore -- 备份目录');
  process.exit(2);
}
const dir = resolve(source);
let stopDatabase = async (): Promise<void> => undefined;
try {
  const started = Date.now();
  // Hashed as they are restored (below), not in a pass of their own: the tables' files and the evidence copied back.
  const hashedOnRestore = (m: BackupManifest) =>
    new Set([
      ...Object.keys(m.database.rowCounts).map((t) => `database/${t}.copy`),
      ...(m.evidenceStore === 'local' ? m.database.evidence.map((f) => `evidence/${f.storageKey}`) : []),
    ]);
  const checked = await readVerifiedManifest(dir, hashedOnRestore);
  const checkedAt = Date.now();
  if ('problems' in checked) {
    console.error(`备份不完整或已损坏，未恢复任何数据：\n  ${checked.problems.join('\n  ')}`);
    process.exit(1);
  }
  const { manifest } = checked;
  // The manifest's own consistency: a file for every table and, copied, every evidence file with the hash recorded.
  const unlisted = [
    ...Object.keys(manifest.database.rowCounts)
      .map((t) => `database/${t}.copy`)
      .filter((path) => manifest.files[path] === undefined),
    ...(manifest.evidenceStore === 'local'
      ? manifest.database.evidence.filter((f) => manifest.files[`evidence/${f.storageKey}`] !== f.sha256).map((f) => `evidence/${f.storageKey}`)
      : []),
  ];
  if (unlisted.length > 0) {
    console.error(`备份不完整或已损坏，未恢复任何数据：\n  ${unlisted.map((path) => `清单未登记或与佐证登记不符：${path}`).join('\n  ')}`);
    process.exit(1);
  }
  const config = loadConfig();
  if (manifest.evidenceStore === 'local' && config.EVIDENCE_STORE !== 'local') throw new Error('备份中的佐证材料在本地目录，请以 EVIDENCE_STORE=local 恢复');
  const evidenceDir = join(config.DATA_DIR, 'evidence');
  if (config.EVIDENCE_STORE === 'local' && existsSync(evidenceDir) && readdirSync(evidenceDir).length > 0) throw new Error(`佐证目录不是空的：${evidenceDir}`);
  const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres(config.DATA_DIR);
  if (embedded) stopDatabase = () => embedded.stop();
  const url = config.DATABASE_URL ?? embedded!.url;
  if (!(await isEmptyDatabase(url))) throw new Error('目标数据库已有数据：恢复只写入空的数据库（新的 DATA_DIR 或新建的 DATABASE_URL）');
  const storage = createEvidenceStorage(config);

  // The evidence (the disk) while the database loads and is checked (the server and this process's CPU). A backup file
  // is copied back by the kernel and the copy hashed in a worker thread (evidence-copy-worker.ts), the main thread left
  // to the load, and held against the manifest, whose hash is the one the snapshot recorded (checked above; the
  // restored database's list is held against the snapshot's below): the bytes hashed are the bytes restored, and the
  // backup's file is not hashed in a pass of its own. A file that differs is `altered`: the load is then not
  // committed. From S3 (listed, not copied) each object is read and hashed.
  const restoreEvidence = async (): Promise<{ problems: string[]; altered: string[]; ms: number }> => {
    const begun = Date.now();
    const problems: string[] = [];
    const altered: string[] = [];
    const unreadable = (key: string, message: string) => problems.push(`佐证文件不可读：${key}（${message}）`);
    if (manifest.evidenceStore === 'local') {
      const keys = manifest.database.evidence.map((f) => f.storageKey);
      // In the manifest's order, whatever order the copies finished in.
      for (const copy of await copyEvidenceFiles({ store: evidenceDir, backup: join(dir, 'evidence'), direction: 'in', keys })) {
        const path = `evidence/${copy.key}`;
        if ('error' in copy) unreadable(copy.key, copy.error);
        else if (copy.sha256 !== manifest.files[path]) altered.push(path);
      }
      return { problems, altered, ms: Date.now() - begun };
    }
    await inParallel(manifest.database.evidence, EVIDENCE_READS, async (file) => {
      try {
        if ((await sha256Of(await storage.get(file.storageKey))) !== file.sha256) problems.push(`佐证文件与登记的 SHA-256 不符：${file.storageKey}`);
      } catch (error) {
        unreadable(file.storageKey, (error as Error).message);
      }
    });
    return { problems, altered, ms: Date.now() - begun };
  };
  // Verified as restored: the rows, the evidence the database lists (what the files were held against), the audit
  // chain link by link.
  const restoreDatabase = async () => {
    await migrateDatabase(url);
    // The chain recomputed from the audit_log file in workers while the server loads it (restore-chain-worker.ts).
    const auditFile = 'database/audit_log.copy';
    const { auditHead } = manifest.database;
    const chainFile =
      manifest.database.rowCounts.audit_log !== undefined && auditHead
        ? chainOfFile(join(dir, auditFile), await tableColumns(url, 'audit_log'), auditHead)
        : null;
    const loading = loadDatabase(url, dir, manifest.database, {
      files: manifest.files,
      // Committed only once every evidence file copied back matched the manifest.
      beforeCommit: async () => {
        const { altered } = await evidenceRestored;
        if (altered.length > 0) throw new BackupFileAltered(altered[0]);
      },
    });
    await loading.catch(async (error: unknown) => {
      await chainFile?.stop();
      throw error;
    });
    const loaded = Date.now();
    const problems: string[] = [];
    const counts = await countRows(url, Object.keys(manifest.database.rowCounts));
    for (const [table, expected] of Object.entries(manifest.database.rowCounts)) {
      if (counts[table] !== expected) problems.push(`表 ${table}：应有 ${expected} 行，恢复后 ${counts[table]} 行`);
    }
    if (JSON.stringify(await listEvidence(url)) !== JSON.stringify(manifest.database.evidence))
      problems.push('恢复后的佐证材料登记（文件名、大小、SHA-256）与清单不一致');
    const head = manifest.database.auditHead?.seq ?? 0;
    const fromFile = await chainFile?.result;
    const walkTable = async () => {
      // The restored table walked as `npm run audit:verify` walks it: the first break named as it names it.
      const dataSource = new DataSource(dataSourceOptions(url, { extra: { max: 2, application_name: 'duban-restore' } }));
      await dataSource.initialize();
      const tx = new Transactions(dataSource);
      return new AuditService(new AuditRepository(tx), tx).verify().finally(() => dataSource.destroy());
    };
    const fileHeld = fromFile?.intact === true && fromFile.checked === head;
    const chain = fileHeld ? { checked: fromFile.checked, broken: null } : await walkTable();
    if (chain.broken) problems.push(`审计链在第 ${chain.broken.seq} 条断裂（${chain.broken.reason}）`);
    if (manifest.database.auditHead && chain.checked !== manifest.database.auditHead.seq) {
      problems.push(`审计链应有 ${manifest.database.auditHead.seq} 条，恢复后校验了 ${chain.checked} 条`);
    }
    return {
      problems,
      counts,
      checked: chain.checked,
      chainFrom: fileHeld ? '载入时由备份文件重算' : '逐条遍历恢复后的表',
      loadMs: loaded - checkedAt,
      verifyMs: Date.now() - loaded,
    };
  };
  // What the target held before the migrations: on a failure, what they made is dropped again.
  const before = await schemaObjects(url);
  const evidenceRestored = restoreEvidence();
  const [database, evidence] = await Promise.allSettled([restoreDatabase(), evidenceRestored]);
  await storage.close();
  if (database.status === 'rejected') {
    // Nothing half restored is left behind: the load was rolled back, what the migrations made is dropped, and the
    // evidence directory was empty (or absent) before.
    if (manifest.evidenceStore === 'local') rmSync(evidenceDir, { recursive: true, force: true });
    await dropCreatedSince(url, before);
    if (database.reason instanceof BackupFileAltered) {
      const altered = evidence.status === 'fulfilled' ? evidence.value.altered : [];
      const paths = [...new Set([database.reason.path, ...altered])];
      throw new BackupDamaged(paths.map((path) => `文件内容与清单中的 SHA-256 不符：${path}`));
    }
    throw database.reason;
  }
  if (evidence.status === 'rejected') throw evidence.reason;
  const { counts, checked: chainChecked } = database.value;
  const problems = [...database.value.problems, ...evidence.value.problems];
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const timing =
    `用时 ${seconds(Date.now() - started)} 秒（清单校验 ${seconds(checkedAt - started)} 秒，数据库载入 ${seconds(database.value.loadMs)} 秒，` +
    `载入后的行数与审计链校验 ${seconds(database.value.verifyMs)} 秒；佐证材料与此同时恢复并校验，${seconds(evidence.value.ms)} 秒）`;
  if (problems.length > 0) {
    console.error(`已恢复，但校验未通过：\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(
      `已恢复并校验 ${dir}（备份于 ${manifest.createdAt}）：${rows} 行与清单一致，审计链 ${chainChecked} 条完好（${database.value.chainFrom}），佐证材料 ${manifest.database.evidence.length} 个哈希一致；${timing}`,
    );
    process.exitCode = 0;
  }
} catch (error) {
  if (error instanceof BackupDamaged) {
    console.error(`备份不完整或已损坏，未恢复任何数据：\n  ${error.problems.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.error(`无法恢复：${(error as Error).message}`);
    process.exitCode = 2;
  }
} finally {
  await stopDatabase();
}
