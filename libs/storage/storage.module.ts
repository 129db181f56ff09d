import { join } from 'node:path';
import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { EvidenceStorage } from './evidence-storage.js';
import { LocalEvidenceStorage } from './local-evidence-storage.js';
import { S3EvidenceStorage, type S3EvidenceStorageOptions } from './s3-evidence-storage.js';

/** The evidence store chosen by EVIDENCE_STORE: the local disk under DATA_DIR, or an S3-compatible bucket. */
export function createEvidenceStorage(config: AppConfig): EvidenceStorage {
  return config.EVIDENCE_STORE === 's3' ? new S3EvidenceStorage(s3StorageOptions(config)) : new LocalEvidenceStorage(join(config.DATA_DIR, 'evidence'));
}

export function s3StorageOptions(config: AppConfig): S3EvidenceStorageOptions {
  const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = config;
  return {
    // loadConfig refuses EVIDENCE_STORE=s3 without a bucket.
    bucket: config.S3_BUCKET!,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    // Compatible services (MinIO above all) are addressed by path; AWS S3 itself by virtual host.
    forcePathStyle: config.S3_FORCE_PATH_STYLE ? config.S3_FORCE_PATH_STYLE === 'true' : Boolean(config.S3_ENDPOINT),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    prefix: config.S3_PREFIX,
  };
}

@Global()
@Module({
  providers: [{ provide: EvidenceStorage, inject: [AppConfig], useFactory: createEvidenceStorage }],
  exports: [EvidenceStorage],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(private readonly storage: EvidenceStorage) {}

  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}
