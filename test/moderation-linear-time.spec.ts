import { review, type ReviewContext } from '@asclepia/moderation';
import { ADVERSARIAL_INPUTS, ADVERSARIAL_SIZE } from './support/adversarial-inputs';

/** No timing here (speed goals live in bench/); a catastrophic pattern shows up as a hang or a timeout. */
const physicianAnswer: ReviewContext = { authorRole: 'physician', authorVerified: true, placement: 'answer', locale: 'en-IN', anonymous: false };

describe('review on adversarial 64 KB inputs', () => {
  it.each(ADVERSARIAL_INPUTS)('returns a verdict for %s', (_name, text) => {
    expect(text).toHaveLength(ADVERSARIAL_SIZE);
    const verdict = review(text, physicianAnswer);
    expect(['publish', 'hold', 'reject']).toContain(verdict.action);
    expect(typeof verdict.text).toBe('string');
  });
});
