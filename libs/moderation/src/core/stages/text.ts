/** Small text helpers shared by the detection stages; they work on the fold (lower-case ASCII letters). */

export interface Sentences {
  /** Index of the sentence holding position `i`. */
  indexOf(i: number): number;
  at(index: number): { start: number; end: number };
  around(i: number): { start: number; end: number };
}

/** `.` ends a sentence only before white space or the end, so "2.5 mg" and "e.g.x" stay whole. */
const SENTENCE_END = /[!?;\n]|\.(?=\s|$)/g;

/**
 * Sentence boundaries, computed on first use: most texts never need them (no candidate match), and
 * the scan is the costliest part of a stage that finds nothing.
 */
export function sentenceBounds(fold: string): Sentences {
  let starts: number[] | null = null;
  const load = (): number[] => {
    if (starts !== null) return starts;
    starts = [0];
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(fold); m !== null; m = SENTENCE_END.exec(fold)) if (m.index + 1 < fold.length) starts.push(m.index + 1);
    return starts;
  };
  const indexOf = (i: number): number => {
    const s = load();
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const at = (index: number): { start: number; end: number } => {
    const s = load();
    return { start: s[index], end: index + 1 < s.length ? s[index + 1] : fold.length };
  };
  return { indexOf, at, around: (i) => at(indexOf(i)) };
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
