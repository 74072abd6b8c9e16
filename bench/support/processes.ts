/**
 * What the HTTP and chat benchmarks share: the benchmark database and the servers they start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../../libs/database/src/embedded-postgres';

export const ROOT = resolve(__dirname, '../..');

/** Runs TypeScript sources directly, with the repo's path aliases. */
export const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];

export interface Server {
  name: string;
  origin: string;
  child: ChildProcess;
}

/**
 * The server in BENCH_DATABASE_URL, or an embedded PostgreSQL under .bench-data/ that outlives the
 * run (seeding a million rows takes minutes), with a database `asclepia_bench`.
 */
export async function benchDatabase(): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) return { url: external };
  const dataDir = join(ROOT, '.bench-data/pg');
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  const embedded = await startEmbeddedPostgres({ dataDir, port: 0 });
  const admin = new Client({ connectionString: embedded.url });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'asclepia_bench'");
  if (exists.rowCount === 0) await admin.query('CREATE DATABASE asclepia_bench');
  await admin.end();
  return { url: embedded.urlFor('asclepia_bench'), embedded };
}

/** Spawns `node ...args` on a free port and waits for GET /api/v1/health to answer 200. */
export async function startServer(name: string, args: string[], env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const origin = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    if (await fetch(`${origin}/api/v1/health`).then((r) => r.ok, () => false)) return { name, origin, child };
    if (Date.now() - started > 180_000) throw new Error(`${name} not healthy after 180 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await exited;
}
