import { DEFAULT_RULESET } from './default-ruleset';
import { createDraft, type Stage } from './draft';
import type { Ruleset } from './ruleset';
import { abuse } from './stages/abuse/abuse';
import { clinical } from './stages/clinical/clinical';
import { decide } from './stages/decide';
import { normalise } from './stages/normalise';
import { privacy } from './stages/privacy';
import { safety } from './stages/safety/safety';
import { sanitise } from './stages/sanitise';
import type { ReviewContext, Verdict } from './types';

/** The order matters: text is rewritten only before privacy, whose redactions are in text coordinates. */
export const STAGES: readonly Stage[] = [normalise, sanitise, privacy, clinical, safety, abuse];

export { decide };

export function review(text: string, context: ReviewContext, rules: Ruleset = DEFAULT_RULESET): Verdict {
  let draft = createDraft(text);
  for (const stage of STAGES) draft = stage(draft, context, rules);
  return decide(draft, context, rules);
}
