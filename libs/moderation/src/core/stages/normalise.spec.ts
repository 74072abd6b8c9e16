import { createDraft, toOriginal } from '../draft';
import { DEFAULT_RULESET } from '../default-ruleset';
import type { ReviewContext } from '../types';
import { normalise as sut } from './normalise';

const context: ReviewContext = { authorRole: 'patient', authorVerified: false, placement: 'question', locale: 'en-IN', anonymous: false };
const run = (text: string) => sut(createDraft(text), context, DEFAULT_RULESET);

describe('normalise', () => {
  it('turns fullwidth and compatibility characters into their plain forms (NFKC)', () => {
    expect(run('Ｃａｌｌ ９８２０ ﬁne ①').text).toBe('Call 9820 fine 1');
  });

  it('composes a letter and its combining accent', () => {
    expect(run('cafe\u0301').text).toBe('café');
  });

  it('strips zero-width characters, soft hyphens and bidi overrides', () => {
    expect(run('ki\u200Bll my\u00ADself \u202Eevil\u2060 \uFEFFok').text).toBe('kill myself evil ok');
  });

  it('strips control characters but keeps new lines and tabs', () => {
    expect(run('a\u0000b\u0007c\n\td\r\ne').text).toBe('abc\n\td\ne');
  });

  it('turns a lone carriage return into a new line', () => {
    expect(run('one\rtwo').text).toBe('one\ntwo');
  });

  it('drops lone surrogates, which the database would reject', () => {
    expect(run('a\uD800b 😀').text).toBe('ab 😀');
  });

  it('keeps the offset map pointing at the submitted characters', () => {
    const draft = run('x\u200B\u200BＡＢ y');
    const at = draft.text.indexOf('y');
    expect(toOriginal(draft, at, at + 1)).toEqual({ start: 6, end: 7 });
    expect(toOriginal(draft, 1, 3)).toEqual({ start: 3, end: 5 });
  });

  it('folds Cyrillic and Greek look-alikes to Latin for detection without changing the shown text', () => {
    const draft = run('Ѕuісіdе ΑΒС');
    expect(draft.text).toBe('Ѕuісіdе ΑΒС');
    expect(draft.fold).toBe('suicide abc');
    expect(draft.fold).toHaveLength(draft.text.length);
  });

  it('leaves plain text as it is', () => {
    const draft = createDraft('Plain text, nothing to do.');
    expect(sut(draft, context, DEFAULT_RULESET)).toBe(draft);
  });
});
