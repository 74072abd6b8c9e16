/**
 * The peer of `npm run bench:content`: a bare Fastify + pg server answering GET /questions,
 * GET /search and POST /questions with the SAME SQL as Asclepia (imported from the app's query
 * modules, which are free of Nest and TypeORM) and the same JSON — and nothing else: no auth, no
 * validation, no moderation pipeline, no logging. What Asclepia costs on top of it is the price of
 * the framework and of everything the bare server skips.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';
import { questionByIdQuery, questionFeedQuery, type ContentRow } from '../../apps/api/src/questions/questions.queries';
import { SEARCH_SQL } from '../../apps/api/src/search/search.sql';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const authorId = process.env.BENCH_AUTHOR_ID;

function cursorOf(createdAt: string, id: string): string {
  return Buffer.from(`${createdAt}|${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string | undefined): { createdAt: string; id: string } | undefined {
  if (!cursor) return undefined;
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return { createdAt, id };
}

function question(row: ContentRow, withModeration = false) {
  const verified = row.authorVerifiedAt !== null;
  const author = row.anonymous
    ? { id: null, handle: 'Anonymous', role: 'patient', verified: false, specialty: null }
    : { id: row.authorId, handle: row.authorHandle, role: row.authorRole, verified, specialty: verified ? row.authorSpecialty : null };
  return {
    id: row.id,
    status: row.status,
    body: row.body,
    author,
    anonymous: row.anonymous,
    createdAt: new Date(row.createdAt).toISOString(),
    editedAt: row.editedAt ? new Date(row.editedAt).toISOString() : null,
    disclaimer: row.disclaimer,
    notices: row.notices,
    ...(withModeration ? { moderation: { ...row.moderation, decisionReason: row.decisionReason } } : {}),
    title: row.title ?? '',
    tags: row.tags,
    answerCount: row.answerCount ?? 0,
    acceptedAnswerId: row.acceptedAnswerId ?? null,
  };
}

interface SearchRow {
  id: string;
  kind: string;
  parent_id: string | null;
  title: string | null;
  snippet: string;
  created_at: string;
  cursor_created_at: string;
}

const app = Fastify();

app.get('/api/v1/health', (_request, reply) => reply.send({ status: 'ok' }));

app.get<{ Querystring: { limit?: string; cursor?: string; tag?: string; q?: string } }>('/api/v1/questions', async (request) => {
  const limit = Number(request.query.limit ?? 20);
  const query = questionFeedQuery({ tag: request.query.tag, q: request.query.q, after: decodeCursor(request.query.cursor), limit });
  const { rows } = await pool.query<ContentRow>(query.text, query.values);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map((row) => question(row)), nextCursor: rows.length > limit && last ? cursorOf(last.cursorCreatedAt, last.id) : null };
});

app.get<{ Querystring: { limit?: string; cursor?: string; q: string } }>('/api/v1/search', async (request) => {
  const limit = Number(request.query.limit ?? 20);
  const after = decodeCursor(request.query.cursor);
  const { rows } = await pool.query<SearchRow>(SEARCH_SQL, [request.query.q, after?.createdAt ?? null, after?.id ?? null, limit + 1]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const items = page.map((row) => ({
    type: row.kind,
    id: row.id,
    title: row.title ?? '',
    snippet: row.snippet,
    createdAt: new Date(row.created_at).toISOString(),
    ...(row.kind === 'answer' && row.parent_id ? { questionId: row.parent_id } : {}),
    ...(row.kind === 'post' && row.parent_id ? { threadId: row.parent_id } : {}),
  }));
  return { items, nextCursor: rows.length > limit && last ? cursorOf(last.cursor_created_at, last.id) : null };
});

/** The rows Asclepia's content path writes for a published question (content + revision), then the same read-back. */
app.post<{ Body: { title: string; body: string; tags?: string[] } }>('/api/v1/questions', async (request, reply) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { title, body, tags = [] } = request.body;
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO content (kind, status, author_id, anonymous, title, body, disclaimer, notices, moderation, ruleset_version, tags)
       VALUES ('question', 'published', $1, false, $2, $3, NULL, '{}', '{"action":"publish","reasons":[]}', 'bare', $4) RETURNING id`,
      [authorId, title, body, tags],
    );
    const id = inserted.rows[0].id;
    await client.query(`INSERT INTO content_revisions (content_id, editor_id, title, body, status) VALUES ($1, $2, $3, $4, 'published')`, [id, authorId, title, body]);
    await client.query('COMMIT');
    // the same connection: taking a second one while holding this could exhaust the pool
    const read = questionByIdQuery(id);
    const { rows } = await client.query<ContentRow>(read.text, read.values);
    return reply.code(201).send(question(rows[0], true));
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
});

app.listen({ port: Number(process.env.PORT ?? 3100), host: '127.0.0.1' }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void app.close().then(() => pool.end()).then(() => process.exit(0));
  });
}
