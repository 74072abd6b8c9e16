import { asciiBytesReader } from '../bytes';
import * as words from '../words';
import { finishFeed, isIndexed, startFeed } from '../words';

// Module-local bindings of what the hot loop uses from words.ts: an imported binding is looked up on the
// other module's exports object (a map check and an identity check) at every use, a local one is not.
const WORD_HASH_SEED = words.WORD_HASH_SEED;
const wordHash = words.wordHash;
const feedWord = words.feedWord;
const feedLetters = words.feedLetters;
const feedSentence = words.feedSentence;
const endsSentence = words.endsSentence;

/**
 * One cheap pass over the text that tells each detector whether it can possibly match, so most
 * messages skip most regexes. Word triggers are looked up by their hash, the word index's (no
 * substring allocation); a hash collision only makes a detector run when it need not, never the reverse.
 */

export const W = {
  title: 1 << 0,
  handle: 1 << 1,
  cuedId: 1 << 2,
  liveIn: 1 << 3,
  city: 1 << 4,
  landmark: 1 << 5,
  rural: 1 << 6,
  inCue: 1 << 7,
  plate: 1 << 8,
  month: 1 << 9,
  spelled: 1 << 10,
  mailWord: 1 << 11,
  atWord: 1 << 12,
  mbi: 1 << 13,
  usStreet: 1 << 14,
  locality: 1 << 15,
  localityOrd: 1 << 16,
  ordinalRoad: 1 << 17,
  web: 1 << 18,
  closing: 1 << 19,
  weakCue: 1 << 20,
  relation: 1 << 21,
  possessive: 1 << 22,
  ordinalMonth: 1 << 23,
  /** A run of letters opening with "nam", "naam", "myself", "call" or "signed": a strong name cue may hold it (see opensNameCue). */
  nameCue: 1 << 24,
} as const;

const MONTH_WORDS = 'jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december';

const TRIGGERS: ReadonlyArray<readonly [number, string]> = [
  [W.title, 'mr mrs ms miss mx dr doctor shri shree smt kumari kum sri srimati shrimati prof master sr fr sister nurse adv er'],
  [W.handle, 'insta instagram ig twitter tweet x threads fb facebook snap snapchat telegram tiktok linkedin youtube yt handle discord reddit koo'],
  [W.cuedId, 'mrn uhid ip ipd op opd cr patient hospital case file medical policy member membership insurance subscriber group claim tpa ecard e-card card account a/c acct driving licence license dl registration reg serial s/n imei device npi dea mci nmc smc council voter epic abha ssn passport'],
  [W.liveIn, 'live living lives stay staying stays reside residing based located settled shifted moved resident rehta rehti rehte from'],
  [W.landmark, 'near opp opposite behind beside next'],
  [W.rural, 'village vill tehsil taluka taluk mandal'],
  [W.inCue, 'flat house h plot door d room qtr quarter ward gali lane street khasra survey sy apt apartment'],
  [W.plate, 'plate plates tag registration reg number vehicle car gaadi'],
  [W.month, MONTH_WORDS],
  // "12thmarch": an ordinal glued to its month reads as one word; placed only, so a named date can be anchored
  [W.ordinalMonth, ['st', 'nd', 'rd', 'th'].flatMap((suffix) => MONTH_WORDS.split(' ').map((month) => suffix + month)).join(' ')],
  [W.spelled, 'zero one two three four five six seven eight nine shunya ek teen chaar paanch saat aath nau double triple'],
  [W.mailWord, 'dot gmail yahoo hotmail outlook rediffmail rediff icloud protonmail aol ymail com org net'],
  [W.atWord, 'at'],
  [W.mbi, 'medicare mbi'],
  [W.usStreet, 'st street ave avenue rd road blvd boulevard ln lane dr drive way ct court pl place ter terrace hwy highway pkwy parkway cir circle sq square'],
  [W.locality, 'nagar colony layout marg road rd vihar enclave puram bagh ganj chowk bazar bazaar gali mohalla extn apartments residency towers heights sadan bhawan niwas nivas kunj pally palli halli wadi peth'],
  [W.localityOrd, 'block sector'],
  [W.ordinalRoad, 'cross main sector street road avenue lane'],
  [W.web, 'http https www'],
  [W.weakCue, 'am im m this it its'],
  [W.relation, 'son daughter wife husband mother mom mum father dad brother sister friend grandmother grandma grandfather grandpa nani nana dadi dada beta beti bhai didi uncle aunt aunty cousin baby boy girl kid child patient colleague neighbour neighbor niece nephew fiance partner mil fil sil bil'],
  [W.possessive, 'my our his her'],
  [W.closing, 'regards thanks thank thx ty sincerely yours best cheers love dhanyavad dhanyavaad shukriya care'],
  [W.city,
    'mumbai bombay delhi new bangalore bengaluru chennai madras kolkata calcutta hyderabad secunderabad pune ahmedabad surat jaipur lucknow kanpur nagpur indore bhopal patna vadodara baroda ludhiana agra nashik faridabad meerut rajkot varanasi srinagar amritsar allahabad prayagraj ranchi coimbatore jabalpur gwalior vijayawada jodhpur madurai raipur kota chandigarh guwahati mysore mysuru noida gurgaon gurugram thane navi kochi cochin trivandrum thiruvananthapuram bhubaneswar dehradun mangalore visakhapatnam vizag ghaziabad howrah aurangabad salem tiruchirappalli trichy udaipur shimla goa panaji york los angeles chicago houston phoenix philadelphia san antonio diego dallas jose austin jacksonville francisco columbus seattle denver boston detroit nashville portland las vegas atlanta miami brooklyn queens bronx manhattan newark jersey edison'],
];

