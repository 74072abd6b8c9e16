import { detectSpelledDigits } from './spelled-digits';
import type { PiiMatch } from './pii';

const sut = (text: string): string[] => {
  const out: PiiMatch[] = [];
  detectSpelledDigits(text.toLowerCase(), out);
  return out.map((m) => `${m.kind}:${text.slice(m.start, m.end)}`);
};

describe('spelled-out numbers', () => {
  it('redacts a phone number written in English number words', () => {
    expect(sut('my no is nine eight two zero zero one two three four five, ok')).toEqual(['pii.phone:nine eight two zero zero one two three four five']);
  });

  it('redacts Hinglish number words', () => {
    expect(sut('number nau aath do shunya shunya ek do teen char paanch hai')).toEqual(['pii.phone:nau aath do shunya shunya ek do teen char paanch']);
  });

  it('expands "double" and "triple"', () => {
    expect(sut('double nine eight seven six five four three two one')).toEqual(['pii.phone:double nine eight seven six five four three two one']);
  });

  it('keeps short counts such as "one or two tablets" and "take two three times"', () => {
    expect(sut('take one or two tablets, two three times a day')).toEqual([]);
  });
});
