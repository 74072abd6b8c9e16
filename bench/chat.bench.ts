/**
 * `npm run bench:chat` — live chat fan-out: 20 rooms × 50 clients, one sender per room at a fixed
 * rate, against a bare Socket.IO relay in the same run. For each server, the total send rate is
 * stepped up; a step is sustained when ≥ 99 % of deliveries arrive and p99 send→delivery < 100 ms.
 * The app moderates (full pipeline) and persists every message (RATE_LIMIT=off). Uses the embedded
 * PostgreSQL under .bench-data/ or the server in BENCH_DATABASE_URL. Writes docs/benchmarks-chat.md.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../libs/database/src/data-source-options';
import { benchDatabase, ROOT as root, startServer, stopServer, TS_NODE, type Server } from './support/processes';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 20);
const PER_ROOM = Number(process.env.BENCH_CLIENTS_PER_ROOM ?? 50);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 5);
const RATES = (process.env.BENCH_RATES ?? '25,50,100,200,400,800,1600').split(',').map(Number);
/** BENCH_STAGGER=0 restores synchronised senders: every room's message of a tick in the same millisecond. */
const STAGGER = process.env.BENCH_STAGGER !== '0';
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';

interface Step {
  rate: number;
  p50: number;
  p99: number;
  delivered: number;
  ok: boolean;
}

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
function token(sub: string): string {
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub, typ: 'access', iat: now, exp: now + 3600, iss: 'asclepia', aud: 'asclepia-api' })}`;
  return `${unsigned}.${createHmac('sha256', SECRET).update(unsigned).digest('base64url')}`;
}

/** Users and public rooms written straight to the database: 1000 argon2 registrations would dominate the run. */
async function seed(url: string): Promise<{ rooms: string[]; users: string[] }> {
  const db = new Client({ connectionString: url });
  await db.connect();
  const run = randomBytes(3).toString('hex');
  const users: string[] = [];
  for (let i = 0; i < ROOMS * PER_ROOM; i++) {
    const handle = `b${run}_${i}`;
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO users (email, handle, handle_key, password_hash, role) VALUES ($1, $2, $3, 'x', 'patient') RETURNING id`,
      [`${handle}@bench.test`, handle, handle],
    );
    users.push(rows[0].id);
  }
  const rooms: string[] = [];
  for (let r = 0; r < ROOMS; r++) {
    const { rows } = await db.query<{ id: string }>(`INSERT INTO chat_rooms (name, visibility, owner_id) VALUES ($1, 'public', $2) RETURNING id`, [`bench ${run} ${r}`, users[r * PER_ROOM]]);
    rooms.push(rows[0].id);
  }
  await db.end();
  return { rooms, users };
}

