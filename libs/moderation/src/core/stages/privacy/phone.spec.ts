import { detectPii } from './index';
import { found } from './spec-helpers';

const sut = (text: string) => found(detectPii, text);

describe('phone numbers', () => {
  it('redacts a bare Indian mobile starting 6-9', () => {
    expect(sut('call 9876543210 today')).toEqual([['pii.phone', '9876543210']]);
  });

  it('redacts Indian mobiles written with +91, 0 or grouped digits', () => {
    expect(sut('+91 91234 56789')).toEqual([['pii.phone', '+91 91234 56789']]);
    expect(sut('ring 0 98450 22113 now')).toEqual([['pii.phone', '0 98450 22113']]);
    expect(sut('no 98200-12345.')).toEqual([['pii.phone', '98200-12345']]);
  });

  it('redacts an Indian landline with its STD code', () => {
    expect(sut('Landline 011-2345 6789 works')).toEqual([['pii.phone', '011-2345 6789']]);
  });

  it('redacts US numbers in (NXX) NXX-XXXX, dotted and +1 forms', () => {
    expect(sut('at (415) 555-0132 after 5')).toEqual([['pii.phone', '(415) 555-0132']]);
    expect(sut('line 303.555.0144')).toEqual([['pii.phone', '303.555.0144']]);
    expect(sut('cell +1 646 555 0199')).toEqual([['pii.phone', '+1 646 555 0199']]);
  });

  it('redacts international numbers with a country code', () => {
    expect(sut('UK +44 20 7946 0958')).toEqual([['pii.phone', '+44 20 7946 0958']]);
  });

  it('redacts a phone number split into single digits to dodge filters', () => {
    expect(sut('call 9 8 4 5 0 2 2 1 1 3 pls')).toEqual([['pii.phone', '9 8 4 5 0 2 2 1 1 3']]);
    expect(sut('9.8.2.0.0.1.2.3.4.5')).toEqual([['pii.phone', '9.8.2.0.0.1.2.3.4.5']]);
  });

  it('keeps a list of SpO2 readings that happens to have ten digits', () => {
    expect(sut('SpO2 readings: 96 95 97 94 96 today')).toEqual([]);
  });

  it('keeps lab values, doses and counts', () => {
    expect(sut('platelet count 150000, WBC 11200, Dolo 650, creatinine 1.2')).toEqual([]);
  });

  it('does not read a code glued to upper-case letters as a phone', () => {
    expect(sut('AT61 1904 3002 3457')).toEqual([]);
  });
});
