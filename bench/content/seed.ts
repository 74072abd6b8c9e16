/**
 * Seeds the benchmark database: 10,000 users, 1,000,000 published questions and one answer each,
 * written with plain SQL (the pipeline is not what this benchmark measures). Text is drawn from a
 * health vocabulary with a fixed-seed generator, so every run searches the same data.
 */
import type { Client } from 'pg';

export const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 1_000_000);
const USERS = 10_000;
const VARIANTS = 997; // prime, so title and body variants pair up differently

const WORDS = (
  'blood pressure sugar thyroid fatigue headache migraine asthma inhaler cough fever child vaccine ' +
  'diabetes insulin cholesterol diet walking sleep anxiety stress knee pain back joint arthritis ' +
  'pregnancy period skin rash allergy dose tablet morning evening week month doctor clinic test ' +
  'report scan heart chest breathing kidney liver stomach acidity constipation vitamin iron ' +
  'weight exercise yoga smoking alcohol eyes vision hearing teeth gums elderly parent caregiver'
).split(' ');
/** Exactly ten: the seed SQL picks two different ones per question by arithmetic mod 10. */
const TAGS = ['diabetes', 'heart', 'thyroid', 'asthma', 'mental-health', 'pregnancy', 'child-health', 'skin', 'nutrition', 'sleep'];

/** Mulberry32: small, fast, and the same sequence on every machine. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)]);
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function seeded(client: Client): Promise<boolean> {
  const rows = await client.query<{ n: string }>(
    "SELECT count(*) AS n FROM content WHERE kind = 'question' AND status = 'published'",
  );
  return Number(rows.rows[0].n) >= QUESTIONS;
}

/**
 * Takes a seeded database back to the seed: earlier runs' POST scenario left thousands of new
 * questions at the top of the list (by users it registered), which would make each run read a
 * different first page. The seed's own rows carry ruleset_version 'bench'.
 */
async function reset(client: Client, log: (line: string) => void): Promise<void> {
  const users = await client.query(`DELETE FROM users WHERE email LIKE 'bench\\_%@bench.local'`);
  const content = await client.query(`DELETE FROM content WHERE ruleset_version <> 'bench'`);
  if ((users.rowCount ?? 0) + (content.rowCount ?? 0) === 0) return;
  await client.query('VACUUM ANALYZE content');
  log(`removed ${users.rowCount} users and ${content.rowCount} more rows left by earlier runs`);
}

/** Seeds once; a database that already holds the questions is taken back to the seed. */
export async function seedBenchmark(client: Client, log: (line: string) => void): Promise<void> {
  if (await seeded(client)) {
    await reset(client, log);
    return log(`database holds the ${QUESTIONS} seeded questions`);
  }
  const next = generator(42);
  const titles = Array.from({ length: VARIANTS }, () => `${sentence(next, 7)}?`);
  const bodies = Array.from({ length: VARIANTS }, () => `${sentence(next, 24)}. ${sentence(next, 18)}.`);
  const started = Date.now();
  await client.query('BEGIN');
  await client.query('CREATE TEMP TABLE v (n int PRIMARY KEY, title text, body text) ON COMMIT DROP');
  await client.query('INSERT INTO v SELECT n - 1, t, b FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(t, b, n)', [titles, bodies]);
  await client.query(
    `INSERT INTO users (email, handle, handle_key, password_hash, role, verified_at, specialty)
     SELECT 'bench' || n || '@bench.local', 'bench_' || n, 'bench_' || n, 'not-a-password-hash',
            CASE WHEN n % 10 = 0 THEN 'physician'::user_role ELSE 'patient'::user_role END,
            CASE WHEN n % 10 = 0 THEN now() END, CASE WHEN n % 10 = 0 THEN 'General Medicine' END
       FROM generate_series(0, ${USERS - 1}) n`,
  );
  await client.query(`CREATE TEMP TABLE u ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, role FROM users WHERE email LIKE '%@bench.local'`);
  await client.query('CREATE INDEX ON u (n)');
  // Secondary indexes are dropped for the bulk load and rebuilt once: far faster than 2M index updates.
  const indexes = await client.query<{ indexname: string; indexdef: string }>(
    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'content' AND indexname NOT LIKE 'PK_%'",
  );
  for (const index of indexes.rows) await client.query(`DROP INDEX "${index.indexname}"`);
  log('inserting questions…');
  await client.query(
    `INSERT INTO content (kind, status, author_id, anonymous, title, body, moderation, ruleset_version, tags, created_at, updated_at)
     SELECT 'question', 'published', u.id, g % 20 = 0, v.title, v.body || ' ' || w.body,
            '{"action":"publish","reasons":[]}', 'bench',
            ARRAY[($1::text[])[1 + g % 10], ($1::text[])[1 + (g % 10 + 1 + (g / 10) % 9) % 10]],
            now() - g * interval '1 second', now() - g * interval '1 second'
       FROM generate_series(1, ${QUESTIONS}) g
       JOIN u ON u.n = g % ${USERS}
       JOIN v ON v.n = g % ${VARIANTS}
       JOIN v w ON w.n = (g * 7 + 3) % ${VARIANTS}`,
    [TAGS],
  );
  log('inserting answers…');
  await client.query(
    `INSERT INTO content (kind, status, author_id, parent_id, body, moderation, ruleset_version, score, created_at, updated_at)
     SELECT 'answer', 'published', u.id, q.id, v.body, '{"action":"publish","reasons":[]}', 'bench',
            (abs(hashtext(q.id::text)) % 7) - 2, q.created_at + interval '1 hour', q.created_at + interval '1 hour'
       FROM content q
       JOIN u ON u.n = abs(hashtext(q.id::text)) % ${USERS}
       JOIN v ON v.n = abs(hashtext(q.id::text || 'a')) % ${VARIANTS}
      WHERE q.kind = 'question'`,
  );
  log('building indexes…');
  for (const index of indexes.rows) await client.query(index.indexdef);
  await client.query('COMMIT');
  await client.query('ANALYZE content');
  await client.query('ANALYZE users');
  log(`seeded ${QUESTIONS} questions with answers in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
