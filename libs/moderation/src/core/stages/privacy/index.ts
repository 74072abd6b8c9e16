import { withFindings, withRedactions, type FindingInput, type Redaction, type Stage } from '../../draft';
import { detectAddresses } from './address';
import { detectCuedIds } from './cued-ids';
import { detectDates } from './dates';
import { detectEmails } from './email';
import { detectFinancial } from './financial';
import { detectIndianIds } from './ids-india';
import { detectUsIds } from './ids-us';
import { detectNames } from './names';
import { detectNumbers } from './numbers';
import { MESSAGES, PLACEHOLDERS, severityOf, type PiiKind, type PiiMatch } from './pii';
import { resolve } from './resolve';
import { foldMatchesWords } from './anchored';
import { mayExpose } from './exposure';
import { readSignals, signalsWithin, W, type Signals } from './signals';
import { detectSpelledDigits } from './spelled-digits';
import { detectWeb } from './web';

export { PLACEHOLDERS, type PiiKind, type PiiMatch } from './pii';

/**
 * Privacy stage: finds the identifiers HIPAA Safe Harbor lists (45 CFR 164.514(b)(2)) plus Indian
 * ones (Aadhaar, PAN, ABHA, EPIC, GSTIN, plates), and records one finding and one typed redaction
 * for each. It never rewrites the text; applyRedactions() does that when the verdict is made.
 * https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.514
 */

function lower(text: string): string {
  const l = text.toLowerCase();
  // a few characters change length when lower-cased (e.g. 'İ'); keep offsets aligned in that case
  if (l.length === text.length) return l;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i].toLowerCase();
    out += c.length === 1 ? c : text[i];
  }
  return out;
}

function detectOnce(text: string): PiiMatch[] {
  if (text.length === 0) return [];
  return detectIn(text, lower(text), readSignals(text));
}

/** Runs every detector on `text`, given its lower-cased form and its signals (or those of a text it is part of). */
function detectIn(text: string, fold: string, sig: Signals): PiiMatch[] {
  const out: PiiMatch[] = [];
  if (sig.digits >= 4) {
    detectNumbers(text, fold, out);
    detectIndianIds(text, fold, sig, out);
    detectUsIds(text, fold, sig, out);
    detectFinancial(text, sig, out);
  }
  if (sig.digits >= 3 && (sig.words & W.cuedId || sig.slash)) detectCuedIds(text, fold, out);
  detectEmails(text, fold, sig, out);
  detectWeb(text, fold, sig, out);
  detectDates(text, fold, sig, out);
  detectAddresses(text, fold, sig, out);
  detectNames(text, fold, sig, out);
  if (sig.spelled >= 2) detectSpelledDigits(fold, out);
  return resolve(text, out);
}

/**
 * The text as it will be published: every match replaced by its placeholder, with a map back and
 * where the placeholders stand (start, end pairs in published coordinates, ascending).
 * `matches` must be sorted and disjoint (resolve() guarantees both).
 */
function withPlaceholders(text: string, matches: readonly PiiMatch[]): { published: string; holes: number[]; toSource: (at: number) => number } {
  const parts: string[] = [];
  const holes: number[] = [];
  const shifts: number[] = []; // source minus published offset after each placeholder
  let cursor = 0;
  let length = 0;
  for (const m of matches) {
    const before = text.slice(cursor, m.start);
    const placeholder = PLACEHOLDERS[m.kind];
    parts.push(before, placeholder);
    length += before.length;
    holes.push(length, length + placeholder.length);
    length += placeholder.length;
    shifts.push(m.end - length);
    cursor = m.end;
  }
  parts.push(text.slice(cursor));
  const toSource = (at: number): number => {
    let shift = 0;
    for (let i = 0; i < shifts.length && holes[2 * i + 1] <= at; i++) shift = shifts[i];
    return at + shift;
  };
  return { published: parts.join(''), holes, toSource };
}

/**
 * How far from a placeholder the published form can read differently from the submission. Every
 * detector decides from a bounded neighbourhood of what it matches, and a placeholder's brackets
 * stop them all: digit groups join over at most two separators, a cue word is read at most 48
 * characters before its number (cueBefore), name cues ("my little 6 year old daughter named") span
 * under 64. An identifier that shows only once its neighbour is redacted touches the placeholder
 * (or its cue does), so this reach holds it, its cue and up to 32 characters of the identifier itself.
 */
const REACH = 80;
/** A match this close to where a window was cut may owe its shape to the cut; the whole text decides. */
const EDGE = 24;
/** How far a cut may move to reach white space outside a placeholder before the whole text is read instead. */
const SNAP = 32;
/** Past this share of the text, one pass over all of it costs less than a pass per window. */
const MAX_SHARE = 0.9;

function isCutSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Whether `at` falls strictly inside a placeholder; a binary search, so thousands of placeholders stay cheap. */
function insideHole(holes: readonly number[], at: number): boolean {
  let lo = 0;
  let hi = holes.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at <= holes[2 * mid]) hi = mid - 1;
    else if (at >= holes[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Moves a cut by `step` to white space that no placeholder contains; -1 if none is near. */
function snapCut(published: string, holes: readonly number[], at: number, step: 1 | -1): number {
  for (let p = at, moved = 0; moved <= SNAP; p += step, moved++) {
    if (p <= 0) return 0;
    if (p >= published.length) return published.length;
    if (isCutSpace(published.charCodeAt(p)) && !insideHole(holes, p)) return p;
  }
  return -1;
}

/** [start, end) windows of the published text around its placeholders, merged; null when one pass over it all is better. */
function windowsAround(published: string, holes: readonly number[]): number[] | null {
  const windows: number[] = [];
  const most = MAX_SHARE * published.length;
  let covered = 0;
  for (let i = 0; i < holes.length && covered <= most; i += 2) {
    const start = snapCut(published, holes, Math.max(0, holes[i] - REACH), -1);
    const end = snapCut(published, holes, Math.min(published.length, holes[i + 1] + REACH), 1);
    if (start < 0 || end < 0) return null;
    const last = windows.length - 1;
    if (last > 0 && start <= windows[last]) {
      covered += Math.max(0, end - windows[last]);
      windows[last] = Math.max(windows[last], end);
    } else {
      covered += end - start;
      windows.push(start, end);
    }
  }
  return covered > most ? null : windows;
}

/**
 * detectOnce(published), read only near the placeholders: elsewhere the published text is the
 * submission, where every detection already became a placeholder. A match near a cut is not
 * trusted; the whole text is read instead.
 */
function detectNearPlaceholders(published: string, holes: readonly number[]): PiiMatch[] {
  const windows = windowsAround(published, holes);
  if (windows === null) return detectOnce(published);
  // The whole text's signals decide which detectors run in each window, as they would on the whole.
  const fold = lower(published);
  const sig = readSignals(published);
  const found: PiiMatch[] = [];
  for (let w = 0; w < windows.length; w += 2) {
    const from = windows[w];
    const to = windows[w + 1];
    for (const m of detectIn(published.slice(from, to), fold.slice(from, to), signalsWithin(sig, from, to))) {
      const start = m.start + from;
      const end = m.end + from;
      if ((from > 0 && start - from < EDGE) || (to < published.length && to - end < EDGE)) return detectIn(published, fold, sig);
      found.push({ kind: m.kind, rule: m.rule, start, end });
    }
  }
  return found;
}

/**
 * Finds every identifier that would still be found after redaction. Removing one identifier can
 * expose another that its neighbour hid (an Aadhaar glued to a phone number reads as one long
 * digit run), so the published form is checked again until nothing new appears: a second review
 * of published text must find nothing (the privacy property the pipeline's tests state). When
 * every match stands apart from its neighbours (see standsApart) the check could find nothing, so
 * it is skipped: most messages pay for one detection pass, not two. `lowerCased` is the text lower-cased
 * as lower() does (for a plain text, its `toLowerCase()`) when the caller has it already.
 */
export function detectPii(text: string, lowerCased: string = lower(text)): PiiMatch[] {
  if (text.length === 0) return [];
  // the walk that reads the signals also indexes the words of the lower-cased text, where it can
  const sig = readSignals(text, foldMatchesWords(text) ? lowerCased : undefined);
  let matches = detectIn(text, lowerCased, sig);
  for (let pass = 0; pass < 3 && matches.length > 0 && mayExpose(text, sig, matches); pass++) {
    const { published, holes, toSource } = withPlaceholders(text, matches);
    // detectOnce drops whatever overlaps a placeholder, so every new match lies between them
    const exposed = detectNearPlaceholders(published, holes);
    if (exposed.length === 0) break;
    const mapped = exposed.map((m) => ({ ...m, start: toSource(m.start), end: toSource(m.end - 1) + 1 }));
    matches = resolve(text, [...matches, ...mapped]);
  }
  return matches;
}

export const privacy: Stage = (draft) => {
  // a plain draft's fold is its lower-cased text: the same string object then keys the shared word index
  const matches = draft.plain ? detectPii(draft.text, draft.fold) : detectPii(draft.text);
  if (matches.length === 0) return draft;
  const findings: FindingInput[] = [];
  const redactions: Redaction[] = [];
  for (const m of matches) {
    const kind: PiiKind = m.kind;
    findings.push({ kind, rule: m.rule, start: m.start, end: m.end, severity: severityOf(kind), message: MESSAGES[kind] });
    redactions.push({ start: m.start, end: m.end, kind, placeholder: PLACEHOLDERS[kind] });
  }
  return withRedactions(withFindings(draft, findings), redactions);
};
