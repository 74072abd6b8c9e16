/**
 * `npm run bench:content` — the Q&A read and write paths at 1,000,000 questions, against a bare
 * Fastify + pg server that runs the same SQL and returns the same JSON, in the same run.
 *
 * The database is an embedded PostgreSQL under .bench-data/ (kept between runs: seeding takes
 * minutes), or the server in BENCH_DATABASE_URL. Both servers get a pool of 10 connections and the
 * same autocannon load, one after the other, scenario by scenario. Prints req/s, p50 and p99 for
 * both and the ratio, and writes docs/benchmarks-content.md.
 */
import autocannon from 'autocannon';
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../libs/database/src/data-source-options';
import { QUESTIONS, seedBenchmark } from './content/seed';
import { benchDatabase, compilePeers, ROOT as root, startServer, stopServer, type Server } from './support/processes';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
/** Seconds of load each server gets before each scenario is measured: JIT, query plans, caches. */
const WARM_UP = Number(process.env.BENCH_WARM_UP_SECONDS ?? 5);
const log = (line: string) => process.stdout.write(`${line}\n`);


interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** Headers per server (the app needs a bearer token; the bare server takes none). */
  headers?: (server: Server) => Record<string, string>;
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(server: Server, scenario: Scenario, seconds: number): Promise<Figures> {
  const result = await autocannon({
    url: `${server.origin}/api/v1${scenario.path}`,
    method: scenario.method,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...scenario.headers?.(server) },
    body: scenario.body,
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors };
}

async function json(server: Server, scenario: Scenario): Promise<unknown> {
  const res = await fetch(`${server.origin}/api/v1${scenario.path}`, { headers: scenario.headers?.(server) });
  if (!res.ok) throw new Error(`${server.name} ${scenario.path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The keyset cursor of the row `depth` rows into the newest-first list: what a client paging that far holds. */
async function deepCursor(url: string, depth: number): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ at: string; id: string }>(
      `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, id FROM content
        WHERE kind = 'question' AND status = 'published' ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1`,
      [depth],
    );
    return Buffer.from(`${rows[0].at}|${rows[0].id}`, 'utf8').toString('base64url');
  } finally {
    await client.end();
  }
}

async function register(app: Server): Promise<{ id: string; accessToken: string }> {
  const tag = Date.now().toString(36);
  const res = await fetch(`${app.origin}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `bench_${tag}@bench.local`, password: 'bench password 2026 long', handle: `bench_${tag}`, role: 'patient' }),
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: { id: string }; accessToken: string };
  return { id: body.user.id, accessToken: body.accessToken };
}

function table(rows: Array<{ scenario: string; bare: Figures; app: Figures }>): string {
  const lines = [
    '| scenario | bare Fastify + pg req/s | p50 ms | p99 ms | Asclepia req/s | p50 ms | p99 ms | ratio |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.scenario} | ${r.bare.rps.toFixed(0)} | ${r.bare.p50} | ${r.bare.p99} | ${r.app.rps.toFixed(0)} | ${r.app.p50} | ${r.app.p99} | ${(r.app.rps / r.bare.rps).toFixed(2)}× |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const db = await benchDatabase();
  const servers: Server[] = [];
  try {
    const dataSource = new DataSource(dataSourceOptions(db.url, { logging: false }));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    await seedBenchmark(client, log);
    await client.end();
    if (process.argv.includes('--seed-only')) return;

    const env = { DATABASE_URL: db.url, RATE_LIMIT: 'off', LOG_LEVEL: 'error', NODE_ENV: 'production', SEED_DEMO: 'false', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123' };
    const app = await startServer('asclepia', [join(root, 'dist/apps/api/src/main.js')], env);
    servers.push(app);
    const user = await register(app);
    const bare = await startServer('bare', [compilePeers(['bench/content/bare-server.ts'])('bench/content/bare-server.ts')], {
      ...env,
      BENCH_AUTHOR_ID: user.id,
    });
    servers.push(bare);
    const token = user.accessToken;
    const auth = (server: Server): Record<string, string> => (server === app ? { authorization: `Bearer ${token}` } : {});
    const deep = await deepCursor(db.url, Math.floor(QUESTIONS * 0.9));

    const scenarios: Scenario[] = [
      { name: 'GET /questions?limit=20 (first page)', method: 'GET', path: '/questions?limit=20' },
      { name: `GET /questions?limit=20&cursor= (${Math.floor(QUESTIONS * 0.9).toLocaleString('en')} rows deep)`, method: 'GET', path: `/questions?limit=20&cursor=${deep}` },
      { name: 'GET /questions?tag=thyroid&limit=20', method: 'GET', path: '/questions?tag=thyroid&limit=20' },
      { name: 'GET /search?q=thyroid fatigue', method: 'GET', path: `/search?q=${encodeURIComponent('thyroid fatigue')}` },
      {
        name: 'POST /questions',
        method: 'POST',
        path: '/questions',
        headers: auth,
        body: JSON.stringify({ title: 'How long does a cough last after a viral fever?', body: 'My cough has lasted three weeks after a fever. Is that usual, and when should I get a chest check?', tags: ['cough'] }),
      },
    ];

    for (const s of scenarios.filter((x) => x.method === 'GET')) {
      const same = JSON.stringify(await json(bare, s)) === JSON.stringify(await json(app, s));
      log(`${s.name}: same JSON from both servers: ${same ? 'yes' : 'NO'}`);
      if (!same) throw new Error(`the bare server's JSON differs from the app's for ${s.path}`);
    }

    const rows: Array<{ scenario: string; bare: Figures; app: Figures }> = [];
    for (const s of scenarios) {
      for (const server of [bare, app]) await load(server, s, WARM_UP);
      const bareFigures = await load(bare, s, DURATION);
      const appFigures = await load(app, s, DURATION);
      rows.push({ scenario: s.name, bare: bareFigures, app: appFigures });
      log(`${s.name}: bare ${bareFigures.rps.toFixed(0)} req/s p99 ${bareFigures.p99} ms | app ${appFigures.rps.toFixed(0)} req/s p99 ${appFigures.p99} ms (errors ${bareFigures.errors}/${appFigures.errors})`);
    }

    const report = [
      '# Benchmarks — Q&A at 1,000,000 questions',
      '',
      'Produced by `npm run bench:content` (`bench/content.bench.ts`). Both servers read the same PostgreSQL, seeded with',
      `${QUESTIONS.toLocaleString('en')} published questions and one answer each; each gets ${CONNECTIONS} autocannon connections for ${DURATION} s per`,
      `scenario after a ${WARM_UP} s warm-up; the bare server has a pool of 10 database connections, Asclepia up to 20 (at most 10 busy). The bare server (\`bench/content/bare-server.ts\`)`,
      'is Fastify + pg running the same SQL and returning the same JSON (checked before measuring) — with no auth, no',
      'validation, no moderation pipeline and no logging. `POST /questions` on Asclepia includes the whole pipeline.',
      '',
      `Run: ${new Date().toISOString()} · ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}; client, servers and PostgreSQL share the machine.`,
      '',
      table(rows),
      '',
    ].join('\n');
    await writeFile(join(root, 'docs/benchmarks-content.md'), report);
    log('');
    log(table(rows));
  } finally {
    for (const server of servers) await stopServer(server);
    await db.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
