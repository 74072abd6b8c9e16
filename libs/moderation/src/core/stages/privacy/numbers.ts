import { abaRouting, luhn, npi, verhoeff } from './checksums';
import { cueBefore, type Cue } from './cues';
import { type DigitRun, runDigits, scanDigitRuns } from './digit-runs';
import { isDigitCode, type PiiKind, type PiiMatch } from './pii';

/**
 * Numeric identifiers: phones and faxes, Aadhaar, ABHA, cards, SSN/ITIN, NPI, routing numbers,
 * IMEI, and any digit run a cue word names (MRN, policy, account, PIN/ZIP…).
 * Health text is full of numbers, so a bare run is only redacted when its shape and checksum say
 * what it is, or when it has a phone shape; everything else needs a cue.
 */

interface Shape {
  digits: string;
  groups: number[];
  seps: string[];
  plus: boolean;
  paren: boolean;
  colon: boolean;
}

type Hit = { kind: PiiKind; rule: string } | null;

function sameSeps(s: Shape): boolean {
  for (let i = 2; i < s.seps.length; i++) if (s.seps[i] !== s.seps[1]) return false;
  return true;
}

function groupsAre(s: Shape, ...lens: number[]): boolean {
  if (s.groups.length !== lens.length) return false;
  for (let i = 0; i < lens.length; i++) if (s.groups[i] !== lens[i]) return false;
  return true;
}

/**
 * Spaced-out digits ("9 8 2 0 …") or a few natural groups ("98200 12345", "982-001-2345"); not a
 * list of readings like "98 97 96 99 98" or the tail of a longer code ("6457 8413 26").
 */
function phoneGrouping(s: Shape): boolean {
  const g = s.groups;
  if (g.length === 1) return true;
  if (g.every((x) => x === 1)) return true;
  if (g.length > 4) return false;
  let min = 99;
  for (const x of g) if (x < min) min = x;
  return (min >= 2 || (g[0] <= 3 && g.length >= 3)) && g[g.length - 1] >= 3;
}

function indianMobile(d: string): boolean {
  return d.length === 10 && d.charCodeAt(0) >= 54; // 6-9
}

/** A North American number: (NXX) NXX-XXXX, area code and exchange not starting with 0 or 1. */
function nanp(x: string): boolean {
  return x.length === 10 && x.charCodeAt(0) >= 50 && x.charCodeAt(3) >= 50;
}

function classifyPhone(s: Shape, cue: Cue | null): Hit {
  const d = s.digits;
  const n = d.length;
  if (s.colon) return null;
  if (s.plus) {
    if (d.startsWith('91') && indianMobile(d.slice(2))) return { kind: 'pii.phone', rule: 'privacy.phone.in-mobile' };
    if (n >= 8 && n <= 15 && s.groups.length <= 7) return { kind: 'pii.phone', rule: 'privacy.phone.international' };
    return null;
  }
  if (!phoneGrouping(s)) return cue === 'phone' && n >= 8 && n <= 13 ? { kind: 'pii.phone', rule: 'privacy.phone.cued' } : null;
  if (indianMobile(d)) return { kind: 'pii.phone', rule: 'privacy.phone.in-mobile' };
  if (n === 11 && d[0] === '0' && indianMobile(d.slice(1))) return { kind: 'pii.phone', rule: 'privacy.phone.in-mobile' };
  if (n === 12 && d.startsWith('91') && indianMobile(d.slice(2))) return { kind: 'pii.phone', rule: 'privacy.phone.in-mobile' };
  // Indian landline: 0 + STD code (2-4 digits) + subscriber number, 11 digits in all ("011-2345 6789").
  if (n === 11 && d[0] === '0' && d[1] !== '0' && (s.groups.length === 1 || (s.groups[0] >= 3 && s.groups[0] <= 5))) {
    return { kind: 'pii.phone', rule: 'privacy.phone.in-landline' };
  }
  // NANP: (NXX) NXX-XXXX, optionally with a leading 1 (https://en.wikipedia.org/wiki/North_American_Numbering_Plan).
  if (nanp(d) && (groupsAre(s, 3, 3, 4) || (s.paren && groupsAre(s, 3, 7)))) return { kind: 'pii.phone', rule: 'privacy.phone.us' };
  if (n === 11 && d[0] === '1' && nanp(d.slice(1)) && groupsAre(s, 1, 3, 3, 4)) return { kind: 'pii.phone', rule: 'privacy.phone.us' };
  // Country code written without '+' before a 10-digit national number ("91-415-555-0132").
  if (n === 12 && d.startsWith('91') && s.groups[0] === 2 && s.groups.length >= 3) return { kind: 'pii.phone', rule: 'privacy.phone.international' };
  // Trunk-prefixed national numbers elsewhere ("09-7625400", "090-1234-5678").
  const lastGroup = s.groups[s.groups.length - 1];
  if (n >= 9 && n <= 11 && d[0] === '0' && d[1] !== '0' && s.groups.length >= 2 && s.groups.length <= 3 && s.groups[0] <= 4 && lastGroup >= 4 && sameSeps(s) && s.seps[1] !== '.' && !groupsAre(s, 3, 2, 4)) {
    return { kind: 'pii.phone', rule: 'privacy.phone.national' };
  }
  // Chinese mobiles: 11 digits starting 13-19.
  if (n === 11 && s.groups.length === 1 && d[0] === '1' && d.charCodeAt(1) >= 51) return { kind: 'pii.phone', rule: 'privacy.phone.cn-mobile' };
  if (cue === 'phone' && n >= 8 && n <= 13) return { kind: 'pii.phone', rule: 'privacy.phone.cued' };
  return null;
}

