import { eachAnchored, eachAtWords, eachNear, foldMatchesWords, sticky } from './anchored';
import type { PiiMatch } from './pii';
import { W, type Signals } from './signals';

/**
 * Dates and ages. HIPAA Safe Harbor 45 CFR 164.514(b)(2)(i)(C) removes every element of a date tied
 * to a person except the year, and ages over 89. We remove a day-level date whole (year included:
 * simpler, and a second pass then finds nothing); a year alone ("since 2019"), a month alone, and
 * durations ("for 3 days") are kept. https://www.hhs.gov/hipaa/for-professionals/privacy/special-topics/de-identification/
 */

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:19|20)\d{2}`;

// "12 March 1985", "12th Jan", "5-May-2021", "12 of march", "March 12th, 2024", "march 12"
const NAMED_RE = new RegExp(
  String.raw`\b(?:${DAY}(?:\s?(?:of\s)?|[\-\/. ])${MONTH}\b\.?(?:,?[\s\-\/.]?'?(?:${YEAR}|\d{2})\b)?|${MONTH}\b\.?[\s\-]${DAY}\b(?:,?\s?${YEAR}\b)?)`,
  'g',
);
const NAMED_Y = sticky(NAMED_RE);
/**
 * Every named date holds its month as a word readSignals placed: a month word, or one glued to its
 * ordinal ("12thmarch", W.ordinalMonth). It starts at most eight characters in ("31st of march").
 */
const NAMED_ANCHORS = W.month | W.ordinalMonth;
const NAMED_REACH = 8;
// "May-2021": month and year with a hyphen or slash reads as a specific date field; "since March 2019" stays.
const MONTH_YEAR_RE = new RegExp(String.raw`\b${MONTH}[\-\/]${YEAR}\b`, 'y');
/** "-2021" or "/1998" follows the month ("september" is the longest, 9 characters). */
const YEAR_ANCHOR = /[-/](?:19|20)\d{2}/g;
const MONTH_YEAR_REACH = 9;

// Numeric: d/m/y or m/d/y (2- or 4-digit year), y-m-d with optional ISO time.
const NUMERIC_RE =
  /(?<![\d/.-])(?:(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})|((?:19|20)\d{2})([/.-])(\d{1,2})\6(\d{1,2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?)(?![\d/]|[.-]\d)/g;
// d/m or m/d without a year, only after a date cue ("on 12/3", "DOB 5/21"); bare "8/10" is a pain score.
const SHORT_RE = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})(?![\d/]|[.-]\d)/g;
const SHORT_CUE_RE = /(?:\bon|\bdob|\bd\.o\.b\.?|\bborn|\bdated?|\badmitted|\bdischarged|\bsurgery|\bdelivery|\bdue|\bedd|\blmp|\bdoa|\bdod|\bdos)[\s:,-]{0,3}$/;

// Ages over 89: "92 years old", "94-year-old", "aged 95", "age: 91", "93 yrs", "91 y/o", "90 saal".
const AGE_RE =
  /\b(?:(?:aged?|age\s?is|umar|umr)[\s:-]{0,3}(\d{2,3})\b|(\d{2,3})[\s-]?(?:years?|yrs?|yo\b|y\/o|y\.o\.|saal|sal\b|varsh)(?:[\s-]?old)?)/g;

// "I am 95", "main 92 ka hoon": a bare number after "I am" is an age unless a unit follows
const I_AM_RE = /\b(?:i\sam|i'm|im|main|mai)\s(\d{2,3})\b(?![\s-]{0,2}(?:kg|kgs|lbs?|mg|%|cm|days?|weeks?|wks?|months?|times|percent|mm|minutes|mins|hours|hrs|steps))/g;

const I_AM_Y = sticky(I_AM_RE);
/** The age starts at most five characters in ("i am 95"). */
const I_AM_REACH = 5;
const AGE_Y = sticky(AGE_RE);
/** "age is:- 95": nine characters at most before the number. */
const AGE_REACH = 9;

function validDayMonth(a: number, b: number): boolean {
  // either order: the text may be Indian (d/m) or US (m/d)
  return (a >= 1 && a <= 31 && b >= 1 && b <= 12) || (a >= 1 && a <= 12 && b >= 1 && b <= 31);
}

function each(re: RegExp, text: string, visit: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) visit(m);
}

