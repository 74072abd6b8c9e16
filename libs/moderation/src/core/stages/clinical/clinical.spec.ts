import { createDraft } from '../../draft';
import { DEFAULT_RULESET } from '../../default-ruleset';
import type { FindingKind, ReviewContext } from '../../types';
import { clinical as sut } from './clinical';

const physician: ReviewContext = { authorRole: 'physician', authorVerified: true, placement: 'answer', locale: 'en-IN', anonymous: false };
const patient: ReviewContext = { ...physician, authorRole: 'patient', authorVerified: false };
const run = (text: string, context = physician) => sut(createDraft(text), context, DEFAULT_RULESET);
const kinds = (text: string, context = physician): FindingKind[] => run(text, context).findings.map((f) => f.kind);
const words = (text: string, kind: FindingKind): string[] =>
  run(text).findings.filter((f) => f.kind === kind).map((f) => text.slice(f.span.start, f.span.end));

describe('clinical claims', () => {
  describe('diagnosis', () => {
    it.each([
      'You have typhoid, no doubt about it.',
      'You are suffering from acute gastritis.',
      'This is definitely a migraine.',
      'Your symptoms confirm it.',
      'I can tell you have an ear infection from the photo.',
      "It's clearly eczema.",
      "You've got a UTI.",
      'Sounds like you have hypothyroidism.',
      "You're diabetic, your numbers prove it.",
      'aapko dengue hai, platelets check karo',
    ])('flags "%s" as a diagnosis of the reader', (text) => {
      expect(kinds(text)).toContain('clinical.diagnosis');
    });

    it('points the finding at the diagnostic words', () => {
      expect(words('Hello. You have bronchitis, I think.', 'clinical.diagnosis')).toEqual(['You have bronchitis']);
    });

    it.each([
      'If you have a fever for more than three days, see a doctor.',
      'Do you have any allergies?',
      'You have to drink more water in summer.',
      'These symptoms can have many causes, including thyroid disease and anaemia.',
      "It's clearly important to get your blood pressure checked.",
      'People who have diabetes should check their feet daily.',
      "I can't say whether you have asthma without examining you.",
    ])('does not flag "%s"', (text) => {
      expect(kinds(text)).not.toContain('clinical.diagnosis');
    });
  });

  describe('prescription', () => {
    it.each([
      'Take paracetamol 500 mg twice daily.',
      'Stop taking the metformin.',
      'Increase your insulin by 2 units.',
      'Double the dose of your thyroxine.',
      'Start on amlodipine 5 mg.',
      'Dolo 650 thrice a day for 3 days.',
      'Tab. Augmentin 625 1-0-1 x 5 days.',
      'Azee 500 once daily, you should finish the course.',
      'Pan-D before breakfast, take it for 2 weeks.',
      'Crocin lelo 2 baar din me',
      'I would prescribe levocetirizine 5 mg at night.',
      'metformin band kar do',
      'Apply luliconazole cream twice daily for 3 weeks.',
      'Apply calamine lotion on the rash.',
      'You can take cetirizine 10 mg at night for the itching.',
    ])('flags "%s" as a prescription', (text) => {
      expect(kinds(text)).toContain('clinical.prescription');
    });

    it('points the finding at the drug, dose and instruction', () => {
      expect(words('Rest well. Take ibuprofen 400 mg after food. Drink water.', 'clinical.prescription')).toEqual(['Take ibuprofen 400 mg after food']);
    });

    it.each([
      'Metformin is usually started at 500 mg once daily with meals.',
      'Never stop taking antidepressants abruptly; talk to your doctor first.',
      'Your doctor may increase your dose after checking your sugar.',
      'Paracetamol overdose damages the liver, so the maximum is 4 g a day for adults.',
      'Please see a doctor who can examine you and decide on treatment.',
      'Take plenty of fluids and rest.',
      'Take your tablets regularly and keep a record of your sugar.',
      'Increase your water intake in summer.',
      "Don't double the dose if you miss one.",
      'You can take paracetamol occasionally, but see a doctor if you need it often.',
    ])('does not flag general information: "%s"', (text) => {
      expect(kinds(text)).not.toContain('clinical.prescription');
    });
  });

  it('ignores texts by patients, whose words carry no clinical authority', () => {
    expect(kinds('You have typhoid. Take Dolo 650 twice daily.', patient)).toEqual([]);
  });

  it('applies to physicians awaiting verification too', () => {
    expect(kinds('Take Dolo 650 twice daily.', { ...physician, authorVerified: false })).toContain('clinical.prescription');
  });
});
