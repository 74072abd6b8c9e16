import { detectPii } from './index';
import { mayExpose } from './exposure';
import { readSignals } from './signals';

/** Whether the matches detectPii finds in `text` (there must be some) could expose another once redacted. */
const sut = (text: string): boolean => {
  const matches = detectPii(text);
  expect(matches.length).toBeGreaterThan(0);
  return mayExpose(text, readSignals(text), matches);
};

describe('exposure', () => {
  it('needs no second pass when every match stands apart from its neighbours', () => {
    expect(sut('Hi, my name is Priya Sharma, call 98200 12345. Metformin 500 mg twice daily.')).toBe(false);
    expect(sut('Mail me at priya.sharma84@gmail.com (or <asha@example.in>) for the reports')).toBe(false);
    expect(sut('NPI 1234567893 and IMEI 356938035643809 are on the form')).toBe(false);
    expect(sut('Address: 45 Lajpat Nagar, New Delhi 110024. Need a cardiologist')).toBe(false);
  });

  it('reads again where a match is glued to a letter or digit', () => {
    expect(sut('Please call PuneNagar9455031465 today.')).toBe(true);
    expect(sut('ids 5973 2168 0428 9463776718.')).toBe(true);
  });

  it('reads again where a digit group or a spaced code could run on across the match', () => {
    expect(sut('born 1/1/1950 2645 3365 3301')).toBe(true);
    expect(sut('acct GB82 WEST 1234 5698 7654 32 9820012345 thanks')).toBe(true);
  });

  it('reads again where a placeholder brings a cue word that opens a scan of the whole text', () => {
    // "[account removed]" holds "account", a cued-id word the submission's own words lack
    expect(sut("Please transfer to accountnumber 123456789012 (ICICI) for my father's chemo, IFSC ICIC0000123.")).toBe(true);
  });
});
