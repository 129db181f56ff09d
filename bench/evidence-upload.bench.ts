/**
 * The upload benchmark of issue 6: one 1 GiB evidence file through the real HTTP app
 * (local store, in this process) beside a plain stream copy of the same file on the same
 * disk with an fsync, and a stream copy that also hashes (SHA-256, as the upload does).
 * The process's resident memory is sampled every 20 ms during the upload; the client
 * streams the file from disk, so what grows is the server's share.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { copyFile as copyFileNative, open } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { benchDataset } from './dataset.js';
import { call, startBenchApp } from './http-load.js';
import type { BenchRow } from './report.js';

const MiB = 1024 * 1024;
const SIZE = Number(process.env.BENCH_UPLOAD_MIB ?? 1024) * MiB;
const JPEG_HEAD = Buffer.from('ffd8ffe000104a46494600', 'hex');

export async function evidenceUploadBench(serverUrl: string): Promise<BenchRow[]> {
  const dataset = await benchDataset(serverUrl);
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-upload-'));
  const source = join(dir, 'evidence.jpg');
  const small = join(dir, 'warm-up.jpg');
  await makeFile(source, SIZE);
  await makeFile(small, 16 * MiB);
  const app = await startBenchApp(dataset.url, { EVIDENCE_MAX_BYTES: String(SIZE + MiB) });
  try {
    const supervisor = await app.user('supervisor');
    const liaison = await app.user('liaison', dataset.busiestDepartment);
    const task = (await call(app.url, supervisor.token, 'POST', '/api/v1/tasks', { title: '上传基准', leadDepartment: dataset.busiestDepartment, dueDate: '2030-12-31' })) as { id: string };
    await call(app.url, liaison.token, 'POST', `/api/v1/tasks/${task.id}/accept`, {});
    const target = `${app.url}/api/v1/tasks/${task.id}/evidence`;

    // Warm-up, then the baselines (the copies also warm the page cache with the source file).
    await upload(target, liaison.token, small);
    const kernel = await sampled(() => copyFile(source, join(dir, 'copy.jpg'), 'kernel'));
    rmSync(join(dir, 'copy.jpg'));
    const copy = await sampled(() => copyFile(source, join(dir, 'copy.jpg'), 'stream'));
    rmSync(join(dir, 'copy.jpg'));
    const hashed = await sampled(() => copyFile(source, join(dir, 'copy.jpg'), 'hash'));
    rmSync(join(dir, 'copy.jpg'));
    const uploaded = await sampled(() => upload(target, liaison.token, source));

    const mibps = (seconds: number) => SIZE / MiB / seconds;
    const label = `${SIZE / MiB} MiB evidence upload through the API (local store)`;
    return [
      { figure: `${label}: MiB/s`, valueMs: mibps(uploaded.seconds), baselineMs: mibps(copy.seconds), baseline: 'stream copy of the same file + fsync', targetMs: mibps(copy.seconds) * 0.5, unit: 'MiB/s', atLeast: true },
      { figure: '  the same, beside a kernel copy', valueMs: mibps(uploaded.seconds), baselineMs: mibps(kernel.seconds), baseline: 'fs.copyFile (copy_file_range) + fsync', targetMs: mibps(kernel.seconds) * 0.5, unit: 'MiB/s', atLeast: true },
      { figure: '  the same, beside a copy that hashes', valueMs: mibps(uploaded.seconds), baselineMs: mibps(hashed.seconds), baseline: 'stream copy + SHA-256 + fsync', targetMs: mibps(hashed.seconds) * 0.6, unit: 'MiB/s', atLeast: true },
      { figure: '  resident memory growth of the process', valueMs: uploaded.rssGrowth / MiB, baselineMs: hashed.rssGrowth / MiB, baseline: 'growth during the hashing copy', targetMs: 64, unit: 'MiB' },
    ];
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A JPEG signature, then the same random MiB over and over (the content type is sniffed from the head). */
async function makeFile(path: string, size: number): Promise<void> {
  const block = randomBytes(MiB);
  const handle = await open(path, 'w');
  try {
    await handle.write(JPEG_HEAD);
    for (let written = JPEG_HEAD.length; written < size; ) {
      const chunk = block.subarray(0, Math.min(MiB, size - written));
      await handle.write(chunk);
      written += chunk.length;
    }
  } finally {
    await handle.close();
  }
}

async function sampled(work: () => Promise<unknown>): Promise<{ seconds: number; rssGrowth: number }> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return { seconds: (performance.now() - started) / 1000, rssGrowth: Math.max(peak, process.memoryUsage.rss()) - before };
}

/** A copy with an fsync at the end, like the local store's write: by the kernel, as a stream, or as a stream hashed on the way (like the upload). */
async function copyFile(from: string, to: string, how: 'kernel' | 'stream' | 'hash'): Promise<void> {
  if (how === 'kernel') await copyFileNative(from, to);
  else {
    const sha = createHash('sha256');
    const through = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (how === 'hash') sha.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(createReadStream(from), through, createWriteStream(to));
    sha.digest('hex');
  }
  const handle = await open(to, 'r');
  await handle.sync();
  await handle.close();
}

/** Streams `path` as the multipart field `file` from disk. */
function upload(url: string, token: string, path: string): Promise<void> {
  const boundary = `----duban${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = statSync(path).size;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + size + tail.length },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`upload: ${res.statusCode} ${Buffer.concat(chunks).toString()}`))));
    });
    req.on('error', reject);
    req.write(head);
    const file = createReadStream(path);
    file.on('error', reject);
    file.on('end', () => req.end(tail));
    file.pipe(req, { end: false });
  });
}
