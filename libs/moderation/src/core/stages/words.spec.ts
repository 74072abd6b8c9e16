import { CHANGE, DIAGNOSIS, DOSE, FREQUENCY } from './clinical/patterns';
import { DRUG_NAME } from './clinical/lexicon';
import { firstWords, Unfilterable } from './first-words';
import { CRISIS } from './safety/patterns';
import { sentenceBounds } from './text';
import { longestRepeat, wordPattern, type WordPattern } from './words';

function globalMatches(regex: RegExp, text: string): string[] {
  const g = new RegExp(regex.source, 'g');
  const out: string[] = [];
  for (let m = g.exec(text); m !== null; m = g.exec(text)) out.push(`${m.index}:${m[0]}`);
  return out;
}

function filteredMatches(pattern: WordPattern, text: string): string[] {
  const out: string[] = [];
  pattern.forEach(text, (m) => out.push(`${m.index}:${m[0]}`));
  return out;
}

describe('firstWords', () => {
  it('reads whole first words through groups, options and punctuation', () => {
    const words = firstWords(String.raw`\b(?:you(?:'ve| have)|u r|(?:this|it)s?|100%) x`);
    expect([...words.exact].sort()).toEqual(['100', 'it', 'its', 'this', 'thiss', 'u', 'you']);
    expect(words.leading.size).toBe(0);
  });

  it('keeps only the first character of a word whose end is unknown', () => {
    const words = firstWords(String.raw`\b\d{1,5} ?mg|\b(?:a|an) tab`);
    expect([...words.leading].sort().join('')).toBe('0123456789');
    expect([...words.exact].sort()).toEqual(['a', 'an']);
  });

  it('ends a word at \\b or (?![a-z0-9])', () => {
    expect([...firstWords(String.raw`\b(?:stop|quit)\b`).exact].sort()).toEqual(['quit', 'stop']);
    expect([...firstWords(String.raw`\b(?:pan-40|pan)(?![a-z0-9])`).exact]).toEqual(['pan']);
  });

  it('refuses patterns that may start anywhere but at a word start', () => {
    expect(() => firstWords('(?:you|u) have')).toThrow(Unfilterable);
    expect(() => firstWords(String.raw`\b[a-z]{2,40} x`)).toThrow(Unfilterable);
    expect(() => firstWords(String.raw`\b(?: you)`)).toThrow(Unfilterable);
  });
});

describe('wordPattern', () => {
  const texts = [
    'You have typhoid. It is definitely a migraine; take 500mg twice daily for 5 days.',
    'stop your metformin, stop_ your insulin and 1-0-1 q8h, dolo 650 x 3 days',
    'i want to die. i don\u2019t want to die! chest pain spreading to my arm',
    'take take take 2.5 mg 2.5mg half tablet a tablet an capsule 1/2 tab',
    '',
    'kill myselfkill myself killmyself',
  ];

  it.each([
    ['DIAGNOSIS', DIAGNOSIS],
    ['DOSE', DOSE],
    ['FREQUENCY', FREQUENCY],
    ['CHANGE', CHANGE],
    ['DRUG_NAME', DRUG_NAME],
    ['CRISIS', CRISIS],
  ])('finds exactly what a global scan finds (%s)', (_name, pattern) => {
    for (const text of texts) expect(filteredMatches(pattern, text)).toEqual(globalMatches(pattern.regex, text));
  });

  it('agrees with a global scan on generated text', () => {
    let seed = 42;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const words = ['you', 'have', 'is', 'definitely', 'take', '500', 'mg', 'twice', 'daily', 'stop', 'your', 'metformin', 'a', 'tablet', 'i', 'want', 'to', 'die', 'chest', 'pain', 'arm', 'for', '5', 'days', 'q8h', 'x'];
    const separators = [' ', ' ', '  ', '. ', ',', '\n', "'", '-', '_', '1', '%', '\u00e9', ''];
    for (let k = 0; k < 2000; k++) {
      let text = '';
      // every other text is long enough (dozens of candidate words) to take the list sorted by bit
      for (let j = 2 + next(k % 2 === 0 ? 20 : 150); j > 0; j--) text += words[next(words.length)] + separators[next(separators.length)];
      for (const pattern of [DIAGNOSIS, DOSE, FREQUENCY, CHANGE, CRISIS]) {
        expect(filteredMatches(pattern, text)).toEqual(globalMatches(pattern.regex, text));
      }
    }
  });

  it('scans the usual way when the first words cannot be known', () => {
    const anywhere = wordPattern(/ab/g);
    expect(filteredMatches(anywhere, 'cab abc')).toEqual(['1:ab', '4:ab']);
  });
});

describe('longestRepeat', () => {
  it('counts equal letter runs 1–5 characters apart', () => {
    expect(longestRepeat('buy buy buy buy buy now')).toBe(5);
    expect(longestRepeat('buy1buy2buy')).toBe(3);
    expect(longestRepeat('ha      ha')).toBe(1);
    expect(longestRepeat('a a a a a')).toBe(0);
  });
});

describe('sentenceBounds', () => {
  it('ends sentences at ! ? ; new lines and a full stop before white space', () => {
    const fold = 'take 2.5 mg. e.g.x is fine!next\nline';
    const sentences = sentenceBounds(fold);
    expect(sentences.around(3)).toEqual({ start: 0, end: 12 });
    expect(sentences.around(14)).toEqual({ start: 12, end: 27 });
    expect(sentences.around(28)).toEqual({ start: 27, end: 32 });
    expect(sentences.around(33)).toEqual({ start: 32, end: fold.length });
  });
});