async function connectAll(origin: string, rooms: string[], users: string[]): Promise<Socket[][]> {
  const byRoom: Socket[][] = [];
  for (let r = 0; r < rooms.length; r++) {
    const sockets = await Promise.all(
      Array.from({ length: PER_ROOM }, (_, i) => {
        const socket = io(`${origin}/chat`, { auth: { token: token(users[r * PER_ROOM + i]) }, transports: ['websocket'], reconnection: false, forceNew: true });
        return new Promise<Socket>((res, rej) => {
          socket.once('connect', () => res(socket));
          socket.once('connect_error', rej);
        });
      }),
    );
    for (const s of sockets) {
      const ack = await s.timeout(10_000).emitWithAck('room:join', { roomId: rooms[r] });
      if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack)}`);
    }
    byRoom.push(sockets);
  }
  return byRoom;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** One step: each room's first client sends rate/ROOMS messages per second for STEP_SECONDS. */
async function step(byRoom: Socket[][], rooms: string[], rate: number, tag: string): Promise<Step> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const listeners = byRoom.flat().map((s) => {
    const on = (m: { body?: string }) => {
      const t = m.body ? sentAt.get(m.body) : undefined;
      if (t !== undefined) latencies.push(performance.now() - t);
    };
    s.on('message:new', on);
    return () => s.off('message:new', on);
  });
  const perRoom = rate / rooms.length;
  const interval = 1000 / perRoom;
  let sent = 0;
  const starts: NodeJS.Timeout[] = [];
  const timers: NodeJS.Timeout[] = [];
  rooms.forEach((roomId, r) => {
    let seq = 0;
    const sender = byRoom[r][0];
    const tick = () => {
      const body = `bench ${tag} r${r} n${(seq++).toString(36)}`;
      sentAt.set(body, performance.now());
      sent++;
      sender.emit('message:send', { roomId, body, clientMsgId: `${tag}-${r}-${seq}` }, () => undefined);
    };
    // Each room's sender starts at its own phase, so the total rate arrives evenly; without it all
    // ROOMS senders fire in the same millisecond every interval (a burst of ROOMS messages, whatever the rate).
    starts.push(setTimeout(() => timers.push(setInterval(tick, interval)), STAGGER ? (r * interval) / rooms.length : 0));
  });
  await new Promise((r) => setTimeout(r, STEP_SECONDS * 1000));
  starts.forEach(clearTimeout);
  timers.forEach(clearInterval);
  await new Promise((r) => setTimeout(r, 1000)); // let the last deliveries land
  listeners.forEach((off) => off());
  latencies.sort((a, b) => a - b);
  const expected = sent * PER_ROOM;
  const delivered = expected ? latencies.length / expected : 0;
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  return { rate, p50, p99, delivered, ok: delivered >= 0.99 && p99 < 100 };
}

async function measure(server: Server, rooms: string[], users: string[]): Promise<Step[]> {
  const byRoom = await connectAll(server.origin, rooms, users);
  const steps: Step[] = [];
  try {
    // Unmeasured warm-up: JIT, connection pools, the pipeline's first runs.
    await step(byRoom, rooms, RATES[0], `${server.name}-warmup-${randomBytes(2).toString('hex')}`);
    for (const rate of RATES) {
      const result = await step(byRoom, rooms, rate, `${server.name}-${rate}-${randomBytes(2).toString('hex')}`);
      steps.push(result);
      console.log(`${server.name.padEnd(10)} ${String(rate).padStart(5)} msg/s  p50 ${result.p50.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms  delivered ${(result.delivered * 100).toFixed(1)} %  ${result.ok ? 'sustained' : 'NOT sustained'}`);
      if (!result.ok) break;
    }
  } finally {
    byRoom.flat().forEach((s) => s.close());
  }
  return steps;
}

const best = (steps: Step[]) => steps.filter((s) => s.ok).at(-1);

async function main(): Promise<void> {
  const db = await benchDatabase();
  try {
    const dataSource = new DataSource(dataSourceOptions(db.url));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
    const { rooms, users } = await seed(db.url);

    const bare = await startServer('bare', [...TS_NODE, 'bench/chat/bare-relay.ts'], {});
    const bareSteps = await measure(bare, rooms, users).finally(() => stopServer(bare));
    const env = { DATABASE_URL: db.url, RATE_LIMIT: 'off', LOG_LEVEL: 'error', NODE_ENV: 'production', SEED_DEMO: 'false', JWT_SECRET: SECRET, RETENTION_SWEEP_SECONDS: '0' };
    const app = await startServer('asclepia', [...TS_NODE, 'apps/api/src/main.ts'], env);
    const appSteps = await measure(app, rooms, users).finally(() => stopServer(app));

    const b = best(bareSteps);
    const a = best(appSteps);
    const ratio = a && b ? a.rate / b.rate : 0;
    const row = (name: string, s: Step | undefined) => `| ${name} | ${s ? s.rate : '—'} | ${s ? s.p50.toFixed(1) : '—'} | ${s ? s.p99.toFixed(1) : '—'} |`;
    const all = (name: string, steps: Step[]) =>
      steps.map((s) => `| ${name} | ${s.rate} | ${s.p50.toFixed(1)} | ${s.p99.toFixed(1)} | ${(s.delivered * 100).toFixed(1)} % | ${s.ok ? 'yes' : 'no'} |`).join('\n');
    const report = `# Chat benchmark

\`npm run bench:chat\` (bench/chat.bench.ts). ${ROOMS} rooms × ${PER_ROOM} clients (${ROOMS * PER_ROOM} sockets), one sender per room
at a fixed rate (${STAGGER ? 'senders phase-offset, so the total rate arrives evenly' : 'senders synchronised: a burst of one message per room every interval'}), ${STEP_SECONDS} s per step, every delivery timed from send to \`message:new\` on each of the room's
${PER_ROOM} sockets (the sender's included). A rate is *sustained* when ≥ 99 % of deliveries arrive and p99 < 100 ms.
The peer is a bare Socket.IO relay (bench/chat/bare-relay.ts): same events and acks, no auth, moderation or storage.
Asclepia runs with RATE_LIMIT=off and moderates (full pipeline) and persists every message, one process, no Redis.
Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, shared with other work; the load generator runs on the same machine.

| server | highest sustained send rate (msg/s) | p50 (ms) | p99 (ms) |
| --- | --- | --- | --- |
${row('bare Socket.IO relay', b)}
${row('Asclepia /chat', a)}

**Ratio: ${ratio.toFixed(2)}×** the bare relay (goal ≥ 0.5×).

Every step:

| server | send rate (msg/s) | p50 (ms) | p99 (ms) | delivered | sustained |
| --- | --- | --- | --- | --- | --- |
${all('bare', bareSteps)}
${all('asclepia', appSteps)}
`;
    await writeFile(join(root, 'docs/benchmarks-chat.md'), report);
    console.log(`\nbare ${b?.rate ?? 0} msg/s, asclepia ${a?.rate ?? 0} msg/s, ratio ${ratio.toFixed(2)}×  → docs/benchmarks-chat.md`);
  } finally {
    await db.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
