import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InvalidInputError, UnsupportedMediaTypeError } from '../../libs/common/errors.js';
import { HTTP_MESSAGES } from './api.messages.js';

/**
 * busboy's errors for a multipart body that is cut off or lacks its boundary: plain
 * `Error`s with no code or status, known only by their fixed messages
 * (@fastify/busboy's dicer: "Unexpected end of multipart data", "Part terminated
 * early due to unexpected end of multipart data"; "Multipart: Boundary not found").
 */
const MALFORMED_MULTIPART = /unexpected end of multipart data|boundary not found/i;

/**
 * A cut-off or malformed multipart body is the client's mistake: a 400, not the 500
 * its plain busboy error became. Any other error (storage, database, limits that
 * carry their own status) is returned unchanged. busboy may report the error before
 * the handler sees the file stream, so it is recognised by what it says, not by
 * which stream emitted it.
 */
export function malformedMultipart(error: unknown): unknown {
  if (!(error instanceof Error) || !MALFORMED_MULTIPART.test(error.message) || 'statusCode' in error) return error;
  return new InvalidInputError(HTTP_MESSAGES.malformedMultipart(error.message));
}

/** The one file of a multipart upload (field `file`), read whole: a workbook to import. */
export async function uploadedFile(request: FastifyRequest, maxBytes: number): Promise<{ content: Buffer; filename: string }> {
  if (!request.isMultipart()) throw new UnsupportedMediaTypeError(HTTP_MESSAGES.notMultipart);
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } }).catch((error: unknown) => {
    throw malformedMultipart(error);
  });
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw new InvalidInputError(HTTP_MESSAGES.missingFile);
  }
  const content = await part.toBuffer().catch((error: unknown) => {
    throw malformedMultipart(error);
  });
  return { content, filename: part.filename };
}

/** `?dryRun=`: true unless `false` (a preview is the safe default); anything else is a 400. */
export function dryRunOf(value: string | undefined): boolean {
  if (value !== undefined && value !== 'true' && value !== 'false') throw new InvalidInputError(HTTP_MESSAGES.badDryRun(value));
  return value !== 'false';
}

/** The OpenAPI of a workbook import: `?dryRun=` and a multipart `file`. */
export function ApiWorkbookImport(summary: string): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'], description: 'default true' }),
    ApiConsumes('multipart/form-data'),
    ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } }),
  );
}

/**
 * A workbook import's request: `?dryRun=` (checked first), the one uploaded file, the importer's report; a real
 * import that found problems changed nothing and is answered 422 with the same report (`nothing` says what was not done).
 */
export async function workbookImport<Report extends { dryRun: boolean; errors: Array<{ message: string }> }>(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { dryRun: string | undefined; maxBytes: number; nothing: string },
  importer: (file: Buffer, options: { dryRun: boolean; fileName: string }) => Promise<Report>,
): Promise<Report | (Report & { message: string })> {
  const preview = dryRunOf(options.dryRun);
  const file = await uploadedFile(request, options.maxBytes);
  const report = await importer(file.content, { dryRun: preview, fileName: file.filename });
  if (report.dryRun || report.errors.length === 0) return report;
  void reply.status(422);
  return { message: HTTP_MESSAGES.importRefused(report.errors.length, options.nothing, report.errors[0].message), ...report };
}
