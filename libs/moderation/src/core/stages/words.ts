import { asciiBytesReader } from './bytes';
import { firstWords, Unfilterable } from './first-words';

/**
 * Word-start filtering for the detection patterns. V8's regex engine tries every alternative of a
 * long alternation at every word of the text, so a stage with a dozen such patterns cost ~100 µs on
 * a 2 KB message. Instead, the text's words ([a-z0-9] runs) are hashed once per fold, in one pass
 * shared by every stage, and each pattern is tried (sticky, at one position) only where a word it can
 * start with stands. Trying candidates left to right and skipping those inside the previous match
 * yields exactly the matches a global `exec` loop would: the same regex decides at each position.
 */

const TABLE_BITS = 12;
const TABLE_SIZE = 1 << TABLE_BITS;
/**
 * Open addressing over word hashes: (hash, pattern bits) pairs side by side, so a hit costs one cache
 * line. A collision only adds a candidate, never loses one.
 */
const table = new Int32Array(2 * TABLE_SIZE);
/**
 * One bit per 13-bit hash of every pattern word: 1 KB that stays in cache between messages, where the
 * 32 KB table does not, so most words of a text (not a pattern's first word) never touch the table.
 */
const FILTER_BITS = 13;
const filter = new Int32Array(1 << (FILTER_BITS - 5));
/** Patterns that may start with a word of unknown length, by its first character. */
const leadingMasks = new Int32Array(128);
let nextBit = 0;
let usedSlots = 0;
/** Bumped when a pattern is added, so an index built before it is not reused. */
let generation = 0;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h | 1; // never 0, which marks an empty slot
}

function filterBitOf(h: number): number {
  return Math.imul(h, 0x85ebca6b) >>> (32 - FILTER_BITS);
}

/** The pattern bits of a word hash; 0 for most words, found in the filter alone. */
function bitsOf(h: number): number {
  const f = filterBitOf(h);
  if ((filter[f >>> 5] & (1 << (f & 31))) === 0) return 0;
  return table[slotOf(h) + 1];
}

function slotOf(h: number): number {
  // Fibonacci hashing: the top bits of a short word's FNV hash are poorly mixed on their own.
  let slot = (Math.imul(h, 0x9e3779b1) >>> (32 - TABLE_BITS)) << 1;
  while (table[slot] !== 0 && table[slot] !== h) slot = (slot + 2) & (2 * TABLE_SIZE - 1);
  return slot;
}

/**
 * Where the text's words that some pattern may start with begin, with the patterns' bits: one flat
 * list of (start, bits) pairs in text order, so a message costs one list, not one per pattern.
 */
interface WordIndex {
  fold: string;
  generation: number;
  /** The (start, bits) pairs; empty when `byBit` holds them instead. */
  words: number[];
  /** The bits of every such word together: a pattern none of them has is skipped at once. */
  present: number;
  /**
   * For a text with many such words, the same starts sorted by pattern bit, so a pattern walks only
   * its own: entry `bit` (one per registered pattern) says where that bit's starts begin, the entry
   * after the last bit where they all end.
   * Null for a short text, whose list is cheaper to walk whole than to sort.
   */
  byBit: number[] | null;
  /** Most equal letter runs (2–40 letters) in a row, see `longestRepeat`. */
  longestRepeat: number;
  /** Where sentences start, see `sentenceStarts`. */
  sentences: number[];
}

/**
 * The last two indexes: privacy reads the plain lower-cased text, the later stages the fold, and
 * where look-alikes or quotes make the two differ, each keeps its own instead of rebuilding the other's.
 */
let cached: WordIndex = { fold: '', generation: -1, words: [], present: 0, byBit: null, longestRepeat: 0, sentences: [0] };
let previous: WordIndex = cached;

/** 1 for a-z, 2 for 0-9, 0 for anything else (a word is a run of 1s and 2s). */
const CLASS = new Uint8Array(256);
CLASS.fill(1, 0x61, 0x7b);
CLASS.fill(2, 0x30, 0x3a);
/** 1 for `!`, `?`, `;` and new line, which end a sentence; 2 for `.`, which ends one before white space. */
const ENDS = new Uint8Array(256);
for (const c of '!?;\n') ENDS[c.charCodeAt(0)] = 1;
ENDS[0x2e] = 2;
/** The fold as bytes (see asciiBytesReader): the index walks a typed array, not the string. */
const toBytes = asciiBytesReader();

