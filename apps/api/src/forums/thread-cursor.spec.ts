import { BadRequestException } from '@nestjs/common';
import { TimeCursor } from '../common/http/time-cursor';
import { ThreadCursor } from './thread-cursor';

const key = { createdAt: '2026-11-24T13:39:28.123456Z', id: '0f8fad5b-d9cb-469f-a165-70867728950e' };

describe('ThreadCursor', () => {
  const sut = ThreadCursor;

  it.each([true, false])('round-trips a key with pinned=%s and microseconds intact', (pinned) => {
    expect(sut.decode(sut.encode({ ...key, pinned }))).toEqual({ ...key, pinned });
  });

  it('produces a single base64url token', () => {
    expect(sut.encode({ ...key, pinned: true })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['an empty string', ''],
    ['an unknown flag', `x${TimeCursor.encode(key)}`],
    ['a bare time cursor without the flag', TimeCursor.encode(key)],
    ['a flag with garbage after it', 'pnot-a-cursor'],
    ['a flag alone', 'p'],
  ])('refuses %s with a 400', (_case, cursor) => {
    expect(() => sut.decode(cursor)).toThrow(BadRequestException);
  });
});
