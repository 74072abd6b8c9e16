import { localeOf } from './locale.decorator';

describe('localeOf', () => {
  it('reads US English from the first Accept-Language entry', () => {
    expect(localeOf('en-US,en;q=0.9')).toBe('en-US');
    expect(localeOf('en-us')).toBe('en-US');
  });

  it('falls back to Indian English for anything else, or nothing', () => {
    expect(localeOf('en-IN')).toBe('en-IN');
    expect(localeOf('hi-IN,en;q=0.8,en-US;q=0.5')).toBe('en-IN');
    expect(localeOf(undefined)).toBe('en-IN');
    expect(localeOf('')).toBe('en-IN');
  });
});
