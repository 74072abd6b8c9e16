import { createDraft, withFindings, withNotices, withRedactions, type Draft, type FindingInput } from '../draft';
import { DEFAULT_RULESET } from '../default-ruleset';
import type { ReviewContext } from '../types';
import { crisisNotice, disclaimer } from '../wording';
import { decide as sut } from './decide';

const answer: ReviewContext = { authorRole: 'physician', authorVerified: true, placement: 'answer', locale: 'en-IN', anonymous: false };
const question: ReviewContext = { authorRole: 'patient', authorVerified: false, placement: 'question', locale: 'en-US', anonymous: false };

const finding = (kind: FindingInput['kind'], severity: FindingInput['severity'] = 'medium'): FindingInput => ({
  kind,
  rule: kind,
  start: 0,
  end: 1,
  severity,
  message: kind,
});
const draftWith = (...findings: FindingInput[]): Draft => withFindings(createDraft('some text'), findings);
const inCrisis = (draft: Draft, context: ReviewContext): Draft =>
  withNotices(withFindings(draft, [finding('safety.self_harm', 'high')]), [crisisNotice(context.locale)]);

describe('decide', () => {
  it('publishes clean text with the ruleset version', () => {
    const verdict = sut(draftWith(), question, DEFAULT_RULESET);
    expect(verdict).toMatchObject({ action: 'publish', text: 'some text', disclaimer: null, priority: 'normal', rulesetVersion: DEFAULT_RULESET.version });
  });

  it('holds an answer that prescribes a dose', () => {
    expect(sut(draftWith(finding('clinical.prescription')), answer, DEFAULT_RULESET).action).toBe('hold');
  });

  it('adds the no-diagnosis disclaimer to every physician answer it may show', () => {
    expect(sut(draftWith(), answer, DEFAULT_RULESET).disclaimer).toBe(disclaimer('en-IN'));
    expect(sut(draftWith(finding('clinical.diagnosis')), answer, DEFAULT_RULESET).disclaimer).toBe(disclaimer('en-IN'));
  });

  it('adds no disclaimer to a physician’s forum post or a patient’s question', () => {
    expect(sut(draftWith(), { ...answer, placement: 'post' }, DEFAULT_RULESET).disclaimer).toBeNull();
    expect(sut(draftWith(), question, DEFAULT_RULESET).disclaimer).toBeNull();
  });

  it('publishes crisis content with the notice and high priority even when a rule would hold it', () => {
    const verdict = sut(inCrisis(draftWith(finding('spam.link_flood')), question), question, DEFAULT_RULESET);
    expect(verdict).toMatchObject({ action: 'publish', priority: 'high' });
    expect(verdict.notices).toEqual([crisisNotice('en-US')]);
  });

  it('holds crisis content with a blocked term at high priority instead of rejecting it', () => {
    const verdict = sut(inCrisis(draftWith(finding('abuse.banned_term', 'critical')), question), question, DEFAULT_RULESET);
    expect(verdict).toMatchObject({ action: 'hold', priority: 'high' });
    expect(verdict.notices).toHaveLength(1);
  });

  it('rejects a blocked term', () => {
    expect(sut(draftWith(finding('abuse.banned_term', 'critical')), question, DEFAULT_RULESET).action).toBe('reject');
  });

  it('publishes text whose only findings are redacted identifiers or removed markup', () => {
    const draft = draftWith(finding('pii.phone'), finding('markup.html', 'low'), finding('spam.repetition', 'low'));
    expect(sut(draft, question, DEFAULT_RULESET).action).toBe('publish');
  });

  it('publishes the redacted text', () => {
    const draft = withRedactions(createDraft('call 9820012345'), [{ start: 5, end: 15, kind: 'pii.phone', placeholder: '[phone removed]' }]);
    expect(sut(draft, question, DEFAULT_RULESET).text).toBe('call [phone removed]');
  });
});