function cardGrouping(s: Shape): boolean {
  if (s.groups.length === 1) return true;
  if (!sameSeps(s)) return false;
  const g = s.groups;
  if (g.length === 3 && g[0] === 4 && g[1] === 6 && (g[2] === 5 || g[2] === 4)) return true; // Amex, Diners
  for (let i = 0; i < g.length - 1; i++) if (g[i] !== 4) return false;
  return g[g.length - 1] >= 1 && g[g.length - 1] <= 4;
}

/** SSA rules: area not 000, 666 or 9xx; group not 00; serial not 0000 (https://www.ssa.gov/employer/randomization.html). */
function ssnValid(d: string): boolean {
  const area = d.slice(0, 3);
  return area !== '000' && area !== '666' && d[0] !== '9' && d.slice(3, 5) !== '00' && d.slice(5) !== '0000';
}

/** IRS ITIN: 9xx with group 50-65, 70-88, 90-92 or 94-99. */
function itinValid(d: string): boolean {
  if (d[0] !== '9') return false;
  const g = Number(d.slice(3, 5));
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
}

const CUE_KIND: Partial<Record<Cue, { kind: PiiKind; rule: string; min: number; max: number }>> = {
  aadhaar: { kind: 'pii.aadhaar', rule: 'privacy.id.in-aadhaar-cued', min: 12, max: 12 },
  abha: { kind: 'pii.abha', rule: 'privacy.id.in-abha-cued', min: 14, max: 14 },
  mrn: { kind: 'pii.medical_record', rule: 'privacy.mrn.cued', min: 4, max: 20 },
  plan: { kind: 'pii.health_plan', rule: 'privacy.health-plan.cued', min: 5, max: 20 },
  account: { kind: 'pii.account', rule: 'privacy.account.cued', min: 6, max: 20 },
  ssn: { kind: 'pii.ssn', rule: 'privacy.ssn.cued', min: 9, max: 9 },
  passport: { kind: 'pii.passport', rule: 'privacy.passport.cued', min: 7, max: 9 },
  device: { kind: 'pii.device', rule: 'privacy.device.cued', min: 6, max: 20 },
  pin: { kind: 'pii.postal_code', rule: 'privacy.postal.in-pin', min: 6, max: 6 },
  zip: { kind: 'pii.postal_code', rule: 'privacy.postal.us-zip', min: 5, max: 9 },
  licence: { kind: 'pii.licence', rule: 'privacy.licence.cued', min: 4, max: 16 },
  card: { kind: 'pii.card', rule: 'privacy.card.cued', min: 12, max: 19 },
  id: { kind: 'pii.other_id', rule: 'privacy.id.cued', min: 6, max: 20 },
};

