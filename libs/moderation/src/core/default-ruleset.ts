import { DEFAULT_LIMITS, type Ruleset } from './ruleset';

/**
 * The rules content is reviewed against unless an admin configures others.
 * block → reject; hold → a moderator decides; censor → replaced by asterisks and published.
 */
export const DEFAULT_RULESET: Ruleset = {
  version: '2026.11.1',
  limits: DEFAULT_LIMITS,
  bannedTerms: [
    // Organ trade and scams: illegal (Transplantation of Human Organs Act 1994; NOTA 1984), never published.
    { term: 'kidney for sale', action: 'block' },
    { term: 'sell your kidney', action: 'block' },
    { term: 'buy a kidney', action: 'block' },
    { term: 'casino bonus', action: 'block' },
    { term: 'online betting', action: 'block' },
    { term: 'escort service', action: 'block' },
    // Cure claims that sell something; a moderator weighs them (readers act on them). Topics people
    // ask about ("does turmeric cure cancer?") are deliberately not listed: questions must get through.
    { term: 'miracle cure', action: 'hold' },
    { term: 'guaranteed cure', action: 'hold' },
    { term: '100% cure', action: 'hold' },
    { term: 'permanent cure for diabetes', action: 'hold' },
    // Profanity and slurs: the point survives, the word does not.
    { term: 'fuck', action: 'censor' },
    { term: 'fucking', action: 'censor' },
    { term: 'shit', action: 'censor' },
    { term: 'bullshit', action: 'censor' },
    { term: 'bastard', action: 'censor' },
    { term: 'asshole', action: 'censor' },
    { term: 'bitch', action: 'censor' },
    { term: 'retard', action: 'censor' },
    { term: 'chutiya', action: 'censor' },
    { term: 'bhenchod', action: 'censor' },
    { term: 'madarchod', action: 'censor' },
  ],
};
