/**
 * The upload benchmark of issue 6: one 1 GiB evidence file through the real HTTP app
 * (local store, in this process) beside a plain stream copy of the same file on the same
 * disk with an fsync, and a stream copy that also hashes (SHA-256, as the upload does).
 * The process's resident memory is sampled every 20 ms during the upload; the client is
 * curl in a child process streaming the file from disk, so this process is the server alone.
 *
 * Then the same file into the S3 store (EVIDENCE_STORE=s3) of the API process
 * (`dist/apps/api/main.js`) against s3rver, each in its own process, beside a bare SDK
 * Upload of the file to the same s3rver from a third process. The bare Upload, not a disk
 * copy, is the rate's baseline: s3rver writes every byte twice (the parts, then the object
 * it concatenates from them) and MD5s both, so the store bounds the rate, not duban.
 * The API process is a fresh one, so its memory is not what this process's earlier work made resident.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { copyFile as copyFileNative, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { benchDataset } from './dataset.js';
import { call, startBenchApp } from './http-load.js';
import { rssOf, S3_BUCKET, S3_CREDENTIALS, startApiProcess, startBareUploader, startS3Process } from './processes.js';
import { type BenchRow, median } from './report.js';

const MiB = 1024 * 1024;
const SIZE = Number(process.env.BENCH_UPLOAD_MIB ?? 1024) * MiB;
const JPEG_HEAD = Buffer.from('ffd8ffe000104a46494600', 'hex');

export async function evidenceUploadBench(serverUrl: string): Promise<BenchRow[]> {
  const dataset = await benchDataset(serverUrl);
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-upload-'));
  const source = join(dir, 'evidence.jpg');
  const small = join(dir, 'warm-up.jpg');
  try {
    await makeFile(source, SIZE);
    await makeFile(small, 16 * MiB);
    const local = await localStoreRounds(dataset.url, dataset.busiestDepartment, dir, source, small);
    const s3 = await s3StoreRounds(dataset.url, local.target, source, small);
    const mibps = (seconds: number) => SIZE / MiB / seconds;
    const label = `${SIZE / MiB} MiB evidence upload through the API`;
    const { uploaded, copy, hashed, kernel } = local;
    return [
      {
        figure: `${label} (local store, median of 3): MiB/s`,
        valueMs: mibps(uploaded.seconds),
        baselineMs: mibps(copy.seconds),
        baseline: 'stream copy of the same file + fsync',
        targetMs: mibps(copy.seconds) * 0.5,
        unit: 'MiB/s',
        atLeast: true,
      },
      {
        figure: '  the same, beside a kernel copy',
        valueMs: mibps(uploaded.seconds),
        baselineMs: mibps(kernel.seconds),
        baseline: 'fs.copyFile (copy_file_range) + fsync',
        unit: 'MiB/s',
        atLeast: true,
      },
      {
        figure: '  the same, beside a copy that hashes',
        valueMs: mibps(uploaded.seconds),
        baselineMs: mibps(hashed.seconds),
        baseline: 'stream copy + SHA-256 + fsync',
        unit: 'MiB/s',
        atLeast: true,
      },
      {
        figure: '  resident memory growth of the process',
        valueMs: uploaded.rssGrowth / MiB,
        baselineMs: hashed.rssGrowth / MiB,
        baseline: 'growth during the hashing copy',
        targetMs: 64,
        unit: 'MiB',
      },
      {
        figure: `${label} process into S3 (s3rver, median of 3): MiB/s`,
        valueMs: mibps(s3.uploaded.seconds),
        baselineMs: mibps(s3.bare.seconds),
        baseline: 'bare SDK Upload of the file to the same s3rver, 5 MiB × 2 parts as duban',
        targetMs: mibps(s3.bare.seconds) * 0.5,
        unit: 'MiB/s',
        atLeast: true,
      },
      {
        figure: '  the same, beside the stream copy above',
        valueMs: mibps(s3.uploaded.seconds),
        baselineMs: mibps(copy.seconds),
        baseline: 'stream copy + fsync (local disk); s3rver writes each byte twice',
        unit: 'MiB/s',
        atLeast: true,
      },
      {
        figure: '  resident memory growth of the API process',
        valueMs: s3.uploaded.rssGrowth / MiB,
        baselineMs: s3.bare.rssGrowth / MiB,
        baseline: "growth of the bare SDK Upload's process",
        targetMs: 64,
        unit: 'MiB',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The local store in this process: uploads interleaved with copies of the same file. Returns the route it uploaded to. */
