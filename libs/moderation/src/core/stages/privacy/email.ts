import type { PiiMatch } from './pii';
import { W, type Signals } from './signals';

/**
 * E-mail addresses, including punycode domains and the spelled-out forms people use to slip past
 * filters ("priya dot sharma at gmail dot com", "name [at] gmail [dot] com"), and ABHA addresses
 * (name@abdm, name@sbx), which are e-mail-shaped health ids.
 * Scans from each '@' or "at" marker outward with bounded loops instead of one big regex, so a
 * flood of '@' stays linear.
 */

const LOCAL_MAX = 64;
const DOMAIN_MAX = 120;

function isLocalCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

function isDomainCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

const ABHA_DOMAINS = new Set(['abdm', 'sbx', 'ndhm']);

function validDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const l of labels) if (l.length === 0 || l.length > 63 || l.startsWith('-') || l.endsWith('-')) return false;
  const tld = labels[labels.length - 1].toLowerCase();
  return tld.startsWith('xn--') || (tld.length >= 2 && tld.length <= 24 && /^[a-z]+$/.test(tld));
}

function plainEmails(text: string, out: PiiMatch[]): void {
  let at = text.indexOf('@');
  let floor = 0;
  while (at >= 0) {
    let s = at;
    while (s > floor && at - s < LOCAL_MAX && isLocalCode(text.charCodeAt(s - 1))) s--;
    while (s < at && text.charCodeAt(s) === 46) s++;
    let e = at + 1;
    while (e < text.length && e - at <= DOMAIN_MAX && isDomainCode(text.charCodeAt(e))) e++;
    while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
    const domain = text.slice(at + 1, e);
    if (s < at) {
      if (validDomain(domain)) {
        out.push({ kind: 'pii.email', rule: 'privacy.email.address', start: s, end: e });
        floor = e;
      } else if (ABHA_DOMAINS.has(domain.toLowerCase())) {
        out.push({ kind: 'pii.abha', rule: 'privacy.id.in-abha-address', start: s, end: e });
        floor = e;
      }
    }
    at = text.indexOf('@', Math.max(at + 1, floor));
  }
}

// Obfuscated forms, matched on the folded text. Quantifiers are bounded and the pieces are
// disjoint (word characters vs. the literal separators), so the engine cannot backtrack far.
const SEP = String.raw`(?:\s?\.\s?|\s?[\[\(\{<]\s?dot\s?[\]\)\}>]\s?|\s+dot\s+)`;
// a bare '@' is the plain scanner's; here only a spaced-out one ("name @ gmail dot com")
const AT = String.raw`(?:\s?[\[\(\{<]\s?at\s?[\]\)\}>]\s?|\s+at\s+|\s@\s?|@\s|\s+at\s?the\s?rate\s?(?:of\s)?\s?)`;
const WORD = String.raw`[a-z0-9_%+\-]{1,40}`;
const TLD = String.raw`(?:com|in|org|net|co${SEP}in|co|edu|gov|io|me|info|us|uk)`;
/**
 * A word taken whole (an atomic group: a lookahead captures it, a back-reference consumes it). What
 * follows a word always starts with a space, '.', a bracket or '@', never a word character, so giving
 * characters back could not help a match; it only made every failed attempt retry each shorter prefix.
 */
let groups = 0;
const whole = (): string => `(?=(${WORD}))\\${++groups}`;
const OBFUSCATED = new RegExp(
  String.raw`\b${whole()}(?:${SEP}${whole()}){0,3}${AT}${whole()}(?:${SEP}${whole()}){0,2}?${SEP}${TLD}\b`,
  'g',
);

const AT_MARKER = /[[({<]\s?at\s?[\])}>]| at | @|@ /g;
/** How far before its "at" an obfuscated address may start: four words of up to 40 characters. */
const LOCAL_REACH = 180;

// Every obfuscated address ends with a separator and a TLD ("dot com", ". in", "[dot] org"): the
// separator holds '.' or "dot", then only spaces and closing brackets come before the TLD.
const TLD_TAIL = /(?:\.|dot)[\s\])}>]*(?:com|in|org|net|co|edu|gov|io|me|info|us|uk)\b/g;

/** End of the last separator-and-TLD tail, or -1: no obfuscated address can end after it. */
function lastTldTail(fold: string): number {
  let end = -1;
  TLD_TAIL.lastIndex = 0;
  for (let m = TLD_TAIL.exec(fold); m; m = TLD_TAIL.exec(fold)) end = m.index + m[0].length;
  return end;
}

function obfuscatedEmails(fold: string, out: PiiMatch[]): void {
  const tail = lastTldTail(fold);
  if (tail < 0) return;
  // The address pattern is costly to try at every word, so it reads only up to that tail (plus the
  // one character its closing \b looks at); markers are still found in the whole text.
  const scope = tail < fold.length ? fold.slice(0, tail + 1) : fold;
  // scan only around each marker, so a long message with one " at " costs a short window
  AT_MARKER.lastIndex = 0;
  let done = 0;
  for (let a = AT_MARKER.exec(fold); a; a = AT_MARKER.exec(fold)) {
    if (a.index < done) continue;
    OBFUSCATED.lastIndex = Math.max(done, a.index - LOCAL_REACH);
    const m = OBFUSCATED.exec(scope);
    if (!m) return; // nothing from here to the end
    if (m.index > a.index) {
      // the next address starts after this marker: resume the marker search there
      AT_MARKER.lastIndex = m.index;
      done = m.index;
      continue;
    }
    out.push({ kind: 'pii.email', rule: 'privacy.email.obfuscated', start: m.index, end: m.index + m[0].length });
    done = m.index + m[0].length;
    AT_MARKER.lastIndex = done;
  }
}

export function detectEmails(text: string, fold: string, sig: Signals, out: PiiMatch[]): void {
  if (sig.at) plainEmails(text, out);
  if ((sig.spacedAt || sig.words & W.atWord) && sig.words & W.mailWord) obfuscatedEmails(fold, out);
}