function hashWord(s: string): number {
  let h = WORD_HASH_SEED;
  for (let i = 0; i < s.length; i++) h = wordHash(h, s.charCodeAt(i));
  return h;
}

/** The hash of the letters [from, to), lower-cased. */
function hashLetters(text: Uint8Array, from: number, to: number): number {
  let h = WORD_HASH_SEED;
  for (let i = from; i < to; i++) h = wordHash(h, text[i] | 32);
  return h;
}

/** Fibonacci hashing: the word hash's low bits alone are poorly mixed. */
function slotOf(h: number): number {
  return Math.imul(h, 0x9e3779b1) >>> (32 - TABLE_BITS);
}

// Open-addressing table (typed arrays are cheaper to probe than a Map in this hot loop).
const TABLE_BITS = 12;
const SIZE = 1 << TABLE_BITS;
const MASK = SIZE - 1;
const KEYS = new Int32Array(SIZE);
const BITS = new Int32Array(SIZE);
/**
 * One bit per trigger word's hash: 1 KB that stays in cache while the other stages run, where the
 * 32 KB table does not, so most words of a message (no trigger) never touch the table.
 */
const FILTER_BITS = 13;
const FILTER = new Int32Array(1 << (FILTER_BITS - 5));

function filterBitOf(h: number): number {
  return Math.imul(h, 0x9e3779b1) >>> (32 - FILTER_BITS);
}

for (const [bit, words] of TRIGGERS) {
  for (const w of words.split(' ')) {
    const h = hashWord(w);
    let slot = slotOf(h);
    while (BITS[slot] !== 0 && KEYS[slot] !== h) slot = (slot + 1) & MASK;
    KEYS[slot] = h;
    BITS[slot] |= bit;
    const f = filterBitOf(h);
    FILTER[f >>> 5] |= 1 << (f & 31);
  }
}

function lookup(h: number): number {
  const f = filterBitOf(h);
  if ((FILTER[f >>> 5] & (1 << (f & 31))) === 0) return 0;
  let slot = slotOf(h);
  while (BITS[slot] !== 0) {
    if (KEYS[slot] === h) return BITS[slot];
    slot = (slot + 1) & MASK;
  }
  return 0;
}

/**
 * Trigger words whose positions are kept: detectors whose matches begin at (or just before) one of
 * these words try their pattern only there instead of scanning the whole text.
 */
const PLACED = W.title | W.handle | W.plate | W.city | W.landmark | W.possessive | W.usStreet | W.month | W.ordinalMonth | W.nameCue;

