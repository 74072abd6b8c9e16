import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';

/**
 * A sliding-window limit per key (here: per user), kept in this process: the limit of a single API
 * process, and what a process falls back to while Redis is away.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Records a hit and says whether it was within the limit; a refused hit is not recorded. */
  take(key: string, now = Date.now()): boolean {
    const since = now - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }

  /** Drops keys with no hit in the window, so idle users cost no memory. */
  sweep(now = Date.now()): void {
    const since = now - this.windowMs;
    for (const [key, times] of this.hits) if (!times.some((t) => t > since)) this.hits.delete(key);
  }
}

/**
 * The chat's per-user send limit, asked once per batch of sends: for each key (null: the send is not
 * counted) whether it is within the limit. Keys are taken in order, so one user's two sends in a
 * batch count as two.
 */
export interface ChatRateLimit {
  take(keys: ReadonlyArray<string | null>): Promise<boolean[]>;
  close(): void;
}

/** The limit counted in this process (one API process, or no Redis). */
export class LocalRateLimit implements ChatRateLimit {
  private readonly limiter: SlidingWindowLimiter;
  private readonly sweeper: NodeJS.Timeout;

  constructor(limit: number, windowMs: number) {
    this.limiter = new SlidingWindowLimiter(limit, windowMs);
    this.sweeper = setInterval(() => this.limiter.sweep(), 60_000).unref();
  }

  take(keys: ReadonlyArray<string | null>): Promise<boolean[]> {
    return Promise.resolve(this.takeNow(keys));
  }

  takeNow(keys: ReadonlyArray<string | null>): boolean[] {
    const now = Date.now();
    return keys.map((key) => key === null || this.limiter.take(key, now));
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}

/**
 * One sliding window per key in a sorted set of hit times, for every key of a batch in one call.
 * Time is Redis's own, so processes whose clocks differ still share one window. A refused hit is
 * not recorded, as in SlidingWindowLimiter.
 */
const TAKE_SCRIPT = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local allowed = {}
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) < limit then
    redis.call('ZADD', key, now, ARGV[3] .. ':' .. i)
    redis.call('PEXPIRE', key, window)
    allowed[i] = 1
  else
    allowed[i] = 0
  end
end
return allowed`;

/**
 * The limit shared by every API process through Redis (REDIS_URL): counted per process, a user with
 * sockets on two processes could send twice as much. While Redis is unreachable a process counts on
 * its own rather than failing sends, and shares again as soon as Redis answers (the rule login
 * throttling and the Socket.IO adapter follow too).
 */
export class SharedRateLimit implements ChatRateLimit {
  private readonly logger = new Logger('ChatRateLimit');
  private readonly local: LocalRateLimit;
  private readonly redis: Redis;
  private alone = false;

  constructor(
    url: string,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly prefix = 'asclepia:chat-rate:',
  ) {
    this.local = new LocalRateLimit(limit, windowMs);
    // No offline queue, no retries and a short timeout: while Redis is away or hung, a batch of sends
    // must not wait for it.
    this.redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 500 });
    this.redis.on('error', () => undefined); // reported once per outage, below
    this.redis.defineCommand('takeChatRate', { lua: TAKE_SCRIPT });
  }

  async take(keys: ReadonlyArray<string | null>): Promise<boolean[]> {
    const counted = keys.flatMap((key, i) => (key === null ? [] : [{ key, i }]));
    if (counted.length === 0) return keys.map(() => true);
    try {
      const redis = this.redis as Redis & { takeChatRate(...args: Array<string | number>): Promise<number[]> };
      const answers = await redis.takeChatRate(counted.length, ...counted.map((c) => this.prefix + c.key), this.limit, this.windowMs, randomBytes(6).toString('hex'));
      if (this.alone) {
        this.alone = false;
        this.logger.log('Redis answers again: the chat rate limit is shared across processes');
      }
      const allowed = keys.map(() => true);
      counted.forEach(({ i }, n) => (allowed[i] = answers[n] === 1));
      return allowed;
    } catch (error) {
      if (!this.alone) {
        this.alone = true;
        this.logger.warn(`Redis unreachable (${error instanceof Error ? error.message : String(error)}): the chat rate limit counts in this process only`);
      }
      return this.local.takeNow(keys);
    }
  }

  close(): void {
    this.local.close();
    this.redis.disconnect();
  }
}
