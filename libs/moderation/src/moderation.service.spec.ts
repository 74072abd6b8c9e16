import { Test } from '@nestjs/testing';
import { DEFAULT_RULESET, type ReviewContext, type Ruleset } from './core';
import { ModerationModule } from './moderation.module';
import { MODERATION_RULESET, ModerationService } from './moderation.service';

const question: ReviewContext = { authorRole: 'patient', authorVerified: false, placement: 'question', locale: 'en-IN', anonymous: false };

describe('ModerationService', () => {
  it('reviews text with the default ruleset', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ModerationModule] }).compile();
    const sut = moduleRef.get(ModerationService);
    const verdict = sut.review('kidney for sale', question);
    expect(verdict.action).toBe('reject');
    expect(verdict.rulesetVersion).toBe(DEFAULT_RULESET.version);
  });

  it('reviews with the ruleset given to forRoot', async () => {
    const rules: Ruleset = { version: 'test.1', bannedTerms: [{ term: 'snake oil', action: 'block' }] };
    const moduleRef = await Test.createTestingModule({ imports: [ModerationModule.forRoot(rules)] }).compile();
    const sut = moduleRef.get(ModerationService);
    expect(sut.review('pure snake oil', question)).toMatchObject({ action: 'reject', rulesetVersion: 'test.1' });
    expect(sut.review('kidney for sale', question).action).toBe('publish');
  });

  it('lets a test override the ruleset through its provider token', async () => {
    const rules: Ruleset = { version: 'override.1', bannedTerms: [] };
    const moduleRef = await Test.createTestingModule({ imports: [ModerationModule] })
      .overrideProvider(MODERATION_RULESET)
      .useValue(rules)
      .compile();
    expect(moduleRef.get(ModerationService).review('hello', question).rulesetVersion).toBe('override.1');
  });
});
