import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

// initdb and crash recovery take seconds on a busy machine; jest.config's per-project testTimeout is not applied.
jest.setTimeout(60_000);

interface Started {
  handle: number;
  url: string;
  port: number;
}

/**
 * An owner process for the embedded PostgreSQL (test/support/embedded-postgres-driver.ts): the
 * same bootstrap code `npm start` runs, in a process the test can also kill hard.
 */
class Owner {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void }>();

  private constructor(readonly child: ChildProcess) {
    child.on('message', (message: { id?: number; error?: string }) => {
      if (message.id === undefined) return;
      const pending = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error) pending?.reject(new Error(message.error));
      else pending?.resolve(message);
    });
    child.on('exit', () => {
      for (const pending of this.waiting.values()) pending.reject(new Error('the owner process exited'));
      this.waiting.clear();
    });
  }

  static async spawn(): Promise<Owner> {
    const child = fork(join(__dirname, 'support/embedded-postgres-driver.ts'), [], {
      execArgv: ['-r', 'ts-node/register/transpile-only'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`driver exited with ${code}`)));
    });
    return new Owner(child);
  }

  private send(command: Record<string, unknown>): Promise<Record<string, unknown>> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ id, ...command });
    });
  }

  async start(dataDir: string): Promise<Started> {
    return (await this.send({ cmd: 'start', dataDir })) as unknown as Started;
  }

  async stop(handle: number): Promise<void> {
    await this.send({ cmd: 'stop', handle });
  }

  /** Lets the owner stop what it started and exit. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.disconnect();
    await exited;
  }

  async kill(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }
}

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Waits until the process is gone; Jest's timeout is the only limit. */
async function gone(pid: number): Promise<void> {
  while (alive(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('embedded PostgreSQL', () => {
  let dataDir: string;
  let pidFile: string;
  const owners: Owner[] = [];
  /** One owner process serves every test that does not kill it. */
  let sut: Owner;

  const owner = async () => {
    const spawned = await Owner.spawn();
    owners.push(spawned);
    return spawned;
  };
  const postmasterPid = async () => Number((await readFile(pidFile, 'utf8')).split('\n')[0]);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'asclepia-embedded-'));
    await chmod(dataDir, 0o755); // as root the server runs as the `postgres` user, which must reach the cluster
    pidFile = join(dataDir, 'pg', 'postmaster.pid');
    sut = await owner();
  });

  afterAll(async () => {
    for (const o of owners) await o.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('initialises a cluster in an empty directory, serves on 127.0.0.1 off port 5432, and stops', async () => {
    const db = await sut.start(dataDir);
    expect(db.url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/postgres$/);
    expect(db.port).not.toBe(5432);
    expect(await query(db.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await query(db.url, 'CREATE TABLE kept (note text NOT NULL)');
    await query(db.url, 'INSERT INTO kept VALUES ($1)', ['written before the restart']);

    await sut.stop(db.handle);
    expect(existsSync(pidFile)).toBe(false);
    await expect(query(db.url, 'SELECT 1')).rejects.toThrow();
  });

  it('starts again on the same directory with the data intact', async () => {
    const db = await sut.start(dataDir);
    expect(await query(db.url, 'SELECT note FROM kept')).toEqual([{ note: 'written before the restart' }]);
    await sut.stop(db.handle);
  });

  it('recovers when a killed server left a stale postmaster.pid behind, keeping committed data', async () => {
    const first = await sut.start(dataDir);
    await query(first.url, 'INSERT INTO kept VALUES ($1)', ['written before the crash']);
    const pid = await postmasterPid();
    process.kill(pid, 'SIGKILL');
    await gone(pid);
    expect(existsSync(pidFile)).toBe(true);

    const second = await sut.start(dataDir);
    expect(await postmasterPid()).not.toBe(pid);
    expect(await query(second.url, 'SELECT note FROM kept ORDER BY note')).toEqual([
      { note: 'written before the crash' },
      { note: 'written before the restart' },
    ]);
    // Stopping the handle whose server died must return rather than wait for an exit that already happened.
    await sut.stop(first.handle);
    await sut.stop(second.handle);
    expect(existsSync(pidFile)).toBe(false);
  });

  it('stops a server orphaned by an owner that was killed hard, then starts its own', async () => {
    const killed = await owner();
    const orphan = await killed.start(dataDir);
    const orphanPid = await postmasterPid();
    await killed.kill();
    expect(alive(orphanPid)).toBe(true);

    const db = await sut.start(dataDir);
    expect(alive(orphanPid)).toBe(false);
    expect(await postmasterPid()).not.toBe(orphanPid);
    expect(await query(db.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 2 }]);
    await expect(query(orphan.url, 'SELECT 1')).rejects.toThrow();
    await sut.stop(db.handle);
  });

  it('leaves alone a live process that merely reuses the pid in a stale postmaster.pid', async () => {
    const bystander = spawn('sleep', ['300'], { stdio: 'ignore' });
    try {
      const pid = bystander.pid;
      if (pid === undefined) throw new Error('could not start a bystander process');
      await writeFile(pidFile, `${pid}\n${join(dataDir, 'pg')}\n`);

        const db = await sut.start(dataDir);
      expect(alive(pid)).toBe(true);
      expect(bystander.exitCode).toBeNull();
      expect(bystander.signalCode).toBeNull();
      expect(await query(db.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 2 }]);
      await sut.stop(db.handle);
    } finally {
      bystander.kill('SIGKILL');
    }
  });
});
