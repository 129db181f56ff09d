import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  UnauthorizedError,
  LockedError,
  UnsupportedMediaTypeError,
} from '../../libs/common/errors.js';
import { ThrottledLog } from '../../libs/common/throttled-log.js';
import { isDatabaseUnavailable } from '../../libs/db/database-unavailable.js';
import { HTTP_MESSAGES } from './api.messages.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- error classes as keys
const STATUS = new Map<Function, number>([
  [NotFoundError, HttpStatus.NOT_FOUND],
  [ForbiddenError, HttpStatus.FORBIDDEN],
  [ConflictError, HttpStatus.CONFLICT],
  [InvalidInputError, HttpStatus.BAD_REQUEST],
  [PayloadTooLargeError, HttpStatus.PAYLOAD_TOO_LARGE],
  [UnsupportedMediaTypeError, HttpStatus.UNSUPPORTED_MEDIA_TYPE],
  [UnauthorizedError, HttpStatus.UNAUTHORIZED],
  [LockedError, HttpStatus.LOCKED],
  [ServiceUnavailableError, HttpStatus.SERVICE_UNAVAILABLE],
]);

const ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  409: 'Conflict',
  423: 'Locked',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * Maps every error to NestJS's `{statusCode, error, message}`: domain errors by
 * class, HTTP exceptions as they are, Fastify's own 4xx (bad JSON, wrong
 * content type, oversized body) with their status; anything else is a logged 500.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');
  private readonly outages = new ThrottledLog(this.logger);

  catch(error: unknown, host: ArgumentsHost) {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, message, code } = this.describe(error);
    // A 5xx domain error (a store that is down) was logged with its cause where it was thrown.
    if (status === 503 && !(error instanceof DomainError))
      this.outages.warn('database', `数据库不可用：${error instanceof Error ? error.message : String(error)}`);
    else if (status >= 500 && !(error instanceof DomainError)) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (reply.sent) return;
    void reply.status(status).send({ statusCode: status, error: code ?? ERROR_NAMES[status] ?? 'Error', message });
  }

  /** `code`: an exception may name its error (e.g. `password_change_required`), which clients act on. */
  private describe(error: unknown): { status: number; message: unknown; code?: string } {
    if (error instanceof DomainError) {
      for (const [type, status] of STATUS) if (error instanceof type) return { status, message: error.message };
    }
    if (error instanceof HttpException) {
      const body = error.getResponse();
      const named =
        typeof body === 'object' && body && 'error' in body && typeof body.error === 'string' && /^[a-z_]+$/.test(body.error) ? body.error : undefined;
      return { status: error.getStatus(), message: typeof body === 'object' && body && 'message' in body ? body.message : error.message, code: named };
    }
    // A restart or failover of PostgreSQL: the request may be retried (the pool reconnects by itself), not a 500.
    if (isDatabaseUnavailable(error)) return { status: 503, message: HTTP_MESSAGES.databaseUnavailable };
    const fastify = error as { statusCode?: number; code?: string; message?: string };
    if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
      return { status: fastify.statusCode, message: fastifyMessage(fastify.code, fastify.message) };
    }
    return { status: 500, message: HTTP_MESSAGES.internalError };
  }
}

function fastifyMessage(code: string | undefined, message: string | undefined): string {
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return HTTP_MESSAGES.invalidJson(message ?? '');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return HTTP_MESSAGES.unsupportedContentType(message ?? '');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return HTTP_MESSAGES.bodyTooLarge;
    default:
      return message ?? HTTP_MESSAGES.badRequest;
  }
}