async function localStoreRounds(databaseUrl: string, department: string, dir: string, source: string, small: string) {
  const app = await startBenchApp(databaseUrl, { EVIDENCE_MAX_BYTES: String(SIZE + MiB) });
  try {
    const supervisor = await app.user('supervisor');
    const liaison = await app.user('liaison', department);
    const task = (await call(app.url, supervisor.token, 'POST', '/api/v1/tasks', { title: '上传基准', leadDepartment: department, dueDate: '2030-12-31' })) as {
      id: string;
    };
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
    // The task and the token outlive this app: the API process of the S3 rounds, on the same database, accepts them.
    return { ...medians(rounds), kernel, target: { path: new URL(target).pathname, token: liaison.token } };
  } finally {
    await app.close();
  }
}

/** The S3 store of a fresh API process, uploads interleaved with bare SDK Uploads of the same file, each process apart. */
async function s3StoreRounds(databaseUrl: string, target: { path: string; token: string }, source: string, small: string) {
  const s3 = await startS3Process();
  const client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: S3_CREDENTIALS });
  // s3rver keeps every gigabyte on disk: empty the bucket after each upload.
  const emptyBucket = async () => {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: S3_BUCKET }));
    for (const { Key } of listed.Contents ?? []) await client.send(new DeleteObjectCommand({ Bucket: S3_BUCKET, Key }));
  };
  const stops: Array<() => Promise<void>> = [() => s3.stop()];
  try {
    const api = await startApiProcess({ ...s3.env, DATABASE_URL: databaseUrl, EVIDENCE_MAX_BYTES: String(SIZE + MiB) });
    stops.unshift(() => api.stop());
    const bare = await startBareUploader(s3.endpoint, source, small);
    stops.unshift(() => bare.stop());
    const url = `${api.url}${target.path}`;
    await upload(url, target.token, small);
    await emptyBucket();
    const rounds: Array<{ uploaded: Sample; bare: Sample }> = [];
    for (let i = 0; i < 3; i++) {
      const uploaded = await sampled(
        () => upload(url, target.token, source),
        () => rssOf(api.pid),
      );
      await emptyBucket();
      const bareUpload = await sampled(
        () => bare.upload(),
        () => rssOf(bare.pid),
      );
      await emptyBucket();
      rounds.push({ uploaded, bare: bareUpload });
    }
    return medians(rounds);
  } finally {
    client.destroy();
    for (const stop of stops) await stop();
  }
}

/** Each kind of run: the median time, and the largest memory growth (the first run's, as a rule: later ones reuse what it made resident). */
function medians<K extends string>(rounds: Array<Record<K, Sample>>): Record<K, Sample> {
  const kinds = Object.keys(rounds[0]) as K[];
  return Object.fromEntries(
    kinds.map((k) => [
      k,
      {
        seconds: median(rounds.map((r) => r[k].seconds)),
        rssGrowth: Math.max(...rounds.map((r) => r[k].rssGrowth)),
      },
    ]),
  ) as Record<K, Sample>;
}

/** A JPEG signature, then the same random MiB over and over (the content type is sniffed from the head). */
export async function makeFile(path: string, size: number): Promise<void> {
  const block = randomBytes(MiB);
  const handle = await open(path, 'w');
  try {
    await handle.write(JPEG_HEAD);
    for (let written = JPEG_HEAD.length; written < size;) {
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

/** `work`'s time, and how far `rss` (this process's resident memory unless given) rose above where it was before. */
async function sampled(work: () => Promise<unknown>, rss = () => process.memoryUsage.rss()): Promise<Sample> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const before = rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rss())), 20);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return { seconds: (performance.now() - started) / 1000, rssGrowth: Math.max(peak, rss()) - before };
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
export function upload(url: string, token: string, path: string): Promise<void> {
  const answer = `${path}.answer.json`;
  const args = [
    '-sS',
    '-o',
    answer,
    '-w',
    '%{http_code}',
    '-H',
    `authorization: Bearer ${token}`,
    '-H',
    'Expect:',
    '-F',
    `file=@${path};type=image/jpeg;filename=bench.jpg`,
    url,
  ];
  return new Promise((resolve, reject) => {
    execFile('curl', args, (error, stdout, stderr) => {
      if (error) reject(error);
      else if (stdout !== '201') reject(new Error(`upload: ${stdout} ${stderr} ${readFileSync(answer, 'utf8')}`));
      else resolve();
    });
  });
}
