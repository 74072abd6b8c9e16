import { detectPii } from './index';
import { found } from './spec-helpers';

const sut = (text: string) => found(detectPii, text);

describe('Indian identifiers', () => {
  it('redacts a PAN whose fourth letter is a holder type', () => {
    expect(sut('PAN ABBPM4567S please')).toEqual([['pii.pan', 'ABBPM4567S']]);
  });

  it('redacts an EPIC voter id', () => {
    expect(sut('Voter ID KSD1287349 accepted')).toEqual([['pii.voter_id', 'KSD1287349']]);
  });

  it('redacts a GSTIN and keeps one with an impossible state code', () => {
    expect(sut('GSTIN 27AAPFU0939F1ZV')).toEqual([['pii.gstin', '27AAPFU0939F1ZV']]);
    expect(sut('00ABCDE1234F1Z5')).toEqual([]);
  });

  it('redacts vehicle plates in state and BH-series formats', () => {
    expect(sut('Car MH 12 AB 1234 hit me')).toEqual([['pii.vehicle', 'MH 12 AB 1234']]);
    expect(sut('ambulance DL3CAB1234 came')).toEqual([['pii.vehicle', 'DL3CAB1234']]);
    expect(sut('scooter 22BH1234AA')).toEqual([['pii.vehicle', '22BH1234AA']]);
  });

  it('redacts a driving licence number', () => {
    expect(sut('licence MH12 20110012345 suspended')).toEqual([['pii.licence', 'MH12 20110012345']]);
  });

  it('redacts a passport number only when the text names it a passport', () => {
    expect(sut('My passport number is J8369854')).toEqual([['pii.passport', 'J8369854']]);
    expect(sut('B1234567 was printed on the box')).toEqual([]);
  });

  it('redacts an IFSC code', () => {
    expect(sut('IFSC HDFC0001234')).toEqual([['pii.account', 'HDFC0001234']]);
  });

  it('keeps vitamin and lab codes such as B12, HbA1c and T3', () => {
    expect(sut('B12 180 pg/mL, HbA1c 7.2%, T3 4.1')).toEqual([]);
  });
});
