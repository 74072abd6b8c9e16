import { cueBefore } from './cues';

const sut = (text: string): string | null => cueBefore(text.toLowerCase(), text.length);

describe('cueBefore', () => {
  it('names the identifier a cue word announces, across filler words', () => {
    expect(sut('policy no. is ')).toBe('plan');
    expect(sut('Ayushman card no ')).toBe('plan');
    expect(sut('UHID: ')).toBe('mrn');
    expect(sut('mera number ')).toBe('phone');
  });

  it('returns nothing when the preceding word is not a cue', () => {
    expect(sut('platelet count ')).toBeNull();
    expect(sut('age group ')).toBeNull();
  });
});
