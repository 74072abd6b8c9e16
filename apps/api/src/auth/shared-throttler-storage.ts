import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import Redis from 'ioredis';

/**
 * Login throttling shared by every API process through Redis (REDIS_URL). Counted per process, N
 * processes would allow N times the guesses against one account.
 *
 * While Redis is unreachable a process counts on its own rather than failing logins with a 500,
 * and goes back to the shared counts as soon as Redis answers again: the rule chat follows too,
 * each process keeps serving its own clients.
 */
export class SharedThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('Throttler');
  private readonly local = new ThrottlerStorageService();
  private readonly redis: Redis;
  private readonly shared: ThrottlerStorageRedisService;
  private alone = false;

  constructor(url: string) {
    // No offline queue and no retries: while Redis is away a login must not wait for it.
    this.redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    this.redis.on('error', () => undefined); // reported once per outage, below
    this.shared = new ThrottlerStorageRedisService(this.redis);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): ReturnType<ThrottlerStorage['increment']> {
    try {
      const record = await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
      if (this.alone) {
        this.alone = false;
        this.logger.log('Redis answers again: login throttling is shared across processes');
      }
      return record;
    } catch (error) {
      if (!this.alone) {
        this.alone = true;
        this.logger.warn(`Redis unreachable (${error instanceof Error ? error.message : String(error)}): login throttling counts in this process only`);
      }
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
    this.redis.disconnect();
  }
}
