import { withFindings, withNotices, type Draft, type FindingInput, type Stage } from '../../draft';
import type { ReviewContext } from '../../types';
import { crisisNotice } from '../../wording';
import { sentenceBounds, type Sentences } from '../text';
import {
  CARDIAC_COMPANION,
  CRISIS,
  DENIAL_BEFORE,
  EMERGENCY_AT,
  HYPOTHETICAL_BEFORE,
  PAST_AFTER,
  PERSON,
  POISON_OBJECT,
  SELF_HARM_AT,
  SELF_HARM_NEGATED,
  SWALLOW_VERB,
  WANTS_TO_DIE,
  type EmergencyKind,
} from './patterns';

/**
 * Self-harm and medical emergencies get the crisis notice and jump the queue. The stage never removes
 * anything: a person in crisis must still be heard. When in doubt about self-harm it triggers, since a
 * helpline line under a post costs little; emergencies need a real person in the sentence, so
 * education about warning signs stays quiet.
 */
export const safety: Stage = (draft: Draft, context: ReviewContext): Draft => {
  const { fold } = draft;
  const sentences = sentenceBounds(fold);
  const findings: FindingInput[] = [];
  CRISIS.forEach(fold, (m) => {
    const finding = startsWith(SELF_HARM_AT, fold, m.index) ? selfHarm(fold, m) : emergency(fold, m, sentences);
    if (finding !== null) findings.push(finding);
  });
  if (findings.length === 0) return draft;
  return withNotices(withFindings(draft, findings), [crisisNotice(context.locale)]);
};

function selfHarm(fold: string, m: RegExpExecArray): FindingInput | null {
  if (WANTS_TO_DIE.test(m[0]) && SELF_HARM_NEGATED.test(fold.slice(Math.max(0, m.index - 12), m.index))) return null;
  return {
    kind: 'safety.self_harm',
    rule: 'safety.self_harm.statement',
    start: m.index,
    end: m.index + m[0].length,
    severity: 'high',
    message: 'mentions self-harm or suicide',
  };
}

/** How far around an emergency match to look for who it happens to and for conditions or denials. */
const CONTEXT = 160;

function emergency(fold: string, m: RegExpExecArray, sentences: Sentences): FindingInput | null {
  const kind = kindOf(fold, m.index);
  const end = m.index + m[0].length;
  const sentence = sentences.around(m.index);
  // Windows are bounded so a long unpunctuated text full of matches stays linear.
  const before = fold.slice(Math.max(sentence.start, m.index - CONTEXT), m.index);
  const after = fold.slice(end, Math.min(sentence.end, end + 80));
  if (!confirms(kind, m[0], before, after)) return null;
  if (!PERSON.test(fold.slice(Math.max(sentence.start, m.index - CONTEXT), Math.min(sentence.end, end + CONTEXT)))) return null;
  if (HYPOTHETICAL_BEFORE.test(before) || DENIAL_BEFORE.test(before) || PAST_AFTER.test(after)) return null;
  return {
    kind: 'safety.emergency',
    rule: `safety.emergency.${kind}`,
    start: m.index,
    end,
    severity: 'high',
    message: `describes a medical emergency (${kind})`,
  };
}

function startsWith(pattern: RegExp, fold: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(fold);
}

function kindOf(fold: string, at: number): EmergencyKind {
  for (const [kind, pattern] of EMERGENCY_AT) if (startsWith(pattern, fold, at)) return kind;
  throw new Error('CRISIS matched no emergency kind');
}

function confirms(kind: EmergencyKind, words: string, before: string, after: string): boolean {
  switch (kind) {
    case 'cardiac':
      return words.includes('heart attack') || CARDIAC_COMPANION.test(after) || CARDIAC_COMPANION.test(before.slice(-80));
    case 'poisoning':
      return !SWALLOW_VERB.test(words) || POISON_OBJECT.test(after.slice(0, 50));
    case 'stroke':
    case 'breathing':
    case 'bleeding':
    case 'unconscious':
    case 'headache':
      return true;
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown emergency kind ${String(unreachable)}`);
    }
  }
}
