import { applyRedactions, createDraft } from '../../draft';
import { DEFAULT_RULESET } from '../../default-ruleset';
import type { Ruleset } from '../../ruleset';
import type { ReviewContext } from '../../types';
import { abuse as sut } from './abuse';

const patient: ReviewContext = { authorRole: 'patient', authorVerified: false, placement: 'post', locale: 'en-IN', anonymous: false };
const physician: ReviewContext = { ...patient, authorRole: 'physician', authorVerified: true, placement: 'answer' };
const run = (text: string, context = patient, rules: Ruleset = DEFAULT_RULESET) => sut(createDraft(text), context, rules);
const found = (text: string, context = patient) => run(text, context).findings.map((f) => `${f.kind}/${f.severity}`);

describe('abuse and spam', () => {
  it('flags a link flood', () => {
    expect(found('http://a.in http://b.in https://c.in www.d.in')).toContain('spam.link_flood/medium');
  });

  it('allows a few links', () => {
    expect(found('See https://who.int and https://mohfw.gov.in')).toEqual([]);
  });

  it('notes a run of one character and holds a flood of it', () => {
    expect(found('help!!!!!!!!!!')).toEqual(['spam.repetition/low']);
    expect(found(`a${'!'.repeat(60)}`)).toEqual(['spam.repetition/medium']);
  });

  it('flags the same word said again and again', () => {
    expect(found('buy buy buy buy buy cheap pills')).toContain('spam.repetition/medium');
  });

  it('lets ordinary emphasis through', () => {
    expect(found('very very painful, noooo')).toEqual([]);
  });

  it('blocks, holds and censors banned terms by their configured action', () => {
    expect(found('kidney for sale, call now')).toContain('abuse.banned_term/critical');
    expect(found('a miracle cure for piles')).toContain('abuse.banned_term/medium');
    expect(found('this is shit')).toContain('abuse.banned_term/low');
  });

  it('censors a term with asterisks in the published text', () => {
    expect(applyRedactions(run('this is bullshit, doc'))).toBe('this is ********, doc');
  });

  it('matches banned terms as whole words only', () => {
    expect(found('Shitake mushrooms and a scunthorpe trip')).toEqual([]);
  });

  it('reads banned terms from the ruleset it is given', () => {
    const rules: Ruleset = { version: 't', bannedTerms: [{ term: 'Snake Oil', action: 'block' }] };
    expect(run('pure snake oil', patient, rules).findings.map((f) => f.rule)).toEqual(['abuse.banned_term.block']);
  });

  it('respects configured spam limits', () => {
    const rules: Ruleset = { ...DEFAULT_RULESET, limits: { maxLinks: 0 } };
    expect(run('https://who.int', patient, rules).findings.map((f) => f.kind)).toEqual(['spam.link_flood']);
  });

  it.each(['Visit my clinic in Andheri for a check-up.', 'Book an appointment with me on the app.', 'DM me for consultation.', 'Call my clinic for a slot.'])(
    'flags physician self-promotion: "%s"',
    (text) => {
      expect(found(text, physician)).toContain('spam.promotion/medium');
    },
  );

  it('does not treat a patient mentioning a clinic as promotion', () => {
    expect(found('I will visit my clinic tomorrow.', patient)).toEqual([]);
  });
});
