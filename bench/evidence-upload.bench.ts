/**
 * The upload benchmark of issue 6: one 1 GiB evidence file through the real HTTP app
 * (local store, in this process) beside a plain stream copy of the same file on the same
 * disk with an fsync, and a stream copy that also hashes (SHA-256, as the upload does).
 * The process's resident memory is sampled every 20 ms during the upload; the client is
 * curl in a child process streaming the file from disk, so this process is the server alone.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { copyFile as copyFileNative, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { benchDataset } from './dataset.js';
import { call, startBenchApp } from './http-load.js';
import { type BenchRow, median } from './report.js';

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

    // Warm-up; the kernel copy then settles the freshly written source (its writeback) and takes no JS memory,
    // so the upload's memory is measured before the stream copies' buffers have grown the heap.
    await upload(target, liaison.token, small);
    const kernel = await sampled(() => copyFile(source, join(dir, 'copy.jpg'), 'kernel'));
    rmSync(join(dir, 'copy.jpg'));
    // Three rounds of upload, stream copy and hashing copy, interleaved, each figure the median: the disk's
    // writeback of the previous gigabyte moves single runs by a factor of two or more.
    const rounds: Array<{ uploaded: Sample; copy: Sample; hashed: Sample }> = [];
    for (let i = 0; i < 3; i++) {
      const uploaded = await sampled(() => upload(target, liaison.token, source));
      const copy = await sampled(() => copyFile(source, join(dir, 'copy.jpg'), 'stream'));
      rmSync(join(dir, 'copy.jpg'));
      const hashed = await sampled(() => copyFile(source, join(dir, 'copy.jpg'), 'hash'));
      rmSync(join(dir, 'copy.jpg'));
      rounds.push({ uploaded, copy, hashed });
    }
    const pick = (which: 'uploaded' | 'copy' | 'hashed'): Sample => ({
      seconds: median(rounds.map((r) => r[which].seconds)),
      // The first upload's growth: later ones reuse what the first (and the copies) made resident.
      rssGrowth: Math.max(...rounds.map((r) => r[which].rssGrowth)),
    });
    const [uploaded, copy, hashed] = [pick('uploaded'), pick('copy'), pick('hashed')];

    const mibps = (seconds: number) => SIZE / MiB / seconds;
    const label = `${SIZE / MiB} MiB evidence upload through the API (local store, median of 3)`;
    return [
      { figure: `${label}: MiB/s`, valueMs: mibps(uploaded.seconds), baselineMs: mibps(copy.seconds), baseline: 'stream copy of the same file + fsync', targetMs: mibps(copy.seconds) * 0.5, unit: 'MiB/s', atLeast: true },
      { figure: '  the same, beside a kernel copy', valueMs: mibps(uploaded.seconds), baselineMs: mibps(kernel.seconds), baseline: 'fs.copyFile (copy_file_range) + fsync; for reference, no target', targetMs: 0, unit: 'MiB/s', atLeast: true },
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

interface Sample {
  seconds: number;
  rssGrowth: number;
}

async function sampled(work: () => Promise<unknown>): Promise<Sample> {
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

/**
 * Streams `path` as the multipart field `file` with curl, in its own process, so that the client's reading
 * and sending do not share the server's event loop (curl -F reads the file as it sends it).
 */
function upload(url: string, token: string, path: string): Promise<void> {
  const answer = `${path}.answer.json`;
  const args = ['-sS', '-o', answer, '-w', '%{http_code}', '-H', `authorization: Bearer ${token}`, '-H', 'Expect:', '-F', `file=@${path};type=image/jpeg;filename=bench.jpg`, url];
  return new Promise((resolve, reject) => {
    execFile('curl', args, (error, stdout, stderr) => {
      if (error) reject(error);
      else if (stdout !== '201') reject(new Error(`upload: ${stdout} ${stderr} ${readFileSync(answer, 'utf8')}`));
      else resolve();
    });
  });
}
