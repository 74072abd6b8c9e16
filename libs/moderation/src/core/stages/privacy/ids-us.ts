import { deaCheck } from './checksums';
import { cueBefore } from './cues';
import { eachAtWords, eachNear, foldMatchesWords, sticky } from './anchored';
import type { PiiMatch } from './pii';
import { W, type Signals } from './signals';

/** US alphanumeric identifiers: Medicare MBI, DEA registration, passport, plates with a cue. */

// MBI (CMS format): C A AN N A AN N A A N N, letters excluding S L O I B Z.
// https://www.cms.gov/medicare/new-medicare-card/understanding-the-mbi.pdf
const A = '[ac-hjkmnp-rt-y]';
const AN = '[ac-hjkmnp-rt-y0-9]';
const MBI_RE = new RegExp(String.raw`(?<![a-z0-9])[1-9]${A}${AN}\d(-?)${A}${AN}\d\1${A}${A}\d{2}(?![a-z0-9])`, 'gi');

// DEA: registrant-type letter, the registrant's initial (or 9), seven digits with a check digit.
const DEA_RE = /(?<![A-Za-z0-9])([ABCDEFGHJKLMPRSTUX])([A-Z9])(\d{7})(?![A-Za-z0-9])/g;

// US passport: 9 digits, or a letter and 8 digits (next-generation books). Needs a cue.
const US_PASSPORT_RE = /(?<![A-Za-z0-9])[A-Z]\d{8}(?![A-Za-z0-9])/g;

// Plates vary by state, so only take a short alphanumeric token right after "plate".
const PLATE_RE = /\b(?:plate|plates|tag|registration|reg|number plate|vehicle no\.?|car no\.?|gaadi no\.?)\b(?:\s{0,3}(?:no\.?|number|is|#|:|-)){0,3}\s{0,3}([a-z0-9]{1,4}[ -]?[a-z0-9]{1,4}[ -]?[a-z0-9]{0,4})\b/g;

function each(re: RegExp, text: string, visit: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) visit(m);
}

const PLATE_Y = sticky(PLATE_RE);
/** A capital sits right before the digits: at most one character in (see eachNear). */
const DEA_Y = sticky(DEA_RE);
const US_PASSPORT_Y = sticky(US_PASSPORT_RE);

/** A plate cue starts with a trigger word, so the pattern is tried only at those. */
function eachPlate(text: string, fold: string, sig: Signals, visit: (m: RegExpExecArray) => void): void {
  if (foldMatchesWords(text)) eachAtWords(PLATE_Y, sig.placed, W.plate, 0, fold, visit);
  else each(PLATE_RE, fold, visit);
}

export function detectUsIds(text: string, fold: string, sig: Signals, out: PiiMatch[]): void {
  if (sig.digitUpper || sig.words & W.mbi) each(MBI_RE, text, (m) => out.push({ kind: 'pii.health_plan', rule: 'privacy.health-plan.us-mbi', start: m.index, end: m.index + m[0].length }));
  // both need a letter glued to a run of seven or more digits
  if (sig.upperDigit && sig.letterLongDigits) eachNear(DEA_Y, sig.capDigit, 1, text, (m) => {
    if (!deaCheck(m[3])) return;
    out.push({ kind: 'pii.licence', rule: 'privacy.licence.us-dea', start: m.index, end: m.index + m[0].length });
  });
  if (sig.upperDigit && sig.letterLongDigits) eachNear(US_PASSPORT_Y, sig.capDigit, 0, text, (m) => {
    if (cueBefore(fold, m.index) !== 'passport') return;
    out.push({ kind: 'pii.passport', rule: 'privacy.passport.us', start: m.index, end: m.index + m[0].length });
  });
  if (sig.words & W.plate) eachPlate(text, fold, sig, (m) => {
    let v = m[1];
    // "7ABC123 fled": trailing pieces without a digit are words, not part of the plate
    while (/[ -][a-z]+$/.test(v)) v = v.replace(/[ -][a-z]+$/, '');
    if (!/\d/.test(v) || !/[a-z]/.test(v) || v.length < 5) return;
    const start = m.index + m[0].length - m[1].length;
    out.push({ kind: 'pii.vehicle', rule: 'privacy.vehicle.cued', start, end: start + v.length });
  });
}
