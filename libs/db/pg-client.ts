/**
 * pg clients that cannot crash the process. A pg Client emits 'error' when its server ends the session (the
 * database dropped or restarted, an administrator's pg_terminate_backend), even after the query it was running
 * has failed with the same cause; with no listener, EventEmitter throws and the process dies. pg-pool listens only
 * while a client is idle in the pool: a checked-out one (BullMQ's PostgreSQL backend migrating its schema at
 * start, for instance) has no listener of its own. These clients always have one, which logs (through Nest's
 * logger, so JSON in duban's processes) when nobody else is listening; the failed query still fails, and the pool
 * drops the client.
 */
import { Logger } from '@nestjs/common';
import pg from 'pg';

const log = new Logger('PostgreSQL');

/** Logs a client's error unless another listener (pg-pool's for an idle client, TypeORM's for a query runner) has it. */
export function logConnectionErrors<T extends pg.Client>(client: T, name = 'duban'): T {
  const listener = (error: Error) => {
    if (client.listenerCount('error') === 1) log.warn(`数据库连接（${name}）中断：${error.message}`);
  };
  client.on('error', listener);
  return client;
}

/** A pg Client class for a pool's `Client` option: every client it makes logs its errors instead of crashing. */
export function loggedClientClass(name: string): typeof pg.Client {
  return class LoggedClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(config);
      logConnectionErrors(this, name);
    }
  };
}
