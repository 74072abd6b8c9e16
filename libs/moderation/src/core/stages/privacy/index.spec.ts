import { applyRedactions, createDraft, rewrite } from '../../draft';
import type { Ruleset } from '../../ruleset';
import type { ReviewContext } from '../../types';
import { detectPii, PLACEHOLDERS, privacy } from './index';

const context: ReviewContext = { authorRole: 'patient', authorVerified: false, placement: 'question', locale: 'en-IN', anonymous: false };
const rules: Ruleset = { version: 'test', bannedTerms: [] };
const sut = privacy;

function publish(text: string): string {
  return applyRedactions(sut(createDraft(text), context, rules));
}

describe('privacy stage', () => {
  it('records one finding and one typed redaction per identifier without rewriting the text', () => {
    const text = 'Hi, my name is Priya Sharma, call 98200 12345. Metformin 500 mg twice daily.';
    const draft = sut(createDraft(text), context, rules);
    expect(draft.text).toBe(text);
    expect(draft.findings.map((f) => [f.kind, f.rule, text.slice(f.span.start, f.span.end), f.severity])).toEqual([
      ['pii.name', 'privacy.name.cue', 'Priya Sharma', 'medium'],
      ['pii.phone', 'privacy.phone.in-mobile', '98200 12345', 'medium'],
    ]);
    expect(draft.redactions.map((r) => r.placeholder)).toEqual(['[name removed]', '[phone removed]']);
    expect(applyRedactions(draft)).toBe('Hi, my name is [name removed], call [phone removed]. Metformin 500 mg twice daily.');
  });

  it('marks government ids and cards high severity', () => {
    const draft = sut(createDraft('Aadhaar 3123 4567 8909'), context, rules);
    expect(draft.findings[0].severity).toBe('high');
  });

  it('reports spans in the original text after an earlier stage rewrote it', () => {
    const original = 'call\u200b 98200 12345';
    const cleaned = rewrite(createDraft(original), [{ start: 4, end: 5, replacement: '' }]);
    const draft = sut(cleaned, context, rules);
    expect(original.slice(draft.findings[0].span.start, draft.findings[0].span.end)).toBe('98200 12345');
  });

  it('changes nothing when run on its own output', () => {
    const once = publish('I am Rahul from Pune, rahul.v@gmail.com, 9876543210, DOB 12/03/1985, Flat 4B, 12th Cross, Indiranagar');
    expect(publish(once)).toBe(once);
  });

  it('never detects a placeholder as an identifier', () => {
    for (const placeholder of Object.values(PLACEHOLDERS)) {
      expect(detectPii(`Regards,\n${placeholder}`)).toEqual([]);
      expect(detectPii(`my name is ${placeholder} and ${placeholder}`)).toEqual([]);
    }
  });

  it('keeps medical substance: drugs, doses, lab values, durations and eponyms', () => {
    const text = "Dolo 650 every 8 hours, HbA1c 7.2%, TSH 4.5 mIU/L, BP 140/90, platelet count 150000, creatinine 1.2, since 2019, for 3 days, Parkinson's disease, ICD E11.9, 3 am";
    expect(publish(text)).toBe(text);
  });

  describe('re-reading the published form', () => {
    // An Aadhaar glued to a phone number reads as one long run until the phone becomes a placeholder.
    const glued = 'ids 5973 2168 0428 9463776718.';
    const prose = 'Knee pain since three weeks, worse on stairs and after long walks, better with rest and ice. ';

    it('finds an identifier that only shows once its neighbour is redacted', () => {
      expect(detectPii(glued).map((m) => [m.kind, glued.slice(m.start, m.end)])).toEqual([
        ['pii.aadhaar', '5973 2168 0428'],
        ['pii.phone', '9463776718'],
      ]);
    });

    it('finds it in a long text too, where only the surroundings of each placeholder are read again', () => {
      const text = `${prose.repeat(8)}${glued} ${prose.repeat(8)}Regards,\nAsha Rao`;
      const found = detectPii(text).map((m) => text.slice(m.start, m.end));
      expect(found).toEqual(['5973 2168 0428', '9463776718', 'Asha Rao']);
      const once = publish(text);
      expect(publish(once)).toBe(once);
    });

    it('re-reads the whole text when a placeholder brings a cue word its own words lacked', () => {
      // "[account removed]" holds "account", which opens the cued-id scan that finds "accountnumber 1234…"
      const text = "Please transfer to accountnumber 123456789012 (ICICI) for my father's chemo, IFSC ICIC0000123.";
      expect(detectPii(text).map((m) => [m.kind, text.slice(m.start, m.end)])).toEqual([
        ['pii.account', '123456789012'],
        ['pii.account', 'ICIC0000123'],
      ]);
    });

    it('opens detectors in a re-read part by the whole text\'s trigger words', () => {
      // "PuneNagar" stands out only once the phone glued to it is redacted; the locality word that lets
      // the address detector run ("nagar") is far from that part
      const text = `We live in lajpat nagar. ${prose.repeat(8)}Please call PuneNagar9455031465 today.`;
      expect(detectPii(text).map((m) => [m.kind, text.slice(m.start, m.end)])).toEqual([
        ['pii.address', 'PuneNagar'],
        ['pii.phone', '9455031465'],
      ]);
    });
  });

  it('returns an empty list for empty text', () => {
    expect(detectPii('')).toEqual([]);
  });

  it('finishes and stays correct on 64 KB adversarial inputs', () => {
    const inputs = [
      '1'.repeat(65536), 'a@'.repeat(32768), '1 '.repeat(32768), '.'.repeat(65536), 'Dr. '.repeat(16384), 'a'.repeat(65536),
      '1:'.repeat(32768), '1.'.repeat(32768), '9-'.repeat(32768), 'x at '.repeat(13107), 'my name is '.repeat(5957),
      'Flat 1, '.repeat(8192), 'http://'.repeat(9362), 'nine '.repeat(13107), '[at]'.repeat(16384), 'AB12'.repeat(16384),
      ':'.repeat(65536), 'www.a'.repeat(13107), '12 March '.repeat(7281),
    ];
    for (const input of inputs) {
      const matches = detectPii(input);
      for (const m of matches) {
        expect(m.start).toBeGreaterThanOrEqual(0);
        expect(m.end).toBeLessThanOrEqual(input.length);
        expect(m.end).toBeGreaterThan(m.start);
      }
    }
    // a flood of digits is one blob, not an identifier; the sentence after it is still read
    expect(detectPii('1'.repeat(65536) + ' call 9876543210').map((m) => m.kind)).toEqual(['pii.phone']);
  });
});
