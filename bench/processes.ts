/**
 * Processes the upload benches measure from outside: the real API (`dist/apps/api/main.js`)
 * and an S3-protocol server (s3rver, see s3-child.ts), each in its own process so that
 * its resident memory is its own and its event loop shares nothing with the client's.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const S3_BUCKET = 'duban-evidence';
/** s3rver's default account. */
export const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface ChildHandle {
  pid: number;
  stop(): Promise<void>;
}

/** Resident memory of process `pid`, in bytes. */
export function rssOf(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kib) * 1024;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The API process on a free port with `env` over this process's, once /health answers 200; its DATA_DIR is removed on stop. */
export async function startApiProcess(env: Record<string, string>): Promise<ChildHandle & { url: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-bench-api-'));
  const port = await freePort();
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '1000',
    SEED_ON_START: 'false',
    ...env,
  };
  delete childEnv.NODE_OPTIONS;
  const child = spawn(process.execPath, [fileURLToPath(new URL('../apps/api/main.js', import.meta.url))], {
    env: childEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const handle = { pid: child.pid!, url: `http://127.0.0.1:${port}`, stop: () => stopChild(child, () => rmSync(dataDir, { recursive: true, force: true })) };
  try {
    for (let i = 0; (await fetch(`${handle.url}/health`).catch(() => null))?.status !== 200; i++) {
      if (i > 300 || child.exitCode !== null) throw new Error('the API process did not become healthy');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return handle;
}

/** s3rver in its own process, storing into a temporary directory (removed on stop), with the bucket S3_BUCKET. */
export async function startS3Process(): Promise<ChildHandle & { endpoint: string; env: Record<string, string> }> {
  const directory = mkdtempSync(join(tmpdir(), 'duban-bench-s3-'));
  const child = startS3Child(['server', directory]);
  const stop = () => stopChild(child, () => rmSync(directory, { recursive: true, force: true }));
  const { port } = JSON.parse(
    await child.line().catch(async (error: unknown) => {
      await stop();
      throw error;
    }),
  ) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    pid: child.pid!,
    endpoint,
    stop,
    env: {
      EVIDENCE_STORE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET,
      S3_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
    },
  };
}

/**
 * A bare @aws-sdk/lib-storage Upload in its own process (s3-child.ts `upload`), warmed up with `warmUpFile`:
 * `upload()` sends `file` once more and resolves when the object is complete.
 */
export async function startBareUploader(endpoint: string, file: string, warmUpFile: string): Promise<ChildHandle & { upload(): Promise<void> }> {
  const child = startS3Child(['upload', endpoint, file, warmUpFile]);
  const expect = async (word: string) => {
    const line = await child.line();
    if (line !== word) throw new Error(`bare S3 upload: expected "${word}", got "${line}"`);
  };
  const stop = () => stopChild(child);
  await expect('ready').catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return {
    pid: child.pid!,
    stop,
    async upload() {
      child.stdin!.write('go\n');
      await expect('done');
    },
  };
}

function startS3Child(args: string[]): ChildProcess & { line(): Promise<string> } {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [fileURLToPath(new URL('./s3-child.js', import.meta.url)), ...args], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return Object.assign(child, {
    async line() {
      const next = await lines.next();
      if (next.done) throw new Error(`s3-child ${args[0]} exited (code ${child.exitCode})`);
      return next.value;
    },
  });
}

async function stopChild(child: ChildProcess, cleanUp?: () => void): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  cleanUp?.();
}
