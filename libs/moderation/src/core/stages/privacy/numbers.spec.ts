import { detectPii } from './index';
import { found } from './spec-helpers';

const sut = (text: string) => found(detectPii, text);

describe('numeric identifiers', () => {
  it('redacts an Aadhaar number that passes the Verhoeff check, grouped or not', () => {
    expect(sut('3123 4567 8909')).toEqual([['pii.aadhaar', '3123 4567 8909']]);
    expect(sut('id 399876543211 ok')).toEqual([['pii.aadhaar', '399876543211']]);
  });

  it('redacts an Aadhaar number right after a numeric date in the same pass as the date', () => {
    // the date's year is no neighbour the Aadhaar could belong to: it becomes a placeholder
    expect(sut('1/1/1950 2645 3365 3301')).toEqual([['pii.date', '1/1/1950'], ['pii.aadhaar', '2645 3365 3301']]);
    expect(sut('01.02.1950 2645 3365 3301')).toEqual([['pii.date', '01.02.1950'], ['pii.aadhaar', '2645 3365 3301']]);
    expect(sut('1950 2645 3365 3301')).toEqual([]);
  });

  it('keeps a 12-digit number that fails the Verhoeff check when nothing names it', () => {
    expect(sut('1234 5678 9012')).toEqual([]);
  });

  it('redacts a 12-digit number the writer calls their Aadhaar', () => {
    expect(sut('my aadhaar card number is 2345 6789 0123')).toEqual([['pii.aadhaar', '2345 6789 0123']]);
  });

  it('redacts an ABHA number written 2-4-4-4', () => {
    expect(sut('ABHA 91-2345-6789-0123 linked')).toEqual([['pii.abha', '91-2345-6789-0123']]);
  });

  it('redacts a Luhn-valid card number with spaces or dashes and keeps an invalid one', () => {
    expect(sut('Card 4111 1111 1111 1111 charged')).toEqual([['pii.card', '4111 1111 1111 1111']]);
    expect(sut('5555-5555-5555-4444')).toEqual([['pii.card', '5555-5555-5555-4444']]);
    expect(sut('4012-8888-8888-1882')).toEqual([]);
  });

  it('redacts an SSN in 3-2-4 form and keeps one with an invalid area, group or serial', () => {
    expect(sut('SSN 078-05-1120 on the form')).toEqual([['pii.ssn', '078-05-1120']]);
    expect(sut('666-12-3456')).toEqual([]);
    expect(sut('078-00-1123')).toEqual([]);
    expect(sut('078-05-0000')).toEqual([]);
  });

  it('redacts an ITIN', () => {
    expect(sut('ITIN 912-70-1234')).toEqual([['pii.ssn', '912-70-1234']]);
  });

  it('redacts an NPI and a routing number that pass their checksums', () => {
    expect(sut('NPI 1234567893 here')).toEqual([['pii.licence', '1234567893']]);
    expect(sut('routing 121000358')).toEqual([['pii.account', '121000358']]);
  });

  it('redacts a number a cue word names: MRN, policy, account, PIN code, ZIP', () => {
    expect(sut('MRN 00482913 at Fortis')).toEqual([['pii.medical_record', '00482913']]);
    expect(sut('account 4459812345 please')).toEqual([['pii.account', '4459812345']]);
    expect(sut('pincode 411001 lab')).toEqual([['pii.postal_code', '411001']]);
    expect(sut('zip code 94110 doctor')).toEqual([['pii.postal_code', '94110']]);
  });

  it('keeps a year even after a cue word', () => {
    expect(sut('policy 2019 changed')).toEqual([]);
  });

  it('redacts an IMEI named as such', () => {
    expect(sut('IMEI 356938035643809')).toEqual([['pii.device', '356938035643809']]);
  });
});
