import { createServer, type Server, type Socket } from 'node:net';
import { RetryableJobError } from './job-handler.js';
import { QueueConnection, type QueueSettings } from './queue-connection.js';

/**
 * A few lines of RESP: enough of a Redis for ioredis to connect and for the
 * eviction-policy check, answering CONFIG GET as `config` says (null: CONFIG disabled).
 */
async function fakeRedis(policy: string, config: 'enabled' | 'disabled'): Promise<{ url: string; close(): Promise<void> }> {
  const bulk = (text: string) => `$${Buffer.byteLength(text)}\r\n${text}\r\n`;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    let buffer = '';
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      // Each command is an array of bulk strings; answer per command name.
      const commands = buffer.split(/(?=\*\d+\r\n)/).filter((c) => c.length > 0);
      buffer = '';
      for (const command of commands) {
        const words = command
          .split('\r\n')
          .filter((_, i) => i > 0 && i % 2 === 0)
          .map((w) => w.toLowerCase());
        if (words[0] === 'info') socket.write(bulk(`# Server\r\nredis_version:7.2.0\r\nloading:0\r\n# Memory\r\nmaxmemory_policy:${policy}\r\n`));
        else if (words[0] === 'config' && config === 'enabled') socket.write(`*2\r\n${bulk('maxmemory-policy')}${bulk(policy)}`);
        else if (words[0] === 'config') socket.write("-ERR unknown command 'CONFIG'\r\n");
        else if (words[0] === 'quit') socket.end('+OK\r\n');
        else socket.write('+OK\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `redis://127.0.0.1:${port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const settings = (redisUrl?: string): QueueSettings => ({
  redisUrl,
  databaseUrl: 'postgres://unused',
  prefix: 'spec',
  lockMs: 30_000,
  retryBaseMs: 2000,
  retryMaxMs: 600_000,
});

describe('QueueConnection', () => {
  it.each([
    ['allkeys-lru', 'enabled'],
    ['volatile-ttl', 'disabled'],
  ] as const)('refuses a Redis whose maxmemory-policy is %s (CONFIG %s)', async (policy, config) => {
    const redis = await fakeRedis(policy, config);
    const connection = new QueueConnection(settings(redis.url));
    try {
      await expect(connection.open()).rejects.toThrow(`maxmemory-policy 为 ${policy}`);
    } finally {
      await connection.close();
      await redis.close();
    }
  });

  it.each(['enabled', 'disabled'] as const)('accepts noeviction (CONFIG %s)', async (config) => {
    const redis = await fakeRedis('noeviction', config);
    const connection = new QueueConnection(settings(redis.url));
    try {
      await connection.open();
      expect(connection.writable).toBe(true);
    } finally {
      await connection.close();
      await redis.close();
    }
  });

  it('starts degraded, and closes quickly, when Redis is unreachable', async () => {
    const connection = new QueueConnection(settings('redis://127.0.0.1:1'));
    await connection.open();
    expect(connection.writable).toBe(false);
    await expect(connection.check()).rejects.toThrow('Redis 不可达');
    const started = Date.now();
    await connection.close();
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('backs off exponentially, capped, and never past a retry’s deadline', () => {
    const connection = new QueueConnection(settings());
    expect([1, 2, 3, 4].map((n) => connection.backoff(n))).toEqual([2000, 4000, 8000, 16_000]);
    expect(connection.backoff(30)).toBe(600_000);
    const soon = new RetryableJobError('x', new Date(Date.now() + 1000));
    expect(connection.backoff(10, soon)).toBeLessThanOrEqual(1000);
    expect(connection.backoff(10, new RetryableJobError('x', new Date(Date.now() - 5000)))).toBe(0);
  });
});
