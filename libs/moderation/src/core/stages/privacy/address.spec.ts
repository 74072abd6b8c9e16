import { detectPii } from './index';
import { found } from './spec-helpers';

const sut = (text: string) => found(detectPii, text);

describe('addresses and postal codes', () => {
  it('redacts an Indian address line through its PIN', () => {
    expect(sut('Send to Flat 4B, 12th Cross, Indiranagar, Bangalore 560038.')).toEqual([
      ['pii.address', 'Flat 4B, 12th Cross, Indiranagar, Bangalore 560038'],
    ]);
  });

  it('redacts a US street address with city, state and ZIP', () => {
    expect(sut('at 123 Main St, Springfield, IL 62704 now')).toEqual([['pii.address', '123 Main St, Springfield, IL 62704']]);
  });

  it('finds a US street at the longest reach from its street type (tried only near street-type words)', () => {
    const longest = '123456A N. Abcdefghijklmnopqrstu Bcdefghijklmnopqrstuv Cdefghijklmnopqrstuvw Street';
    expect(sut(`lives at ${longest} now`)).toEqual([['pii.address', longest]]);
  });

  it('redacts a locality and a landmark', () => {
    expect(sut('Address: 45 Lajpat Nagar, New Delhi 110024. Need help')).toEqual([['pii.address', 'Lajpat Nagar, New Delhi 110024']]);
    expect(sut('house near Hanuman temple in the lane')).toEqual([['pii.address', 'near Hanuman temple']]);
  });

  it('redacts a city after "I live in"', () => {
    expect(sut('I live in Pune and need a rheumatologist')).toEqual([['pii.address', 'Pune']]);
  });

  it('redacts a PIN after a city and a ZIP after a state code', () => {
    expect(sut('Mumbai 400050 lab')).toEqual([['pii.postal_code', '400050']]);
    expect(sut('Brooklyn, NY 11201 area')).toEqual([['pii.postal_code', '11201']]);
  });

  it('keeps medical "stage", "block" and "phase" ordinals', () => {
    expect(sut('2nd stage cancer, 1st degree heart block, 3rd phase trial')).toEqual([]);
  });
});
