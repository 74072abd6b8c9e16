import type { ModerationOutcome, QueueReason, StoredFinding } from '@asclepia/database';
import type { Action, Locale, Placement, ReviewContext, Verdict } from '@asclepia/moderation';
import type { Actor } from '../access/access-policy';

/** What the pipeline made of a title and a body written together. */
export interface ContentReview {
  action: Action;
  title: string | null;
  body: string;
  disclaimer: string | null;
  notices: string[];
  findings: StoredFinding[];
  /** One line per distinct (kind, rule): what the author and the queue are told. */
  reasons: QueueReason[];
  crisis: boolean;
  rulesetVersion: string;
}

const SEVERITY: Record<Action, number> = { publish: 0, hold: 1, reject: 2 };

export function reviewContext(actor: Actor, placement: Placement, locale: Locale, anonymous: boolean): ReviewContext {
  return { authorRole: actor.role, authorVerified: actor.verified, placement, locale, anonymous };
}

/**
 * Combines the verdicts on a title and a body: the stricter action wins, findings say which field
 * they point into, notices and reasons are listed once. The disclaimer follows the body.
 */
export function combineVerdicts(body: Verdict, title: Verdict | null): ContentReview {
  const parts: Array<{ field: StoredFinding['field']; verdict: Verdict }> = [];
  if (title) parts.push({ field: 'title', verdict: title });
  parts.push({ field: 'body', verdict: body });

  const findings: StoredFinding[] = [];
  const reasons = new Map<string, QueueReason>();
  const notices = new Set<string>();
  let action: Action = 'publish';
  for (const { field, verdict } of parts) {
    if (SEVERITY[verdict.action] > SEVERITY[action]) action = verdict.action;
    for (const notice of verdict.notices) notices.add(notice.text);
    for (const f of verdict.findings) {
      findings.push({ field, kind: f.kind, rule: f.rule, start: f.span.start, end: f.span.end, severity: f.severity, message: f.message });
      const key = `${f.kind}\u0000${f.rule}`;
      if (!reasons.has(key)) reasons.set(key, { kind: f.kind, rule: f.rule, message: f.message });
    }
  }
  return {
    action,
    title: title ? title.text : null,
    body: body.text,
    disclaimer: body.disclaimer,
    notices: [...notices],
    findings,
    reasons: [...reasons.values()],
    crisis: body.priority === 'high' || title?.priority === 'high',
    rulesetVersion: body.rulesetVersion,
  };
}

export function outcomeOf(review: ContentReview): ModerationOutcome {
  return { action: review.action, reasons: review.reasons };
}
