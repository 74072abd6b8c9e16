import * as pii from './pii';

// local bindings for the scan loops: an imported function is looked up on its module's exports at every call
const isDigitCode = pii.isDigitCode;
const isLetterCode = pii.isLetterCode;

/**
 * A run of digit groups joined by light separators ("+91 98200-12345", "(415) 555.0132",
 * "3 1 2 3 ..."). Groups are kept so classifiers can look at shape, and a sub-run can be mapped
 * back to a span.
 */
export interface DigitRun {
  /** Start of the run including a leading '+' or '('. */
  start: number;
  end: number;
  plus: boolean;
  /** Start and end offsets of each digit group. */
  gs: number[];
  ge: number[];
  /** Separator text before each group (empty for the first). */
  seps: string[];
  /** A letter touches the run on its left ("is415-555-0132", "MH12"). */
  letterBefore: boolean;
  letterAfter: boolean;
}

const MAX_GROUPS = 32;
const MAX_DIGITS = 64;
/** A single group longer than this is a data blob, not an identifier. */
const MAX_GROUP = 24;

function isSep(c: number): boolean {
  // space, '-', '.', '(', ')', ':' and the non-breaking space
  return c === 32 || c === 45 || c === 46 || c === 40 || c === 41 || c === 58 || c === 160 || c === 8211;
}

/** What can open a run: a digit, '+' or '('. */
const CANDIDATE = /[0-9+(]/g;

/**
 * The next digit, '+' or '(' at or after `from`, or -1. The regex engine's scan beats a `charCodeAt`
 * loop about twice over, even in a short message; `test` (not `exec`) allocates nothing.
 */
function nextCandidate(text: string, from: number): number {
  CANDIDATE.lastIndex = from;
  return CANDIDATE.test(text) ? CANDIDATE.lastIndex - 1 : -1;
}

function followedByDigit(text: string, j: number): boolean {
  let k = j;
  while (k < text.length && k - j < 2 && isSep(text.charCodeAt(k))) k++;
  return k > j && k < text.length && isDigitCode(text.charCodeAt(k));
}

/**
 * Calls `visit` for each run, left to right, in one pass. Runs are capped (groups and digits) so
 * a flood of digits costs linear time: a capped run simply ends and the next one starts.
 */
export function scanDigitRuns(text: string, visit: (run: DigitRun) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    i = nextCandidate(text, i);
    if (i < 0) return;
    const c = text.charCodeAt(i);
    let start: number;
    let plus = false;
    if (isDigitCode(c)) {
      start = i;
    } else if ((c === 43 || c === 40) && i + 1 < n && isDigitCode(text.charCodeAt(i + 1))) {
      start = i;
      plus = c === 43;
      i++;
    } else if (c === 43 && i + 2 < n && text.charCodeAt(i + 1) === 32 && isDigitCode(text.charCodeAt(i + 2))) {
      start = i;
      plus = true;
      i += 2;
    } else {
      i++;
      continue;
    }
    // the common case, a short number on its own ("500 mg", "3 days"), costs no allocation
    if (!plus && c !== 40) {
      let j = i;
      while (j < n && j - i < 4 && isDigitCode(text.charCodeAt(j))) j++;
      if (j - i < 4 && (j >= n || !isSep(text.charCodeAt(j)) || !followedByDigit(text, j))) {
        i = j;
        continue;
      }
    }
    const prev = start > 0 ? text.charCodeAt(start - 1) : 32;
    const run: DigitRun = { start, end: start, plus, gs: [], ge: [], seps: [], letterBefore: isLetterCode(prev), letterAfter: false };
    let digits = 0;
    let sep = '';
    let blob = false;
    for (;;) {
      const gStart = i;
      while (i < n && isDigitCode(text.charCodeAt(i))) i++;
      const len = i - gStart;
      if (len > MAX_GROUP) {
        blob = true;
        break;
      }
      if (run.gs.length > 0 && (digits + len > MAX_DIGITS || run.gs.length >= MAX_GROUPS)) {
        // full: end the run before this group and let the next run start at it
        i = gStart;
        break;
      }
      digits += len;
      run.gs.push(gStart);
      run.ge.push(i);
      run.seps.push(sep);
      run.end = i;
      // up to two separator characters, then a digit must follow
      let j = i;
      while (j < n && j - i < 2 && isSep(text.charCodeAt(j))) j++;
      if (j === i || j >= n || !isDigitCode(text.charCodeAt(j))) break;
      sep = text.slice(i, j);
      i = j;
    }
    if (blob) continue;
    run.letterAfter = i < n && isLetterCode(text.charCodeAt(run.end));
    visit(run);
    if (i <= start) i = start + 1;
  }
}

/** The digits of groups [from, to) of a run, concatenated. */
export function runDigits(text: string, run: DigitRun, from: number, to: number): string {
  let s = '';
  for (let g = from; g < to; g++) s += text.slice(run.gs[g], run.ge[g]);
  return s;
}