function classify(s: Shape, cue: Cue | null): Hit {
  const d = s.digits;
  const n = d.length;
  // a generic "id" cue names nothing specific: let the checksums speak first
  if (cue && cue !== 'id') {
    const c = CUE_KIND[cue];
    // a cued four-digit year ("policy 2019", "admission 2023") is a year, not an id
    const year = n === 4 && (d.startsWith('19') || d.startsWith('20'));
    if (c && n >= c.min && n <= c.max && !year) {
      if (cue === 'pin' && d[0] === '0') return null;
      if (cue === 'zip' && n !== 5 && n !== 9) return null;
      return { kind: c.kind, rule: c.rule };
    }
  }
  // Aadhaar: 12 digits, first digit 2-9, Verhoeff check digit (UIDAI numbering scheme).
  if (n === 12 && d[0] !== '0' && d[0] !== '1' && (s.groups.length === 1 || groupsAre(s, 4, 4, 4)) && sameSeps(s) && verhoeff(d)) {
    return { kind: 'pii.aadhaar', rule: 'privacy.id.in-aadhaar' };
  }
  // ABHA number: 14 digits written 2-4-4-4 (https://abdm.gov.in).
  if (n === 14 && groupsAre(s, 2, 4, 4, 4) && sameSeps(s)) return { kind: 'pii.abha', rule: 'privacy.id.in-abha' };
  if (s.colon) return null;
  if (n >= 13 && n <= 19 && cardGrouping(s) && luhn(d)) {
    if (n === 15 && cue === 'device') return { kind: 'pii.device', rule: 'privacy.device.imei' };
    return { kind: 'pii.card', rule: 'privacy.card.luhn' };
  }
  if (n === 14 && s.groups.length === 1 && d.startsWith('91')) return { kind: 'pii.abha', rule: 'privacy.id.in-abha' };
  const phone = classifyPhone(s, cue);
  if (phone) return phone;
  if (n === 9 && !s.plus && !s.paren) {
    const dashed = sameSeps(s) && s.seps[1] !== '(' && s.seps[1] !== ')';
    if (dashed && (groupsAre(s, 3, 2, 4) || (s.seps[1] === '-' && (groupsAre(s, 3, 6) || groupsAre(s, 5, 4))))) {
      if (itinValid(d)) return { kind: 'pii.ssn', rule: 'privacy.ssn.us-itin' };
      if (ssnValid(d)) return { kind: 'pii.ssn', rule: 'privacy.ssn.us' };
    }
    if ((s.groups.length === 1 || (groupsAre(s, 4, 4, 1) && dashed)) && abaRouting(d)) return { kind: 'pii.account', rule: 'privacy.account.us-routing' };
  }
  if (n === 10 && (s.groups.length === 1 || groupsAre(s, 4, 3, 3)) && sameSeps(s) && npi(d)) return { kind: 'pii.licence', rule: 'privacy.licence.us-npi' };
  if (cue === 'id' && n >= 6 && n <= 20 && !(n === 4 && /^(?:19|20)/.test(d))) return { kind: 'pii.other_id', rule: 'privacy.id.cued' };
  return null;
}

/** Checksummed kinds count only as a whole run (a 16-digit slice of a longer number is chance). */
const CHECKSUM_RULES = new Set(['privacy.card.luhn', 'privacy.id.in-aadhaar', 'privacy.licence.us-npi', 'privacy.account.us-routing']);

function acceptable(
  text: string, hit: { kind: PiiKind; rule: string }, shape: Shape, start: number, end: number,
  whole: boolean, touchesLetter: boolean, letterBefore: boolean, letterAfter: boolean, cue: Cue | null,
): boolean {
  if (CHECKSUM_RULES.has(hit.rule) && !whole) return false;
  // colon-separated digits inside something longer are times or addresses, not ids
  if (shape.colon && (text.charCodeAt(start - 1) === 58 || text.charCodeAt(end) === 58)) return false;
  if (!touchesLetter || cue !== null) return !touchesLetter || hit.kind === 'pii.phone' || cue !== null;
  if (hit.kind !== 'pii.phone' || letterAfter) return false;
  // "is415-555-0132" (a typo) is a phone; "AT61 1904 3002" (an upper-case code) is not
  if (letterBefore && /[A-Z]/.test(text[start - 1])) return false;
  return true;
}

function shapeOf(text: string, run: DigitRun, from: number, to: number): Shape {
  const groups: number[] = [];
  const seps: string[] = [];
  let paren = false;
  let colon = false;
  for (let g = from; g < to; g++) {
    groups.push(run.ge[g] - run.gs[g]);
    const sep = g === from ? '' : run.seps[g];
    seps.push(sep);
    if (sep.includes('(') || sep.includes(')')) paren = true;
    if (sep.includes(':')) colon = true;
  }
  if (from === 0 && text.charCodeAt(run.start) === 40) paren = true;
  return { digits: runDigits(text, run, from, to), groups, seps, plus: from === 0 && run.plus, paren, colon };
}

