/**
 * `npm run restore -- DIR`: a backup made by `npm run backup` into an empty DATA_DIR (the embedded server) or an
 * empty DATABASE_URL, then verified: every file against the manifest first (nothing is restored from a damaged
 * backup), then, restored, the row counts against the manifest, the evidence the database lists against it, the audit
 * chain link by link, and every evidence file against its recorded hash (the evidence restored while the database
 * loads). Exit code 0 when restored and verified, 1 when the backup
 * or the verification fails, 2 when it cannot run.
 */
import 'reflect-metadata';
import { createReadStream, existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditService } from '../../libs/audit/audit.service.js';
import { loadConfig } from '../../libs/config/app-config.js';
import { countRows, isEmptyDatabase, listEvidence, loadDatabase } from '../../libs/db/backup.js';
import { dataSourceOptions, migrateDatabase } from '../../libs/db/data-source.js';
import { startEmbeddedPostgres } from '../../libs/db/embedded-postgres.js';
import { AuditRepository } from '../../libs/db/repositories/audit.repository.js';
import { Transactions } from '../../libs/db/transaction.js';
import { createEvidenceStorage } from '../../libs/storage/storage.module.js';
import { inParallel, readVerifiedManifest, sha256Of } from './backup-files.js';

/** Evidence files restored at once. */
const EVIDENCE_COPIES = 4;
/** Reads of a backup's file: large, so a gigabyte of evidence is a few thousand reads, not tens of thousands. */
const READ = { highWaterMark: 1024 * 1024 };

const source = process.argv[2];
if (!source) {
  console.error('用法：npm run restore -- 备份目录');
  process.exit(2);
}
const dir = resolve(source);
let stopDatabase = async (): Promise<void> => undefined;
try {
  const started = Date.now();
  const checked = await readVerifiedManifest(dir);
  const checkedAt = Date.now();
  if ('problems' in checked) {
    console.error(`备份不完整或已损坏，未恢复任何数据：\n  ${checked.problems.join('\n  ')}`);
    process.exit(1);
  }
  const { manifest } = checked;
  const config = loadConfig();
  if (manifest.evidenceStore === 'local' && config.EVIDENCE_STORE !== 'local') throw new Error('备份中的佐证材料在本地目录，请以 EVIDENCE_STORE=local 恢复');
  const evidenceDir = join(config.DATA_DIR, 'evidence');
  if (config.EVIDENCE_STORE === 'local' && existsSync(evidenceDir) && readdirSync(evidenceDir).length > 0) throw new Error(`佐证目录不是空的：${evidenceDir}`);
  const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres(config.DATA_DIR);
  if (embedded) stopDatabase = () => embedded.stop();
  const url = config.DATABASE_URL ?? embedded!.url;
  if (!(await isEmptyDatabase(url))) throw new Error('目标数据库已有数据：恢复只写入空的数据库（新的 DATA_DIR 或新建的 DATABASE_URL）');
  const storage = createEvidenceStorage(config);

  // The evidence (the disk) while the database loads and is checked (the server and this process's CPU): each file
  // put back and read back, its hash held against the one the snapshot recorded (the restored database's, checked
  // below).
  const restoreEvidence = async (): Promise<{ problems: string[]; ms: number }> => {
    const begun = Date.now();
    const problems: string[] = [];
    await inParallel(manifest.database.evidence, EVIDENCE_COPIES, async (file) => {
      try {
        if (manifest.evidenceStore === 'local') await storage.put(file.storageKey, createReadStream(join(dir, 'evidence', file.storageKey), READ));
        if ((await sha256Of(await storage.get(file.storageKey))) !== file.sha256) problems.push(`佐证文件与登记的 SHA-256 不符：${file.storageKey}`);
      } catch (error) {
        problems.push(`佐证文件不可读：${file.storageKey}（${(error as Error).message}）`);
      }
    });
    return { problems, ms: Date.now() - begun };
  };
  // Verified as restored: the rows, the evidence the database lists (what the files were held against), the audit
  // chain link by link.
  const restoreDatabase = async () => {
    await migrateDatabase(url);
    await loadDatabase(url, dir, manifest.database);
    const loaded = Date.now();
    const problems: string[] = [];
    const counts = await countRows(url, Object.keys(manifest.database.rowCounts));
    for (const [table, expected] of Object.entries(manifest.database.rowCounts)) {
      if (counts[table] !== expected) problems.push(`表 ${table}：应有 ${expected} 行，恢复后 ${counts[table]} 行`);
    }
    if (JSON.stringify(await listEvidence(url)) !== JSON.stringify(manifest.database.evidence))
      problems.push('恢复后的佐证材料登记（文件名、大小、SHA-256）与清单不一致');
    const dataSource = new DataSource(dataSourceOptions(url, { extra: { max: 2, application_name: 'duban-restore' } }));
    await dataSource.initialize();
    const tx = new Transactions(dataSource);
    const chain = await new AuditService(new AuditRepository(tx), tx).verify().finally(() => dataSource.destroy());
    if (chain.broken) problems.push(`审计链在第 ${chain.broken.seq} 条断裂（${chain.broken.reason}）`);
    if (manifest.database.auditHead && chain.checked !== manifest.database.auditHead.seq) {
      problems.push(`审计链应有 ${manifest.database.auditHead.seq} 条，恢复后校验了 ${chain.checked} 条`);
    }
    return { problems, counts, checked: chain.checked, loadMs: loaded - checkedAt, verifyMs: Date.now() - loaded };
  };
  const evidenceRestored = restoreEvidence();
  const [database, evidence] = await Promise.allSettled([restoreDatabase(), evidenceRestored]);
  await storage.close();
  if (database.status === 'rejected') {
    // Nothing half restored is left behind: the evidence directory was empty (or absent) before.
    if (manifest.evidenceStore === 'local') rmSync(evidenceDir, { recursive: true, force: true });
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
      `已恢复并校验 ${dir}（备份于 ${manifest.createdAt}）：${rows} 行与清单一致，审计链 ${chainChecked} 条完好，佐证材料 ${manifest.database.evidence.length} 个哈希一致；${timing}`,
    );
    process.exitCode = 0;
  }
} catch (error) {
  console.error(`无法恢复：${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  await stopDatabase();
}
