export interface BatcherOptions<T> {
  /** The most items one batch takes; the rest wait for the next. */
  maxSize: number;
  /** How many batches may be in flight at once. */
  concurrency: number;
  /**
   * Items with one key are handled one at a time, in arrival order: a later one waits until the
   * batch holding the earlier one has finished, so it sees what that batch wrote.
   */
  keyOf?: (item: T) => string;
}

interface Waiting<T, R> {
  item: T;
  key: string | undefined;
  resolve: (result: R) => void;
  reject: (reason: unknown) => void;
}

/**
 * Gathers concurrent calls into batches for a handler that does the work of many at the cost of one
 * (e.g. one database round trip for all). There is no timer: a call starts a batch in the same turn
 * of the event loop (setImmediate, so calls that arrived together go together) unless `concurrency`
 * batches are already in flight; calls that arrive meanwhile form the next batch, which starts as
 * soon as one finishes, in the same turn. Under light load
 * every batch holds one item and waits for nothing; under heavy load batches grow to what arrived
 * while the previous ones ran.
 *
 * The handler settles each item on its own, so one bad item does not fail the others; if the handler
 * itself throws, every item of that batch fails with the error.
 */
export class Batcher<T, R> {
  /** Items ready for the next batch, in arrival order; at most one per key. */
  private readonly waiting: Array<Waiting<T, R>> = [];
  /** Per key, the items behind the one that is waiting or in flight (a flood from one key waits here). */
  private readonly parked = new Map<string, Array<Waiting<T, R>>>();
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly handler: (items: T[]) => Promise<Array<PromiseSettledResult<R>>>,
    private readonly options: BatcherOptions<T>,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const waiting = { item, key: this.options.keyOf?.(item), resolve, reject };
      const behind = waiting.key === undefined ? undefined : this.parked.get(waiting.key);
      if (behind) {
        behind.push(waiting);
      } else {
        if (waiting.key !== undefined) this.parked.set(waiting.key, []);
        this.waiting.push(waiting);
        if (this.inFlight < this.options.concurrency) this.schedule();
      }
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.startWaiting();
    });
  }

  private async run(batch: Array<Waiting<T, R>>): Promise<void> {
    this.inFlight++;
    let results: Array<PromiseSettledResult<R>>;
    try {
      results = await this.handler(batch.map((w) => w.item));
    } catch (error) {
      results = batch.map(() => ({ status: 'rejected', reason: error }));
    }
    batch.forEach((waiting, i) => {
      const result = results[i] ?? { status: 'rejected', reason: new Error('the batch handler gave no result for this item') };
      if (result.status === 'fulfilled') waiting.resolve(result.value);
      else waiting.reject(result.reason);
    });
    for (const { key } of batch) if (key !== undefined) this.release(key);
    this.inFlight--;
    // The next batch starts in this turn, not on a later one: what the finished batch deferred with
    // setImmediate (the chat fan-out) then runs while the next batch waits on its first round trip.
    this.startWaiting();
  }

  private startWaiting(): void {
    while (this.inFlight < this.options.concurrency && this.waiting.length > 0) {
      void this.run(this.waiting.splice(0, this.options.maxSize));
    }
  }

  /** The key's next parked item becomes ready; with none left, the key is free. */
  private release(key: string): void {
    const behind = this.parked.get(key);
    const next = behind?.shift();
    if (next) this.waiting.push(next);
    else this.parked.delete(key);
  }
}
