/** The framework-free moderation core: `review()` and the vocabulary around it. */
export { decide, review, STAGES } from './pipeline';
export { DEFAULT_RULESET } from './default-ruleset';
export { DEFAULT_LIMITS } from './ruleset';
export type { BannedTerm, BannedTermAction, Ruleset, SpamLimits } from './ruleset';
export { applyRedactions, createDraft, rewrite, toOriginal, withFindings, withNotices, withRedactions } from './draft';
export type { Draft, Edit, FindingInput, Redaction, Stage } from './draft';
export { crisisNotice, disclaimer } from './wording';
export { detectPii, PLACEHOLDERS, type PiiKind, type PiiMatch } from './stages/privacy';
export type {
  Action,
  AuthorRole,
  Finding,
  FindingKind,
  Locale,
  Notice,
  Placement,
  ReviewContext,
  Severity,
  Span,
  Verdict,
} from './types';
