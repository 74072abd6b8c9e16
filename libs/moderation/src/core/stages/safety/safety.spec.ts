import { createDraft } from '../../draft';
import { DEFAULT_RULESET } from '../../default-ruleset';
import type { ReviewContext } from '../../types';
import { safety as sut } from './safety';

const inIndia: ReviewContext = { authorRole: 'patient', authorVerified: false, placement: 'post', locale: 'en-IN', anonymous: true };
const inUS: ReviewContext = { ...inIndia, locale: 'en-US' };
const run = (text: string, context = inIndia) => sut(createDraft(text), context, DEFAULT_RULESET);
const rules = (text: string): string[] => run(text).findings.map((f) => f.rule);

describe('safety', () => {
  it.each([
    'I want to kill myself tonight.',
    "I don't want to live anymore, everyone would be better off without me.",
    'I have been cutting myself again.',
    'Thinking about suicide all the time.',
    "Main ab jeena nahi chahta, I'm done.",
    'I am going to take all my sleeping pills.',
    'I want to fucking die.',
    'thinking of how to unalive myself',
  ])('treats "%s" as self-harm', (text) => {
    expect(rules(text)).toContain('safety.self_harm.statement');
  });

  it.each([
    ['My mom’s face is drooping and her speech is slurred.', 'stroke'],
    ['My husband has chest pain spreading to his left arm and jaw.', 'cardiac'],
    ['My son can’t breathe and his lips are turning blue.', 'breathing'],
    ['My daughter swallowed rat poison an hour ago.', 'poisoning'],
    ['My dad cut his hand and it is bleeding heavily, won’t stop.', 'bleeding'],
    ['Grandpa collapsed and is unresponsive.', 'unconscious'],
    ['I have the worst headache of my life, came on suddenly.', 'headache'],
  ])('treats "%s" as an emergency (%s)', (text, kind) => {
    expect(rules(text)).toContain(`safety.emergency.${kind}`);
  });

  it.each([
    'This spreadsheet is killing me.',
    'I could die of embarrassment.',
    "I'm dying to know the results.",
    'Woke up with a killer headache after the wedding.',
    'My electricity bill gave me a heart attack.',
    'Call 112 if someone’s face droops or their speech is slurred.',
    'Chest pain that spreads to the arm can be a sign of a heart attack.',
    'What should I do if my dad has chest pain going to his arm?',
    'He has no chest pain radiating to the arm now.',
    'I had food poisoning last week, feeling better.',
    "I'm scared, I don't want to die from this.",
  ])('does not raise a crisis for "%s"', (text) => {
    expect(run(text).notices).toEqual([]);
  });

  it('names India’s emergency number and Tele-MANAS in en-IN', () => {
    const [notice] = run('I want to end my life').notices;
    expect(notice.kind).toBe('crisis');
    expect(notice.text).toContain('112');
    expect(notice.text).toContain('14416');
  });

  it('names 911 and 988 in en-US', () => {
    const [notice] = run('I want to end my life', inUS).notices;
    expect(notice.text).toContain('911');
    expect(notice.text).toContain('988');
  });

  it('attaches one notice however many signs there are', () => {
    expect(run('I want to die. I took 30 tablets and I cannot breathe.').notices).toHaveLength(1);
  });

  it('never removes or changes the words of a person in crisis', () => {
    const text = 'I want to kill myself';
    const draft = run(text);
    expect(draft.text).toBe(text);
    expect(draft.redactions).toEqual([]);
  });

  it('sees through look-alike letters', () => {
    expect(rules('I want to kіll mysеlf')).toContain('safety.self_harm.statement');
  });
});
