import { ChatClient, createRoom } from './support/chat';
import { register } from './support/factories';
import { startTestApp, twoApps, type TestApp, unreachableRedisUrl } from './support/test-app';

/**
 * The chat's per-user limit (5 messages in 5 seconds) with REDIS_URL: counted once for all API
 * processes, so a user with sockets on two processes cannot send twice as much; and a process that
 * cannot reach Redis counts on its own instead of failing sends.
 * The shared half needs a Redis server: set REDIS_URL_FOR_TESTS (the CI script does).
 */
const REDIS = process.env.REDIS_URL_FOR_TESTS;
const describeWithRedis = REDIS ? describe : describe.skip;

const clients: ChatClient[] = [];
afterAll(() => clients.forEach((c) => c.close()));

/** A user with one socket on each app, joined to a fresh public room. */
async function oneUserOn(apps: TestApp[]) {
  const user = await register(apps[0].api);
  const room = await createRoom(apps[0].api, user, { visibility: 'public' });
  const sockets = await Promise.all(apps.map((app) => ChatClient.connect(app.origin, user.accessToken)));
  clients.push(...sockets);
  for (const socket of sockets) expect(await socket.join(room.id)).toEqual({ ok: true });
  return { user, room, sockets };
}

async function storedIn(app: TestApp, roomId: string): Promise<number> {
  const [{ count }] = await app.dataSource.query<Array<{ count: number }>>(`SELECT count(*)::int AS count FROM content WHERE room_id = $1`, [roomId]);
  return count;
}

describeWithRedis('chat rate limit across processes (REDIS_URL)', () => {
  const apps = twoApps({ RATE_LIMIT: 'on', REDIS_URL: REDIS as string });

  it('refuses the 6th message in 5 seconds though the sends were spread over two processes', async () => {
    const { one, two } = apps;
    const { room, sockets } = await oneUserOn([one, two]);
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await sockets[i % 2].send(room.id, `spread ${i}`));
    expect(answers.slice(0, 5).map((a) => a.ok)).toEqual([true, true, true, true, true]);
    for (const a of answers.slice(5)) expect(a).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(await storedIn(one, room.id)).toBe(5);
  });

  it('counts each user on their own (control)', async () => {
    const { one, two } = apps;
    const first = await oneUserOn([one, two]);
    const second = await oneUserOn([two, one]);
    for (let i = 0; i < 5; i++) expect(await first.sockets[i % 2].send(first.room.id, `first ${i}`)).toMatchObject({ ok: true });
    expect(await second.sockets[0].send(second.room.id, 'second, unhindered')).toMatchObject({ ok: true });
  });
});

describe('chat rate limit while Redis is unreachable', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({ RATE_LIMIT: 'on', REDIS_URL: await unreachableRedisUrl() });
  });
  afterAll(() => sut.close());

  it('still sends (never `internal`) and still limits within the process', async () => {
    const { room, sockets } = await oneUserOn([sut]);
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await sockets[0].send(room.id, `alone ${i}`));
    expect(answers.slice(0, 5).map((a) => a.ok)).toEqual([true, true, true, true, true]);
    for (const a of answers.slice(5)) expect(a).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(await storedIn(sut, room.id)).toBe(5);
  });
});
