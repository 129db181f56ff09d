import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { EvidenceStorage } from './evidence-storage.js';
import { LocalEvidenceStorage } from './local-evidence-storage.js';

@Global()
@Module({
  providers: [
    {
      provide: EvidenceStorage,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new LocalEvidenceStorage(join(config.DATA_DIR, 'evidence')),
    },
  ],
  exports: [EvidenceStorage],
})
export class StorageModule {}
