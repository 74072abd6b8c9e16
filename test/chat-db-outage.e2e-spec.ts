import { Client } from 'pg';
import { ChatClient, createRoom, newClientMsgId, settle, sleep } from './support/chat';
import { CuttableProxy } from './support/cuttable-proxy';
import { register } from './support/factories';
import { startTestApp, workerDatabaseUrl, type TestApp } from './support/test-app';

/**
 * The app's only path to PostgreSQL goes through a proxy the test cuts and restores, as a network
 * outage or a database restart would. Assertions on stored rows use a direct connection.
 */
describe('live chat while PostgreSQL is away', () => {
  let proxy: CuttableProxy;
  let sut: TestApp;
  let direct: Client;
  const clients: ChatClient[] = [];

  beforeAll(async () => {
    const url = new URL(await workerDatabaseUrl());
    proxy = new CuttableProxy(url.hostname, Number(url.port || 5432));
    await proxy.start();
    const viaProxy = new URL(url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    sut = await startTestApp({ DATABASE_URL: viaProxy.toString() });
    direct = new Client({ connectionString: url.toString() });
    await direct.connect();
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    if (!proxy.up) await proxy.start();
    await sut.close();
    await proxy.cut();
    await direct.end();
  });

  const stored = async (body: string) => (await direct.query(`SELECT id FROM content WHERE body = $1`, [body])).rowCount;

  it('keeps sockets connected and acks sends as internal errors, broadcasting nothing, then works again once it is back', async () => {
    const alice = await register(sut.api);
    const bob = await register(sut.api);
    const room = await createRoom(sut.api, alice, { visibility: 'public' });
    const a = await ChatClient.connect(sut.origin, alice.accessToken);
    const b = await ChatClient.connect(sut.origin, bob.accessToken);
    clients.push(a, b);
    for (const s of [a, b]) expect(await s.join(room.id)).toEqual({ ok: true });
    const before = await a.send(room.id, 'before the outage');
    expect(before).toMatchObject({ ok: true, message: { status: 'published' } });
    await b.waitFor('message:new', (m) => m.id === before.message.id);

    await proxy.cut();
    const during = await Promise.all([a.send(room.id, 'during the outage 1'), a.send(room.id, 'during the outage 2'), b.send(room.id, 'during the outage 3')]);
    for (const answer of during) expect(answer).toEqual({ ok: false, error: 'internal' });
    // Nothing else is refused as internal: input errors are still the client's.
    expect(await a.ask('message:send', { roomId: room.id, body: '', clientMsgId: newClientMsgId() })).toMatchObject({ ok: false, error: 'invalid' });
    // Past a session sweep (5 s), which cannot read the users table either: no one is disconnected.
    await sleep(5500);
    expect(a.connected && b.connected).toBe(true);

    await proxy.start();
    let back: { ok: boolean; message?: { id: string } } = { ok: false };
    for (let i = 0; i < 40 && !back.ok; i++) {
      back = await a.send(room.id, `after the outage ${i}`);
      if (!back.ok) await sleep(250);
    }
    expect(back).toMatchObject({ ok: true, message: { status: 'published' } });
    await b.waitFor('message:new', (m) => m.id === back.message?.id);
    await settle();
    expect(a.wire + b.wire).not.toContain('during the outage');
    for (const n of [1, 2, 3]) expect(await stored(`during the outage ${n}`)).toBe(0);
    expect(a.connected && b.connected).toBe(true);
  });
});
