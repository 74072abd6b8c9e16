import { rankAnswers as sut, type Rankable } from './answer-order';

const at = (second: number, micro = 0) => `2026-01-01T00:00:${String(second).padStart(2, '0')}.${String(micro).padStart(6, '0')}Z`;
const answer = (id: string, overrides: Partial<Rankable> = {}): Rankable => ({
  id,
  accepted: false,
  endorsementCount: 0,
  score: 0,
  cursorCreatedAt: at(0),
  ...overrides,
});
const ids = (answers: Rankable[]) => answers.map((a) => a.id);

describe('rankAnswers', () => {
  it('puts the accepted answer first, even below others in endorsements and score', () => {
    const ranked = sut([answer('popular', { endorsementCount: 5, score: 40 }), answer('chosen', { accepted: true, score: -3 })]);
    expect(ids(ranked)).toEqual(['chosen', 'popular']);
  });

  it('ranks endorsements above score', () => {
    const ranked = sut([answer('voted', { score: 50 }), answer('endorsed', { endorsementCount: 1 })]);
    expect(ids(ranked)).toEqual(['endorsed', 'voted']);
  });

  it('ranks by score when endorsements tie, negative scores last', () => {
    const ranked = sut([answer('down', { score: -2 }), answer('up', { score: 3 }), answer('none')]);
    expect(ids(ranked)).toEqual(['up', 'none', 'down']);
  });

  it('keeps the earlier answer first when everything else ties, to the microsecond', () => {
    const ranked = sut([answer('later', { cursorCreatedAt: at(1, 2) }), answer('earlier', { cursorCreatedAt: at(1, 1) })]);
    expect(ids(ranked)).toEqual(['earlier', 'later']);
  });

  it('breaks a full tie by id, so the order is stable across requests', () => {
    expect(ids(sut([answer('b'), answer('a')]))).toEqual(['a', 'b']);
  });

  it('does not reorder the list it was given', () => {
    const given = [answer('b'), answer('a')];
    sut(given);
    expect(ids(given)).toEqual(['b', 'a']);
  });
});
