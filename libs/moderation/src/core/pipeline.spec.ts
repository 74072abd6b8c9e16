import { review as sut } from './pipeline';
import type { Ruleset } from './ruleset';
import type { ReviewContext } from './types';
import { crisisNotice, disclaimer } from './wording';

const answer: ReviewContext = { authorRole: 'physician', authorVerified: true, placement: 'answer', locale: 'en-IN', anonymous: false };
const post: ReviewContext = { authorRole: 'patient', authorVerified: false, placement: 'post', locale: 'en-US', anonymous: true };

describe('review', () => {
  it('publishes a general physician answer with the no-diagnosis disclaimer', () => {
    const verdict = sut('Metformin is usually started at 500 mg once daily with meals.', answer);
    expect(verdict).toMatchObject({ action: 'publish', disclaimer: disclaimer('en-IN'), priority: 'normal' });
  });

  it('holds an answer that prescribes a dose, pointing at the words in the original', () => {
    const text = 'Ｈｉ.\u200B Take Dolo 650 twice daily.';
    const verdict = sut(text, answer);
    expect(verdict.action).toBe('hold');
    const finding = verdict.findings.find((f) => f.kind === 'clinical.prescription');
    expect(text.slice(finding?.span.start, finding?.span.end)).toBe('Take Dolo 650 twice daily');
  });

  it('publishes a crisis with the notice and high priority, and still removes the phone number', () => {
    const verdict = sut('I want to kill myself. Call me on 9820012345', post);
    expect(verdict).toMatchObject({ action: 'publish', priority: 'high', notices: [crisisNotice('en-US')] });
    expect(verdict.text).not.toContain('9820012345');
    expect(verdict.text).toContain('I want to kill myself.');
  });

  it('publishes an identifier followed by a colon so that a second review keeps the text', () => {
    const first = sut('BNZPM4623F: fever since Monday.', post);
    expect(first.text).toBe('[id removed]: fever since Monday.');
    expect(sut(first.text, post).text).toBe(first.text);
  });

  it('censors a banned term and redacts an identifier in the same text', () => {
    const verdict = sut('this bullshit clinic, mail me at asha.k@gmail.com', post);
    expect(verdict.action).toBe('publish');
    expect(verdict.text).not.toContain('bullshit');
    expect(verdict.text).not.toContain('asha.k@gmail.com');
    expect(verdict.text).toContain('********');
  });

  it('removes markup before anything else reads the text', () => {
    const verdict = sut('<script>alert(1)</script>My <b>knee</b> hurts', post);
    expect(verdict.text).toBe('My knee hurts');
  });

  it('records the ruleset version it judged by', () => {
    const rules: Ruleset = { version: '1999.1.1', bannedTerms: [] };
    expect(sut('hello', post, rules).rulesetVersion).toBe('1999.1.1');
  });

  it('rejects a blocked term', () => {
    expect(sut('Kidney for sale, call now', post).action).toBe('reject');
  });

  it('returns an empty verdict for empty text', () => {
    expect(sut('', post)).toMatchObject({ action: 'publish', text: '', findings: [] });
  });
});
