import { CHANGE, DIAGNOSIS, DOSE } from '../clinical/patterns';
import { CRISIS } from '../safety/patterns';
import { longestRepeat, sentenceStarts, type WordPattern } from '../words';
import { readSignals, signalsWithin, W } from './signals';

describe('readSignals', () => {
  it('counts digits and notices trigger words by their hash', () => {
    const sut = readSignals('My name is Priya, born 12 March, flat 4B');
    expect(sut.digits).toBe(3);
    expect(sut.words & W.month).toBeTruthy();
    expect(sut.words & W.inCue).toBeTruthy();
    expect(sut.words & W.handle).toBe(0);
  });

  it('flags the character shapes the id scanners need', () => {
    expect(readSignals('PAN ABCPD1234Z').upRun).toBe(5);
    expect(readSignals('MH 12 AB 1234').upperDigit).toBe(true);
    expect(readSignals('27ABCDE1234F1Z5').digitUpper).toBe(true);
    expect(readSignals('ip 192.168.1.1').ipv4).toBe(true);
    expect(readSignals('she is 94').bigNumber).toBe(true);
    expect(readSignals('BP 140/90').digitSepDigit).toBe(true);
    expect([readSignals('a/c 1234').slash, readSignals('ravi @ gmail').spacedAt, readSignals('ravi@gmail').spacedAt]).toEqual([true, true, false]);
  });

  it('lists where the anchored scans should look', () => {
    const sut = readSignals('Dr Rao, MH12 AB 1234, aged 95, IL 62704, my son');
    expect(sut.placed).toEqual([W.title | W.usStreet, 0, W.possessive, 41]);
    expect(sut.capDigit).toEqual([9, 14, 32]);
    expect(sut.bigAt).toEqual([27]);
    expect(sut.fiveAt).toEqual([34]);
  });

  it('places the runs of letters a strong name cue opens with, glued or not, and no others', () => {
    const text = 'NAAM Ravi; nameis Asha, Myself x, call me, signed; renamed vietnam callous nam';
    const sut = readSignals(text);
    const at: string[] = [];
    for (let k = 0; k < sut.placed.length; k += 2) if (sut.placed[k] & W.nameCue) at.push(text.slice(sut.placed[k + 1], sut.placed[k + 1] + 4));
    expect(at).toEqual(['NAAM', 'name', 'Myse', 'call', 'sign', 'call', 'nam']);
    expect(readSignals('I named the cat').words & W.nameCue).toBeTruthy();
    expect(readSignals('my son Ravi').words & W.nameCue).toBe(0);
  });

  it('lists the capitalised words that stand alone, as the name dictionary reads them', () => {
    const text = 'Priya9820 met Dr Rao_x and McKay, then Ravi [name removed] Asha.';
    const sut = readSignals(text);
    const words: string[] = [];
    for (let k = 0; k < sut.capWords.length; k += 2) words.push(text.slice(sut.capWords[k], sut.capWords[k + 1]));
    expect(words).toEqual(['Dr', 'Ravi', 'Asha']);
  });

  it('builds the word index of the lower-cased text in the same walk, as the index would build it', () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const words = ['You', 'have', 'DEFINITELY', 'take', '500', 'mg', 'Q8H', '4b', 'b12b', 'stop', 'i', 'want', 'to', 'die', 'buy', 'buy', 'chest', 'pain', 'x'];
    const separators = [' ', ' ', '. ', '.\u00a0', '.', '!', ';', ',', '\n', "'", '-', '_', '\u00e9', '\u2019', ''];
    const read = (fold: string): unknown => {
      const matches = (pattern: WordPattern): string[] => {
        const out: string[] = [];
        pattern.forEach(fold, (m) => out.push(`${m.index}:${m[0]}`));
        return out;
      };
      return [longestRepeat(fold), [...sentenceStarts(fold)], ...[DIAGNOSIS, DOSE, CHANGE, CRISIS].map(matches)];
    };
    for (let k = 0; k < 600; k++) {
      let text = '';
      // every other text has dozens of candidate words, so the index takes its list sorted by bit
      for (let j = 1 + next(k % 2 === 0 ? 16 : 120); j > 0; j--) text += words[next(words.length)] + separators[next(separators.length)];
      const fold = text.toLowerCase();
      // two other texts push any index of this one out of the cache, so the walk feeds a new one...
      read('one');
      read('two');
      readSignals(text, fold);
      const fed = read(fold);
      // ...and the read after the next two builds its own
      read('one');
      read('two');
      expect(fed).toEqual(read(fold));
    }
  });

  it('reports nothing for plain prose', () => {
    const sut = readSignals('I have had a headache since yesterday.');
    expect([sut.digits, sut.upperDigit, sut.at, sut.ipv4, sut.bigNumber]).toEqual([0, false, false, false, false]);
  });

  it('sees a part of a text with the whole text\'s flags and the part\'s own positions', () => {
    const whole = readSignals('Dr Rao, MH12 AB 1234, aged 95, IL 62704, my son');
    const part = signalsWithin(whole, 8, 30);
    expect(part.words).toBe(whole.words);
    expect(part.placed).toEqual([]);
    expect(part.capDigit).toEqual([1, 6]);
    expect(part.bigAt).toEqual([19]);
    expect(part.fiveAt).toEqual([]);
    expect(part.capWords).toEqual([]);
    expect(signalsWithin(whole, 3, 30).capWords).toEqual([0, 3]);
  });
});
