import type { LoggerService } from '@nestjs/common';
import { type Logger as Pino, pino } from 'pino';
import { currentOrigin } from '../libs/common/request-origin.js';
import { logSafeUrl } from '../libs/common/log-safe-url.js';
import type { AppConfig } from '../libs/config/app-config.js';

/**
 * One log format for the whole process: pino's JSON lines — `level` (a word), `time` (ISO), `msg`, `pid`,
 * `context` (the Nest logger's name, `HTTP` for Fastify's lines), `reqId` inside a request — from Nest, Fastify
 * and duban alike. Pretty, one line each, when a person is reading: `LOG_FORMAT=pretty`, or a terminal when
 * LOG_FORMAT is unset. One root logger per process and setting.
 */
const roots = new Map<string, Pino>();

export function rootLogger(config: Pick<AppConfig, 'LOG_LEVEL' | 'LOG_FORMAT'>): Pino {
  const pretty = config.LOG_FORMAT === 'pretty' || (config.LOG_FORMAT === undefined && process.stdout.isTTY === true);
  const key = `${config.LOG_LEVEL}:${pretty}`;
  let root = roots.get(key);
  if (!root) {
    const options = {
      level: config.LOG_LEVEL,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label: string) => ({ level: label }) },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      // Fastify's own lines (a client error, a timeout) carry the request: its URL through the credential mask.
      serializers: { req: (request: { method: string; url: string }) => ({ method: request.method, url: logSafeUrl(request.url) }) },
      ...(pretty
        ? {
            transport: {
              target: 'pino-pretty',
              options: {
                translateTime: 'SYS:HH:MM:ss',
                ignore: 'pid,hostname,context,reqId',
                messageFormat: '{if context}[{context}] {end}{msg}',
                singleLine: true,
              },
            },
          }
        : {}),
    };
    // JSON to stdout synchronously: a line logged just before the process exits is not lost.
    root = pretty ? pino(options) : pino(options, pino.destination({ dest: 1, sync: true }));
    roots.set(key, root);
    routeProcessWarnings(root);
  }
  return root;
}

let warningsRouted = false;

/**
 * Node.js prints its warnings (a library's deprecation, say) as bare text on stderr, outside the one format:
 * they go through the first root logger instead, with the stack that says where they came from.
 */
function routeProcessWarnings(root: Pino): void {
  if (warningsRouted) return;
  warningsRouted = true;
  process.removeAllListeners('warning');
  process.on('warning', (warning: Error & { code?: string }) =>
    root.warn({ context: 'Process', warning: warning.name, code: warning.code, stack: warning.stack?.split('\n').slice(1, 6).join('\n') }, warning.message),
  );
}

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** Nest's LoggerService written through pino, so `new Logger('Calendar').warn(…)` is one more JSON line of the same shape. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}

  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }

  /** Nest passes `(message, ...extra, context)`; for errors the extra is a stack. An object message keeps its fields. */
  private write(level: Level, message: unknown, params: unknown[]) {
    const rest = [...params];
    const context = typeof rest.at(-1) === 'string' ? (rest.pop() as string) : undefined;
    const reqId = currentOrigin()?.requestId;
    const fields: Record<string, unknown> = { ...(context ? { context } : {}), ...(reqId ? { reqId } : {}) };
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, message.message);
      return;
    }
    if (typeof message === 'object' && message !== null) {
      const text = typeof rest[0] === 'string' ? (rest.shift() as string) : '';
      this.pino[level]({ ...fields, ...(message as Record<string, unknown>) }, text);
      return;
    }
    if (typeof rest[0] === 'string' && rest[0].length > 0) fields.stack = rest[0];
    this.pino[level](fields, String(message));
  }
}
