import { CURSOR_TIMESTAMP_SQL } from '../common/http/time-cursor';

/** Plain-text markers: the snippet is rendered as text, so no HTML ever reaches a client from here. */
const HEADLINE_OPTIONS = 'StartSel=**, StopSel=**, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "';

/**
 * Newest first on a (created_at, id) keyset rather than by relevance: ranking would score every
 * match for every page and page with OFFSET, which re-reads the skipped rows and repeats or skips
 * hits as new content arrives. Here the partial GIN index finds the matches (its predicate,
 * `status = 'published'`, is repeated so the planner can use it), the keyset drops what earlier
 * pages showed, and a top-N sort keeps one page; ts_headline, the costly part, runs on that page
 * only. The cost grows with how many rows match the words, not with the table or the page number.
 *
 * A child (answer, post) shows only while its parent is published too, so a held question's
 * title cannot leak through one of its answers. Chat messages are never searched.
 */
export const SEARCH_SQL = `
  SELECT hit.id, hit.kind, hit.parent_id, hit.title, hit.created_at, hit.cursor_created_at,
         ts_headline('english', hit.body, websearch_to_tsquery('english', $1), '${HEADLINE_OPTIONS}') AS snippet
  FROM (
    SELECT c.id, c.kind, c.parent_id, c.body, c.created_at,
           COALESCE(c.title, parent.title) AS title,
           ${CURSOR_TIMESTAMP_SQL('c.created_at')} AS cursor_created_at
    FROM "content" c
    LEFT JOIN "content" parent ON parent.id = c.parent_id
    WHERE c.search @@ websearch_to_tsquery('english', $1)
      AND c.status = 'published'
      AND c.kind IN ('question', 'answer', 'thread', 'post')
      AND (c.parent_id IS NULL OR parent.status = 'published')
      AND ($2::timestamptz IS NULL OR (c.created_at, c.id) < ($2::timestamptz, $3::uuid))
    ORDER BY c.created_at DESC, c.id DESC
    LIMIT $4
  ) hit
  ORDER BY hit.created_at DESC, hit.id DESC`;

/** Parameters in the order SEARCH_SQL numbers them. */
export const searchParams = (q: string, limit: number, after?: { createdAt: string; id: string }) => [q, after?.createdAt ?? null, after?.id ?? null, limit];