/**
 * `===` compares two strings character by character unless they are one object. Privacy asks with its
 * own lower-cased copy of the text and the later stages with the draft's fold, equal but not the same
 * object; so a hit keeps the asker's string, and a stage's dozen look-ups each compare one pointer.
 */
function indexWords(fold: string): WordIndex {
  if (cached.generation === generation && cached.fold === fold) {
    cached.fold = fold;
    return cached;
  }
  if (previous.generation === generation && previous.fold === fold) {
    const hit = previous;
    previous = cached;
    cached = hit;
    hit.fold = fold;
    return hit;
  }
  if (cached.generation === generation && sameWords(cached.fold, fold)) {
    previous = cached;
    cached = { fold, generation, words: previous.words, present: previous.present, byBit: previous.byBit, longestRepeat: previous.longestRepeat, sentences: previous.sentences };
    return cached;
  }
  return buildIndex(fold);
}

/**
 * Whether `a` and `b` index alike: they differ only where both hold a character that is no word
 * character, ends no sentence, and is white space in both or neither. So the lower-cased text, where
 * curly quotes stay, and the fold, where they are straight, share one index (the lists are never
 * written after they are built) instead of each paying for a pass.
 */
function sameWords(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y && !(isNeutral(x) && isNeutral(y) && isSpace(x) === isSpace(y))) return false;
  }
  return true;
}

/** Neither a word character nor one that ends a sentence, as the index reads it (non-ASCII reads as \x01). */
function isNeutral(c: number): boolean {
  return c >= 0x80 || (CLASS[c] === 0 && ENDS[c] === 0);
}

/** (start, bits) of each word some pattern may start with, in text order; reused by every build. */
let found: Int32Array = new Int32Array(1024);
/** Per bit, how many starts it has, then where its next one goes (see sortedByBit); reused by every build. */
const perBit = new Int32Array(32);

/** Counts letter runs that repeat the one before them (as in "buy buy buy"), in the same pass. */
class RepeatCounter {
  longest = 0;
  private previous = 0;
  private previousEnd = 0;
  private streak = 0;

  reset(): void {
    this.longest = 0;
    this.previous = 0;
    this.previousEnd = 0;
    this.streak = 0;
  }

  /** A maximal run of letters and its hash. */
  run(start: number, end: number, hash: number): void {
    const length = end - start;
    const h = length >= 2 && length <= 40 ? hash | 1 : 0;
    // Letter runs are maximal, so the gap to the previous one is never empty; only its size matters.
    this.streak = h !== 0 && h === this.previous && start - this.previousEnd <= 5 ? this.streak + 1 : h !== 0 ? 1 : 0;
    this.previous = h;
    this.previousEnd = end;
    if (this.streak > this.longest) this.longest = this.streak;
  }

  /** The letter runs inside a word of letters and digits. */
  mixed(text: Uint8Array, start: number, end: number): void {
    let i = start;
    while (i < end) {
      if (CLASS[text[i]] !== 1) {
        i++;
        continue;
      }
      const s = i;
      let h = FNV_OFFSET;
      do h = Math.imul(h ^ text[i], FNV_PRIME);
      while (++i < end && CLASS[text[i]] === 1);
      this.run(s, i, h);
    }
  }
}

function buildIndex(fold: string): WordIndex {
  let pairs = 0;
  let present = 0;
  const text = toBytes(fold);
  const repeats = new RepeatCounter();
  const sentences = [0];
  const n = fold.length;
  let i = 0;
  while (i < n) {
    let c = text[i];
    if (CLASS[c] === 0) {
      if (i + 1 < n && endsSentence(c, fold, i)) sentences.push(i + 1);
      i++;
      continue;
    }
    const start = i;
    const lead = leadingMasks[c];
    let h = FNV_OFFSET;
    let kinds = 0;
    do {
      h = Math.imul(h ^ c, FNV_PRIME);
      kinds |= CLASS[c];
      c = text[++i];
    } while (CLASS[c] !== 0);
    // A word of letters only is one letter run, hashed alike; a mixed one ("b12b") is split apart.
    if (kinds === 1) repeats.run(start, i, h);
    else if (kinds === 3) repeats.mixed(text, start, i);
    const bits = bitsOf(h | 1) | lead;
    if (bits !== 0) {
      if (pairs === found.length) found = grown(found);
      found[pairs++] = start;
      found[pairs++] = bits;
      present |= bits;
    }
  }
  return install(fold, pairs, present, repeats.longest, sentences);
}

