import { eachAnchored, eachAtWords, eachNear, foldMatchesWords, sticky } from './anchored';
import { readSignals, W } from './signals';

/** What a plain global scan reports: the reference every anchored scan must reproduce. */
function globalScan(re: RegExp, text: string): string[] {
  const found: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) found.push(`${m.index}:${m[0]}`);
  return found;
}

function collect(run: (visit: (m: RegExpExecArray) => void) => void): string[] {
  const found: string[] = [];
  run((m) => found.push(`${m.index}:${m[0]}`));
  return found;
}

describe('anchored scans', () => {
  const CUE = /\b(?:my\s(?:full\s)?name\sis|call\sme)\s[a-z]+/g;
  const texts = [
    'my name is priya and my full name is priya sharma; call me ravi',
    'name name myname is x, call me call me maybe',
    'nothing here at all',
    'my full name is asha call me',
  ];

  it('eachAnchored reports what a global scan reports', () => {
    for (const text of texts) {
      expect(collect((v) => eachAnchored(sticky(CUE), /name|call/g, 13, text, v))).toEqual(globalScan(CUE, text));
    }
  });

  it('eachAtWords tries only around the trigger words readSignals placed', () => {
    const TITLE = /\b(?:mr|dr|smt)\b\.?\s{0,2}[A-Z][a-z]+/gi;
    for (const text of ['Dr. Mehta and Mr Rao met Smt. Devi', 'drmehta, dr. 12, DR Rao', '']) {
      const sig = readSignals(text);
      expect(collect((v) => eachAtWords(sticky(TITLE), sig.placed, W.title, 0, text, v))).toEqual(globalScan(TITLE, text));
    }
  });

  it('eachNear tries every position of a window for lookbehind-led patterns', () => {
    const PLATE = /(?<![A-Za-z0-9])(?:MH|KA)[ -]?\d{1,2}[ -]?[A-Z]{1,3}[ -]?\d{4}(?![A-Za-z0-9])/g;
    for (const text of ['cars MH12AB1234 and KA 01 AB 1234, not XMH12AB1234', '_MH12AB1234 MH 12 A 1234']) {
      const sig = readSignals(text);
      expect(collect((v) => eachNear(sticky(PLATE), sig.capDigit, 1, text, v))).toEqual(globalScan(PLATE, text));
    }
  });

  it('falls back to a global scan when the folded text could hold letters readSignals did not see', () => {
    expect(foldMatchesWords('plain text')).toBe(true);
    expect(foldMatchesWords('\u212Aota')).toBe(false);
  });
});
