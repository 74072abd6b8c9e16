/**
 * Cold start to healthy, after `npm run build`: `npm run bench:cold-start`.
 * Runs the built server three ways and prints the time from spawn to the first 200 from /api/v1/health:
 *   first start  — empty data dir: initdb, migrations, demo seed;
 *   restart      — same data dir: the everyday case;
 * and, as the floor the app cannot beat, the embedded PostgreSQL alone starting on the same data dir.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, startEmbeddedPostgres } from '../libs/database/src/embedded-postgres';

const main = resolve(__dirname, '../dist/apps/api/src/main.js');

async function timeToHealthy(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', EMBEDDED_PG_PORT: '0' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - started;
      if (performance.now() - started > 60_000) throw new Error('not healthy after 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'asclepia-cold-'));
  await chmod(dir, 0o755);
  try {
    const first = await timeToHealthy(dir);
    const restarts: number[] = [];
    for (let i = 0; i < 3; i++) restarts.push(await timeToHealthy(dir));
    const t = performance.now();
    const pg = await startEmbeddedPostgres({ dataDir: dir, port: 0 });
    const pgOnly = performance.now() - t;
    await pg.stop();
    const median = [...restarts].sort((a, b) => a - b)[1];
    console.log('cold start to healthy (ms)');
    console.log(`  first start (initdb + migrations + seed): ${first.toFixed(0)}`);
    console.log(`  restart (median of 3):                    ${median.toFixed(0)}`);
    console.log(`  embedded PostgreSQL alone (the floor):    ${pgOnly.toFixed(0)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
