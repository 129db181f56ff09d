import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

const OBJECT_SUFFIX = '._S3rver_object';
/** s3rver's default account. */
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  /** The settings that point duban at this server. */
  env: Record<string, string>;
  /** Writes an object behind duban's back (to tamper with evidence). */
  putRaw(key: string, body: Buffer): Promise<void>;
  /** Every object key in the bucket, read from s3rver's directory. */
  objectKeys(): string[];
  /** Multipart uploads started and neither completed nor aborted. */
  pendingUploads(): string[];
  /** How many multipart uploads were started (CreateMultipartUpload calls). */
  readonly multipartStarts: () => number;
  /** Upload ids that were aborted. */
  readonly abortedUploads: string[];
  stop(): Promise<void>;
}

/** An S3-protocol server (s3rver) on a free port, storing into a temporary directory, with one bucket. */
export async function startS3(bucket = 'duban-evidence'): Promise<LocalS3> {
  const directory = mkdtempSync(join(tmpdir(), 'duban-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
  const uploadsDir = join(directory, bucket, '._S3rver_uploads');
  const abortedUploads: string[] = [];
  let multipartStarts = 0;
  // s3rver 3.7.1 answers AbortMultipartUpload (DELETE …?uploadId=) with 405 and keeps the parts
  // under `._S3rver_uploads/<id>`; this stands in for it as a real store behaves.
  server.middleware.unshift(async (ctx, next) => {
    if (ctx.method === 'POST' && 'uploads' in ctx.query) multipartStarts++;
    const uploadId = ctx.query.uploadId;
    if (ctx.method !== 'DELETE' || !uploadId || !/^[\w-]+$/.test(uploadId)) return next();
    abortedUploads.push(uploadId);
    await rm(join(uploadsDir, uploadId), { recursive: true, force: true });
    ctx.status = 204;
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS });
  let stopped = false;
  return {
    endpoint,
    bucket,
    env: {
      EVIDENCE_STORE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    },
    async putRaw(key, body) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    },
    objectKeys() {
      const root = join(directory, bucket);
      return readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((path) => path.endsWith(OBJECT_SUFFIX) && !path.startsWith('._S3rver_uploads'))
        .map((path) => path.slice(0, -OBJECT_SUFFIX.length))
        .sort();
    },
    pendingUploads() {
      try {
        return readdirSync(uploadsDir);
      } catch {
        return [];
      }
    },
    multipartStarts: () => multipartStarts,
    abortedUploads,
    async stop() {
      if (stopped) return;
      stopped = true;
      client.destroy();
      const closing = server.close();
      // Keep-alive sockets of the SDK's agents would hold close() open.
      server.httpServer?.closeAllConnections();
      await closing;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
