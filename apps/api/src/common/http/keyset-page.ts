/**
 * The `{ items, nextCursor }` page every list answers with. Callers fetch `limit + 1` rows: the
 * extra row only says whether there is a next page, and is never returned.
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function toPage<Row, Item>(rows: readonly Row[], limit: number, map: (row: Row) => Item, cursorOf: (last: Row) => string): Page<Item> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(map), nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}
