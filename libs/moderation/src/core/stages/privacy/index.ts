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
import { readSignals, W } from './signals';
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
  const fold = lower(text);
  const sig = readSignals(text);
  const out: PiiMatch[] = [];
  if (sig.digits >= 4) {
    detectNumbers(text, fold, out);
    detectIndianIds(text, fold, sig, out);
    detectUsIds(text, fold, sig, out);
    detectFinancial(text, sig, out);
  }
  if (sig.digits >= 3 && (sig.words & W.cuedId || text.indexOf('/') >= 0)) detectCuedIds(text, fold, out);
  detectEmails(text, fold, sig, out);
  detectWeb(text, fold, sig, out);
  detectDates(text, fold, sig, out);
  detectAddresses(text, fold, sig, out);
  detectNames(text, fold, sig, out);
  if (sig.spelled >= 2) detectSpelledDigits(fold, out);
  return resolve(text, out);
}

/**
 * The text as it will be published: every match replaced by its placeholder, with a map back.
 * `matches` must be sorted and disjoint (resolve() guarantees both).
 */
function withPlaceholders(text: string, matches: readonly PiiMatch[]): { published: string; toSource: (at: number) => number } {
  const parts: string[] = [];
  const ends: number[] = []; // published index where each placeholder ends
  const shifts: number[] = []; // source minus published offset after that placeholder
  let cursor = 0;
  let length = 0;
  for (const m of matches) {
    const before = text.slice(cursor, m.start);
    const placeholder = PLACEHOLDERS[m.kind];
    parts.push(before, placeholder);
    length += before.length + placeholder.length;
    ends.push(length);
    shifts.push(m.end - length);
    cursor = m.end;
  }
  parts.push(text.slice(cursor));
  const toSource = (at: number): number => {
    let shift = 0;
    for (let i = 0; i < ends.length && ends[i] <= at; i++) shift = shifts[i];
    return at + shift;
  };
  return { published: parts.join(''), toSource };
}

/**
 * Finds every identifier that would still be found after redaction. Removing one identifier can
 * expose another that its neighbour hid (an Aadhaar glued to a phone number reads as one long
 * digit run), so the published form is checked again until nothing new appears: a second review
 * of published text must find nothing (the privacy property the pipeline's tests state).
 */
export function detectPii(text: string): PiiMatch[] {
  let matches = detectOnce(text);
  for (let pass = 0; pass < 3 && matches.length > 0; pass++) {
    const { published, toSource } = withPlaceholders(text, matches);
    // detectOnce drops whatever overlaps a placeholder, so every new match lies between them
    const exposed = detectOnce(published);
    if (exposed.length === 0) break;
    const mapped = exposed.map((m) => ({ ...m, start: toSource(m.start), end: toSource(m.end - 1) + 1 }));
    matches = resolve(text, [...matches, ...mapped]);
  }
  return matches;
}

export const privacy: Stage = (draft) => {
  const matches = detectPii(draft.text);
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
