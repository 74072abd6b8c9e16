/**
 * Check-digit algorithms. A number that passes its scheme's checksum is very unlikely to be a lab
 * value or a dose, which is what lets us redact bare digit runs without a cue word.
 */

/** Luhn mod-10 (ISO/IEC 7812-1): payment cards, IMEI, and NPI (with the 80840 prefix). */
export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 1 && sum % 10 === 0;
}

// Verhoeff dihedral-group tables, as used by UIDAI for the Aadhaar check digit
// (https://uidai.gov.in/images/resource/aadhaar_numbering_scheme.pdf).
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

export function verhoeff(digits: string): boolean {
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (d < 0 || d > 9) return false;
    c = D[c][P[i % 8][d]];
  }
  return digits.length > 1 && c === 0;
}

/** ISO 13616 IBAN check: move the first four characters to the end, letters to 10..35, mod 97 === 1. */
export function ibanMod97(iban: string): boolean {
  const s = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rem = (rem * 100 + (c - 55)) % 97;
    else return false;
  }
  return rem === 1;
}

/** ABA routing transit number: 3-7-1 weighted sum mod 10, with a valid Federal Reserve prefix. */
export function abaRouting(digits: string): boolean {
  if (digits.length !== 9 || !/^\d{9}$/.test(digits)) return false;
  const prefix = Number(digits.slice(0, 2));
  const validPrefix = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  if (!validPrefix) return false;
  const w = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * w[i % 3];
  return sum % 10 === 0 && digits !== '000000000';
}

/** US NPI: 10 digits starting 1 or 2, Luhn over "80840" + the number (CMS NPI check digit). */
export function npi(digits: string): boolean {
  return digits.length === 10 && (digits[0] === '1' || digits[0] === '2') && luhn('80840' + digits);
}

/** DEA registration: (d1+d3+d5) + 2*(d2+d4+d6), last digit equals the 7th digit. */
export function deaCheck(digits: string): boolean {
  if (digits.length !== 7) return false;
  const d = (i: number): number => digits.charCodeAt(i) - 48;
  const sum = d(0) + d(2) + d(4) + 2 * (d(1) + d(3) + d(5));
  return sum % 10 === d(6);
}

const GST_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** GSTIN check character: base-36 weighted sum (weights alternate 1, 2) as published by GSTN. */
export function gstinCheck(gstin: string): boolean {
  if (gstin.length !== 15) return false;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const v = GST_CHARS.indexOf(gstin[i]);
    if (v < 0) return false;
    const p = v * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(p / 36) + (p % 36);
  }
  const check = (36 - (sum % 36)) % 36;
  return GST_CHARS[check] === gstin[14];
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Bitcoin base58check: the last four decoded bytes are the first four of SHA-256(SHA-256(payload)). */
export function base58Check(s: string, sha256: (b: Uint8Array) => Uint8Array): boolean {
  const bytes: number[] = [0];
  for (let i = 0; i < s.length; i++) {
    let carry = BASE58.indexOf(s[i]);
    if (carry < 0) return false;
    for (let j = 0; j < bytes.length; j++) {
      carry += bytes[j] * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (let i = 0; i < s.length && s[i] === '1'; i++) bytes.push(0);
  bytes.reverse();
  if (bytes.length < 5) return false;
  const payload = Uint8Array.from(bytes.slice(0, -4));
  const hash = sha256(sha256(payload));
  for (let i = 0; i < 4; i++) if (hash[i] !== bytes[bytes.length - 4 + i]) return false;
  return true;
}
