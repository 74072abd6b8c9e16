import { SearchMapper, type SearchRow } from './search.dto';

const row = (overrides: Partial<SearchRow>): SearchRow => ({
  id: 'c1',
  kind: 'question',
  parent_id: null,
  title: 'Night sweats',
  snippet: 'waking up with **night sweats**',
  created_at: new Date('2026-01-02T03:04:05.678Z'),
  cursor_created_at: '2026-01-02T03:04:05.678901Z',
  ...overrides,
});

describe('SearchMapper.toItem', () => {
  const sut = SearchMapper.toItem;

  it('gives a question its own title and no parent id', () => {
    expect(sut(row({}))).toEqual({
      type: 'question',
      id: 'c1',
      title: 'Night sweats',
      snippet: 'waking up with **night sweats**',
      createdAt: '2026-01-02T03:04:05.678Z',
    });
  });

  it('links an answer to its question and a post to its thread', () => {
    expect(sut(row({ kind: 'answer', parent_id: 'q1' }))).toMatchObject({ type: 'answer', questionId: 'q1' });
    expect(sut(row({ kind: 'answer', parent_id: 'q1' }))).not.toHaveProperty('threadId');
    expect(sut(row({ kind: 'post', parent_id: 't1' }))).toMatchObject({ type: 'post', threadId: 't1' });
    expect(sut(row({ kind: 'post', parent_id: 't1' }))).not.toHaveProperty('questionId');
  });

  it('never carries an author', () => {
    expect(Object.keys(sut(row({ kind: 'post', parent_id: 't1' })))).not.toContain('author');
  });
});
