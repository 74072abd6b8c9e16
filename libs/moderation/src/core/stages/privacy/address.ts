import { eachAnchored, eachAtWords, eachNear, foldMatchesWords, sticky } from './anchored';
import type { PiiMatch } from './pii';
import { W, type Signals } from './signals';
import { wordPattern } from '../words';

/**
 * Geography below state level (HIPAA Safe Harbor item B): street addresses, Indian address lines
 * (flat/house numbers, crosses and mains, localities, landmarks), city + PIN, US state + ZIP, and
 * "I live in <city>". Each match may extend over the comma-separated segments that follow it, so
 * "Flat 4B, 12th Cross, Indiranagar, Bangalore 560038" goes as one span.
 */

const US_STREET_RE =
  /\b\d{1,6}[A-Za-z]?\s(?:[NSEW]\.?\s)?(?:[A-Z][a-z]{1,20}\s){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Ln|Lane|Dr|Drive|Way|Ct|Court|Pl|Place|Ter|Terrace|Hwy|Highway|Pkwy|Parkway|Cir|Circle|Sq|Square)\b\.?/g;
const US_STREET_Y = sticky(US_STREET_RE);
/**
 * The street type ends every match as a whole word (a space before it, `\b` after), so readSignals
 * placed it: at most 77 characters in (six digits, a letter, a space, "N. ", three 21-character words).
 */
const US_STREET_REACH = 77;

