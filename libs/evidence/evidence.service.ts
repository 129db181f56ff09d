import { createHash, randomUUID } from 'node:crypto';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import {
  ConflictError,
  DomainError,
  InvalidInputError,
  NotFoundError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  UnsupportedMediaTypeError,
} from '../common/errors.js';
import type { Actor } from '../common/roles.js';
import { AppConfig } from '../config/app-config.js';
import { EvidenceRepository } from '../db/repositories/evidence.repository.js';
import { TaskRepository } from '../db/repositories/task.repository.js';
import { Transactions } from '../db/transaction.js';
import { EvidenceObjectMissingError, EvidenceStorage } from '../storage/evidence-storage.js';
import { TaskStatus } from '../tasks/task-status.js';
import { evidenceView, type EvidenceView } from '../tasks/task.view.js';

export type { EvidenceView };
import { ALLOWED_TYPES, evidenceName, isAllowedType, SNIFF_BYTES, sniffContentType } from './content-type.js';
import { TASK_MESSAGES } from '../tasks/tasks.messages.js';
import { EVIDENCE_MESSAGES } from './evidence.messages.js';

export interface IncomingFile {
  stream: Readable;
  filename: string;
  /** True when the transport cut the file off at its size limit. */
  truncated(): boolean;
}

/**
 * Evidence uploads: streamed to storage (never held whole in memory), hashed on
 * the way, size-limited, and accepted only when the content is an allowed type.
 */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger(EvidenceService.name);

  constructor(
    private readonly evidence: EvidenceRepository,
    private readonly tasks: TaskRepository,
    private readonly storage: EvidenceStorage,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly tx: Transactions,
  ) {}

  async upload(actor: Actor, taskId: string, file: IncomingFile): Promise<EvidenceView> {
    const task = await this.tasks.findById(taskId);
    if (!task) throw new NotFoundError(TASK_MESSAGES.notFound(taskId));
    if (task.status === TaskStatus.Completed) throw new ConflictError(EVIDENCE_MESSAGES.taskCompleted);

    const iterator = file.stream[Symbol.asyncIterator]();
    const head = await readHead(iterator, SNIFF_BYTES);
    const mimeType = await sniffContentType(head.bytes, file.filename);
    if (!mimeType || !isAllowedType(mimeType)) {
      throw new UnsupportedMediaTypeError(EVIDENCE_MESSAGES.typeRefused(mimeType, Object.values(ALLOWED_TYPES)));
    }
    const name = evidenceName(cleanFilename(file.filename), mimeType, head.bytes);
    if ('refused' in name) throw new UnsupportedMediaTypeError(name.refused);
    const id = randomUUID();
    const storageKey = `${id.slice(0, 2)}/${id}`;
    const hasher = new HashAndLimit(this.config.EVIDENCE_MAX_BYTES);
    // pipeline, not pipe: a client that goes away mid-upload must fail the store's write (which then
    // removes its partial file), not raise an 'error' nobody listens for, which would end the process.
    const body = pipeline(Readable.from(rejoin(head.bytes, head.done ? null : iterator)), hasher, () => undefined);
    try {
      await this.storage.put(storageKey, body);
      if (file.truncated()) throw this.tooLarge();
    } catch (error) {
      await this.storage.delete(storageKey).catch(() => undefined);
      if (hasher.exceeded || isFileTooLarge(error) || file.truncated()) throw this.tooLarge();
      if (error instanceof DomainError) throw error;
      // A broken request (the client went away) is the client's doing, not a store that is down.
      if (file.stream.errored) throw new InvalidInputError(EVIDENCE_MESSAGES.interrupted);
      throw this.storageDown(error);
    }
    try {
      return await this.tx.run(async () => {
        const saved = await this.evidence.insert({
          id,
          taskId,
          departmentCode: actor.departmentCode ?? task.leadDepartmentCode,
          uploadedBy: actor.id,
          filename: name.filename,
          mimeType,
          size: hasher.size,
          sha256: hasher.digest(),
          storageKey,
        });
        const view = evidenceView(saved);
        const detail = name.corrected ? { uploadedAs: cleanFilename(file.filename) } : null;
        await this.audit.record({ actorId: actor.id, action: 'evidence.upload', entityType: 'evidence', entityId: id, taskId, after: { ...view }, detail });
        return view;
      });
    } catch (error) {
      await this.storage.delete(storageKey).catch(() => undefined);
      throw error;
    }
  }

  /**
   * The stored file, streamed through a check of its hash: a corrupted file is cut off, never served as whole.
   * The download is audited before the file is opened (the stream must reach the reply with nothing awaited between).
   */
  async open(actor: Actor, taskId: string, evidenceId: string): Promise<{ meta: EvidenceView; stream: Readable }> {
    const meta = await this.evidence.findForTask(taskId, evidenceId);
    if (!meta) throw new NotFoundError(EVIDENCE_MESSAGES.notFound(evidenceId));
    await this.audit.recordDownload(actor.id, 'evidence', evidenceId, { taskId, filename: meta.filename, sha256: meta.sha256 });
    const source = await this.storage.get(meta.storageKey).catch((error: unknown) => {
      // Gone from a store that answered is lost; a store that does not answer may come back.
      if (error instanceof EvidenceObjectMissingError) throw new NotFoundError(EVIDENCE_MESSAGES.fileMissing(evidenceId));
      throw this.storageDown(error);
    });
    const check = new HashAndLimit(Number.MAX_SAFE_INTEGER, meta.sha256, () =>
      this.logger.error({ evidenceId, taskId }, '佐证材料校验失败：文件内容与登记的 SHA-256 不一致'),
    );
    source.on('error', (error) => check.destroy(error));
    return { meta: evidenceView(meta), stream: source.pipe(check) };
  }

  async list(taskId: string): Promise<EvidenceView[]> {
    return (await this.evidence.listForTask(taskId)).map(evidenceView);
  }

  private storageDown(error: unknown) {
    this.logger.error(`佐证材料存储不可用：${error instanceof Error ? error.message : String(error)}`);
    return new ServiceUnavailableError(EVIDENCE_MESSAGES.storageUnavailable);
  }

  private tooLarge() {
    const mib = (this.config.EVIDENCE_MAX_BYTES / 1024 / 1024).toFixed(this.config.EVIDENCE_MAX_BYTES % 1048576 ? 2 : 0);
    return new PayloadTooLargeError(EVIDENCE_MESSAGES.tooLarge(mib));
  }
}

