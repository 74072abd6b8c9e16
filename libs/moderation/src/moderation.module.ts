import { Module, type DynamicModule } from '@nestjs/common';
import { DEFAULT_RULESET, type Ruleset } from './core';
import { MODERATION_RULESET, ModerationService } from './moderation.service';

/** Thin Nest wrapper: the pipeline itself lives in `core` and knows nothing of Nest. */
@Module({
  providers: [{ provide: MODERATION_RULESET, useValue: DEFAULT_RULESET }, ModerationService],
  exports: [ModerationService],
})
export class ModerationModule {
  /** Reviews against `rules` instead of the default ruleset (e.g. rules an admin configured). */
  static forRoot(rules: Ruleset = DEFAULT_RULESET): DynamicModule {
    return {
      module: ModerationModule,
      providers: [{ provide: MODERATION_RULESET, useValue: rules }, ModerationService],
      exports: [ModerationService],
    };
  }
}