/** Tried only at the words it can start with ("flat", "house", "h"…), from the shared word index. */
const IN_CUE = wordPattern(
  /\b(?:flat|flat\sno|house\sno|h\.?\s?no|plot\sno|plot|door\sno|d\.?\s?no|room\sno|qtr\sno|quarter\sno|ward\sno|gali\sno|lane\sno|street\sno|khasra\sno|survey\sno|sy\sno|apt|apartment)\.?\s?[:#-]?\s?(?=[a-z]?\d)[a-z0-9\-/]{1,10}\b/g,
);
const RURAL_RE = /\b(?:[Vv]illage|[Vv]ill|[Tt]ehsil|[Tt]aluka|[Tt]aluk|[Mm]andal)\.?\s?[:-]?\s?[A-Z][a-z]{2,20}\b/g;

/** Tried only at words that start with a digit. */
const ORDINAL_ROAD = wordPattern(/\b\d{1,3}(?:st|nd|rd|th)\s(?:cross|main|sector|street|road|avenue|lane|a\smain|b\smain|a\scross|b\scross)\b/g);

// "Koramangala 5th Block", "Rohini Sector 7"
const LOCALITY_ORD_RE = /\b[A-Z][a-z]{2,20}\s(?:\d{1,2}(?:st|nd|rd|th)\s(?:Block|Sector)|Sector[\s-]\d{1,3})\b/g;

const LOCALITY_WORDS =
  'Nagar|Colony|Layout|Marg|Road|Rd|Vihar|Enclave|Puram|Bagh|Ganj|Chowk|Bazar|Bazaar|Gali|Mohalla|Extn|Apartments|Residency|Towers|Heights|Sadan|Bhawan|Niwas|Nivas|Kunj|Pally|Palli|Halli|Wadi|Peth';
const LOCALITY_RE = new RegExp(String.raw`\b(?:[A-Z][a-z]{1,20}\s){0,2}[A-Z][a-z]{1,20}\s?(?:${LOCALITY_WORDS})\b`, 'g');

const LOCALITY_Y = sticky(LOCALITY_RE);
/** The locality word comes after at most three capitalised words of up to 21 characters and a space each. */
const LOCALITY_ANCHOR = new RegExp(LOCALITY_WORDS, 'g');
const LOCALITY_REACH = 66;

const LANDMARK_RE =
  /\b(?:near|opp\.?|opposite|behind|beside|next\sto)\s(?:the\s)?(?:[a-z0-9'.]{2,20}\s){1,3}(?:temple|mandir|masjid|mosque|church|gurudwara|chowk|circle|bus\sstand|bus\sstop|railway\sstation|metro\sstation|metro|petrol\spump|post\soffice|police\sstation|market|bazaar|school|college)\b/g;

/** Big Indian and US cities. A city is geography below state level. */
const CITIES =
  'mumbai|bombay|delhi|new delhi|bangalore|bengaluru|chennai|madras|kolkata|calcutta|hyderabad|secunderabad|pune|ahmedabad|surat|jaipur|lucknow|kanpur|nagpur|indore|bhopal|patna|vadodara|baroda|ludhiana|agra|nashik|faridabad|meerut|rajkot|varanasi|srinagar|amritsar|allahabad|prayagraj|ranchi|coimbatore|jabalpur|gwalior|vijayawada|jodhpur|madurai|raipur|kota|chandigarh|guwahati|mysore|mysuru|noida|gurgaon|gurugram|thane|navi mumbai|kochi|cochin|trivandrum|thiruvananthapuram|bhubaneswar|dehradun|mangalore|visakhapatnam|vizag|ghaziabad|howrah|aurangabad|salem|tiruchirappalli|trichy|udaipur|shimla|goa|panaji|new york|los angeles|chicago|houston|phoenix|philadelphia|san antonio|san diego|dallas|san jose|austin|jacksonville|san francisco|columbus|seattle|denver|boston|detroit|nashville|portland|las vegas|atlanta|miami|brooklyn|queens|bronx|manhattan|newark|jersey city|edison';
const LIVE_IN_RE = new RegExp(
  String.raw`\b(?:live|living|lives|stay|staying|stays|reside|residing|based|located|settled|shifted|moved)\s(?:in|at|to)\s(?:the\s)?(${CITIES})\b|\b(?:i'm|i\sam|im|we\sare|we're)\s(?:from|in)\s(${CITIES})\b|\bresident\sof\s(${CITIES})\b|\b(${CITIES})\s(?:(?:me|mein|main)\s)?(?:rehta|rehti|rehte)\b`,
  'g',
);
const LIVE_IN_Y = sticky(LIVE_IN_RE);
/** Every "live in" match names a city (whose first word is a trigger word), at most 16 characters in ("residing in the mumbai"). */
const LIVE_IN_REACH = 16;
const CITY_PIN_RE = new RegExp(String.raw`\b(?:${CITIES})\b[\s,\-–]{1,4}([1-9]\d{2}\s?\d{3})\b`, 'g');
const CITY_PIN_Y = sticky(CITY_PIN_RE);
/** The PIN starts at most 22 characters in ("thiruvananthapuram, 695001"); PINs are rarer than cities. */
const PIN_ANCHOR = /[1-9]\d{2}\s?\d{3}/g;
const CITY_PIN_REACH = 22;

const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC';
const STATE_ZIP_RE = new RegExp(String.raw`\b(?:${US_STATES})\s{1,2}(\d{5}(?:-\d{4})?)\b`, 'g');
/** The ZIP is a run of exactly five digits, three or four characters in ("IL  62704"). */
const STATE_ZIP_Y = sticky(STATE_ZIP_RE);

const LANDMARK_Y = sticky(LANDMARK_RE);

/** Tries a pattern on the folded text only around the trigger words readSignals placed (see eachAtWords). */
function eachPlaced(
  re: RegExp, y: RegExp, bit: number, reach: number, text: string, fold: string, sig: Signals, visit: (m: RegExpExecArray) => void,
): void {
  if (foldMatchesWords(text)) eachAtWords(y, sig.placed, bit, reach, fold, visit);
  else each(re, fold, visit);
}

function each(re: RegExp, text: string, visit: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) visit(m);
}

const SEGMENT_RE = /,\s{0,2}(?:[A-Z0-9#][A-Za-z0-9#/'-]{0,24})(?:\s[A-Za-z0-9#/'-]{1,24}){0,4}/y;
const PIN_TAIL_RE = /[\s,\-–]{1,3}[1-9]\d{2}\s?\d{3}\b/y;
const SEGMENT_STOP = /\b(?:and|but|i|my|he|she|we|they|is|was|so|please|can|what|how|since|for|the|doctor|dr)\b/i;

/** Extends an address over ", Segment" pieces (at most six, each short) and a trailing PIN. */
function extend(text: string, end: number): number {
  for (let k = 0; k < 6; k++) {
    SEGMENT_RE.lastIndex = end;
    const m = SEGMENT_RE.exec(text);
    if (!m) break;
    // a clause that starts like a sentence ends the address
    const words = m[0].slice(1).trim();
    if (SEGMENT_STOP.test(words.split(' ')[0])) break;
    // a ZIP or PIN closes its segment: "IL 62704 now" ends at the code
    const code = /\b\d{5,6}(?:-\d{4})?\b/.exec(m[0]);
    end = code ? m.index + code.index + code[0].length : m.index + m[0].length;
    if (code) return end;
  }
  PIN_TAIL_RE.lastIndex = end;
  const pin = PIN_TAIL_RE.exec(text);
  if (pin) end = pin.index + pin[0].length;
  return end;
}

export function detectAddresses(text: string, fold: string, sig: Signals, out: PiiMatch[]): void {
  const w = sig.words;
  if (sig.digits > 0) {
    if (w & W.usStreet) eachAtWords(US_STREET_Y, sig.placed, W.usStreet, US_STREET_REACH, text, (m) => out.push({ kind: 'pii.address', rule: 'privacy.address.us-street', start: m.index, end: extend(text, m.index + m[0].length) }));
    if (w & W.inCue) IN_CUE.forEach(fold, (m) => out.push({ kind: 'pii.address', rule: 'privacy.address.in-line', start: m.index, end: extend(text, m.index + m[0].length) }));
    if (w & W.ordinalRoad) ORDINAL_ROAD.forEach(fold, (m) => out.push({ kind: 'pii.address', rule: 'privacy.address.in-road', start: m.index, end: extend(text, m.index + m[0].length) }));
    if (w & W.city && sig.digits >= 6) eachAnchored(CITY_PIN_Y, PIN_ANCHOR, CITY_PIN_REACH, fold, (m) => {
      const start = m.index + m[0].length - m[1].length;
      out.push({ kind: 'pii.postal_code', rule: 'privacy.postal.in-pin', start, end: m.index + m[0].length });
    });
    if (sig.upperDigit) eachNear(STATE_ZIP_Y, sig.fiveAt, 4, text, (m) => {
      const start = m.index + m[0].length - m[1].length;
      out.push({ kind: 'pii.postal_code', rule: 'privacy.postal.us-zip', start, end: m.index + m[0].length });
    }, true);
  }
  if (w & W.locality) eachAnchored(LOCALITY_Y, LOCALITY_ANCHOR, LOCALITY_REACH, text, (m) => out.push({ kind: 'pii.address', rule: 'privacy.address.in-locality', start: m.index, end: extend(text, m.index + m[0].length) }));
  if (sig.digits > 0 && w & W.localityOrd) each(LOCALITY_ORD_RE, text, (m) => out.push({ kind: 'pii.address', rule: 'privacy.address.in-locality', start: m.index, end: extend(text, m.index + m[0].length) }));
  if (w & W.rural) each(RURAL_RE, text, (m) => out.push({ kind: 'pii.address', rule: 'privacy.address.in-rural', start: m.index, end: extend(text, m.index + m[0].length) }));
  if (w & W.landmark) eachPlaced(LANDMARK_RE, LANDMARK_Y, W.landmark, 0, text, fold, sig, (m) => out.push({ kind: 'pii.address', rule: 'privacy.address.landmark', start: m.index, end: m.index + m[0].length }));
  if (w & W.liveIn && w & W.city) eachPlaced(LIVE_IN_RE, LIVE_IN_Y, W.city, LIVE_IN_REACH, text, fold, sig, (m) => {
    const city = m[1] ?? m[2] ?? m[3] ?? m[4];
    const start = fold.indexOf(city, m.index);
    out.push({ kind: 'pii.address', rule: 'privacy.address.city', start, end: extend(text, start + city.length) });
  });
}
