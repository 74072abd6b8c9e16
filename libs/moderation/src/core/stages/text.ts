/** Small text helpers shared by the detection stages; they work on the fold (lower-case ASCII letters). */
import { sentenceStarts } from './words';

export interface Span {
  start: number;
  end: number;
}

export interface Sentences {
  /** The sentence holding position `i`. */
  around(i: number): Span;
}

/**
 * Sentence boundaries, from the word pass every detection stage shares (see `sentenceStarts`).
 * Callers ask in text order, so the last sentence found is tried first.
 */
export function sentenceBounds(fold: string): Sentences {
  let last: Span = { start: 0, end: -1 };
  let starts: readonly number[] | null = null;
  return {
    around(i: number): Span {
      if (i >= last.start && i < last.end) return last;
      starts ??= sentenceStarts(fold);
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= i) lo = mid;
        else hi = mid - 1;
      }
      last = { start: starts[lo], end: lo + 1 < starts.length ? starts[lo + 1] : fold.length };
      return last;
    },
  };
}

export function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x27;
}

/** The next word (letters, digits, `-`, `'`) starting at or after `from`, or null. */
export function wordAt(fold: string, from: number): { start: number; end: number } | null {
  let i = from;
  const n = fold.length;
  while (i < n && !isWordChar(fold.charCodeAt(i))) i++;
  if (i >= n) return null;
  const start = i;
  while (i < n && isWordChar(fold.charCodeAt(i))) i++;
  return { start, end: i };
}

export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
