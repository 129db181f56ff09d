import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { EvidenceObjectMissingError, EvidenceStorage } from './evidence-storage.js';

export interface S3EvidenceStorageOptions {
  bucket: string;
  region: string;
  /** For MinIO, Aliyun OSS, Huawei OBS, Tencent COS …; unset means AWS S3 itself. */
  endpoint?: string;
  /** `https://host/bucket/key` rather than `https://bucket.host/key`. */
  forcePathStyle: boolean;
  /** Unset: the SDK's default chain (environment, shared profile, instance or container role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Prepended to every key, so that one bucket can hold other things (or several installations). */
  prefix?: string;
  /** Bytes per part of a multipart upload (S3's minimum is 5 MiB). */
  partSize?: number;
  /** Parts uploaded at once. Memory held by one upload is about (queueSize + 1) × partSize. */
  queueSize?: number;
}

// 5 MiB × 2 in flight: measured against s3rver (bench/evidence-upload.measure.ts, 256 MiB), resident memory
// peaks ~50 MiB above its start instead of ~91–114 MiB with 8 MiB × 4, at no loss of rate (78–104 MiB/s, was 60).
// With S3's 10,000-part limit, 5 MiB parts cap one object at ~48 GiB, far above any evidence limit.
const DEFAULT_PART_SIZE = 5 * 1024 * 1024;
const DEFAULT_QUEUE_SIZE = 2;
const CHECK_TIMEOUT_MS = 3000;

/**
 * Evidence in an S3-compatible bucket. Uploads stream through the SDK's multipart
 * `Upload`, which holds only a few parts in memory whatever the file's size, and
 * aborts the multipart upload when the source or a part fails, so a failed put
 * leaves neither an object nor stray parts.
 */
export class S3EvidenceStorage extends EvidenceStorage {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly where: string;
  private readonly partSize: number;
  private readonly queueSize: number;

  constructor(options: S3EvidenceStorageOptions) {
    super();
    this.bucket = options.bucket;
    this.prefix = normalizePrefix(options.prefix);
    this.where = `S3 bucket "${options.bucket}" at ${options.endpoint ?? `AWS ${options.region}`}`;
    this.partSize = options.partSize ?? DEFAULT_PART_SIZE;
    this.queueSize = options.queueSize ?? DEFAULT_QUEUE_SIZE;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      // Since SDK 3.729 every upload carries CRC checksums (and streamed ones aws-chunked
      // trailers) by default; several S3-compatible services (OSS, COS, OBS, older MinIO)
      // refuse those. duban checks SHA-256 itself on every download, so ask only when required.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // An unreachable endpoint fails in seconds instead of hanging an upload or /health.
      requestHandler: { connectionTimeout: 5000 },
    });
  }

  async put(key: string, body: Readable): Promise<{ size: number }> {
    let size = 0;
    async function* counted(source: Readable): AsyncGenerator<Buffer> {
      for await (const chunk of source) {
        size += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
    }
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: this.objectKey(key), Body: Readable.from(counted(body)) },
      partSize: this.partSize,
      queueSize: this.queueSize,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
      return { size };
    } catch (error) {
      // Like pipeline() in the local driver: a failed write stops the source too
      // (without an error event, which nobody might be listening for).
      if (!body.destroyed) body.destroy();
      throw this.failure('upload', key, error);
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      // On Node.js the body is the HTTP response itself (an IncomingMessage).
      if (!(object.Body instanceof Readable)) throw new Error('GetObject returned no Node.js stream');
      return object.Body;
    } catch (error) {
      if (isMissingKey(error)) throw new EvidenceObjectMissingError(key, { cause: error });
      throw this.failure('read', key, error);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
    } catch (error) {
      // S3 answers 204 for a missing key; some compatible services answer 404.
      if (isMissingKey(error)) return;
      throw this.failure('delete', key, error);
    }
  }

  /**
   * HeadBucket: the endpoint answers, the credentials are accepted and the bucket
   * exists. It writes nothing, so a load balancer may probe /health often without
   * filling a versioned bucket with delete markers.
   */
  async check(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), { abortSignal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    } catch (error) {
      throw new Error(`${this.where} is not usable: ${reason(error)}`, { cause: error });
    }
  }

  override async close(): Promise<void> {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    return this.prefix + key;
  }

  private failure(action: string, key: string, error: unknown): Error {
    return new Error(`${this.where}: ${action} of ${this.objectKey(key)} failed: ${reason(error)}`, { cause: error });
  }
}

/** `''`, or the prefix with exactly one trailing slash (`evidence` and `evidence/` mean the same). */
export function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').replace(/\/+$/, '');
  return trimmed ? `${trimmed}/` : '';
}

function isMissingKey(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return error.name === 'NoSuchKey' || (error.$metadata.httpStatusCode === 404 && error.name !== 'NoSuchBucket');
}

/** A readable cause: HEAD answers have no body, so the SDK's message may be empty; network errors may be AggregateErrors. */
function reason(error: unknown): string {
  if (error instanceof S3ServiceException) {
    const status = error.$metadata.httpStatusCode;
    const message = error.message && error.message !== 'UnknownError' ? `: ${error.message}` : '';
    return `${error.name}${status ? ` (HTTP ${status})` : ''}${message}`;
  }
  const plain = error as { message?: string; code?: string; name?: string };
  return plain?.message || plain?.code || plain?.name || String(error);
}
