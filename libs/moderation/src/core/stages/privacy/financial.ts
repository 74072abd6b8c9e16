import { hash } from 'node:crypto';
import { base58Check, ibanMod97 } from './checksums';
import { eachNear, sticky } from './anchored';
import type { PiiMatch } from './pii';
import type { Signals } from './signals';

/** IBANs (ISO 13616, mod-97) and bitcoin wallet addresses (base58check, bech32 shape). */

// Length per country from the SWIFT IBAN registry; an unknown country still needs mod-97 and 15-34 chars.
const IBAN_LENGTH: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28,
  HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22,
  VG: 24, XK: 20, LY: 25, SD: 18, BI: 27, DJ: 27, RU: 33, SO: 23, NI: 28, MN: 20, FK: 18, OM: 23, YE: 30,
};

// Country, check digits, then groups of four (optionally spaced); bounded so it cannot run away.
const IBAN_RE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?(?![A-Za-z0-9])/g;

/** Where the IBAN ends if it is `want` characters long and the greedy match ran into a following word. */
function cutAt(s: string, want: number): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== ' ' && s[i] !== '-') count++;
    if (count === want) return i + 1 === s.length || s[i + 1] === ' ' || s[i + 1] === '-' ? i + 1 : -1;
  }
  return -1;
}

/** The country code's second letter sits right before the check digits (see eachNear). */
const IBAN_Y = sticky(IBAN_RE);

function iban(m: RegExpExecArray, out: PiiMatch[]): void {
  let raw = m[0];
  let compact = raw.replace(/[ -]/g, '');
  const want = IBAN_LENGTH[compact.slice(0, 2)];
  if (want !== undefined && compact.length > want) {
    const cut = cutAt(raw, want);
    if (cut < 0) return;
    raw = raw.slice(0, cut);
    compact = raw.replace(/[ -]/g, '');
  }
  if (want !== undefined ? compact.length !== want : compact.length < 15 || compact.length > 34) return;
  if (!/\d{4}/.test(compact.slice(4)) && want === undefined) return;
  if (!ibanMod97(compact)) return;
  out.push({ kind: 'pii.iban', rule: 'privacy.account.iban', start: m.index, end: m.index + raw.length });
}

// The one-shot digest: a Hash object per call cost more than the rest of the message's review.
const sha256 = (b: Uint8Array): Uint8Array => hash('sha256', b, 'buffer');

const BASE58_RE = /(?<![A-Za-z0-9])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![A-Za-z0-9])/g;
const BECH32_RE = /(?<![A-Za-z0-9])(?:bc1|tb1)[02-9ac-hj-np-z]{11,71}(?![A-Za-z0-9])/gi;

function wallets(text: string, out: PiiMatch[]): void {
  BASE58_RE.lastIndex = 0;
  for (let m = BASE58_RE.exec(text); m; m = BASE58_RE.exec(text)) {
    if (base58Check(m[0], sha256)) out.push({ kind: 'pii.crypto', rule: 'privacy.crypto.base58', start: m.index, end: m.index + m[0].length });
  }
  BECH32_RE.lastIndex = 0;
  for (let m = BECH32_RE.exec(text); m; m = BECH32_RE.exec(text)) {
    const s = m[0];
    if (s !== s.toLowerCase() && s !== s.toUpperCase()) continue;
    out.push({ kind: 'pii.crypto', rule: 'privacy.crypto.bech32', start: m.index, end: m.index + s.length });
  }
}

export function detectFinancial(text: string, sig: Signals, out: PiiMatch[]): void {
  if (sig.upRun >= 2) eachNear(IBAN_Y, sig.capDigit, 1, text, (m) => iban(m, out));
  if (sig.longToken) wallets(text, out);
}
