import { abaRouting, base58Check, deaCheck, gstinCheck, ibanMod97, luhn, npi, verhoeff } from './checksums';
import { createHash } from 'node:crypto';

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());

describe('checksums', () => {
  it('accepts a Luhn-valid card number and rejects one with a changed digit', () => {
    const sut = luhn;
    expect(sut('4012888888881881')).toBe(true);
    expect(sut('4012888888881882')).toBe(false);
  });

  it('accepts an Aadhaar number whose Verhoeff check digit is right and rejects a transposition', () => {
    const sut = verhoeff;
    expect(sut('312345678909')).toBe(true);
    expect(sut('123456789012')).toBe(false);
    expect(sut('312345678990')).toBe(false);
  });

  it('validates IBANs with ISO 13616 mod-97', () => {
    const sut = ibanMod97;
    expect(sut('DE89370400440532013000')).toBe(true);
    expect(sut('DE89370400440532013001')).toBe(false);
  });

  it('checks ABA routing numbers with the 3-7-1 weights and a Federal Reserve prefix', () => {
    const sut = abaRouting;
    expect(sut('121000358')).toBe(true);
    expect(sut('421042111')).toBe(false);
  });

  it('checks an NPI through Luhn over the 80840 prefix', () => {
    const sut = npi;
    expect(sut('1234567893')).toBe(true);
    expect(sut('1234567894')).toBe(false);
    expect(sut('9234567893')).toBe(false);
  });

  it('checks a DEA number check digit', () => {
    const sut = deaCheck;
    expect(sut('1234563')).toBe(true);
    expect(sut('8207031')).toBe(false);
  });

  it('checks a GSTIN check character', () => {
    const sut = gstinCheck;
    expect(sut('27AAPFU0939F1ZV')).toBe(true);
    expect(sut('27AAPFU0939F1ZW')).toBe(false);
  });

  it('checks a bitcoin base58check address', () => {
    const sut = (s: string): boolean => base58Check(s, sha256);
    expect(sut('16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ')).toBe(true);
    expect(sut('16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ2')).toBe(false);
  });
});
