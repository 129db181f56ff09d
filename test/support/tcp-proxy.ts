import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  url(scheme: string): string;
  /** Drops every connection and refuses new ones: the service behind looks down. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** A TCP forwarder to 127.0.0.1:`targetPort` that a test can cut and restore, to take a real service "down" without touching it. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = async () => {
    const instance = createServer((client) => {
      const upstream = createConnection(targetPort, '127.0.0.1');
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => instance.listen(port, '127.0.0.1', resolve));
    port = (instance.address() as { port: number }).port;
    server = instance;
  };
  const cut = async () => {
    const instance = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (instance) await new Promise<void>((resolve) => instance.close(() => resolve()));
  };
  await listen();
  return { url: (scheme) => `${scheme}://127.0.0.1:${port}`, cut, restore: listen, close: cut };
}
