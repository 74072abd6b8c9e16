import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DecisionDto, EDIT_BODY_MAX, toContentDecision } from './decision.dto';

const problems = (input: object) => validateSync(plainToInstance(DecisionDto, input)).flatMap((e) => Object.values(e.constraints ?? {}));

describe('DecisionDto', () => {
  it('accepts approve and reject with a reason, and edit with a body', () => {
    expect(problems({ action: 'approve', reason: 'ok' })).toEqual([]);
    expect(problems({ action: 'reject', reason: 'no' })).toEqual([]);
    expect(problems({ action: 'edit', reason: 'tidied', body: 'New text' })).toEqual([]);
  });

  it('requires a body for an edit and says so', () => {
    expect(problems({ action: 'edit', reason: 'x' })).toEqual([expect.stringContaining('body is required for an edit')]);
    expect(problems({ action: 'edit', reason: 'x', body: '   ' })).toHaveLength(1);
    expect(problems({ action: 'edit', reason: 'x', body: 'a'.repeat(EDIT_BODY_MAX + 1) })).toHaveLength(1);
  });

  it('refuses a body on approve or reject rather than ignoring it', () => {
    expect(problems({ action: 'approve', reason: 'x', body: 'text' })).toEqual(['body is only allowed when action is "edit"']);
  });

  it('trims the reason and requires 1 to 1000 characters', () => {
    expect(problems({ action: 'approve', reason: '  ' })).toHaveLength(1);
    expect(problems({ action: 'approve', reason: 'x'.repeat(1001) })).toHaveLength(1);
    expect(plainToInstance(DecisionDto, { action: 'approve', reason: '  fine  ' }).reason).toBe('fine');
  });
});

describe('toContentDecision', () => {
  it('carries the body only for an edit', () => {
    expect(toContentDecision(plainToInstance(DecisionDto, { action: 'edit', reason: 'r', body: 'b' }))).toEqual({ action: 'edit', reason: 'r', body: 'b' });
    expect(toContentDecision(plainToInstance(DecisionDto, { action: 'reject', reason: 'r' }))).toEqual({ action: 'reject', reason: 'r' });
  });
});
