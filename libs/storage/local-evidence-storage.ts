import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, constants, copyFile, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EvidenceObjectMissingError, EvidenceStorage } from './evidence-storage.js';

/** Evidence on the local disk under `root`: written to a temporary name, fsynced, then renamed into place. */
export class LocalEvidenceStorage extends EvidenceStorage {
  private readonly root: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  async put(key: string, body: Readable): Promise<{ size: number }> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.${randomUUID()}.part`;
    let size = 0;
    body.on('data', (chunk: Buffer) => (size += chunk.length));
    try {
      await pipeline(body, createWriteStream(partial, { flags: 'wx' }));
      const handle = await open(partial, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(partial, target);
      return { size };
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    await access(path, constants.R_OK).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new EvidenceObjectMissingError(key, { cause: error }) : error;
    });
    return createReadStream(path, { highWaterMark: 256 * 1024 });
  }

  /**
   * Copies the stored file to `path` (a backup's) by the kernel's copy: no bytes through this process, whose one
   * thread the backup's tables and hashes need.
   */
  async copyOut(key: string, path: string): Promise<void> {
    await copyFile(this.pathOf(key), path).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new EvidenceObjectMissingError(key, { cause: error }) : error;
    });
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async check(): Promise<void> {
    await mkdir(this.root, { recursive: true });
    await access(this.root, constants.W_OK);
  }

  private pathOf(key: string): string {
    const path = resolve(join(this.root, key));
    // Keys are generated, but a storage layer must never step outside its root.
    if (!path.startsWith(this.root + sep)) throw new Error(`storage key escapes the store: ${key}`);
    return path;
  }
}
