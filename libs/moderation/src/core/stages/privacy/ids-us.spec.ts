import { detectPii } from './index';
import { found } from './spec-helpers';

const sut = (text: string) => found(detectPii, text);

describe('US identifiers', () => {
  it('redacts a Medicare MBI with or without dashes', () => {
    expect(sut('medicare number is 1EG4-TE5-MK73')).toEqual([['pii.health_plan', '1EG4-TE5-MK73']]);
    expect(sut('The MBI is 4EF6GH8JK12 for this patient')).toEqual([['pii.health_plan', '4EF6GH8JK12']]);
  });

  it('keeps an MBI-like string with a forbidden letter', () => {
    expect(sut('1SG4-TE5-MK73')).toEqual([]);
  });

  it('redacts a DEA number that passes its check digit and keeps one that fails', () => {
    expect(sut('DEA number AB1234563 on the script')).toEqual([['pii.licence', 'AB1234563']]);
    expect(sut('BG8207031')).toEqual([]);
  });

  it('redacts a US passport number after the word passport', () => {
    expect(sut('US passport no. 912803456 needed')).toEqual([['pii.passport', '912803456']]);
  });

  it('redacts a licence plate named as such', () => {
    expect(sut('plate number 7ABC123 fled')).toEqual([['pii.vehicle', '7ABC123']]);
  });

  it('keeps "platelets" although it starts with "plate"', () => {
    expect(sut('platelets 45000 today')).toEqual([]);
  });
});
