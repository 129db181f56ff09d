import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../libs/db/data-source.js';
import { loggedClientClass } from '../libs/db/pg-client.js';
import { createTestDatabase, sql } from './support/database.js';

/**
 * A session the server ends (the database dropped, an administrator's pg_terminate_backend) while a client is
 * checked out of a pool — BullMQ's PostgreSQL backend migrating at start, a TypeORM query runner — is logged, and the
 * process carries on: with no 'error' listener pg's EventEmitter would throw and kill it.
 */
describe('PostgreSQL sessions ended under a checked-out client', () => {
  let db: { url: string; drop(): Promise<void> };
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);

  beforeAll(async () => {
    db = await createTestDatabase({ seeded: false });
  });
  afterAll(async () => {
    warn.mockRestore();
    await db?.drop();
  });

  /** Ends `client`'s session from another connection and waits until the client has seen it go. */
  async function terminate(client: pg.PoolClient): Promise<void> {
    const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
    const ended = new Promise((resolve) => client.once('end', resolve));
    await sql(db.url, 'SELECT pg_terminate_backend($1)', [pid]);
    await ended;
  }

  it("is logged for a pool made with the queue's client class, and the pool makes a new client", async () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 1, Client: loggedClientClass('duban-queue') });
    pool.on('error', () => undefined);
    const client = await pool.connect();
    await terminate(client);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('数据库连接（duban-queue）中断'));
    client.release(true);
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await pool.end();
  });

  it("is logged for the application's own pool, and the next query runs", async () => {
    warn.mockClear();
    const dataSource = new DataSource(dataSourceOptions(db.url, { extra: { max: 1 } }));
    await dataSource.initialize();
    // The pool TypeORM made from dataSourceOptions, checked out as BullMQ or a migration lock does (no listener of their own).
    const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
    const client = await pool.connect();
    await terminate(client);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('数据库连接（duban）中断'));
    client.release(true);
    expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await dataSource.destroy();
  });
});