/** Whether the run of `length` letters at `at`, lower-cased, opens with `word` (a-z). */
function spells(text: Uint8Array, at: number, length: number, word: string): boolean {
  if (length < word.length) return false;
  for (let k = 0; k < word.length; k++) if ((text[at + k] | 32) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * Whether the run of letters at `at` opens with "nam", "naam", "myself", "call" or "signed": every
 * strong name cue ("my name is", "mera naam", "myself", "call me", "signed") holds such a run, so
 * names.ts tries its pattern only near them. A prefix, not a whole word: "nameis Asha" is a cue too.
 */
function opensNameCue(text: Uint8Array, at: number, length: number): boolean {
  switch (text[at] | 32) {
    case 110: // n
      return spells(text, at, length, 'nam') || spells(text, at, length, 'naam');
    case 109: // m
      return spells(text, at, length, 'myself');
    case 99: // c
      return spells(text, at, length, 'call');
    case 115: // s
      return spells(text, at, length, 'signed');
    default:
      return false;
  }
}

export interface Signals {
  digits: number;
  /** Bits from W for trigger words present. */
  words: number;
  /** (bits, start) pairs, in text order, for each word with a PLACED bit. */
  placed: number[];
  /** Start of each such number, in order. */
  bigAt: number[];
  /** Start of each run of six or more digits glued to a letter on its left, in order. */
  gluedAt: number[];
  /** Start of each run of exactly five digits (ZIP codes), in order. */
  fiveAt: number[];
  /**
   * (start, end) pairs of each capitalised word standing alone, in order: a capital, then 1 to 20
   * lower-case letters, with no letter, digit or underscore on either side (what `\b[A-Z][a-z]{1,20}\b`
   * matches). The name dictionary is looked up only for these.
   */
  capWords: number[];
  /** Positions of each capital followed by a digit, directly or after one space or dash (`[A-Z][ -]?\d`), in order. */
  capDigit: number[];
  /** An upper-case letter followed by a digit (directly or after one space or dash): codes, plates, IBANs. */
  upperDigit: boolean;
  /** Longest run of capitals directly before a digit (or one space/dash before it): "ABCPD1234" 5, "MH 12" 2. */
  upRun: number;
  /** A digit followed directly by an upper-case letter: GSTIN, MBI. */
  digitUpper: boolean;
  /** A letter directly before a run of six or more digits: lower-case voter ids. */
  letterLongDigits: boolean;
  at: boolean;
  /** An '@' with a space before or after it: a spaced-out address ("name @ gmail dot com"). */
  spacedAt: boolean;
  /** A '/' anywhere: cues such as "a/c" and "s/n" are not trigger words. */
  slash: boolean;
  colons: number;
  dashes: number;
  /** alnum '.' alnum occurrences: domains, Cisco MACs, IPs. */
  innerDots: number;
  /** digit, then '/', '.' or '-', then digit: numeric dates. */
  digitSepDigit: boolean;
  /** A standalone number from 90 to 125: the only ages Safe Harbor removes. */
  bigNumber: boolean;
  /** An alphanumeric token of 25+ characters: wallet addresses. */
  longToken: boolean;
  /** Number of spelled-out digit words ("nine", "saat"). */
  spelled: number;
  /** alnum{4}.alnum: the Cisco MAC shape. */
  macDots: boolean;
  /** Three dots between digits inside one token: an IPv4 shape. */
  ipv4: boolean;
}

function isHex4(text: Uint8Array, from: number): boolean {
  for (let i = from; i < from + 4; i++) {
    const c = text[i] | 32;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

function isWordCode(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 95;
}

/** Whether the letters [start, end) are a capital and 1 to 20 lower-case letters, standing alone. */
function isCapitalisedWord(text: Uint8Array, start: number, end: number, n: number): boolean {
  if (end - start < 2 || end - start > 21 || !isUpperCode(text[start])) return false;
  for (let i = start + 1; i < end; i++) if (text[i] < 97) return false;
  return (start === 0 || !isWordCode(text[start - 1])) && (end >= n || !isWordCode(text[end]));
}

function isUpperCode(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** ASCII letter: setting bit 5 lower-cases A-Z and maps nothing else into a-z. */
function isLetter(c: number): boolean {
  return ((c | 32) - 97) >>> 0 < 26;
}

/** The text as bytes (see asciiBytesReader): the hot loop walks a typed array, not the string. */
const toBytes = asciiBytesReader();

/**
 * The hot loop: letters only update a word hash; the rarer characters (digits, punctuation) do
 * the rest, and a digit run is finished by peeking at the character after it. Reads stay below
 * `n`: past it the buffer holds an earlier text.
 *
 * Given `fold`, the text lower-cased code unit by code unit, and a text without the Kelvin sign, the
 * same walk also builds the shared word index of `fold` (see startFeed in words.ts): its words are
 * the runs of letters and digits this loop walks anyway, so the index need not walk the text again.
 */
export function readSignals(source: string, fold?: string): Signals {
  const text = toBytes(source);
  let digits = 0;
  let words = 0;
  let spelled = 0;
  const placed: number[] = [];
  const capDigit: number[] = [];
  const bigAt: number[] = [];
  const fiveAt: number[] = [];
  const gluedAt: number[] = [];
  const capWords: number[] = [];
  let upRun = 0;
  let upperDigit = false;
  let digitUpper = false;
  let letterLongDigits = false;
  let at = false;
  let spacedAt = false;
  let slash = false;
  let colons = 0;
  let dashes = 0;
  let innerDots = 0;
  let digitSepDigit = false;
  let bigNumber = false;
  let longToken = false;
  let macDots = false;
  let ipv4 = false;
  const n = source.length;
  let tokenStart = 0;
  let tokenDigitDots = 0;
  let runStart = -1;
  const feeding = fold !== undefined && !isIndexed(fold);
  if (feeding) startFeed();
  /** Start of the run of letters and digits being read, or -1; `wordH` its hash so far. */
  let wordStart = -1;
  let wordH = WORD_HASH_SEED;
  for (let i = 0; i < n; i++) {
    let c = text[i];
    if (isLetter(c)) {
      // a whole word in one tight loop; only its first letter can follow a digit ("27ABCDE…")
      if (c <= 90 && i > 0) {
        const p = text[i - 1];
        if (p >= 48 && p <= 57) digitUpper = true;
      }
      const s = i;
      if (wordStart < 0) {
        wordStart = s;
        wordH = WORD_HASH_SEED;
      }
      let h = wordH;
      do {
        h = wordHash(h, c | 32);
        c = ++i < n ? text[i] : 32;
      } while (isLetter(c));
      wordH = h;
      // letters after digits ("4b") have a hash of their own
      const letters = wordStart === s ? h : hashLetters(text, s, i);
      if (isCapitalisedWord(text, s, i, n)) capWords.push(s, i);
      const bits = (i - s <= 20 ? lookup(letters) : 0) | (opensNameCue(text, s, i - s) ? W.nameCue : 0);
      if (bits !== 0) {
        words |= bits;
        if (bits & W.spelled) spelled++;
        if (bits & PLACED) placed.push(bits, s);
      }
      if (feeding) feedLetters(s, i, letters);
      if (!(c >= 48 && c <= 57)) {
        if (feeding) feedWord(wordStart, wordH, text[wordStart] | 32);
        wordStart = -1;
      }
      if (i >= n) break;
    }
    if (c >= 48 && c <= 57) {
      digits++;
      if (wordStart < 0) {
        wordStart = i;
        wordH = WORD_HASH_SEED;
      }
      wordH = wordHash(wordH, c);
      if (runStart < 0) {
        runStart = i;
        // capitals just before a number: "ABCPD1234", "MH 12", "AL47"
        const p = i > 0 ? text[i - 1] : 32;
        let k = -1;
        if (isUpperCode(p)) k = i - 1;
        else if ((p === 32 || p === 45) && i > 1 && isUpperCode(text[i - 2])) k = i - 2;
        if (k >= 0) {
          upperDigit = true;
          capDigit.push(k);
          let j = k;
          while (j > 0 && isUpperCode(text[j - 1])) j--;
          if (k - j + 1 > upRun) upRun = k - j + 1;
        }
      }
      const nx = i + 1 < n ? text[i + 1] : 32;
      if (nx >= 48 && nx <= 57) continue;
      // the run ends here
      const len = i + 1 - runStart;
      if (len === 5) fiveAt.push(runStart);
      if (len >= 6 && runStart > 0 && isLetter(text[runStart - 1])) {
        letterLongDigits = true;
        gluedAt.push(runStart);
      }
      if (len === 2 ? text[runStart] === 57 : len === 3 && text[runStart] === 49 && text[runStart + 1] <= 50) {
        bigNumber = true;
        bigAt.push(runStart);
      }
      if ((nx === 47 || nx === 46 || nx === 45) && i + 2 < n) {
        const nn = text[i + 2];
        if (nn >= 48 && nn <= 57) {
          digitSepDigit = true;
          if (nx === 46 && ++tokenDigitDots >= 3) ipv4 = true;
        }
      }
      runStart = -1;
      if (!isLetter(nx)) {
        // '0' to '9' are their own lower case
        if (feeding) feedWord(wordStart, wordH, text[wordStart] | 32);
        wordStart = -1;
      }
      continue;
    }
    if (feeding && i + 1 < n && endsSentence(c, source, i)) feedSentence(i + 1);
    if (c === 46) {
      if (i > tokenStart && i + 1 < n) {
        const nx = text[i + 1];
        if ((nx >= 48 && nx <= 57) || isLetter(nx)) {
          innerDots++;
          // Cisco MAC shape: four hex digits, a dot, four hex digits, a dot
          if (!macDots && i - tokenStart >= 4 && i + 5 < n && text[i + 5] === 46 && isHex4(text, i - 4) && isHex4(text, i + 1)) macDots = true;
          continue; // a dot between alphanumerics keeps the token going
        }
      }
    } else if (c === 64) {
      at = true;
      if ((i > 0 && text[i - 1] === 32) || (i + 1 < n && text[i + 1] === 32)) spacedAt = true;
    } else if (c === 47) slash = true;
    else if (c === 58) colons++;
    else if (c === 45) dashes++;
    if (i - tokenStart >= 25) longToken = true;
    tokenStart = i + 1;
    tokenDigitDots = 0;
  }
  if (n - tokenStart >= 25) longToken = true;
  if (feeding) finishFeed(fold);
  return { digits, words, placed, capDigit, bigAt, fiveAt, gluedAt, capWords, spelled, upRun, upperDigit, digitUpper, letterLongDigits, at, spacedAt, slash, colons, dashes, innerDots, digitSepDigit, bigNumber, longToken, macDots, ipv4 };
}

function within(positions: readonly number[], from: number, to: number): number[] {
  const out: number[] = [];
  for (const p of positions) if (p >= from && p < to) out.push(p - from);
  return out;
}

/**
 * The signals of a text as seen from its part [from, to): positions are shifted and kept only inside
 * the part, while counts and flags stay the whole text's, so every detector runs on the part exactly
 * when it runs on the whole (a trigger word elsewhere in the text still opens its detector).
 */
export function signalsWithin(sig: Signals, from: number, to: number): Signals {
  const placed: number[] = [];
  for (let k = 0; k < sig.placed.length; k += 2) {
    const at = sig.placed[k + 1];
    if (at >= from && at < to) placed.push(sig.placed[k], at - from);
  }
  const capWords: number[] = [];
  for (let k = 0; k < sig.capWords.length; k += 2) {
    const start = sig.capWords[k];
    const end = sig.capWords[k + 1];
    if (start >= from && end <= to) capWords.push(start - from, end - from);
  }
  return {
    ...sig,
    placed,
    capWords,
    capDigit: within(sig.capDigit, from, to),
    bigAt: within(sig.bigAt, from, to),
    gluedAt: within(sig.gluedAt, from, to),
    fiveAt: within(sig.fiveAt, from, to),
  };
}
