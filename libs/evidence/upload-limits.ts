import type { AppConfig } from '../config/app-config.js';

/** An evidence upload is one file and no other field, of at most EVIDENCE_MAX_BYTES (multipart parser limits). */
export function evidenceUploadLimits(config: AppConfig) {
  return { fileSize: config.EVIDENCE_MAX_BYTES, files: 1, fields: 0, parts: 2 };
}
