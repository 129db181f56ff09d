/**
 * A worker thread of `npm run restore`: a stretch of the audit chain recomputed link by link from the backup's
 * `audit_log` file while the database loads it (these cores while the server's is busy with the COPY), instead of
 * walking the restored table after the load. The file is cut into byte ranges at line ends, one worker each, so the
 * machine's cores share the chain; each stretch starts from what its first entry claims, and the restore joins them
 * (`joinChainRanges`: each claim held against the end of the stretch before) and holds the end against the audit head
 * the manifest recorded. That pins the bytes checked here to the backup's without hashing the file again: every
 * column of `audit_log` is in the chain, and an intact chain that ends at the recorded head hash is the recorded one.
 * The load holds the bytes it sends against the manifest's SHA-256 and commits them or nothing, and the restore
 * compares the row counts. The restore walks the restored table instead whenever this does not find the whole chain
 * intact (a file not in `seq` order, a server writing another date style), so a break is always reported as
 * `npm run audit:verify` reports it.
 */
import { createReadStream } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { type ChainRange, verifyChainRange } from '../../libs/audit/audit-chain.js';
import { CHAIN_COLUMNS } from '../../libs/db/chain-link.js';
import { copyChainLinks } from '../../libs/db/chain-text.js';

export interface ChainFileTask {
  /** The `audit_log` table file of the backup. */
  path: string;
  /** `audit_log`'s columns in the table's order (the file's). */
  columns: string[];
  /** The bytes of the file to check, from `start` (a line's first) up to `end` (exclusive; after a line's end). */
  start: number;
  end: number;
}

/** The stretch as checked, or null when it could not be read as chain entries (the restore then walks the table). */
export type ChainFileResult = ChainRange | null;

async function verifyChainFile(task: ChainFileTask): Promise<ChainFileResult> {
  const at = CHAIN_COLUMNS.map((name) => task.columns.indexOf(name));
  if (at.includes(-1)) return null;
  if (task.end <= task.start) return { checked: 0, broken: null, first: null, last: null };
  const source = createReadStream(task.path, { start: task.start, end: task.end - 1, highWaterMark: 1024 * 1024 });
  // Stopped at a break, the rest unread: the restore walks the table.
  return verifyChainRange(copyChainLinks(source, at, task.columns.length), 'as claimed');
}

if (parentPort) {
  // The load is what the restore waits for; this check only has to end with it. On Linux a thread's nice value is its
  // own (setpriority of the calling thread), so the server's COPY and the main thread that feeds it and copies the
  // evidence go first and these take what is left: on the bench's two cores the load's COPY took 7 s instead of 10.
  if (process.platform === 'linux') setPriority(19);
  const port = parentPort;
  verifyChainFile(workerData as ChainFileTask).then(
    (result) => port.postMessage(result),
    () => port.postMessage(null satisfies ChainFileResult),
  );
}
