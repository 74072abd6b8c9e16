import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../libs/database/src/embedded-postgres';
import { http } from './support/http';

/**
 * `npm start` as a user runs it, minus the build: main.ts in its own process with no DATABASE_URL,
 * so it starts the embedded PostgreSQL, migrates, seeds, serves — and must stop it all on a signal.
 */
const root = resolve(__dirname, '..');

function startMain(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'info', EMBEDDED_PG_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function untilHealthy(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`main.ts exited with ${child.exitCode}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));

describe('start-up and shutdown of the real entry point', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'asclepia-main-'));
    await chmod(dataDir, 0o755);
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it.each(['SIGTERM', 'SIGINT'] as const)('serves health and docs with an embedded PostgreSQL, then stops everything cleanly on %s', async (signal) => {
    const port = await freePort();
    const main = startMain({ PORT: String(port), DATA_DIR: dataDir });
    await untilHealthy(`http://127.0.0.1:${port}/api/v1/health`, main.child);
    expect((await http('GET', `http://127.0.0.1:${port}/docs`)).status).toBe(200);
    const demo = await http('POST', `http://127.0.0.1:${port}/api/v1/auth/login`, {
      body: { email: 'anita@demo.asclepia.local', password: 'asclepia-demo-2026' },
    });
    expect(demo.status).toBe(200);

    const done = exited(main.child);
    main.child.kill(signal);
    // Nest's shutdown hooks ran to the end: they close the pool, stop PostgreSQL, then re-raise the
    // signal. (embedded-postgres's own signal hook would instead race them and exit with 128+n.)
    expect(await done).toEqual({ code: null, signal });
    // PostgreSQL removes its pid file only when it shut down cleanly
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });

  it('refuses to start on a bad setting, naming the variable in one line', async () => {
    const main = startMain({ PORT: '70000', DATA_DIR: dataDir });
    const { code } = await exited(main.child);
    expect(code).toBe(1);
    expect(main.output().trim()).toMatch(/^Configuration error: PORT .*$/);
  });
});
