import { createServer, Socket as TcpSocket, type Server } from 'node:net';

/**
 * A TCP proxy in front of a server (Redis, PostgreSQL) that a test can cut and restore, as a network
 * outage would: cutting drops every open connection and refuses new ones; restoring listens again on
 * the same port.
 */
export class CuttableProxy {
  private server?: Server;
  private readonly open = new Set<TcpSocket>();
  port = 0;

  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = new TcpSocket();
      upstream.connect(this.targetPort, this.host);
      for (const s of [client, upstream]) {
        this.open.add(s);
        s.on('close', () => this.open.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  get up(): boolean {
    return this.server !== undefined;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.open) s.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}
