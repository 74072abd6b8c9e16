import { BadRequestException } from '@nestjs/common';
import { encodeCursor } from '../common/http/cursor';
import { priorityLabel, QueueCursor, queueLevels, PRIORITY_LEVELS } from './queue-cursor';

const ID = '0b6f1c3e-8a7d-4c2b-9e1f-2d3c4b5a6f70';
const AT = '2026-03-01T10:20:30.123456Z';

describe('QueueCursor', () => {
  const sut = QueueCursor;

  it('round-trips priority, microsecond timestamp and id', () => {
    expect(sut.decode(sut.encode({ priority: 2, createdAt: AT, id: ID }))).toEqual({ priority: 2, createdAt: AT, id: ID });
  });

  it.each([
    ['garbage', 'not a cursor'],
    ['an unknown priority', encodeCursor('7', AT, ID)],
    ['a missing priority', encodeCursor(AT, ID)],
    ['a timestamp without microseconds', encodeCursor('1', '2026-03-01T10:20:30.123Z', ID)],
    ['an impossible date', encodeCursor('1', '2026-13-01T10:20:30.123456Z', ID)],
    ['an id that is not a UUID', encodeCursor('1', AT, 'abc')],
    ['extra parts', encodeCursor('1', AT, ID, 'x')],
  ])('refuses %s with a 400', (_case, cursor) => {
    expect(() => sut.decode(cursor)).toThrow(BadRequestException);
  });
});

describe('queueLevels', () => {
  it('reads every priority, highest first, from the start', () => {
    expect(queueLevels()).toEqual([{ priority: 2 }, { priority: 1 }, { priority: 0 }]);
    expect(PRIORITY_LEVELS).toEqual([2, 1, 0]);
  });

  it('continues within the cursor\'s priority after its key, then reads the lower ones whole', () => {
    expect(queueLevels({ priority: 1, createdAt: AT, id: ID })).toEqual([{ priority: 1, after: { createdAt: AT, id: ID } }, { priority: 0 }]);
  });

  it('reads only the lowest priority after a cursor in it', () => {
    expect(queueLevels({ priority: 0, createdAt: AT, id: ID })).toEqual([{ priority: 0, after: { createdAt: AT, id: ID } }]);
  });
});

describe('priorityLabel', () => {
  it('names crisis high, held normal and reported low', () => {
    expect([2, 1, 0].map(priorityLabel)).toEqual(['high', 'normal', 'low']);
  });
});
