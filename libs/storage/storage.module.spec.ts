import { ConfigError, loadConfig } from '../config/app-config.js';
import { LocalEvidenceStorage } from './local-evidence-storage.js';
import { normalizePrefix, S3EvidenceStorage } from './s3-evidence-storage.js';
import { createEvidenceStorage, s3StorageOptions } from './storage.module.js';

const S3 = { EVIDENCE_STORE: 's3', S3_BUCKET: 'duban-evidence' };

describe('choosing and configuring the evidence store', () => {
  it('keeps evidence on the local disk by default, in a bucket with EVIDENCE_STORE=s3', () => {
    expect(createEvidenceStorage(loadConfig({}))).toBeInstanceOf(LocalEvidenceStorage);
    expect(createEvidenceStorage(loadConfig(S3))).toBeInstanceOf(S3EvidenceStorage);
  });

  it.each<[string, Record<string, string>, Record<string, unknown>]>([
    ['AWS S3, default credentials', S3, { bucket: 'duban-evidence', region: 'us-east-1', endpoint: undefined, forcePathStyle: false, credentials: undefined }],
    [
      'MinIO: an endpoint means path style',
      { ...S3, S3_ENDPOINT: 'http://minio:9000', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' },
      { endpoint: 'http://minio:9000', forcePathStyle: true, credentials: { accessKeyId: 'k', secretAccessKey: 's' } },
    ],
    [
      'OSS: virtual-host style asked for',
      { ...S3, S3_ENDPOINT: 'https://s3.oss-cn-beijing.aliyuncs.com', S3_REGION: 'cn-beijing', S3_FORCE_PATH_STYLE: 'false' },
      { region: 'cn-beijing', forcePathStyle: false },
    ],
    ['a key prefix', { ...S3, S3_PREFIX: 'duban/evidence' }, { prefix: 'duban/evidence' }],
  ])('%s', (_, env, expected) => {
    expect(s3StorageOptions(loadConfig(env))).toMatchObject(expected);
  });

  it.each<[string, Record<string, string>, string]>([
    ['no bucket', { EVIDENCE_STORE: 's3' }, 'S3_BUCKET: S3_BUCKET is required when EVIDENCE_STORE=s3'],
    ['a key id without its secret', { ...S3, S3_ACCESS_KEY_ID: 'k' }, 'S3_SECRET_ACCESS_KEY: S3_SECRET_ACCESS_KEY is required with S3_ACCESS_KEY_ID'],
    ['a secret without its key id', { ...S3, S3_SECRET_ACCESS_KEY: 's' }, 'S3_ACCESS_KEY_ID: S3_ACCESS_KEY_ID is required with S3_SECRET_ACCESS_KEY'],
    ['a bucket while the store is local', { S3_BUCKET: 'duban-evidence' }, 'S3_BUCKET: S3_BUCKET is set but EVIDENCE_STORE is local'],
    ['an unknown store', { EVIDENCE_STORE: 'oss' }, 'EVIDENCE_STORE: EVIDENCE_STORE must be local or s3'],
    ['an endpoint that is no URL', { ...S3, S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT: S3_ENDPOINT must be an http(s) URL'],
    ['an invalid bucket name', { ...S3, S3_BUCKET: 'Duban_Evidence' }, 'S3_BUCKET: S3_BUCKET must be a bucket name'],
    ['a path-style flag that is no boolean', { ...S3, S3_FORCE_PATH_STYLE: 'yes' }, 'S3_FORCE_PATH_STYLE: S3_FORCE_PATH_STYLE must be true or false'],
    ['a prefix with a .. segment', { ...S3, S3_PREFIX: 'duban/../other' }, 'S3_PREFIX: S3_PREFIX may hold'],
    ['a prefix with a leading slash', { ...S3, S3_PREFIX: '/duban' }, 'S3_PREFIX: S3_PREFIX may hold'],
  ])('refuses %s, naming the setting', (_, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each([
    [undefined, ''],
    ['', ''],
    ['duban', 'duban/'],
    ['duban/evidence/', 'duban/evidence/'],
    ['a//', 'a/'],
  ])('normalizes the prefix %p to %p', (prefix, expected) => expect(normalizePrefix(prefix)).toBe(expected));
});
