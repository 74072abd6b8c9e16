/**
 * What the HTTP and chat benchmarks share: the benchmark database and the servers they start.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../../libs/database/src/embedded-postgres';

export const ROOT = resolve(__dirname, '../..');

/**
 * Compiles the peers (the bare servers each benchmark compares the app with) to plain JavaScript
 * under .bench-data/peers/ — tsc without type-checking, imports of app modules included — and returns
 * where a source's output is. Both sides of a comparison then run as plain JavaScript on node, as the
 * app does from dist/. Run through ts-node instead, a server also loads node's `repl` module and with
 * it `domain`, which routes every EventEmitter emit of the process through a slower wrapper.
 */
export function compilePeers(sources: readonly string[]): (source: string) => string {
  const outDir = join(ROOT, '.bench-data/peers');
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '--ignoreConfig', '--noCheck', '--outDir', outDir, '--rootDir', ROOT, '--module', 'commonjs', '--target', 'es2022', '--esModuleInterop', '--skipLibCheck', '--types', 'node', ...sources.map((s) => join(ROOT, s))],
    { cwd: ROOT, stdio: 'inherit' },
  );
  return (source) => join(outDir, source.replace(/\.ts$/, '.js'));
}

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
