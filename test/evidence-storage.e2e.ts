import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { EvidenceObjectMissingError, type EvidenceStorage } from '../libs/storage/evidence-storage.js';
import { LocalEvidenceStorage } from '../libs/storage/local-evidence-storage.js';
import { S3EvidenceStorage } from '../libs/storage/s3-evidence-storage.js';
import { type LocalS3, startS3 } from './support/s3.js';

const MiB = 1024 * 1024;

/** One driver under test, with a look behind it at what a failed put may have left. */
interface Subject {
  storage: EvidenceStorage;
  /** Partial writes left behind: `.part` files on disk, multipart uploads in S3. */
  leftovers(): string[];
  close(): Promise<void>;
}

const drivers: Array<[string, () => Promise<Subject>]> = [
  [
    'local disk',
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'duban-store-'));
      const storage = new LocalEvidenceStorage(root);
      return {
        storage,
        leftovers: () => readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.part')),
        close: async () => rmSync(root, { recursive: true, force: true }),
      };
    },
  ],
  [
    'S3 (s3rver)',
    async () => {
      const s3 = await startS3();
      const storage = s3Storage(s3);
      return {
        storage,
        leftovers: () => s3.pendingUploads(),
        close: async () => {
          await storage.close();
          await s3.stop();
        },
      };
    },
  ],
];

describe.each(drivers)('the evidence storage contract: %s', (_, open) => {
  let subject: Subject;
  let storage: EvidenceStorage;
  beforeAll(async () => {
    subject = await open();
    storage = subject.storage;
  });
  afterAll(() => subject.close());

  let n = 0;
  const newKey = () => `ab/${++n}-${randomBytes(8).toString('hex')}`;

  it.each([
    ['empty', 0],
    ['small', 70_000],
    ['multi-part sized (12 MiB)', 12 * MiB],
  ])('stores and returns a %s body byte for byte', async (_, size) => {
    const key = newKey();
    const body = generated(size);
    await expect(storage.put(key, body.stream)).resolves.toEqual({ size });
    const back = await sha256Of(await storage.get(key));
    expect(back).toEqual({ size, sha256: body.sha256() });
  });

  it.each([
    ['before the first part is complete', 1 * MiB],
    ['after some parts were sent', 20 * MiB],
  ])('leaves no object and no partial upload when the source fails %s', async (_, failAfter) => {
    const key = newKey();
    await expect(storage.put(key, generated(64 * MiB, failAfter).stream)).rejects.toThrow(/source broke/);
    await expect(storage.get(key)).rejects.toBeInstanceOf(EvidenceObjectMissingError);
    expect(subject.leftovers()).toEqual([]);
  });

  it('rejects a get of a missing key with EvidenceObjectMissingError', async () => {
    await expect(storage.get(newKey())).rejects.toBeInstanceOf(EvidenceObjectMissingError);
  });

  it('deletes, and deleting a missing key is no error', async () => {
    const key = newKey();
    await storage.put(key, generated(1000).stream);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toBeInstanceOf(EvidenceObjectMissingError);
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it('passes its check', async () => {
    await expect(storage.check()).resolves.toBeUndefined();
  });
});

describe('the S3 driver against s3rver', () => {
  let s3: LocalS3;
  beforeAll(async () => (s3 = await startS3()));
  afterAll(() => s3.stop());

  it('uploads a large body in parts, aborts a failed multipart upload, and keys objects under S3_PREFIX', async () => {
    const storage = s3Storage(s3, 'duban/evidence/');
    const small = generated(1000);
    await storage.put('cd/small', small.stream);
    expect(s3.multipartStarts()).toBe(0);
    const big = generated(12 * MiB);
    await storage.put('cd/big', big.stream);
    expect(s3.multipartStarts()).toBe(1);
    await expect(sha256Of(await storage.get('cd/big'))).resolves.toEqual({ size: 12 * MiB, sha256: big.sha256() });
    await storage.delete('cd/small');
    await expect(storage.put('cd/broken', generated(64 * MiB, 20 * MiB).stream)).rejects.toThrow(/source broke/);
    expect(s3.abortedUploads).toHaveLength(1);
    expect(s3.objectKeys()).toEqual(['duban/evidence/cd/big']);
    await storage.close();
  });

  it('fails its check naming the bucket when the bucket is missing or the server is down', async () => {
    const wrongBucket = s3Storage(s3, undefined, 'no-such-bucket');
    await expect(wrongBucket.check()).rejects.toThrow(/S3 bucket "no-such-bucket" at http:\/\/127\.0\.0\.1:\d+ is not usable: NotFound \(HTTP 404\)/);
    await wrongBucket.close();
    const storage = s3Storage(s3);
    await s3.stop();
    await expect(storage.check()).rejects.toThrow(/S3 bucket "duban-evidence" .* is not usable: .*ECONNREFUSED/);
    await expect(storage.get('ab/whatever')).rejects.not.toBeInstanceOf(EvidenceObjectMissingError);
    await storage.close();
  });
});

function s3Storage(s3: LocalS3, prefix?: string, bucket = s3.bucket): S3EvidenceStorage {
  return new S3EvidenceStorage({
    bucket,
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    prefix,
    credentials: { accessKeyId: s3.env.S3_ACCESS_KEY_ID, secretAccessKey: s3.env.S3_SECRET_ACCESS_KEY },
  });
}

/** `size` random bytes in 1 MiB chunks, hashed as they are made; with `failAfter`, the stream errors after that many bytes. */
function generated(size: number, failAfter = Infinity): { stream: Readable; sha256(): string } {
  const hash = createHash('sha256');
  async function* chunks() {
    for (let sent = 0; sent < size;) {
      if (sent >= failAfter) throw new Error('source broke');
      const chunk = randomBytes(Math.min(MiB, size - sent));
      hash.update(chunk);
      sent += chunk.length;
      yield chunk;
    }
  }
  return { stream: Readable.from(chunks()), sha256: () => hash.digest('hex') };
}

async function sha256Of(stream: Readable): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}
