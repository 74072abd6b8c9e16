import type { FindingInput } from '../../draft';
import type { Sentences } from '../text';
import { CONDITION } from './lexicon';
import { CONCLUSIVE, DIAGNOSIS, DIAGNOSIS_HEDGE, HINGLISH_COPULA, NOT_A_CONDITION, SUBJECTLESS } from './patterns';

/** How far after "you have" the condition may be named. */
const WINDOW = 90;
const HINGLISH_SUBJECT = /^(?:aap|ap|tum)/;

/** "You have typhoid", "this is definitely a migraine", "aapko sugar hai": telling the reader what they have. */
export function findDiagnoses(fold: string, sentences: Sentences): FindingInput[] {
  const out: FindingInput[] = [];
  DIAGNOSIS.forEach(fold, (m) => {
    const { start: sStart, end: sEnd } = sentences.around(m.index);
    const end = m.index + m[0].length;
    const before = fold.slice(Math.max(sStart, m.index - 45), m.index);
    const after = fold.slice(end, Math.min(sEnd, end + WINDOW));
    if (DIAGNOSIS_HEDGE.test(before) || NOT_A_CONDITION.test(after)) return;
    const hinglish = HINGLISH_SUBJECT.test(m[0]);
    if (hinglish && !HINGLISH_COPULA.test(after)) return;
    const condition = CONDITION.exec(after);
    if (condition === null && !CONCLUSIVE.test(m[0])) return;
    if (SUBJECTLESS.test(m[0]) && (condition === null || condition.index > 12)) return;
    const spanEnd = condition === null ? end : end + condition.index + condition[0].length;
    out.push({
      kind: 'clinical.diagnosis',
      rule: 'clinical.diagnosis.statement',
      start: m.index,
      end: spanEnd,
      severity: 'medium',
      message: 'reads as a diagnosis of the reader',
    });
  });
  return out;
}
