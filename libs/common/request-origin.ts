import { AsyncLocalStorage } from 'node:async_hooks';

/** Where the request being handled came from, for the audit log's "from where". */
export interface RequestOrigin {
  ip: string | null;
  /** Fastify's request id, which its own log lines carry as `reqId`. */
  requestId?: string;
}

const origin = new AsyncLocalStorage<RequestOrigin>();

/** Runs `work` (an HTTP request's handling) with its origin in async context. */
export function runWithOrigin<T>(from: RequestOrigin, work: () => T): T {
  return origin.run(from, work);
}

/** The origin of the request being handled, or undefined outside one (the worker, the CLI). */
export function currentOrigin(): RequestOrigin | undefined {
  return origin.getStore();
}
