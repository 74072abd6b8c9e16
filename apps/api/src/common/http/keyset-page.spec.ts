import { toPage } from './keyset-page';

describe('toPage', () => {
  const sut = (rows: number[], limit: number) => toPage(rows, limit, (n) => `item ${n}`, (n) => `after ${n}`);

  it('returns at most `limit` items and a cursor after the last one when a row more was fetched', () => {
    expect(sut([1, 2, 3], 2)).toEqual({ items: ['item 1', 'item 2'], nextCursor: 'after 2' });
  });

  it('has no next cursor when the rows fit in the page', () => {
    expect(sut([1, 2], 2)).toEqual({ items: ['item 1', 'item 2'], nextCursor: null });
  });

  it('answers an empty list with no cursor', () => {
    expect(sut([], 20)).toEqual({ items: [], nextCursor: null });
  });
});