export function detectDates(text: string, fold: string, sig: Signals, out: PiiMatch[]): void {
  if (sig.digits === 0) return;
  if (sig.digitSepDigit) {
    each(NUMERIC_RE, text, (m) => {
      if (m[1] !== undefined) {
        if (!validDayMonth(Number(m[1]), Number(m[3]))) return;
        // "1.2.3" version-like strings and decimals: a dotted date needs a 2- or 4-digit year
        if (m[2] === '.' && m[4].length !== 2 && m[4].length !== 4) return;
        out.push({ kind: 'pii.date', rule: 'privacy.date.numeric', start: m.index, end: m.index + m[0].length });
      } else {
        const mo = Number(m[7]);
        const d = Number(m[8]);
        if (mo < 1 || mo > 12 || d < 1 || d > 31) return;
        out.push({ kind: 'pii.date', rule: 'privacy.date.iso', start: m.index, end: m.index + m[0].length });
      }
    });
    each(SHORT_RE, text, (m) => {
      if (!validDayMonth(Number(m[1]), Number(m[3]))) return;
      if (m[2] === '.') return; // decimals
      const before = fold.slice(Math.max(0, m.index - 16), m.index);
      if (!SHORT_CUE_RE.test(before)) return;
      out.push({ kind: 'pii.date', rule: 'privacy.date.short', start: m.index, end: m.index + m[0].length });
    });
  }
  if (sig.bigNumber) {
    // only a number from 90 to 125 is reported, and readSignals lists those; their matches never
    // overlap the others, so trying the patterns just before them finds the same ones
    eachNear(I_AM_Y, sig.bigAt, I_AM_REACH, fold, (m) => {
      if (Number(m[1]) <= 89 || Number(m[1]) > 125) return;
      const start = m.index + m[0].length - m[1].length;
      out.push({ kind: 'pii.age', rule: 'privacy.age.over-89', start, end: m.index + m[0].length });
    }, true);
    eachNear(AGE_Y, sig.bigAt, AGE_REACH, fold, (m) => {
      const age = Number(m[1] ?? m[2]);
      if (age <= 89 || age > 125) return;
      out.push({ kind: 'pii.age', rule: 'privacy.age.over-89', start: m.index, end: m.index + m[0].length });
    }, true);
  }
  if (!(sig.words & W.month)) return;
  const named = (m: RegExpExecArray): void => {
    const s = m[0];
    // "may 5" could be "may 5 tablets help"; take a bare "may" only with an ordinal or a year
    if (/^may[\s-]\d/.test(s) && !/\d(?:st|nd|rd|th)|\d{4}/.test(s)) return;
    // "march 3" mid-sentence is fine, but "jan 2" as "june 2 doses"? require the day to end the token
    let end = m.index + s.length;
    while (end > m.index && fold.charCodeAt(end - 1) === 46) end--;
    out.push({ kind: 'pii.date', rule: 'privacy.date.named', start: m.index, end });
  };
  // the months are found among readSignals' words, which line up with the fold unless it holds U+212A
  if (foldMatchesWords(text)) eachAtWords(NAMED_Y, sig.placed, NAMED_ANCHORS, NAMED_REACH, fold, named);
  else each(NAMED_RE, fold, named);
  eachAnchored(MONTH_YEAR_RE, YEAR_ANCHOR, MONTH_YEAR_REACH, fold, (m) => out.push({ kind: 'pii.date', rule: 'privacy.date.month-year', start: m.index, end: m.index + m[0].length }));
}