/** Makes the first `pairs` entries of `found` the index of `fold`, the latest one asked for. */
function install(fold: string, pairs: number, present: number, longestRepeat: number, sentences: number[]): WordIndex {
  previous = cached;
  // Fresh lists: a caller may still be walking the previous index.
  const byBit = pairs > 2 * WHOLE_WALK ? sortedByBit(found, pairs) : null;
  const words = byBit === null ? copied(found, pairs) : NO_WORDS;
  cached = { fold, generation, words, present, byBit, longestRepeat, sentences };
  return cached;
}

/** Whether `c`, the character of `text` at `at` (or \x01 for a non-ASCII one), ends a sentence (see sentenceStarts). */
export function endsSentence(c: number, text: string, at: number): boolean {
  const end = ENDS[c];
  return end === 1 || (end === 2 && isSpace(text.charCodeAt(at + 1)));
}

/**
 * The index of a text's lower-cased form, fed by a pass that walks the text's words anyway (privacy's
 * readSignals), so one walk serves both: startFeed, then in text order each word (a run of ASCII
 * letters and digits, hashed with wordHash over its lower-cased characters), each run of letters
 * within it (for the repeat count) and each sentence start, then finishFeed. The result is the index
 * buildIndex would build from the lower-cased text, whose words are the text's own: lower-casing
 * turns no other character into an ASCII letter or digit but the Kelvin sign (see foldMatchesWords).
 */
// the index being fed, held in one constant object: its fields cost a hot caller less than module-level `let`s
const feed = { pairs: 0, present: 0, repeats: new RepeatCounter(), sentences: [0] };

/** Whether `fold` is one of the two texts indexed last (nothing to feed then: the same text reviewed again). */
export function isIndexed(fold: string): boolean {
  return (cached.generation === generation && cached.fold === fold) || (previous.generation === generation && previous.fold === fold);
}

export function startFeed(): void {
  feed.pairs = 0;
  feed.present = 0;
  feed.repeats.reset();
  feed.sentences = [0];
}

/** A word starting at `start`: `hash` its wordHash, `first` its first character, lower-cased. */
export function feedWord(start: number, hash: number, first: number): void {
  const bits = bitsOf(hash | 1) | leadingMasks[first];
  if (bits === 0) return;
  if (feed.pairs === found.length) found = grown(found);
  found[feed.pairs++] = start;
  found[feed.pairs++] = bits;
  feed.present |= bits;
}

/** A maximal run of letters [start, end), `hash` its wordHash. */
export function feedLetters(start: number, end: number, hash: number): void {
  feed.repeats.run(start, end, hash);
}

export function feedSentence(at: number): void {
  feed.sentences.push(at);
}

export function finishFeed(fold: string): void {
  install(fold, feed.pairs, feed.present, feed.repeats.longest, feed.sentences);
}

/** The hash the index gives a word: FNV-1a, one `wordHash` step per lower-cased character from WORD_HASH_SEED. */
export const WORD_HASH_SEED = FNV_OFFSET;

