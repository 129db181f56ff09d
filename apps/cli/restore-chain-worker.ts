/**
 * A worker thread of `npm run restore`: the audit chain recomputed link by link from the backup's `audit_log` file
 * while the database loads it (this core while the server's is busy with the COPY), instead of walking the restored
 * table after the load. The file is hashed on the way and held against the manifest, as the load holds the bytes it
 * sends; the load commits those same bytes (or nothing), and the restore compares the row counts. The restore walks the
 * restored table instead whenever this does not find the whole chain intact (a file not in `seq` order, a server
 * writing another date style), so a break is always reported as `npm run audit:verify` reports it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { verifyChain, type ChainEntry } from '../../libs/audit/audit-chain.js';
import { CHAIN_COLUMNS, chainEntry } from '../../libs/db/chain-entry.js';
import { copyTextRows } from '../../libs/db/copy-text.js';

export interface ChainFileTask {
  /** The `audit_log` table file of the backup. */
  path: string;
  /** `audit_log`'s columns in the table's order (the file's). */
  columns: string[];
  /** The manifest's SHA-256 of the file. */
  sha256: string;
}

export interface ChainFileResult {
  checked: number;
  /** The chain held from the first entry to the last, and the file was the manifest's. */
  intact: boolean;
}

async function verifyChainFile(task: ChainFileTask): Promise<ChainFileResult> {
  const at = CHAIN_COLUMNS.map((name) => task.columns.indexOf(name));
  if (at.includes(-1)) return { checked: 0, intact: false };
  const hash = createHash('sha256');
  const source = createReadStream(task.path, { highWaterMark: 1024 * 1024 });
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  source.on('error', (error) => tap.destroy(error));
  async function* pages(): AsyncGenerator<ChainEntry[]> {
    for await (const rows of copyTextRows(source.pipe(tap))) yield rows.map((f) => chainEntry(at.map((i) => f[i]!)));
  }
  const { checked, broken } = await verifyChain(pages());
  // Stopped at a break: the rest unread, the file's hash unknown; the restore walks the table.
  if (broken) return { checked, intact: false };
  return { checked, intact: hash.digest('hex') === task.sha256 };
}

if (parentPort) {
  const port = parentPort;
  verifyChainFile(workerData as ChainFileTask).then(
    (result) => port.postMessage(result),
    () => port.postMessage({ checked: 0, intact: false } satisfies ChainFileResult),
  );
}
