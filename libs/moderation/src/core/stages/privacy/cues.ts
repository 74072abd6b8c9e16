/**
 * Cue words that say what the number after them is ("MRN", "policy no.", "pincode", "mera number").
 * A cue is what lets us redact a bare run of digits that has no checksum; without one, a six- to
 * twelve-digit run in health text is far more likely to be a lab value or a count.
 */
export type Cue =
  | 'phone' | 'aadhaar' | 'abha' | 'mrn' | 'plan' | 'account' | 'ssn' | 'passport' | 'device'
  | 'vehicle' | 'pin' | 'zip' | 'voter' | 'licence' | 'card' | 'pan' | 'id';

const CUE_WORDS: ReadonlyArray<readonly [string, Cue]> = [
  ['phone', 'phone'], ['ph', 'phone'], ['mobile', 'phone'], ['mob', 'phone'], ['cell', 'phone'], ['contact', 'phone'],
  ['call', 'phone'], ['call me', 'phone'], ['call me on', 'phone'], ['call me at', 'phone'], ['whatsapp', 'phone'], ['whats app', 'phone'], ['watsapp', 'phone'], ['wa', 'phone'],
  ['tel', 'phone'], ['telephone', 'phone'], ['fax', 'phone'], ['landline', 'phone'], ['number', 'phone'], ['numbr', 'phone'], ['num', 'phone'],
  ['no', 'phone'], ['nmbr', 'phone'], ['text me', 'phone'], ['text me on', 'phone'], ['text me at', 'phone'], ['reach me', 'phone'], ['reach me at', 'phone'], ['reach me on', 'phone'], ['ping me', 'phone'], ['ping me on', 'phone'], ['msg me', 'phone'], ['msg me on', 'phone'],
  ['aadhaar', 'aadhaar'], ['aadhar', 'aadhaar'], ['adhaar', 'aadhaar'], ['adhar', 'aadhaar'], ['uid', 'aadhaar'], ['uidai', 'aadhaar'],
  ['abha', 'abha'], ['health id', 'abha'], ['phr', 'abha'],
  ['mrn', 'mrn'], ['uhid', 'mrn'], ['ip no', 'mrn'], ['ipd no', 'mrn'], ['op no', 'mrn'], ['opd no', 'mrn'], ['cr no', 'mrn'], ['uhid no', 'mrn'], ['patient id', 'mrn'], ['pt id', 'mrn'],
  ['hospital id', 'mrn'], ['hospital', 'mrn'], ['case', 'mrn'], ['file', 'mrn'], ['record', 'mrn'], ['medical record', 'mrn'], ['admission', 'mrn'], ['bed', 'mrn'],
  ['policy', 'plan'], ['member id', 'plan'],  ['membership', 'plan'], ['insurance no', 'plan'], ['insurance number', 'plan'], ['insurance id', 'plan'], ['plan id', 'plan'],
  ['group no', 'plan'], ['group number', 'plan'], ['claim no', 'plan'], ['claim id', 'plan'], ['claim number', 'plan'], ['tpa', 'plan'], ['mediclaim', 'plan'], ['ecard', 'plan'], ['e-card', 'plan'], ['ayushman', 'plan'], ['ayushman card', 'plan'], ['pmjay', 'plan'],
  ['cghs', 'plan'], ['esic', 'plan'], ['ip number', 'plan'], ['medicare', 'plan'], ['medicaid', 'plan'], ['subscriber id', 'plan'], ['beneficiary id', 'plan'],
  ['account', 'account'], ['acct', 'account'], ['acc', 'account'], ['a/c', 'account'], ['ac', 'account'], ['bank account', 'account'], ['routing', 'account'], ['ifsc', 'account'], ['upi', 'account'],
  ['ssn', 'ssn'], ['social security', 'ssn'], ['itin', 'ssn'], ['tax id', 'ssn'], ['tin', 'ssn'],
  ['passport', 'passport'], ['travel document', 'passport'],
  ['imei', 'device'], ['serial', 'device'], ['s/n', 'device'], ['sn', 'device'], ['device id', 'device'], ['device', 'device'],
  ['plate', 'vehicle'], ['licence plate', 'vehicle'], ['license plate', 'vehicle'], ['vehicle', 'vehicle'], 
  ['pin', 'pin'], ['pincode', 'pin'], ['pin code', 'pin'], ['postal code', 'pin'], ['post code', 'pin'], ['postcode', 'pin'],
  ['zip', 'zip'], ['zip code', 'zip'], ['zipcode', 'zip'],
  ['voter id', 'voter'], ['voter', 'voter'], ['epic', 'voter'],
  ['licence', 'licence'], ['license', 'licence'], ['driving licence', 'licence'], ['driving license', 'licence'], ['dl no', 'licence'], ['reg', 'licence'], ['registration', 'licence'],
  ['npi', 'licence'], ['dea', 'licence'], ['mci', 'licence'], ['nmc', 'licence'], ['smc', 'licence'], ['council', 'licence'], ['medical council', 'licence'],
  ['card', 'card'], ['credit card', 'card'], ['debit card', 'card'],
  ['pan', 'pan'], ['pan card', 'pan'], ['aadhaar card', 'aadhaar'], ['aadhar card', 'aadhaar'], ['abha card', 'abha'],
  ['voter card', 'voter'], ['health card', 'plan'], ['insurance card', 'plan'],
  ['id', 'id'], ['id no', 'id'],
];

