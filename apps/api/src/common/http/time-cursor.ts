import { decodeCursor, encodeCursor } from './cursor';

/**
 * A keyset of (created_at, id), newest- or oldest-first lists alike. PostgreSQL keeps microseconds but a JS Date only
 * milliseconds, so the cursor carries the timestamp as PostgreSQL printed it: a cursor rounded to
 * milliseconds would sort before its own row and repeat it on the next page.
 */
export interface TimeKey {
  /** ISO-8601 UTC with microseconds, e.g. 2026-11-24T13:39:28.123456Z */
  createdAt: string;
  id: string;
}

/** SQL that prints created_at in the form the cursor carries. */
export const CURSOR_TIMESTAMP_SQL = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const KEY = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

function parse(decoded: string): TimeKey | null {
  const match = KEY.exec(decoded);
  if (!match) return null;
  const [, createdAt, id] = match;
  // Rejects impossible dates such as month 13, which would otherwise reach the database.
  const ms = Date.parse(createdAt);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== createdAt.slice(0, 19)) return null;
  return { createdAt, id };
}

export const TimeCursor = {
  encode(key: TimeKey): string {
    return encodeCursor(key.createdAt, key.id);
  },

  /** Throws a 400 for anything this API did not hand out. */
  decode(cursor: string): TimeKey {
    return parse(decodeCursor(cursor, (decoded) => parse(decoded) !== null)) as TimeKey;
  },
};
