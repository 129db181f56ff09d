/**
 * A worker thread of `npm run backup` and `npm run restore`: the evidence files copied between the local store and
 * the backup's `evidence/` by the kernel (copyFile; into the store fsynced and renamed, as an upload is), and each copy
 * hashed (the bytes written, read back from the page cache). In a thread of its own because the main thread is the
 * limit of both: it takes the tables' COPY protocol, their hashes and writes, and hashing the gigabyte of evidence
 * there too kept it busy for the whole backup.
 */
import { createReadStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { LocalEvidenceStorage } from '../../libs/storage/local-evidence-storage.js';
import { inParallel, READ, sha256Of } from './backup-files.js';

export interface EvidenceCopyTask {
  /** The local evidence store's directory. */
  store: string;
  /** The backup folder's `evidence/` directory. */
  backup: string;
  /** `out` from the store into the backup (the backup); `in` from the backup into the store (the restore). */
  direction: 'out' | 'in';
  keys: string[];
}

/** A file's copy: the SHA-256 of the bytes written, or why it could not be copied. */
export type EvidenceCopied = { key: string; sha256: string } | { key: string; error: string };

/** Files copied at once: one file's hashing overlaps another's copy. */
const COPIES = 4;

async function copyAll({ store, backup, direction, keys }: EvidenceCopyTask): Promise<EvidenceCopied[]> {
  const storage = new LocalEvidenceStorage(store);
  const copied: EvidenceCopied[] = [];
  await inParallel([...keys.entries()], COPIES, async ([at, key]) => {
    const inBackup = join(backup, key);
    try {
      if (direction === 'out') {
        mkdirSync(dirname(inBackup), { recursive: true });
        await storage.copyOut(key, inBackup);
        copied[at] = { key, sha256: await sha256Of(createReadStream(inBackup, READ)) };
      } else {
        await storage.copyIn(key, inBackup);
        copied[at] = { key, sha256: await sha256Of(await storage.get(key)) };
      }
    } catch (error) {
      copied[at] = { key, error: (error as Error).message };
    }
  });
  return copied;
}

/** Copies the files in a worker thread; the copies in the order of `task.keys`. */
export async function copyEvidenceFiles(task: EvidenceCopyTask): Promise<EvidenceCopied[]> {
  const worker = new Worker(new URL(import.meta.url), { workerData: task });
  try {
    return await new Promise<EvidenceCopied[]>((done, fail) => {
      worker.once('message', done);
      worker.once('error', fail);
      worker.once('exit', (code) => fail(new Error(`复制佐证材料的线程意外退出（退出码 ${code}）`)));
    });
  } finally {
    await worker.terminate();
  }
}

// Only in the thread copyEvidenceFiles starts (the module is imported by the main thread too).
if (parentPort && (workerData as Partial<EvidenceCopyTask> | null)?.keys) {
  const port = parentPort;
  void copyAll(workerData as EvidenceCopyTask).then((copied) => port.postMessage(copied));
}
