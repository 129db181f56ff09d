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
    let size = 0;
    await this.writeDurably(key, (partial) => {
      // Counted in the tick the pipeline starts in: a 'data' listener sets the body flowing.
      body.on('data', (chunk: Buffer) => (size += chunk.length));
      return pipeline(body, createWriteStream(partial, { flags: 'wx' }));
    });
    return { size };
  }

  /**
   * Copies the file at `path` (a backup's) into the store under `key` by the kernel's copy, as durably as `put`: no
   * bytes through this process.
   */
  async copyIn(key: string, path: string): Promise<void> {
    await this.writeDurably(key, (partial) => copyFile(path, partial, constants.COPYFILE_EXCL));
  }

  /** `write` fills a temporary file, which is fsynced and renamed to `key`'s: a crash leaves the whole file or none. */
  private async writeDurably(key: string, write: (partial: string) => Promise<void>): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.${randomUUID()}.part`;
    try {
      await write(partial);
      const handle = await open(partial, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(partial, target);
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
