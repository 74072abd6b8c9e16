/** Configurable rules. Bump `version` whenever rules change so stored content can be re-reviewed. */
export type BannedTermAction = 'block' | 'hold' | 'censor';

export interface BannedTerm {
  term: string;
  action: BannedTermAction;
}

/** Spam thresholds; any left out take the defaults in `DEFAULT_LIMITS`. */
export interface SpamLimits {
  /** More links than this in one text is a link flood. */
  maxLinks: number;
  /** A character repeated this many times in a row is noted (publish)… */
  charRun: number;
  /** …and this many times is held. */
  charFlood: number;
  /** The same word this many times in a row is held. */
  wordRun: number;
}

export const DEFAULT_LIMITS: SpamLimits = { maxLinks: 3, charRun: 10, charFlood: 40, wordRun: 5 };

export interface Ruleset {
  version: string;
  bannedTerms: readonly BannedTerm[];
  limits?: Partial<SpamLimits>;
}
