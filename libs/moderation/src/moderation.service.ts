import { Inject, Injectable } from '@nestjs/common';
import { review, type ReviewContext, type Ruleset, type Verdict } from './core';

/** Provide a different `Ruleset` under this token to override the default rules. */
export const MODERATION_RULESET = Symbol('MODERATION_RULESET');

@Injectable()
export class ModerationService {
  constructor(@Inject(MODERATION_RULESET) private readonly rules: Ruleset) {}

  review(text: string, context: ReviewContext): Verdict {
    return review(text, context, this.rules);
  }

  get rulesetVersion(): string {
    return this.rules.version;
  }
}
