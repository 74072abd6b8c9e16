import { type DigitRun, runDigits, scanDigitRuns } from './digit-runs';

function sut(text: string): Array<{ text: string; digits: string; groups: number }> {
  const runs: DigitRun[] = [];
  scanDigitRuns(text, (r) => runs.push(r));
  return runs.map((r) => ({ text: text.slice(r.start, r.end), digits: runDigits(text, r, 0, r.gs.length), groups: r.gs.length }));
}

describe('scanDigitRuns', () => {
  it('joins digit groups separated by spaces, dashes, dots and parentheses', () => {
    expect(sut('call (415) 555-0132 or +91 98200.12345')).toEqual([
      { text: '(415) 555-0132', digits: '4155550132', groups: 3 },
      { text: '+91 98200.12345', digits: '919820012345', groups: 3 },
    ]);
  });

  it('skips short stand-alone numbers without building a run', () => {
    expect(sut('take 500 mg for 3 days')).toEqual([]);
  });

  it('treats a flood of digits as a blob and reads what follows', () => {
    expect(sut('1'.repeat(1000) + ' x 9876543210')).toEqual([{ text: '9876543210', digits: '9876543210', groups: 1 }]);
  });

  it('splits an overlong run of groups into bounded runs', () => {
    const runs = sut('1 '.repeat(100));
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.every((r) => r.groups <= 32)).toBe(true);
  });
});
