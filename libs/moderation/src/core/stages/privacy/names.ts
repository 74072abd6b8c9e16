import { AMBIGUOUS_FIRST, EPONYMS, FIRST, NOT_NAMES, SURNAMES } from './name-lists';
import { eachAtWords, foldMatchesWords, sticky } from './anchored';
import type { PiiMatch } from './pii';
import { W, type Signals } from './signals';
import { wordPattern } from '../words';

/**
 * Person names (HIPAA Safe Harbor item A). No NLP model: cue phrases ("my name is", "I am",
 * "myself", "mera naam", "my son"), titles (Mr/Mrs/Dr/Shri/Smt…), sign-offs, and a small name
 * dictionary. Eponyms (Parkinson, Crohn, Hashimoto…) are diseases here, never people.
 */

const MAX_WORD = 24;

interface Word {
  start: number;
  end: number;
  lower: string;
  cap: boolean;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Reads one word (letters, inner apostrophe or hyphen) at `i`, after at most two spaces. */
function wordAt(text: string, fold: string, i: number): Word | null {
  let s = i;
  let spaces = 0;
  while (s < text.length && text.charCodeAt(s) === 32 && spaces < 2) {
    s++;
    spaces++;
  }
  const c = text.charCodeAt(s);
  if (!isUpper(c) && !isLower(c)) return null;
  let e = s + 1;
  while (e < text.length && e - s < MAX_WORD) {
    const d = text.charCodeAt(e);
    if (isLower(d) || isUpper(d)) e++;
    else if ((d === 39 || d === 45) && e + 1 < text.length && isLower(text.charCodeAt(e + 1))) e += 2;
    else break;
  }
  if (e < text.length && (isLower(text.charCodeAt(e)) || isUpper(text.charCodeAt(e)))) return null;
  // all-caps words are acronyms (HIV, BP), not names, except short ones right after a cue
  const cap = isUpper(c) && (e - s === 1 || isLower(text.charCodeAt(s + 1)));
  return { start: s, end: e, lower: fold.slice(s, e), cap };
}

function isEponym(fold: string, w: Word): boolean {
  const l = w.lower;
  return EPONYMS.has(l) || (l.endsWith("'s") && EPONYMS.has(l.slice(0, -2)));
}

function nameLike(w: Word): boolean {
  return !NOT_NAMES.has(w.lower) && w.lower.length >= 2;
}

/**
 * Extends a name from its first word through following capitalised name-like words and middle
 * initials ("Richard M. Nixon"), up to three words in all.
 */
function extendName(text: string, fold: string, first: Word, allowLower: boolean): number {
  let end = first.end;
  let count = 1;
  let i = first.end;
  while (count < 3) {
    // middle initial "M." or "M"
    if (text.charCodeAt(i) === 32 && isUpper(text.charCodeAt(i + 1)) && text.charCodeAt(i + 2) === 46 && text.charCodeAt(i + 3) === 32) {
      const next = wordAt(text, fold, i + 3);
      if (next && next.cap && nameLike(next) && !isEponym(fold, next)) {
        end = next.end;
        i = next.end;
        count += 2;
        continue;
      }
      break;
    }
    if (text.charCodeAt(i) !== 32) break;
    const next = wordAt(text, fold, i);
    if (!next) break;
    const ok = next.cap ? nameLike(next) && !isEponym(fold, next) : allowLower && SURNAMES.has(next.lower);
    if (!ok) break;
    end = next.end;
    i = next.end;
    count++;
  }
  return end;
}

// Cues before a name, matched on the folded text; each ends where the name should start. Split in
// three so each runs only when the signals saw one of its words.
/** "my name is", "mera naam", "call me", "myself", "signed": any following word is taken. */
const STRONG_CUE_RE =
  /\b(?:(?:my|his|her|their|patient's|patient|the patient's|[a-z]{2,12}'s|father|mother|son|daughter|wife|husband|baby|child|brother|sister)\s(?:full\s)?name\s?(?:is|was|'s|:|-)?|name\s?:|name\s-\s|myself|call\sme|they\scall\sme|mera\snaa?m|my\snaam|naam|signed)[\s:,-]{0,3}(?=[a-z])/g;
const STRONG_CUE_Y = sticky(STRONG_CUE_RE);
/**
 * Every strong cue holds a run of letters opening with "nam", "naam", "myself", "call" or "signed"
 * (readSignals places them as W.nameCue); "the patient's full name" starts 20 characters before it.
 */
const STRONG_REACH = 20;
/** "I am", "this is", "it's me", sign-offs: the word must look like a name. */
const WEAK_CUE = wordPattern(/\b(?:i\s?am|i'm|im|this\sis|it'?s\sme|it's|regards,?|thanks,?|thank\syou,?|cheers,?|sincerely,?|yours,?)[\s:,-]{0,3}(?=[a-z])/g);
/** "my son Arjun", "her 6 year old daughter Riya". */
const RELATION_RE =
  /\b(?:my|our|his|her)\s(?:little\s|elder\s|younger\s|older\s|late\s|\d{1,2}[\s-]?(?:yo|year[\s-]old|yr[\s-]old)\s)?(?:son|daughter|wife|husband|mother|mom|mum|father|dad|brother|sister|friend|grandmother|grandma|grandfather|grandpa|nani|nana|dadi|dada|beta|beti|bhai|didi|uncle|aunt|aunty|cousin|baby|boy|girl|kid|child|patient|colleague|neighbour|neighbor|niece|nephew|fiance|partner|mil|fil|sil|bil)(?:\s(?:named|called|is|was))?,?[\s:,-]{0,3}(?=[a-z])/g;
/** Every relation cue opens with "my", "our", "his" or "her", a word readSignals places. */
const RELATION_Y = sticky(RELATION_RE);

/** What may stand before "myself" when it introduces the writer. */
const CLAUSE_OPENER = /(?:^|[.!?,:;(\n-]|\b(?:hi|hello|hey|dear|namaste|sir|madam|maam|doctor|doc|all|everyone|friends))\s*$/;

/**
 * "Myself Asha" (Indian English for "I am Asha") opens a sentence or follows a greeting; "kill
 * myself tonight" is a reflexive pronoun, and "tonight" is no name.
 */
function opensClause(fold: string, at: number): boolean {
  return CLAUSE_OPENER.test(fold.slice(Math.max(0, at - 24), at));
}

const CueKind = { Strong: 0, Weak: 1, Relation: 2 } as const;
type CueKind = (typeof CueKind)[keyof typeof CueKind];

/** Decides whether the word after a cue is a name and records it. */
function nameAfterCue(text: string, fold: string, at: number, kind: CueKind, lowerOk: boolean, out: PiiMatch[]): void {
  const strong = kind === CueKind.Strong;
  const relation = kind === CueKind.Relation;
  let w = wordAt(text, fold, at);
  if (!w) return;
  // "his name is Mr. May": skip the title, the name follows it
  if (strong && /^(?:mr|mrs|ms|dr|shri|smt|sri|miss)$/.test(w.lower)) {
    let j = w.end;
    if (text.charCodeAt(j) === 46) j++;
    const after = wordAt(text, fold, j);
    if (!after) return;
    w = after;
  }
  if (isEponym(fold, w) && !strong) return;
  if (NOT_NAMES.has(w.lower) || (AMBIGUOUS_FIRST.has(w.lower) && !strong)) {
    if (!(strong && w.cap && AMBIGUOUS_FIRST.has(w.lower))) return;
  }
  const known = FIRST.has(w.lower) || SURNAMES.has(w.lower);
  // strong cues take any word; "I am"/"this is"/relations need a capitalised or known name
  const accept = strong ? w.cap || known || lowerOk : known || w.cap;
  if (!accept) return;
  if (!strong && !known && !relation) {
    // "I am Diabetic and…": a capitalised word after "I am" is a name only if it looks like one
    const next = wordAt(text, fold, w.end);
    const followedByName = next !== null && next.cap && nameLike(next) && text.charCodeAt(w.end) === 32;
    const endsClause = w.end >= text.length || /[,.!\n]/.test(text[w.end]) || / (?:here|from|and|aged|age|,)/.test(fold.slice(w.end, w.end + 6));
    if (!followedByName && !endsClause) return;
  }
  const end = extendName(text, fold, w, strong || known);
  out.push({ kind: 'pii.name', rule: relation ? 'privacy.name.relation' : 'privacy.name.cue', start: w.start, end });
}

const TITLE_RE = /\b(?:mr|mrs|ms|miss|mx|dr|doctor|shri|shree|smt|kumari|kum|sri|srimati|shrimati|prof|master|sr|fr|sister|nurse|adv|er)\b\.?\s{0,2}(?=[A-Za-z])/gi;
const TITLE_Y = sticky(TITLE_RE);

/** Records the name after a title ("Dr. Mehta", "Smt Lakshmi"), unless the title is a disease acronym or the word is not a name. */
function nameAfterTitle(text: string, fold: string, m: RegExpExecArray, out: PiiMatch[]): void {
  // "moderate MR", "MS": all-caps two-letter titles are mitral regurgitation and multiple sclerosis
  if (/^(?:MR|MS|DR|SR|FR|ER)\b/.test(m[0])) return;
  const w = wordAt(text, fold, m.index + m[0].length);
  if (!w) return;
  const titleCap = isUpper(text.charCodeAt(m.index));
  // "Mr. May": a capitalised word that doubles as a given name, right after a capitalised title
  if (NOT_NAMES.has(w.lower) && !(titleCap && w.cap && AMBIGUOUS_FIRST.has(w.lower) && /^(?:mr|mrs|ms|miss|smt|shri)/i.test(m[0]))) return;
  const known = FIRST.has(w.lower) || SURNAMES.has(w.lower);
  if (!w.cap && !known) return;
  if (!titleCap && !known && !w.cap) return;
  if (isEponym(fold, w)) {
    const tail = fold.slice(w.end, w.end + 12);
    if (/^(?:'s|s)?\s?(?:disease|syndrome|palsy|sign|test|cyst|reflex|manoeuvre|maneuver|score|procedure|disorder)/.test(tail)) return;
  }
  // "Doctor" as a title only before a capitalised name
  if (/^doctor/i.test(m[0]) && !w.cap) return;
  out.push({ kind: 'pii.name', rule: 'privacy.name.title', start: w.start, end: extendName(text, fold, w, true) });
}

export function detectNames(text: string, fold: string, sig: Signals, out: PiiMatch[]): void {
  // duplicates (a cue and the dictionary finding the same name) are merged later by resolve()
  const push = (start: number, end: number, rule: string): void => {
    out.push({ kind: 'pii.name', rule, start, end });
  };

  // A cue's "name" (or "naam", "myself"…) follows white space or a non-word character in the fold, so in
  // the text it opens a run of ASCII letters: the Kelvin sign that foldMatchesWords guards against
  // folds to "k", a letter none of these words holds, so the placed runs hold every cue here.
  if (sig.words & W.nameCue) {
    eachAtWords(STRONG_CUE_Y, sig.placed, W.nameCue, STRONG_REACH, fold, (m) => {
      if (m[0].startsWith('myself') && !opensClause(fold, m.index)) return;
      nameAfterCue(text, fold, m.index + m[0].length, CueKind.Strong, /^(?:my|name|mera|naam)/.test(m[0]), out);
    });
  }
  if (sig.words & (W.weakCue | W.closing)) {
    // tried only at the words it can start with ("i", "this", "regards"…), from the shared word index
    WEAK_CUE.forEach(fold, (m) => nameAfterCue(text, fold, m.index + m[0].length, CueKind.Weak, false, out));
  }
  if (sig.words & W.relation) {
    const visit = (m: RegExpExecArray): void => nameAfterCue(text, fold, m.index + m[0].length, CueKind.Relation, false, out);
    // "my", "our", "his" or "her" opens every relation cue: try the pattern only at those words
    if (foldMatchesWords(text)) eachAtWords(RELATION_Y, sig.placed, W.possessive, 0, fold, visit);
    else {
      RELATION_RE.lastIndex = 0;
      for (let m = RELATION_RE.exec(fold); m; m = RELATION_RE.exec(fold)) visit(m);
    }
  }

  // titles are trigger words, so the pattern is tried only where readSignals saw one
  if (sig.words & W.title) eachAtWords(TITLE_Y, sig.placed, W.title, 0, text, (m) => nameAfterTitle(text, fold, m, out));

  // Dictionary: "Priya Sharma", "John Oliver", "Richard M. Nixon". Only the capitalised words
  // readSignals listed can start one; a name found resumes the search after its end.
  const caps = sig.capWords;
  for (let k = 0, floor = 0; k < caps.length; k += 2) {
    const wStart = caps[k];
    const wEnd = caps[k + 1];
    if (wStart < floor) continue;
    // fast path: most capitalised words start a sentence; only a known given name (checked by
    // hash, without slicing) or a word followed by another capitalised word can begin a name
    let h = 0;
    for (let i = wStart; i < wEnd; i++) h = (Math.imul(h, 31) + fold.charCodeAt(i)) & 0x3fffffff;
    const known = FIRST_HASHES.has(h) && FIRST.has(fold.slice(wStart, wEnd));
    if (!known && !(text.charCodeAt(wEnd) === 32 && isUpper(text.charCodeAt(wEnd + 1)))) continue;
    const w = wordAt(text, fold, wStart);
    if (!w || !w.cap) continue;
    const first = known && !AMBIGUOUS_FIRST.has(w.lower);
    const end = extendName(text, fold, w, false);
    if (first) {
      push(w.start, end, 'privacy.name.dictionary');
      floor = end;
    } else if (end > w.end) {
      // "May Smith", "Dan Tailor": any capitalised word before a known surname
      const next = wordAt(text, fold, w.end);
      if (next && (SURNAMES.has(next.lower) || (FIRST.has(w.lower) && next.cap)) && !NOT_NAMES.has(w.lower) && !isEponym(fold, w)) {
        push(w.start, end, 'privacy.name.dictionary');
        floor = end;
      }
    }
  }

  signature(text, fold, push);
}

function hashOf(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) & 0x3fffffff;
  return h;
}
const FIRST_HASHES = new Set<number>([...FIRST].map(hashOf));
const CLOSING_RE = /^(?:regards|warm regards|kind regards|best regards|thanks|thanks a lot|thank you|thanks and regards|thx|ty|sincerely|yours|yours sincerely|yours truly|best|cheers|love|dhanyavad|dhanyavaad|shukriya|take care)[,.!]?$/;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 160;
}

/** "Regards,\nPriya Sharma" or a last line "- Rahul" / "~ Anjali". */
function signature(text: string, fold: string, push: (s: number, e: number, rule: string) => void): void {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  if (end === 0) return;
  // the last line, read back at most 40 characters: a longer one is no signature (lastIndexOf would
  // search a one-line message back to its start, through a runtime call)
  let lineStart = end;
  const floor = Math.max(0, end - 40);
  while (lineStart > floor && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) return;
  let s = lineStart;
  let dashed = false;
  for (;;) {
    const c = text.charCodeAt(s);
    if (s < end && (c === 45 || c === 8211 || c === 8212 || c === 126)) dashed = true;
    else if (!(s < end && isSpace(c))) break;
    s++;
  }
  if (!dashed && lineStart === 0) return;
  let prevClosing = false;
  if (lineStart > 0) {
    let pe = lineStart - 1;
    while (pe > 0 && isSpace(text.charCodeAt(pe - 1))) pe--;
    const ps = text.lastIndexOf('\n', pe - 1) + 1;
    prevClosing = pe - ps <= 24 && CLOSING_RE.test(fold.slice(ps, pe).trim());
  }
  if (!dashed && !prevClosing) return;
  const w = wordAt(text, fold, s);
  if (!w || NOT_NAMES.has(w.lower) || isEponym(fold, w)) return;
  if (!w.cap && !FIRST.has(w.lower)) return;
  const e = extendName(text, fold, w, true);
  // the whole line must be the name (and maybe a trailing full stop)
  for (let i = e; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 46 && !isSpace(c)) return;
  }
  push(w.start, e, 'privacy.name.signature');
}
