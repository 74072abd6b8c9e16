export * from './core';
export { ModerationModule } from './moderation.module';
export { MODERATION_RULESET, ModerationService } from './moderation.service';
