import { CURSOR_TIMESTAMP_SQL, type TimeKey } from '../common/http/time-cursor';

/**
 * The read SQL of questions and answers, in one place and free of Nest and TypeORM, so that a
 * benchmark can run exactly these statements on a bare server. (Writes go through
 * ContentService: the pipeline, the revision and the queue item are one transaction.)
 *
 * Every statement returns rows of `ContentRow`: content columns under their entity names, the
 * author's public fields, and the keyset value printed with microseconds.
 */

export interface SqlQuery {
  text: string;
  values: unknown[];
}

/** One row of any statement below. */
export interface ContentRow {
  id: string;
  kind: 'question' | 'answer';
  status: 'published' | 'held' | 'rejected' | 'removed';
  authorId: string;
  anonymous: boolean;
  title: string | null;
  body: string;
  disclaimer: string | null;
  notices: string[];
  moderation: { action: 'publish' | 'hold' | 'reject'; reasons: Array<{ kind: string; rule: string; message: string }> };
  decisionReason: string | null;
  parentId: string | null;
  tags: string[];
  score: number;
  endorsementCount: number;
  createdAt: Date;
  editedAt: Date | null;
  cursorCreatedAt: string;
  authorHandle: string;
  authorRole: 'patient' | 'physician' | 'moderator' | 'admin';
  authorVerifiedAt: Date | null;
  authorSpecialty: string | null;
  /** Questions only: published answers, counted on read (there is no counter column to drift). */
  answerCount?: number;
  /** Questions only: the accepted answer while it is published; a held or removed one is not named. */
  acceptedAnswerId?: string | null;
  /** Answers only: the one its question's author accepted. */
  accepted?: boolean;
}

const CONTENT_COLUMNS = (c: string) => `
  ${c}.id, ${c}.kind, ${c}.status, ${c}.author_id AS "authorId", ${c}.anonymous, ${c}.title, ${c}.body,
  ${c}.disclaimer, ${c}.notices, ${c}.moderation, ${c}.decision_reason AS "decisionReason",
  ${c}.parent_id AS "parentId", ${c}.tags, ${c}.score, ${c}.endorsement_count AS "endorsementCount",
  ${c}.created_at AS "createdAt", ${c}.edited_at AS "editedAt",
  ${CURSOR_TIMESTAMP_SQL(`${c}.created_at`)} AS "cursorCreatedAt",
  u.handle AS "authorHandle", u.role AS "authorRole", u.verified_at AS "authorVerifiedAt", u.specialty AS "authorSpecialty"`;

// Both sub-selects are index lookups: ix_content_children (parent_id, …) WHERE published, and the primary key.
const QUESTION_SELECT = `
SELECT ${CONTENT_COLUMNS('q')},
  (SELECT count(*)::int FROM content a
    WHERE a.parent_id = q.id AND a.kind = 'answer' AND a.status = 'published') AS "answerCount",
  (SELECT a.id FROM content a
    WHERE a.id = q.accepted_answer_id AND a.status = 'published') AS "acceptedAnswerId"
FROM content q
JOIN users u ON u.id = q.author_id`;

export interface FeedFilter {
  tag?: string;
  q?: string;
  after?: TimeKey;
  limit: number;
}

/**
 * Published questions, newest first, keyset-paginated on (created_at, id): the partial index
 * ix_content_questions_feed serves every page alike, so a deep cursor costs what the first page
 * does. One row more than asked for tells whether there is a next page.
 */
export function questionFeedQuery(filter: FeedFilter): SqlQuery {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const where = [`q.kind = 'question'`, `q.status = 'published'`];
  if (filter.tag !== undefined) where.push(`q.tags @> ARRAY[${param(filter.tag)}::text]`);
  if (filter.q !== undefined) where.push(`q.search @@ websearch_to_tsquery('english', ${param(filter.q)})`);
  if (filter.after) {
    where.push(`(q.created_at, q.id) < (${param(filter.after.createdAt)}::timestamptz, ${param(filter.after.id)}::uuid)`);
  }
  const text = `${QUESTION_SELECT}
WHERE ${where.join('\n  AND ')}
ORDER BY q.created_at DESC, q.id DESC
LIMIT ${param(filter.limit + 1)}`;
  return { text, values };
}

/** One question whatever its status: the caller decides who may see it. */
export function questionByIdQuery(id: string): SqlQuery {
  return { text: `${QUESTION_SELECT}\nWHERE q.id = $1 AND q.kind = 'question'`, values: [id] };
}

const ANSWER_SELECT = `
SELECT ${CONTENT_COLUMNS('a')},
  coalesce(q.accepted_answer_id = a.id, false) AS accepted
FROM content a
JOIN users u ON u.id = a.author_id
JOIN content q ON q.id = a.parent_id`;

/** A question's published answers in the order they were written (ix_content_children); ranking is `rankAnswers`. */
export function publishedAnswersQuery(questionId: string): SqlQuery {
  return {
    text: `${ANSWER_SELECT}
WHERE a.parent_id = $1 AND a.kind = 'answer' AND a.status = 'published'
ORDER BY a.created_at, a.id`,
    values: [questionId],
  };
}

/** One answer whatever its status: the caller decides who may see it. */
export function answerByIdQuery(id: string): SqlQuery {
  return { text: `${ANSWER_SELECT}\nWHERE a.id = $1 AND a.kind = 'answer'`, values: [id] };
}