/**
 * Counts and hashes bytes passing through; fails past `limit`. With `expected`,
 * it holds back the last chunk until the whole hash is known, so a file that
 * fails its check never reaches the client complete.
 */
class HashAndLimit extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;
  exceeded = false;
  private hex?: string;
  private heldBack?: Buffer;

  constructor(
    private readonly limit: number,
    private readonly expected?: string,
    private readonly onMismatch?: () => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _: BufferEncoding, done: TransformCallback) {
    this.size += chunk.length;
    if (this.size > this.limit) {
      this.exceeded = true;
      done(new PayloadTooLargeError('file too large'));
      return;
    }
    this.hash.update(chunk);
    if (!this.expected) {
      done(null, chunk);
      return;
    }
    const previous = this.heldBack;
    this.heldBack = chunk;
    done(null, previous);
  }

  override _flush(done: TransformCallback) {
    this.hex = this.hash.digest('hex');
    if (this.expected && this.hex !== this.expected) {
      this.onMismatch?.();
      done(new Error('evidence integrity check failed'));
      return;
    }
    done(null, this.heldBack);
  }

  digest(): string {
    if (!this.hex) throw new Error('stream not finished');
    return this.hex;
  }
}

async function readHead(iterator: AsyncIterator<Buffer>, bytes: number): Promise<{ bytes: Buffer; done: boolean }> {
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) return { bytes: Buffer.concat(chunks), done: true };
    chunks.push(next.value);
    length += next.value.length;
  }
  return { bytes: Buffer.concat(chunks), done: false };
}

async function* rejoin(head: Buffer, rest: AsyncIterator<Buffer> | null): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head;
  if (!rest) return;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

function isFileTooLarge(error: unknown): boolean {
  return error instanceof PayloadTooLargeError || (error as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE';
}

/** Keeps the name for display only: no directories, no control characters, bounded length. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are what it removes
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 255);
  return cleaned || EVIDENCE_MESSAGES.unnamed;
}
