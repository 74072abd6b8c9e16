import { questionFeedQuery as sut } from './questions.queries';

const after = { createdAt: '2026-11-24T13:39:28.123456Z', id: '0f8fad5b-d9cb-469f-a165-70867728950e' };

describe('questionFeedQuery', () => {
  it('lists published questions newest first on the feed index order, one row beyond the page', () => {
    const { text, values } = sut({ limit: 20 });
    expect(text).toContain(`q.kind = 'question'`);
    expect(text).toContain(`q.status = 'published'`);
    expect(text).toMatch(/ORDER BY q\.created_at DESC, q\.id DESC\s+LIMIT \$1$/);
    expect(values).toEqual([21]);
  });

  it('continues after the cursor with a row comparison, never an OFFSET', () => {
    const { text, values } = sut({ limit: 5, after });
    expect(text).toContain('(q.created_at, q.id) < ($1::timestamptz, $2::uuid)');
    expect(text).not.toMatch(/OFFSET/i);
    expect(values).toEqual([after.createdAt, after.id, 6]);
  });

  it('numbers the parameters of every filter in order and never inlines user text', () => {
    const { text, values } = sut({ tag: 'asthma', q: `"night cough" -covid'; DROP TABLE content`, after, limit: 10 });
    expect(text).toContain('q.tags @> ARRAY[$1::text]');
    expect(text).toContain(`q.search @@ websearch_to_tsquery('english', $2)`);
    expect(text).toContain('< ($3::timestamptz, $4::uuid)');
    expect(text).toContain('LIMIT $5');
    expect(text).not.toContain('DROP TABLE');
    expect(values).toEqual(['asthma', `"night cough" -covid'; DROP TABLE content`, after.createdAt, after.id, 11]);
  });

  it('counts only published answers and names the accepted answer only while it is published', () => {
    const { text } = sut({ limit: 1 });
    expect(text).toMatch(/count\(\*\)::int FROM content a\s+WHERE a\.parent_id = q\.id AND a\.kind = 'answer' AND a\.status = 'published'/);
    expect(text).toMatch(/a\.id = q\.accepted_answer_id AND a\.status = 'published'/);
  });
});
