import { review, type ReviewContext } from '@asclepia/moderation';
import { combineVerdicts } from './content-review';

const patient: ReviewContext = { authorRole: 'patient', authorVerified: false, placement: 'question', locale: 'en-IN', anonymous: false };
const physician: ReviewContext = { ...patient, authorRole: 'physician', authorVerified: true, placement: 'answer' };

describe('combineVerdicts', () => {
  it('redacts the title and the body and says which field each finding points into', () => {
    const sut = combineVerdicts(review('Call me on 9820012345 after lunch', patient), review('Reach me at asha@example.com', patient));
    expect(sut.title).toBe('Reach me at [email removed]');
    expect(sut.body).toBe('Call me on [phone removed] after lunch');
    expect(sut.findings.map((f) => [f.field, f.kind])).toEqual([
      ['title', 'pii.email'],
      ['body', 'pii.phone'],
    ]);
    expect(sut.action).toBe('publish');
  });

  it('lets the stricter action win and lists each reason once', () => {
    const body = review('You have diabetes. Start metformin 500 mg twice daily.', physician);
    const sut = combineVerdicts(body, review('A general note on sugar', physician));
    expect(sut.action).toBe('hold');
    expect(new Set(sut.reasons.map((r) => `${r.kind}/${r.rule}`)).size).toBe(sut.reasons.length);
    expect(sut.reasons.length).toBeGreaterThan(0);
  });

  it('raises the crisis flag and keeps the notice when either field is a crisis', () => {
    const sut = combineVerdicts(review('Any tips for sleep?', patient), review('I want to end my life tonight', patient));
    expect(sut.crisis).toBe(true);
    expect(sut.notices).toHaveLength(1);
    expect(sut.action).toBe('publish');
  });

  it('takes the disclaimer from the body', () => {
    const sut = combineVerdicts(review('Regular walking helps most people with blood pressure.', physician), null);
    expect(sut.disclaimer).not.toBeNull();
    expect(sut.title).toBeNull();
  });
});
