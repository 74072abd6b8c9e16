import { gstinCheck } from './checksums';
import { cueBefore } from './cues';
import { eachNear, sticky } from './anchored';
import type { PiiMatch } from './pii';
import type { Signals } from './signals';

/**
 * Indian alphanumeric identifiers. Each has a fixed shape that lab values and drug names never
 * take, so shape (plus the check character where one exists) is enough.
 */

// PAN: 5 letters, 4 digits, 1 letter; the 4th letter is the holder type (P person, C company, H HUF,
// F firm, A AOP, T trust, B BOI, L local authority, J juridical person, G government, E LLP).
const PAN_RE = /(?<![A-Za-z0-9])[A-Z]{3}[PCHFATBLJGE][A-Z]\d{4}[A-Z](?![A-Za-z0-9])/g;

// EPIC voter id: 3 letters + 7 digits.
const VOTER_RE = /(?<![A-Za-z0-9])(?:[A-Z]{3}|[a-z]{3})\d{7}(?![A-Za-z0-9])/g;

// GSTIN: 2-digit state code, the holder's PAN, entity number, 'Z', check character.
const GSTIN_RE = /(?<![A-Za-z0-9])(\d{2})[A-Z]{5}\d{4}[A-Z][1-9A-Z]([A-Z])[0-9A-Z](?![A-Za-z0-9])/g;

// Vehicle registration (Motor Vehicles Act format): state code, RTO number, series, 4-digit number;
// and the Bharat (BH) series: YY BH NNNN XX.
const STATES =
  'AN|AP|AR|AS|BR|CG|CH|DD|DL|DN|GA|GJ|HP|HR|JH|JK|KA|KL|LA|LD|MH|ML|MN|MP|MZ|NL|OD|OR|PB|PY|RJ|SK|TN|TR|TS|UK|UA|UP|WB';
/** The state codes that open a plate or a driving licence ("MH 12 AB 1234"). */
export const STATE_CODES: ReadonlySet<string> = new Set(STATES.split('|'));
const VEHICLE_RE = new RegExp(
  String.raw`(?<![A-Za-z0-9])(?:(?:${STATES})[ \-]?\d{1,2}[ \-]?[A-Z]{1,3}[ \-]?\d{4}|\d{2}[ \-]?BH[ \-]?\d{4}[ \-]?[A-Z]{1,2})(?![A-Za-z0-9])`,
  'g',
);

// Driving licence: state code + RTO (2 digits) + year of issue + 7-digit number ("MH12 20110012345").
const DL_RE = new RegExp(String.raw`(?<![A-Za-z0-9])(?:${STATES})[ \-]?\d{2}[ \-]?(?:19|20)\d{2}[ \-]?\d{7}(?![A-Za-z0-9])`, 'g');

// Passport: a letter and seven digits, the first non-zero. Too generic to take without a cue.
const PASSPORT_RE = /(?<![A-Za-z0-9])[A-Za-z][1-9]\d{6}(?![A-Za-z0-9])/g;

// IFSC: 4-letter bank code, '0', 6-character branch code; narrows an account to one branch.
const IFSC_RE = /(?<![A-Za-z0-9])[A-Z]{4}0[A-Z0-9]{6}(?![A-Za-z0-9])/g;

/**
 * Sticky twins for eachNear: each of these ids holds a capital right before a digit (or one space
 * or dash before it), which readSignals lists; the number says how far into the match it can be
 * (the PAN's fifth letter, the GSTIN's seventh character, the BH plate's 'H').
 */
const PAN_Y = sticky(PAN_RE);
const GSTIN_Y = sticky(GSTIN_RE);
const DL_Y = sticky(DL_RE);
const VEHICLE_Y = sticky(VEHICLE_RE);
const IFSC_Y = sticky(IFSC_RE);
/** The voter id's and passport's digits are a run glued to a letter (readSignals' gluedAt), 3 and 1 characters in. */
const VOTER_Y = sticky(VOTER_RE);
const PASSPORT_Y = sticky(PASSPORT_RE);

export function detectIndianIds(text: string, fold: string, sig: Signals, out: PiiMatch[]): void {
  // a letter glued to a 7-digit run is exactly what letterLongDigits reports
  if (sig.letterLongDigits) {
    eachNear(VOTER_Y, sig.gluedAt, 3, text, (m) => out.push({ kind: 'pii.voter_id', rule: 'privacy.id.in-epic', start: m.index, end: m.index + m[0].length }));
  }
  if (sig.upRun < 1) return;
  if (sig.upRun >= 5) eachNear(PAN_Y, sig.capDigit, 4, text, (m) => out.push({ kind: 'pii.pan', rule: 'privacy.id.in-pan', start: m.index, end: m.index + m[0].length }));
  if (sig.upRun >= 5 && sig.digitUpper) eachNear(GSTIN_Y, sig.capDigit, 6, text, (m) => {
    const state = Number(m[1]);
    if (state < 1 || state > 38 || (state === 38 && !gstinCheck(m[0]))) return;
    // the check character is authoritative; the 'Z' shape alone is accepted for hand-typed examples
    if (!gstinCheck(m[0]) && m[2] !== 'Z') return;
    out.push({ kind: 'pii.gstin', rule: 'privacy.id.in-gstin', start: m.index, end: m.index + m[0].length });
  });
  if (sig.upRun >= 2) eachNear(DL_Y, sig.capDigit, 1, text, (m) => out.push({ kind: 'pii.licence', rule: 'privacy.licence.in-driving', start: m.index, end: m.index + m[0].length }));
  if (sig.upRun >= 2) eachNear(VEHICLE_Y, sig.capDigit, 4, text, (m) => out.push({ kind: 'pii.vehicle', rule: 'privacy.vehicle.in-plate', start: m.index, end: m.index + m[0].length }));
  if (sig.upRun >= 4) eachNear(IFSC_Y, sig.capDigit, 3, text, (m) => out.push({ kind: 'pii.account', rule: 'privacy.account.in-ifsc', start: m.index, end: m.index + m[0].length }));
  if (sig.letterLongDigits) eachNear(PASSPORT_Y, sig.gluedAt, 1, text, (m) => {
    if (cueBefore(fold, m.index) !== 'passport') return;
    out.push({ kind: 'pii.passport', rule: 'privacy.passport.in', start: m.index, end: m.index + m[0].length });
  });
}
