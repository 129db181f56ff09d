/**
 * `npm run backup -- DIR`, while duban runs: the database from one consistent snapshot (libs/db/backup.ts) and, while
 * its tables are written out, every evidence file the snapshot refers to (copied once it is taken, so each is there;
 * the copy's hash checked against the one its upload recorded), and `manifest.json` with the row counts, the audit chain's head and the SHA-256 of every file. With
 * EVIDENCE_STORE=s3 the objects are listed with their hashes, not copied (the bucket keeps its own copies).
 * DIR must be empty or new. Exit code 0 when complete, 1 when an evidence file is missing or altered, 2 when it
 * cannot run.
 */
import './threadpool.js';
import 'reflect-metadata';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../libs/config/app-config.js';
import { type DatabaseSnapshot, dumpDatabase } from '../../libs/db/backup.js';
import { startEmbeddedPostgres } from '../../libs/db/embedded-postgres.js';
import { copyEvidenceFiles } from './evidence-copy-worker.js';
import { writeManifest } from './backup-files.js';

const target = process.argv[2];
if (!target) {
  console.error('用法：npm run backup -- 备份目录');
  process.exit(2);
}
const dir = resolve(target);
let stopDatabase = async (): Promise<void> => undefined;
try {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`备份目录不是空的：${dir}`);
  const config = loadConfig();
  // Beside a running duban on the embedded defaults this shares its server (startEmbeddedPostgres finds it).
  const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres(config.DATA_DIR);
  if (embedded) stopDatabase = () => embedded.stop();
  const url = config.DATABASE_URL ?? embedded!.url;
  mkdirSync(join(dir, 'database'), { recursive: true });
  const started = Date.now();
  const store = config.EVIDENCE_STORE === 's3' ? 's3' : 'local';
  const problems: string[] = [];
  const evidenceHashes: Record<string, string> = {};
  // The evidence the snapshot refers to, copied while the server writes out the tables (the disk and the server at
  // once) and hashed in a worker thread (evidence-copy-worker.ts), the main thread left to the tables: each file
  // listed existed when the snapshot was taken, so each is there.
  const copyEvidence = async (evidence: DatabaseSnapshot['evidence']): Promise<void> => {
    if (store !== 'local') return;
    const keys = evidence.map((file) => file.storageKey);
    const copied = await copyEvidenceFiles({ store: join(config.DATA_DIR, 'evidence'), backup: join(dir, 'evidence'), direction: 'out', keys });
    for (const [at, copy] of copied.entries()) {
      if ('error' in copy) problems.push(`无法读取佐证文件 ${copy.key}：${copy.error}`);
      else {
        if (copy.sha256 !== evidence[at].sha256) problems.push(`佐证文件与登记的 SHA-256 不符：${copy.key}`);
        // The manifest takes the hash from here instead of reading the file a second time.
        evidenceHashes[`evidence/${copy.key}`] = copy.sha256;
      }
    }
  };
  const { snapshot, files } = await dumpDatabase(url, dir, copyEvidence);
  Object.assign(files, evidenceHashes);
  const manifest = await writeManifest(dir, { createdAt: new Date().toISOString(), database: snapshot, evidenceStore: store }, files);
  const rows = Object.values(snapshot.rowCounts).reduce((a, b) => a + b, 0);
  console.log(
    `已备份到 ${dir}：${Object.keys(snapshot.rowCounts).length} 张表共 ${rows} 行，佐证材料 ${snapshot.evidence.length} 个` +
      `（${store === 'local' ? '已复制' : 'S3 对象仅登记清单与哈希'}），审计链至第 ${snapshot.auditHead?.seq ?? 0} 条；` +
      `${Object.keys(manifest.files).length} 个文件的 SHA-256 见 manifest.json；用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`,
  );
  for (const problem of problems) console.error(problem);
  process.exitCode = problems.length > 0 ? 1 : 0;
} catch (error) {
  console.error(`无法备份：${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  await stopDatabase();
}
