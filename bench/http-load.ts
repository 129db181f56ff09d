/**
 * What the HTTP benches share: the real API started in this process on a free port,
 * users with real tokens, autocannon run as a child process (so the load generator
 * does not share the server's event loop), and a bare `pg` loop replaying the
 * statements a route sent.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { createHttpApp } from '../apps/api/http-app.js';
import { benchRuntime } from './report.js';
import type { Runtime } from '../apps/bootstrap.js';
import { UserService } from '../libs/auth/user.service.js';
import { Role } from '../libs/common/roles.js';
import { type AppConfig, loadConfig } from '../libs/config/app-config.js';

export const CONNECTIONS = 50;
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ADMIN = { email: 'admin@bench.duban', password: 'bench-Chief-Pass-2026' };

export interface Load {
  /** Requests (or statement rounds) per second. */
  rate: number;
  p99Ms: number;
  /** Answers other than 2xx, and errors: a bench refuses a run that has any. */
  failures: number;
}

export interface BenchApp {
  url: string;
  nest: NestFastifyApplication;
  config: AppConfig;
  runtime: Runtime;
  /** A new user of `role` (made through the admin API) and its token from the login route. */
  user(role: string, departmentCode?: string): Promise<{ id: string; token: string }>;
  close(): Promise<void>;
}

/** The real HTTP app (createHttpApp) on `databaseUrl`, listening on a free port of 127.0.0.1. */
export async function startBenchApp(databaseUrl: string, env: Record<string, string> = {}, alongside: Array<Type | DynamicModule> = []): Promise<BenchApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'duban-bench-data-'));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '1000',
    SEED_ON_START: 'false',
    ...env,
  });
  const runtime = benchRuntime(config, databaseUrl);
  const nest = await createHttpApp(runtime, alongside);
  await nest.listen(0, '127.0.0.1');
  const url = (await nest.getUrl()).replace('[::1]', '127.0.0.1');
  // The dataset has users already, so ensureAdmin() made none: add this run's own administrator.
  const admin = { email: `admin-${process.pid}-${Date.now()}@bench.duban`, password: ADMIN.password };
  await nest.get(UserService).create(null, { email: admin.email, name: 'bench', password: admin.password, role: Role.Admin, mustChangePassword: false });
  const adminToken = await login(url, admin.email, admin.password);
  let counter = 0;
  return {
    url,
    nest,
    config,
    runtime,
    async user(role, departmentCode) {
      const email = `bench-${role}-${++counter}-${Date.now()}@bench.duban`;
      const password = 'bench-password-123';
      const { id } = (await call(url, adminToken, 'POST', '/api/v1/users', {
        email,
        name: `${role}-${counter}`,
        password,
        role,
        departmentCode,
        mustChangePassword: false,
      })) as {
        id: string;
      };
      return { id, token: await login(url, email, password) };
    },
    async close() {
      await nest.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function login(base: string, email: string, password: string): Promise<string> {
  return ((await call(base, undefined, 'POST', '/api/v1/auth/login', { email, password })) as { accessToken: string }).accessToken;
}

export async function call(base: string, token: string | undefined, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${base}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** autocannon in a child process: `CONNECTIONS` connections for `SECONDS` seconds, after a 2-second warm-up run. */
export async function autocannon(url: string, token?: string): Promise<Load> {
  const cli = createRequire(import.meta.url).resolve('autocannon');
  const run = (seconds: number) =>
    new Promise<Load>((resolve, reject) => {
      const args = [cli, '-c', String(CONNECTIONS), '-d', String(seconds), '-j', ...(token ? ['-H', `authorization=Bearer ${token}`] : []), url];
      execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout) => {
        if (error) return reject(error);
        const result = JSON.parse(stdout) as { requests: { average: number }; latency: { p99: number }; non2xx: number; errors: number; timeouts: number };
        resolve({ rate: result.requests.average, p99Ms: result.latency.p99, failures: result.non2xx + result.errors + result.timeouts });
      });
    });
  await run(2);
  const load = await run(SECONDS);
  if (load.failures > 0) throw new Error(`${url}: ${load.failures} answers were not 2xx or failed`);
  return load;
}

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The statements `work` sends through the `pg` driver, in order (TypeORM uses the same
 * `pg` module, so its queries pass through pg.Client.prototype.query).
 */
export async function capturedStatements(work: () => Promise<unknown>): Promise<Statement[]> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const seen: Statement[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string') seen.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first === 'object' && 'text' in first) {
      const config = first as { text: string; values?: unknown[] };
      seen.push({ text: config.text, values: config.values ?? [] });
    }
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return seen;
}

/**
 * The bare `pg` ceiling: `CONNECTIONS` clients, each sending `statements` one after the other
 * in a loop for `SECONDS` seconds (after a 2-second warm-up); a round is one request's worth.
 */
export async function barePg(databaseUrl: string, statements: Statement[]): Promise<Load> {
  const clients = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl, application_name: 'duban-bench-bare' });
      await client.connect();
      return client;
    }),
  );
  try {
    const run = async (seconds: number) => {
      const latencies: number[] = [];
      const until = performance.now() + seconds * 1000;
      await Promise.all(
        clients.map(async (client) => {
          while (performance.now() < until) {
            const start = performance.now();
            for (const s of statements) await client.query(s.text, s.values);
            latencies.push(performance.now() - start);
          }
        }),
      );
      latencies.sort((a, b) => a - b);
      return { rate: latencies.length / seconds, p99Ms: latencies[Math.floor(latencies.length * 0.99)], failures: 0 };
    };
    await run(2);
    return await run(SECONDS);
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}
