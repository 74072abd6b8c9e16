import { applyRedactions, type Draft } from '../draft';
import type { Ruleset } from '../ruleset';
import type { Action, Finding, ReviewContext, Verdict } from '../types';
import { disclaimer } from '../wording';

/** What a single finding asks for; the verdict takes the strongest. */
type Effect = 'none' | 'hold' | 'reject' | 'crisis';

function effectOf(finding: Finding, context: ReviewContext): Effect {
  const { kind, severity } = finding;
  switch (kind) {
    case 'safety.self_harm':
    case 'safety.emergency':
      return 'crisis';
    case 'clinical.diagnosis':
    case 'clinical.prescription':
      return context.authorRole === 'physician' ? 'hold' : 'none';
    case 'abuse.banned_term':
      return severity === 'critical' ? 'reject' : severity === 'medium' || severity === 'high' ? 'hold' : 'none';
    case 'spam.link_flood':
    case 'spam.promotion':
      return 'hold';
    case 'spam.repetition':
      return severity === 'low' || severity === 'info' ? 'none' : 'hold';
    case 'markup.html':
    case 'markup.unsafe_link':
      // Already removed by sanitise; what is left is safe to show.
      return 'none';
    case 'pii.name':
    case 'pii.address':
    case 'pii.postal_code':
    case 'pii.date':
    case 'pii.age':
    case 'pii.phone':
    case 'pii.email':
    case 'pii.social_handle':
    case 'pii.url':
    case 'pii.ip_address':
    case 'pii.mac_address':
    case 'pii.ssn':
    case 'pii.medical_record':
    case 'pii.health_plan':
    case 'pii.account':
    case 'pii.card':
    case 'pii.iban':
    case 'pii.licence':
    case 'pii.vehicle':
    case 'pii.device':
    case 'pii.aadhaar':
    case 'pii.pan':
    case 'pii.abha':
    case 'pii.passport':
    case 'pii.voter_id':
    case 'pii.gstin':
    case 'pii.crypto':
    case 'pii.other_id':
      // Redaction is the remedy; an identifier alone is no reason to keep a post from readers.
      return 'none';
    default: {
      const unreachable: never = kind;
      throw new Error(`no decision rule for finding kind ${String(unreachable)}`);
    }
  }
}

/**
 * Crisis content is never dropped: a hold becomes publish (with the notice, high priority). Content
 * that would be REJECTED (a blocked term) while in crisis is held at high priority instead: publishing
 * it would spread what the block protects readers from, rejecting it would silence the person, and a
 * held post reaches a moderator first while the author sees the crisis notice in the verdict at once.
 */
function actionFor(effects: ReadonlySet<Effect>): Action {
  const crisis = effects.has('crisis');
  if (effects.has('reject')) return crisis ? 'hold' : 'reject';
  if (crisis) return 'publish';
  return effects.has('hold') ? 'hold' : 'publish';
}

/**
 * The last stage. A physician's answer carries the no-diagnosis disclaimer whenever it may be shown:
 * on publish, and on hold too, so a moderator's approval publishes it with the disclaimer attached.
 */
export function decide(draft: Draft, context: ReviewContext, rules: Ruleset): Verdict {
  const effects = new Set<Effect>();
  for (const finding of draft.findings) effects.add(effectOf(finding, context));
  const action = actionFor(effects);
  const answersAsPhysician = context.authorRole === 'physician' && context.placement === 'answer';
  return {
    action,
    text: applyRedactions(draft),
    disclaimer: answersAsPhysician && action !== 'reject' ? disclaimer(context.locale) : null,
    notices: draft.notices.slice(),
    findings: draft.findings.slice(),
    priority: effects.has('crisis') ? 'high' : 'normal',
    rulesetVersion: rules.version,
  };
}
