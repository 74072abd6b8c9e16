import { atWordStart, factorByFirstLetter, splitTopLevel } from './alternation';

const matches = (pattern: RegExp, text: string): string[] => [...text.matchAll(pattern)].map((m) => `${m.index}:${m[0]}`);

describe('first-letter factoring', () => {
  const alternatives = ['kill(?:ing)? ?my ?self\\b', '(?:end|ending) (?:my life|it all)\\b', 'suicid(?:e|al)\\b', 'khudkushi\\b', 's?elf\\b', '(?<!food )poisoned\\b'];
  const plain = new RegExp(`\\b(?:${alternatives.join('|')})`, 'g');
  const sut = atWordStart(alternatives);

  it.each([
    'i want to kill myself, ending it all',
    'suicidal thoughts and khudkushi',
    'elf self food poisoned and poisoned',
    'end my life end it all endings',
  ])('finds exactly what the plain alternation finds in "%s"', (text) => {
    expect(matches(sut, text)).toEqual(matches(plain, text));
  });

  it('groups alternatives by their first letter', () => {
    expect(factorByFirstLetter(['ab', 'ac', 'b'])).toBe('a(?:b|c)|b');
  });

  it('expands a leading group so each option is factored', () => {
    expect(factorByFirstLetter(['(?:end|ending) x'])).toBe('e(?:nd x|nding x)');
  });

  it('leaves an alternative whose first letter is quantified alone', () => {
    expect(factorByFirstLetter(['s?elf', 'sun'])).toBe('sun|s?elf');
  });

  it('splits only on top-level bars', () => {
    expect(splitTopLevel('a(?:b|c)|[|]|d')).toEqual(['a(?:b|c)', '[|]', 'd']);
  });
});
