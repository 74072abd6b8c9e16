import { Batcher } from './batcher';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A handler whose batches the test finishes by hand, oldest first, recording what each batch held. */
function manualHandler() {
  const batches: number[][] = [];
  const finishers: Array<() => void> = [];
  const handler = (items: number[]) => {
    batches.push(items);
    return new Promise<Array<PromiseSettledResult<string>>>((resolve) => {
      finishers.push(() => resolve(items.map((n) => ({ status: 'fulfilled', value: `done ${n}` }))));
    });
  };
  // The batch settles in a microtask, and the next one starts in the same turn.
  const finishOldest = async () => {
    finishers.shift()?.();
    await tick();
    await tick();
  };
  return { handler, batches, finishOldest };
}

describe('Batcher', () => {
  it('runs a lone item at once, in a batch of its own', async () => {
    const { handler, batches, finishOldest } = manualHandler();
    const sut = new Batcher(handler, { maxSize: 10, concurrency: 1 });
    const result = sut.submit(1);
    await tick();
    expect(batches).toEqual([[1]]);
    await finishOldest();
    await expect(result).resolves.toBe('done 1');
  });

  it('sends what arrived while the batches were in flight as the next batch, capped at maxSize', async () => {
    const { handler, batches, finishOldest } = manualHandler();
    const sut = new Batcher(handler, { maxSize: 3, concurrency: 2 });
    const results = [sut.submit(1)];
    await tick();
    results.push(sut.submit(2));
    await tick();
    expect(batches).toEqual([[1], [2]]);
    results.push(...[3, 4, 5, 6].map((n) => sut.submit(n)));
    await tick();
    expect(batches).toHaveLength(2);
    await finishOldest();
    expect(batches).toEqual([[1], [2], [3, 4, 5]]);
    await finishOldest();
    expect(batches).toEqual([[1], [2], [3, 4, 5], [6]]);
    await finishOldest();
    await finishOldest();
    await expect(Promise.all(results)).resolves.toEqual(['done 1', 'done 2', 'done 3', 'done 4', 'done 5', 'done 6']);
  });

  it('handles items with one key one at a time, in arrival order, without holding up other keys', async () => {
    const { handler, batches, finishOldest } = manualHandler();
    const sut = new Batcher(handler, { maxSize: 10, concurrency: 2, keyOf: (n: number) => String(n % 10) });
    const results = [1, 11, 2, 21, 3].map((n) => sut.submit(n));
    await tick();
    expect(batches).toEqual([[1, 2, 3]]);
    await finishOldest();
    expect(batches).toEqual([[1, 2, 3], [11]]);
    await finishOldest();
    expect(batches).toEqual([[1, 2, 3], [11], [21]]);
    await finishOldest();
    await expect(Promise.all(results)).resolves.toEqual(['done 1', 'done 11', 'done 2', 'done 21', 'done 3']);
  });

  it('settles each item on its own, and fails only the batch whose handler throws', async () => {
    let calls = 0;
    const sut = new Batcher<number, string>(
      (items) => {
        if (++calls === 1) return Promise.reject(new Error('database away'));
        return Promise.resolve(items.map((n) => (n < 0 ? { status: 'rejected', reason: new Error(`bad ${n}`) } : { status: 'fulfilled', value: `done ${n}` })));
      },
      { maxSize: 10, concurrency: 1 },
    );
    await expect(sut.submit(1)).rejects.toThrow('database away');
    const [good, bad] = [sut.submit(2), sut.submit(-3)];
    await expect(good).resolves.toBe('done 2');
    await expect(bad).rejects.toThrow('bad -3');
  });

  it('starts the next batch in the turn one finishes, before what that batch deferred with setImmediate', async () => {
    const order: string[] = [];
    const sut = new Batcher<number, number>(
      (items) => {
        order.push(`batch ${items.join(',')}`);
        return new Promise((resolve) =>
          setTimeout(() => {
            setImmediate(() => order.push(`after ${items.join(',')}`));
            resolve(items.map((n) => ({ status: 'fulfilled', value: n })));
          }, 5),
        );
      },
      { maxSize: 10, concurrency: 1 },
    );
    const first = sut.submit(1);
    await tick();
    const rest = [sut.submit(2), sut.submit(3)];
    await Promise.all([first, ...rest]);
    await tick();
    expect(order).toEqual(['batch 1', 'batch 2,3', 'after 1', 'after 2,3']);
  });
});
