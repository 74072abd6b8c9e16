import { detectPii } from './index';
import { found } from './spec-helpers';

const sut = (text: string) => found(detectPii, text);

describe('dates and ages', () => {
  it('redacts numeric dates in d/m/y, m/d/y and ISO forms', () => {
    expect(sut('DOB 12/03/1985, female')).toEqual([['pii.date', '12/03/1985']]);
    expect(sut('died 21.11.2023')).toEqual([['pii.date', '21.11.2023']]);
    expect(sut('Admitted on 2024-03-12')).toEqual([['pii.date', '2024-03-12']]);
  });

  it('redacts dates with month names and ordinals', () => {
    expect(sut('born on 5 August 1990')).toEqual([['pii.date', '5 August 1990']]);
    expect(sut('admitted on 12th Jan with stroke')).toEqual([['pii.date', '12th Jan']]);
    expect(sut('Surgery on March 12th, 2025')).toEqual([['pii.date', 'March 12th, 2025']]);
  });

  it('finds a named date whose month starts furthest in, and one glued to its ordinal (tried only near month words)', () => {
    expect(sut('born on 31st of March 1990')).toEqual([['pii.date', '31st of March 1990']]);
    expect(sut('born 12thmarch 1985, unwell since May')).toEqual([['pii.date', '12thmarch 1985']]);
  });

  it('keeps a year alone, a month alone and durations', () => {
    expect(sut('diabetic since 2019, worse since March, for 3 days')).toEqual([]);
  });

  it('keeps blood pressure and pain scores that look like day/month', () => {
    expect(sut('BP 140/90, pain 8/10')).toEqual([]);
  });

  it('redacts a short date only after a date cue', () => {
    expect(sut('Next dose due on 4/11')).toEqual([['pii.date', '4/11']]);
  });

  it('redacts ages over 89 and keeps ages up to 89', () => {
    expect(sut('she is 94 years old')).toEqual([['pii.age', '94 years old']]);
    expect(sut('my 92-year-old grandfather')).toEqual([['pii.age', '92-year-old']]);
    expect(sut('I am 95 and fine')).toEqual([['pii.age', '95']]);
    expect(sut('he is 89 years old, I am 45')).toEqual([]);
  });

  it('keeps "may" used as a verb before a number', () => {
    expect(sut('you may 2 tablets')).toEqual([]);
  });
});