const CUE_MAP = new Map<string, Cue>(CUE_WORDS.filter(([w]) => !w.includes(' ')));

/** The multi-word cues ending in one word, by the words before it (nearest first). */
interface Phrases {
  two: Map<string, Cue>;
  three: Map<string, Map<string, Cue>>;
}

/**
 * Multi-word cues by their last word: looking one up compares the words already read, where joining
 * them into a phrase first built (and hashed) a new string for every number with a filler before it.
 */
const BY_TAIL = new Map<string, Phrases>();
for (const [phrase, cue] of CUE_WORDS) {
  const words = phrase.split(' ');
  if (words.length === 1) continue;
  const tail = words[words.length - 1];
  let phrases = BY_TAIL.get(tail);
  if (phrases === undefined) {
    phrases = { two: new Map(), three: new Map() };
    BY_TAIL.set(tail, phrases);
  }
  if (words.length === 2) phrases.two.set(words[0], cue);
  else {
    const byFirst = phrases.three.get(words[1]) ?? new Map<string, Cue>();
    byFirst.set(words[0], cue);
    phrases.three.set(words[1], byFirst);
  }
}
/** Words that may sit between a cue and its value: "policy no. is", "mera number hai". */
const FILLERS = new Set([
  'no', 'num', 'number', 'nos', 'is', 'was', 'hai', 'ka', 'ki', 'ke', 'my', 'mera', 'meri', 'mere', 'the', 'code', 'id', 'card',
  'details', 'detail', 'here', 'it', 'its', 'are', 'of', 'on', 'at', 'me', 'plz', 'pls', 'please', 'address',
]);
const SPECIFIC_OVER_FILLER = new Set<Cue>(['aadhaar', 'abha', 'mrn', 'plan', 'account', 'ssn', 'passport', 'device', 'vehicle', 'pin', 'zip', 'voter', 'licence', 'card', 'pan']);

function hashWord(w: string, from = 0, to = w.length): number {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) & 0x3fffffff;
  return h;
}
/** Hashes of every single word that can start or sit in a cue, for a no-allocation first check. */
const CUE_WORD_HASHES = new Set<number>();
for (const [phrase] of CUE_WORDS) for (const w of phrase.split(' ')) CUE_WORD_HASHES.add(hashWord(w));
for (const w of FILLERS) CUE_WORD_HASHES.add(hashWord(w));

const WINDOW = 48;
const MAX_WORDS = 6;

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 47; // a-z and '/' (for a/c, s/n)
}

/**
 * Reads the words just before `pos` (in the folded text) right to left, skipping punctuation and
 * filler words, and returns the cue they name. Bounded to a small window so it is O(1) per call.
 */
export function cueBefore(fold: string, pos: number): Cue | null {
  const floor = Math.max(0, pos - WINDOW);
  // fast negative: the nearest word is neither a cue word nor a filler ("count 150000")
  {
    let e = pos;
    while (e > floor && !isWordCode(fold.charCodeAt(e - 1))) {
      const c = fold.charCodeAt(e - 1);
      if (!(c === 32 || c === 58 || c === 35 || c === 46 || c === 45 || c === 61 || c === 9 || c === 40 || c === 41 || c === 44 || c === 10 || c === 62)) return null;
      e--;
    }
    let b = e;
    while (b > floor && (isWordCode(fold.charCodeAt(b - 1)) || fold.charCodeAt(b - 1) === 45)) b--;
    if (b === e) return null;
    let we = e;
    while (we > b && fold.charCodeAt(we - 1) === 45) we--;
    let plain = true;
    for (let i = b; i < we; i++) {
      const c = fold.charCodeAt(i);
      if (c === 47 || c === 45) plain = false; // a/c, s/n, e-card: checked the slow way below
    }
    if (plain && !CUE_WORD_HASHES.has(hashWord(fold, b, we))) return null;
  }
  const words: string[] = [];
  let i = pos - 1;
  while (i >= floor && words.length < MAX_WORDS) {
    const c = fold.charCodeAt(i);
    if (isWordCode(c) || c === 45 /* - in e-card */) {
      let j = i;
      while (j - 1 >= floor && (isWordCode(fold.charCodeAt(j - 1)) || (fold.charCodeAt(j - 1) === 45 && isWordCode(fold.charCodeAt(j - 2))))) j--;
      let w = fold.slice(j, i + 1);
      while (w.endsWith('-')) w = w.slice(0, -1);
      words.push(w);
      i = j - 1;
    } else if (c === 32 || c === 58 || c === 35 || c === 46 || c === 45 || c === 61 || c === 9 || c === 40 || c === 41 || c === 44 || c === 10 || c === 62) {
      i--;
    } else {
      break;
    }
  }
  // words[0] is nearest. Try two-word then one-word cues, walking outward past fillers.
  let best: Cue | null = null;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    const phrases = BY_TAIL.get(w);
    if (phrases !== undefined && k + 2 < words.length) {
      const c3 = phrases.three.get(words[k + 1])?.get(words[k + 2]);
      if (c3) return c3;
    }
    if (phrases !== undefined && k + 1 < words.length) {
      const c2 = phrases.two.get(words[k + 1]);
      if (c2) return c2;
    }
    const c1 = CUE_MAP.get(w);
    if (c1 && (!FILLERS.has(w) || SPECIFIC_OVER_FILLER.has(c1))) return c1;
    if (c1 && best === null) best = c1;
    if (!FILLERS.has(w)) break;
  }
  return best;
}
