import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { captureOutput } from './child-output.js';
import { sql } from './database.js';
import { waitFor } from './worker.js';

/**
 * Real API processes (`node dist/apps/api/main.js`, as `npm run start:api`
 * runs them, from the build `npm test` makes first) and what tests watch of
 * spawned processes: resident memory and PostgreSQL sessions.
 */
export interface ApiProcess {
  child: ChildProcess;
  url: string;
  port: number;
  output(): string;
  exited: Promise<number | string | null>;
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | string | null>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Spawns an API (or, with `entry` 'dist/apps/main.js', `npm start`'s API and worker) on a free port and resolves once its `/health`
 * answers 200. `cwd` runs another checkout's build (an older version, for the rolling upgrade).
 */
export async function spawnApi(env: Record<string, string>, readyMs = 60_000, entry = 'dist/apps/api/main.js', cwd?: string): Promise<ApiProcess> {
  const port = await freePort();
  const childEnv: Record<string, string | undefined> = { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env, PORT: String(port) };
  delete childEnv.NODE_OPTIONS; // Jest's --experimental-vm-modules is not for the child.
  const child = spawn(process.execPath, [entry], { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  // Another checkout's build (an older version) may log in its own format: only this version's lines are checked.
  const output = captureOutput(child, childEnv, cwd === undefined);
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    `the API on port ${port}`,
    async () => {
      if (child.exitCode !== null) throw new Error(`API exited before it was ready:\n${output()}`);
      return fetch(`${url}/health`).then(
        (res) => res.status === 200,
        () => false,
      );
    },
    readyMs,
    100,
  );
  return { child, url, port, output, exited, stop: () => stopChild(child, exited) };
}

/** SIGTERM and the exit code; nothing when the child is gone already. */
export async function stopChild(child: ChildProcess, exited: Promise<number | string | null>): Promise<number | string | null> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  return exited;
}

/** Resident memory of a process in KiB (VmRSS of /proc/<pid>/status); null where there is no /proc. */
export function rssKiB(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** PostgreSQL sessions open on `databaseUrl`'s database, by application_name (duban's pool, its queue's pools, others). */
export async function databaseSessions(databaseUrl: string): Promise<Record<string, number>> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const rows = await sql<{ app: string; n: number }>(
    databaseUrl,
    "SELECT coalesce(nullif(application_name, ''), '?') AS app, count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() GROUP BY 1",
    [name],
  );
  return Object.fromEntries(rows.map((r) => [r.app, r.n]));
}

/** A JSON API client over fetch, with a per-request timeout; never throws on an HTTP status. */
export interface Reply {
  status: number;
  // any: the JSON of whichever route was called; callers read the fields they know it has.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function call(url: string, method: string, path: string, token?: string, body?: unknown, timeoutMs = 10_000): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: string | FormData | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${url}${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (a file): the text is the body
  }
  return { status: res.status, body: parsed };
}

/** Creates a user through an admin token and logs it in. */
export async function createUser(
  url: string,
  adminToken: string,
  email: string,
  role: string,
  departmentCode?: string,
): Promise<{ id: string; email: string; token: string }> {
  const password = 'password-123';
  const account = { email, name: email.split('@')[0], password, role, departmentCode };
  let created = await call(url, 'POST', '/api/v1/users', adminToken, { ...account, mustChangePassword: false });
  // A version before temporary passwords (the rolling upgrade's previous version) knows no such field and needs none.
  if (created.status === 400 && JSON.stringify(created.body).includes('mustChangePassword'))
    created = await call(url, 'POST', '/api/v1/users', adminToken, account);
  if (created.status !== 201) throw new Error(`create user ${email}: ${created.status} ${JSON.stringify(created.body)}`);
  const login = await call(url, 'POST', '/api/v1/auth/login', undefined, { email, password });
  if (login.status !== 200) throw new Error(`login ${email}: ${login.status}`);
  return { id: created.body.id as string, email, token: login.body.accessToken as string };
}

export async function login(url: string, email: string, password: string): Promise<string> {
  const res = await call(url, 'POST', '/api/v1/auth/login', undefined, { email, password });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

// A minimal valid PDF: evidence is recognised by content.
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export function evidenceForm(name = '佐证.pdf'): FormData {
  const form = new FormData();
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), name);
  return form;
}
