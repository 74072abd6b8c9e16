import { LocalRateLimit, SlidingWindowLimiter } from './rate-limiter';

describe('SlidingWindowLimiter', () => {
  it('allows `limit` hits per window and refuses the next', () => {
    const sut = new SlidingWindowLimiter(5, 5000);
    for (let i = 0; i < 5; i++) expect(sut.take('u1', 1000 + i)).toBe(true);
    expect(sut.take('u1', 1010)).toBe(false);
    expect(sut.take('u2', 1010)).toBe(true);
  });

  it('allows again once the oldest hit leaves the window, and refused hits do not extend it', () => {
    const sut = new SlidingWindowLimiter(2, 1000);
    expect(sut.take('u', 0)).toBe(true);
    expect(sut.take('u', 500)).toBe(true);
    expect(sut.take('u', 900)).toBe(false);
    expect(sut.take('u', 1001)).toBe(true);
  });

  it('forgets idle keys on sweep', () => {
    const sut = new SlidingWindowLimiter(1, 1000);
    sut.take('u', 0);
    sut.sweep(5000);
    expect(sut.take('u', 5001)).toBe(true);
  });
});

describe('LocalRateLimit', () => {
  it('answers a batch in order: null keys are not counted, and one key twice counts twice', async () => {
    const sut = new LocalRateLimit(2, 5000);
    try {
      expect(await sut.take(['a', null, 'a', 'b', 'a', null])).toEqual([true, true, true, true, false, true]);
    } finally {
      sut.close();
    }
  });
});