/**
 * The group before `from` ends a numeric date ("1/1/1950 2645 3365 3301", "1.1.1950 …"). The date
 * detector owns it and it becomes a placeholder, so it is not a neighbour the sub-run could be part
 * of: without this, the Aadhaar after it was only found once the date had been redacted.
 */
function afterDate(text: string, run: DigitRun, from: number): boolean {
  const year = run.ge[from - 1] - run.gs[from - 1];
  if (year !== 2 && year !== 4) return false;
  if (from === 1) {
    // '/' is no run separator, so a slashed date's year starts the run: "d/m/" sits right before it
    const s = run.gs[0];
    return s >= 2 && text.charCodeAt(s - 1) === 47 && isDigitCode(text.charCodeAt(s - 2));
  }
  if (from < 3) return false;
  const sep = run.seps[from - 1];
  return (sep === '.' || sep === '-') && run.seps[from - 2] === sep && run.ge[from - 2] - run.gs[from - 2] <= 2 && run.ge[from - 3] - run.gs[from - 3] <= 2;
}

/** Digit counts that can name something without a cue: phones (8-15), SSN/ITIN/routing (9), ids and cards (10-19). */
const MIN_UNCUED = 8;
const MAX_WINDOW = 19;

export function detectNumbers(text: string, fold: string, out: PiiMatch[]): void {
  scanDigitRuns(text, (run) => {
    const k = run.gs.length;
    // prefix digit counts, so a window's size is one subtraction
    const pc = new Array<number>(k + 1);
    pc[0] = 0;
    for (let g = 0; g < k; g++) pc[g + 1] = pc[g] + run.ge[g] - run.gs[g];
    if (pc[k] < 4) return;
    let from = 0;
    let lastTo = -1;
    while (from < k) {
      // a long uniform run ("1 1 1 1 …", "1.1.1.…") is data, not a list of ids: windows start only at
      // its beginning or where the separator changes, which keeps a flood linear
      if (k > 16 && from > 0 && from !== lastTo && run.seps[from] === run.seps[from + 1 < k ? from + 1 : from]) {
        from++;
        continue;
      }
      let matched = false;
      const start = from === 0 ? run.start : run.gs[from];
      // a cue can only sit right before the run; inside it, the left neighbour is a digit
      const cue = from === 0 || from === lastTo ? cueBefore(fold, start) : null;
      const minCount = cue !== null ? 4 : MIN_UNCUED;
      let limit = from;
      while (limit < k && pc[limit + 1] - pc[from] <= MAX_WINDOW) limit++;
      // longest window first, so "98200 12345" wins over "98200"
      for (let to = limit; to > from && !matched; to--) {
        const count = pc[to] - pc[from];
        if (count < minCount) break;
        // more than six groups is only ever a spaced-out phone or Aadhaar ("9 8 2 0 …")
        if (to - from > 6 && (count < 10 || count > 13 || count !== to - from)) continue;
        // a digit run glued to letters is part of a code ("A12345678", "MH12"); only phones may touch letters
        const touchesLetter = (from === 0 && run.letterBefore) || (to === k && run.letterAfter);
        // a checksummed sub-run must stand apart from its neighbours: its edges are the run's ends,
        // an already matched neighbour, or a separator unlike its own ("4111… 4012-8888-8888-1881")
        const inner = to - from > 1 ? run.seps[from + 1] : null;
        const leftFree = from === 0 || from === lastTo || inner === null || run.seps[from] !== inner || afterDate(text, run, from);
        const rightFree = to === k || inner === null || run.seps[to] !== inner;
        const whole = leftFree && rightFree;
        const shape = shapeOf(text, run, from, to);
        const hit = classify(shape, cue);
        let end = run.ge[to - 1];
        if (hit && acceptable(text, hit, shape, start, end, whole, touchesLetter, from === 0 && run.letterBefore, to === k && run.letterAfter, cue)) {
          if (shape.paren && text.charCodeAt(end) === 41 && text.charCodeAt(start) === 40) end++;
          out.push({ kind: hit.kind, rule: hit.rule, start, end });
          from = to;
          lastTo = to;
          matched = true;
        }
      }
      if (!matched) from++;
    }
  });
}