export function wordHash(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

/**
 * Up to this many candidate words, a pattern walks the whole list and skips the others' words: a
 * chat message has a dozen. A 2 KB text has hundreds, and a dozen patterns each walking them all cost
 * more than sorting them once.
 */
const WHOLE_WALK = 24;

/** Shared by every index sorted by bit; never written to. */
const NO_WORDS: number[] = [];

function copied(list: Int32Array, length: number): number[] {
  const copy = new Array<number>(length);
  for (let k = 0; k < length; k++) copy[k] = list[k];
  return copy;
}

function grown(list: Int32Array): Int32Array {
  const bigger = new Int32Array(2 * list.length);
  bigger.set(list);
  return bigger;
}

/** The starts of the first `length` entries of `words` ((start, bits) pairs) sorted by bit, in text order within each: a counting sort. */
function sortedByBit(words: Int32Array, length: number): number[] {
  perBit.fill(0);
  let total = 0;
  for (let k = 1; k < length; k += 2) {
    for (let b = words[k]; b !== 0; b &= b - 1) {
      perBit[31 - Math.clz32(b & -b)]++;
      total++;
    }
  }
  const sorted = new Array<number>(nextBit + 1 + total);
  let at = nextBit + 1;
  for (let bit = 0; bit < nextBit; bit++) {
    sorted[bit] = at;
    at += perBit[bit];
    perBit[bit] = sorted[bit];
  }
  sorted[nextBit] = at;
  for (let k = 0; k < length; k += 2) {
    for (let b = words[k + 1]; b !== 0; b &= b - 1) sorted[perBit[31 - Math.clz32(b & -b)]++] = words[k];
  }
  return sorted;
}

/**
 * Where the fold's sentences start, ascending, the first at 0: after `!`, `?`, `;` or a new line, and
 * after a `.` before white space, so "2.5 mg" and "e.g.x" stay whole; never at the very end.
 */
export function sentenceStarts(fold: string): readonly number[] {
  return indexWords(fold).sentences;
}

/** JavaScript's `\s`. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The most letter runs of 2–40 letters in a row that are equal and 1–5 characters apart. A repeated
 * word ("buy buy buy buy buy") needs at least as many, so its costly back-reference regex runs only then.
 */
export function longestRepeat(fold: string): number {
  return indexWords(fold).longestRepeat;
}

/** A pattern tried only where it can start. Built once per regex at module load (or per ruleset). */
export interface WordPattern {
  readonly regex: RegExp;
  /** Calls `onMatch` for each match a global scan of `fold` would find, in order. */
  forEach(fold: string, onMatch: (m: RegExpExecArray) => void): void;
}

/** Patterns already wrapped, by source and flags: rulesets with the same banned terms share one bit. */
const wrapped = new Map<string, WordPattern>();

/** Wraps a global regex; one whose first words cannot be read off its source scans the usual way. */
export function wordPattern(regex: RegExp): WordPattern {
  const key = `${regex.flags}/${regex.source}`;
  let pattern = wrapped.get(key);
  if (pattern === undefined) {
    pattern = wrap(regex);
    wrapped.set(key, pattern);
  }
  return pattern;
}

function wrap(regex: RegExp): WordPattern {
  const global = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);
  const bit = filterBit(regex);
  if (bit === -1) return { regex, forEach: (fold, onMatch) => scanAll(global, fold, onMatch) };
  const sticky = new RegExp(regex.source, `${regex.flags.replace('g', '')}y`);
  const mask = 1 << bit;
  return {
    regex,
    forEach(fold, onMatch) {
      const index = indexWords(fold);
      if ((index.present & mask) === 0) return;
      // Either list gives this pattern's starts in text order: (start, bits) pairs read with a stride
      // of two and a bit test, or its own run of the list sorted by bit.
      const sorted = index.byBit;
      const list = sorted ?? index.words;
      const stride = sorted === null ? 2 : 1;
      const end = sorted === null ? list.length : sorted[bit + 1];
      let from = 0;
      for (let k = sorted === null ? 0 : sorted[bit]; k < end; k += stride) {
        if ((sorted === null && (list[k + 1] & mask) === 0) || list[k] < from) continue;
        sticky.lastIndex = list[k];
        const m = sticky.exec(fold);
        if (m === null) continue;
        from = m.index + Math.max(1, m[0].length);
        onMatch(m);
      }
    },
  };
}

function scanAll(regex: RegExp, fold: string, onMatch: (m: RegExpExecArray) => void): void {
  regex.lastIndex = 0;
  for (let m = regex.exec(fold); m !== null; m = regex.exec(fold)) onMatch(m);
}

/** Registers the pattern's first words under a fresh bit; -1 when it cannot be filtered. */
function filterBit(regex: RegExp): number {
  if (nextBit >= 31 || regex.flags.includes('i') || regex.flags.includes('m')) return -1;
  let words;
  try {
    words = firstWords(regex.source);
  } catch (error) {
    if (error instanceof Unfilterable) return -1;
    throw error;
  }
  // Keep the table sparse so probes stay short; an oversized word list scans the usual way.
  if (usedSlots + words.exact.size > TABLE_SIZE / 2) return -1;
  const bit = nextBit++;
  for (const word of words.exact) {
    const h = hashWord(word);
    const slot = slotOf(h);
    if (table[slot] === 0) usedSlots++;
    table[slot] = h;
    table[slot + 1] |= 1 << bit;
    const f = filterBitOf(h);
    filter[f >>> 5] |= 1 << (f & 31);
  }
  for (const c of words.leading) leadingMasks[c.charCodeAt(0)] |= 1 << bit;
  generation++;
  return bit;
}
