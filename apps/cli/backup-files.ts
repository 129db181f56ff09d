/** The backup folder's layout and manifest, shared by `npm run backup` and `npm run restore`. */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable, type Readable } from 'node:stream';
import type { DatabaseSnapshot } from '../../libs/db/backup.js';

export const MANIFEST = 'manifest.json';
const FORMAT = 'duban-backup/1';

export interface BackupManifest {
  format: typeof FORMAT;
  createdAt: string;
  database: DatabaseSnapshot;
  /** Where the evidence lives: copied into `evidence/` (local), or listed only (s3, which keeps its own copies). */
  evidenceStore: 'local' | 's3';
  /** SHA-256 of every file of the backup but the manifest, by path relative to the folder. */
  files: Record<string, string>;
}

/** The SHA-256 (hex) of a stream, passed through to `into` when given. */
export async function sha256Of(source: Readable, into?: Writable): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(
    source,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        if (into && !into.write(chunk)) into.once('drain', () => done());
        else done();
      },
      final(done) {
        if (into) into.end(done);
        else done();
      },
    }),
  );
  return hash.digest('hex');
}

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name), root) : [relative(root, join(dir, entry.name))],
  );
}

/** Runs `work` on every item, at most `width` at a time (file copies and hashes overlap one file's I/O with another's). */
export async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** Files hashed at once when a manifest is made or checked. */
const HASHING = 4;
/** Large reads: hashing a gigabyte in 64 KiB chunks spent more on the chunks than on the hash. */
export const READ = { highWaterMark: 1024 * 1024 };

/**
 * Writes `manifest.json` listing every file of `dir` with its SHA-256: `known`'s for the files hashed as they were
 * written, read back for any other.
 */
export async function writeManifest(
  dir: string,
  manifest: Omit<BackupManifest, 'format' | 'files'>,
  known: Record<string, string> = {},
): Promise<BackupManifest> {
  const paths = listFiles(dir)
    .filter((p) => p !== MANIFEST)
    .sort();
  const hashes = new Map<string, string>();
  await inParallel(paths, HASHING, async (path) => {
    hashes.set(path, known[path] ?? (await sha256Of(createReadStream(join(dir, path), READ))));
  });
  const files = Object.fromEntries(paths.map((path) => [path, hashes.get(path)!]));
  const complete: BackupManifest = { format: FORMAT, ...manifest, files };
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(complete, null, 2)}\n`);
  return complete;
}

/**
 * The manifest, once every file it lists is present with its hash and no other file is there; else the problems.
 * `checkedLater(manifest)` names files not hashed here: the caller holds each against the manifest as it reads it
 * (the restore, as it loads them), and must fail if one differs.
 */
export async function readVerifiedManifest(
  dir: string,
  checkedLater: (manifest: BackupManifest) => ReadonlySet<string> = () => new Set(),
): Promise<{ manifest: BackupManifest } | { problems: string[] }> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as BackupManifest;
  } catch (error) {
    return { problems: [`无法读取 ${join(dir, MANIFEST)}：${(error as Error).message}`] };
  }
  if (manifest.format !== FORMAT) return { problems: [`不认识的备份格式：${String(manifest.format)}`] };
  const problems: string[] = [];
  const present = new Set(listFiles(dir).filter((p) => p !== MANIFEST));
  const listed: Array<[string, string]> = [];
  for (const [path, expected] of Object.entries(manifest.files)) {
    if (present.delete(path)) listed.push([path, expected]);
    else problems.push(`缺少文件：${path}`);
  }
  const later = checkedLater(manifest);
  const altered = new Set<string>();
  await inParallel(
    listed.filter(([path]) => !later.has(path)),
    HASHING,
    async ([path, expected]) => {
      if ((await sha256Of(createReadStream(join(dir, path), READ))) !== expected) altered.add(path);
    },
  );
  // In the manifest's order, whatever order the hashes finished in.
  for (const [path] of listed) if (altered.has(path)) problems.push(`文件内容与清单中的 SHA-256 不符：${path}`);
  for (const extra of present) problems.push(`清单之外的文件：${extra}`);
  return problems.length > 0 ? { problems } : { manifest };
}
