import { factorByFirstLetter, splitTopLevel } from '../alternation';
import { wordPattern } from '../words';
import type { PiiKind, PiiMatch } from './pii';

/**
 * Alphanumeric ids announced by a cue word: "UHID: MH-2023-004512", "policy no. P/2023/45/778",
 * "member id XKG882301", "reg. no. KMC 45678", "serial no SN4F22A9". Pure digit runs after a cue
 * are handled with the other numbers; this catches the ones with letters or slashes.
 */
const CUES = String.raw`mrn|uhid|ipd?\s?no|opd?\s?no|cr\s?no|patient\s?id|hospital\s?(?:id|no|number)|case\s?(?:id|no|number)|file\s?(?:no|number)|medical\s?record\s?(?:no|number)?|policy\s?(?:no|number|id)?|member(?:ship)?\s?(?:id|no|number)|insurance\s?(?:id|no|number)|subscriber\s?id|group\s?(?:no|number)|claim\s?(?:no|number|id)|tpa\s?id|e-?card\s?(?:no|number)?|account\s?(?:no|number)|a\/c\s?(?:no)?|acct\s?(?:no)?|driving\s?licen[cs]e(?:\s?no)?|licen[cs]e\s?(?:no|number)?|dl\s?(?:no|number)|registration\s?(?:no|number)|reg\.?\s?no|serial\s?(?:no|number)?|s\/n|imei|device\s?id|npi|dea\s?(?:no|number)?|mci\s?(?:reg)?|nmc\s?(?:reg)?|smc\s?(?:reg)?|council\s?(?:reg|registration)|voter\s?id|epic\s?(?:no)?|abha\s?(?:no|number|id)?|ssn|passport\s?(?:no|number)?`;
/**
 * Factored by first letter (see alternation.ts), and tried only at the words a cue can start with
 * (see words.ts), found by the word pass the later stages share, instead of at every word.
 */
const CUED = wordPattern(
  new RegExp(
    String.raw`\b(${factorByFirstLetter(splitTopLevel(CUES))})\b\.?((?:\s{0,2}(?:is|was|hai|:|#|-|=|no\.?|number)){0,3})\s{0,2}([a-z0-9][a-z0-9\-/]{2,24})`,
    'g',
  ),
);

function kindOf(cue: string): PiiKind {
  const c = cue.replace(/\s/g, '');
  if (/^(mrn|uhid|ipd?no|opd?no|crno|patientid|hospital|case|file|medicalrecord)/.test(c)) return 'pii.medical_record';
  if (/^(policy|member|insurance|subscriber|group|claim|tpa|e-?card)/.test(c)) return 'pii.health_plan';
  if (/^(account|a\/c|acct)/.test(c)) return 'pii.account';
  if (/^(serial|s\/n|imei|device)/.test(c)) return 'pii.device';
  if (/^(voter|epic)/.test(c)) return 'pii.voter_id';
  if (/^abha/.test(c)) return 'pii.abha';
  if (/^ssn/.test(c)) return 'pii.ssn';
  if (/^passport/.test(c)) return 'pii.passport';
  return 'pii.licence';
}

export function detectCuedIds(text: string, fold: string, out: PiiMatch[]): void {
  CUED.forEach(fold, (m) => {
    let value = m[3];
    let end = m.index + m[0].length;
    // "KMC 45678": a short council prefix and the number
    if (/^[a-z]{2,5}$/.test(value)) {
      const more = /^\s?[-/]?\s?\d{3,12}\b/.exec(fold.slice(end, end + 16));
      if (!more) return;
      end += more[0].length;
      value += more[0];
    }
    while (/[-/]$/.test(value)) {
      value = value.slice(0, -1);
      end--;
    }
    const digits = value.replace(/\D/g, '').length;
    if (digits < 3 || value.length < 4) return;
    // "policy 2019" is a year
    if (/^(?:19|20)\d{2}$/.test(value)) return;
    const start = end - value.length;
    out.push({ kind: kindOf(m[1]), rule: 'privacy.id.cued', start, end });
  });
}
