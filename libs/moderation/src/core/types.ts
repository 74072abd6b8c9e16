/**
 * The moderation pipeline's vocabulary. Framework-free: nothing here may import Nest or TypeORM.
 */

export type AuthorRole = 'patient' | 'physician' | 'moderator' | 'admin';

/** Where the text is going to be shown. */
export type Placement = 'question' | 'answer' | 'thread' | 'post' | 'chat_message' | 'article' | 'bio';

export type Locale = 'en-IN' | 'en-US';

export interface ReviewContext {
  authorRole: AuthorRole;
  /** True only for a physician whose registration a moderator has approved. */
  authorVerified: boolean;
  placement: Placement;
  locale: Locale;
  anonymous: boolean;
}

export type Action = 'publish' | 'hold' | 'reject';

export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

export type FindingKind =
  // privacy (one per identifier kind; the placeholder names the kind)
  | 'pii.name'
  | 'pii.address'
  | 'pii.postal_code'
  | 'pii.date'
  | 'pii.age'
  | 'pii.phone'
  | 'pii.email'
  | 'pii.social_handle'
  | 'pii.url'
  | 'pii.ip_address'
  | 'pii.mac_address'
  | 'pii.ssn'
  | 'pii.medical_record'
  | 'pii.health_plan'
  | 'pii.account'
  | 'pii.card'
  | 'pii.iban'
  | 'pii.licence'
  | 'pii.vehicle'
  | 'pii.device'
  | 'pii.aadhaar'
  | 'pii.pan'
  | 'pii.abha'
  | 'pii.passport'
  | 'pii.voter_id'
  | 'pii.gstin'
  | 'pii.crypto'
  | 'pii.other_id'
  // clinical claims (physician content)
  | 'clinical.diagnosis'
  | 'clinical.prescription'
  // safety
  | 'safety.self_harm'
  | 'safety.emergency'
  // abuse and spam
  | 'abuse.banned_term'
  | 'spam.link_flood'
  | 'spam.repetition'
  | 'spam.promotion'
  // sanitising
  | 'markup.html'
  | 'markup.unsafe_link';

/** A half-open character range [start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface Finding {
  kind: FindingKind;
  /** Stable rule id, e.g. `privacy.phone.in-mobile`; a moderator can look it up. */
  rule: string;
  /** Where in the ORIGINAL text (as submitted) the finding is. */
  span: Span;
  severity: Severity;
  message: string;
}

/** A crisis notice or other note shown with published content. */
export interface Notice {
  kind: 'crisis';
  text: string;
}

export interface Verdict {
  action: Action;
  /** The text to publish: normalised, sanitised and redacted. */
  text: string;
  disclaimer: string | null;
  notices: Notice[];
  findings: Finding[];
  /** True when the queue should put this first (crisis). */
  priority: 'normal' | 'high';
  rulesetVersion: string;
}
