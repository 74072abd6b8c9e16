import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/** How long start-up waits for Redis before serving alone (it keeps reconnecting in the background). */
const CONNECT_WAIT_MS = 3000;

/**
 * Socket.IO for the whole app. With REDIS_URL, rooms span API processes through
 * `@socket.io/redis-adapter`; without it one process serves alone.
 *
 * Redis outages: each process keeps serving its own clients (the adapter delivers locally before it
 * publishes), and ioredis reconnects and re-subscribes on its own when Redis returns. Publishing
 * never queues while Redis is away (no offline queue: stale chat must not burst out minutes later),
 * and a failed publish is swallowed here, because the adapter does not await it and an unhandled
 * rejection would end the process.
 */
export class ChatIoAdapter extends IoAdapter {
  private readonly logger = new Logger('ChatIoAdapter');
  private clients: Redis[] = [];
  private adapter?: ReturnType<typeof createAdapter>;
  private lastErrorLog = 0;

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl?: string,
  ) {
    super(app);
  }

  /** Connects the publisher and subscriber; resolves once both are up or after CONNECT_WAIT_MS. */
  async connect(): Promise<void> {
    if (!this.redisUrl) return;
    const retryStrategy = (attempt: number) => Math.min(attempt * 100, 1000);
    const pub = new Redis(this.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy, lazyConnect: true });
    const sub = new Redis(this.redisUrl, { retryStrategy, lazyConnect: true, maxRetriesPerRequest: null });
    for (const [name, client] of [['publisher', pub], ['subscriber', sub]] as const) {
      client.on('error', (error: Error) => this.logError(name, error));
      client.on('ready', () => this.logger.log(`Redis ${name} ready`));
    }
    const publish = pub.publish.bind(pub);
    pub.publish = ((channel: string, message: string | Buffer) => publish(channel, message).catch(() => 0));
    this.clients = [pub, sub];
    this.adapter = createAdapter(pub, sub, { requestsTimeout: 1500 });
    const up = Promise.all([pub.connect(), sub.connect()]).then(() => true, () => false);
    const waited = await Promise.race([up, new Promise<false>((resolve) => setTimeout(() => resolve(false), CONNECT_WAIT_MS).unref())]);
    if (!waited) this.logger.warn('Redis is not reachable yet; serving this process alone until it is');
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    if (this.adapter) server.adapter(this.adapter);
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    // QUIT lets the sockets close cleanly; a client that cannot reach Redis is just dropped.
    await Promise.all(
      this.clients.map((client) =>
        Promise.race([client.quit().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 500).unref())]).finally(() => client.disconnect()),
      ),
    );
    this.clients = [];
  }

  private logError(name: string, error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLog < 10_000) return;
    this.lastErrorLog = now;
    this.logger.warn(`Redis ${name}: ${error.message}`);
  }
}
