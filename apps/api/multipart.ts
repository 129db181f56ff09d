import { InvalidInputError } from '../../libs/common/errors.js';

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
  return new InvalidInputError(`multipart 请求体不完整或格式错误：${error.message}`);
}
