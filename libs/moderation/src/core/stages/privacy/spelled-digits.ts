import { verhoeff } from './checksums';
import type { PiiMatch } from './pii';
import { wordPattern } from '../words';

/**
 * Numbers written out to dodge filters: "nine eight two zero zero one two three four five",
 * "double nine", Hinglish "nau aath do shunya…", or a mix with digits. A sequence needs seven or
 * more digits and at least two spelled words, so "one or two tablets" and "take 1 two times" stay.
 */

const WORDS = new Map<string, number>([
  ['zero', 0], ['oh', 0], ['o', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['shunya', 0], ['sunya', 0], ['shoonya', 0], ['ek', 1], ['do', 2], ['teen', 3], ['char', 4], ['chaar', 4], ['paanch', 5], ['panch', 5], ['paach', 5],
  ['chhe', 6], ['chhah', 6], ['chah', 6], ['chheh', 6], ['che', 6], ['saat', 7], ['sat', 7], ['aath', 8], ['aat', 8], ['nau', 9],
]);
const REPEAT = new Map<string, number>([['double', 2], ['triple', 3], ['dabal', 2], ['tripple', 3]]);
/** Words that only count next to an unambiguous one ("do", "sat", "che" are also English/other words). */
const WEAK = new Set(['o', 'oh', 'do', 'sat', 'che', 'char', 'teen', 'aat', 'chah']);

const NUM_TOKEN =
  String.raw`(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|shunya|sunya|shoonya|ek|do|teen|char|chaar|paanch|panch|paach|chhe|chhah|chah|chheh|che|saat|sat|aath|aat|nau|double|triple|dabal|tripple|\d{1,12})\b`;
// Four or more number tokens in a row. Tokens and separators use disjoint characters, so the
// repetition cannot backtrack; only these stretches are read token by token.
// Tried only at number words and numbers (see words.ts), not at every word of the text.
const SEQ = wordPattern(new RegExp(String.raw`\b${NUM_TOKEN}(?:[\s,.\-]{1,3}${NUM_TOKEN}){3,40}`, 'g'));
const TOKEN_RE = /[a-z]+|\d/g;
const HAS_LETTER = /[a-z]/;

export function detectSpelledDigits(fold: string, out: PiiMatch[]): void {
  SEQ.forEach(fold, (m) => {
    // "120 80 72 98" (readings) has no spelled word, and a sequence needs two: skip the token walk
    if (HAS_LETTER.test(m[0])) scanSequence(fold, m.index, m.index + m[0].length, out);
  });
}

function scanSequence(fold: string, from: number, to: number, out: PiiMatch[]): void {
  const text = fold.slice(0, to);
  TOKEN_RE.lastIndex = from;
  let seqStart = -1;
  let seqEnd = -1;
  let digits = '';
  let words = 0;
  let strong = 0;
  let pendingRepeat = 1;
  const flush = (): void => {
    if (seqStart >= 0 && digits.length >= 7 && words >= 2 && strong >= 2) {
      const aadhaar = digits.length === 12 && verhoeff(digits);
      out.push({ kind: aadhaar ? 'pii.aadhaar' : 'pii.phone', rule: aadhaar ? 'privacy.id.in-aadhaar-spelled' : 'privacy.phone.spelled', start: seqStart, end: seqEnd });
    }
    seqStart = -1;
    digits = '';
    words = 0;
    strong = 0;
    pendingRepeat = 1;
  };
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const tok = m[0];
    // tokens must be close: only spaces, commas, dots or dashes between them
    if (seqStart >= 0) {
      const gap = m.index - seqEnd;
      if (gap > 3 || !/^[\s,.-]*$/.test(fold.slice(seqEnd, m.index))) flush();
    }
    let value = -1;
    if (tok.length === 1 && tok >= '0' && tok <= '9') value = tok.charCodeAt(0) - 48;
    else if (WORDS.has(tok)) value = WORDS.get(tok) as number;
    else if (REPEAT.has(tok)) {
      if (seqStart < 0) seqStart = m.index;
      pendingRepeat = REPEAT.get(tok) as number;
      seqEnd = m.index + tok.length;
      continue;
    }
    if (value < 0) {
      flush();
      continue;
    }
    if (seqStart < 0) seqStart = m.index;
    if (digits.length < 20) digits += String(value).repeat(pendingRepeat);
    pendingRepeat = 1;
    if (!(tok.length === 1 && tok >= '0' && tok <= '9')) {
      words++;
      if (!WEAK.has(tok)) strong++;
    }
    seqEnd = m.index + tok.length;
  }
  flush();
}
