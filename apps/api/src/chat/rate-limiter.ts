/**
 * A sliding-window limit per key (here: per user), kept in this process. With several API processes
 * behind a balancer a user's sockets usually land on one of them (sticky sessions), so a per-process
 * window bounds a flood well enough; slow mode, which must hold across processes, is checked in the database.
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
