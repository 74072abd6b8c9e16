import { BadRequestException } from '@nestjs/common';
import { TimeCursor } from './time-cursor';

const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('TimeCursor', () => {
  it('round-trips a key with microsecond precision', () => {
    const key = { createdAt: '2026-11-24T13:39:28.123456Z', id };
    expect(TimeCursor.decode(TimeCursor.encode(key))).toEqual(key);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['characters outside base64url', '///'],
    ['a millisecond timestamp', encode(`2026-11-24T13:39:28.123Z|${id}`)],
    ['month 13', encode(`2026-13-01T00:00:00.000000Z|${id}`)],
    ['February 30th', encode(`2026-02-30T00:00:00.000000Z|${id}`)],
    ['hour 25', encode(`2026-01-01T25:00:00.000000Z|${id}`)],
    ['an id of dashes', encode(`2026-01-01T00:00:00.000000Z|${'-'.repeat(36)}`)],
    ['a missing id', encode('2026-01-01T00:00:00.000000Z')],
    ['SQL', encode(`2026-01-01T00:00:00.000000Z|${id}' OR 1=1 --`)],
  ])('refuses %s with a 400', (_case, cursor) => {
    expect(() => TimeCursor.decode(cursor)).toThrow(BadRequestException);
  });
});
