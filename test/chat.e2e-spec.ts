import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ContentService, INSERT_MESSAGES_SQL } from '../apps/api/src/content/content.service';
import * as prepared from '../apps/api/src/content/prepared-query';
import { addMember, ChatClient, createRoom, newClientMsgId, refusal, settle, sleep } from './support/chat';
import { register, registerAs, verifiedPhysician, type Session } from './support/factories';
import { http } from './support/http';
import { accessClaims, signHs256, unsignedAlgNone } from './support/jwt';
import { decide, pendingItemId } from './support/moderation';
import { startTestApp, type TestApp } from './support/test-app';

const AADHAAR = 'My Aadhaar is 3123 4567 8909';
const PHONE = 'call 98201 47365';
const PRESCRIPTION = 'You have diabetes. Take metformin 500 mg twice daily.';
const CRISIS = 'I want to end my life, nothing helps anymore.';

describe('live chat', () => {
  let sut: TestApp;
  let moderator: Session;
  const clients: ChatClient[] = [];

  beforeAll(async () => {
    sut = await startTestApp();
    moderator = await registerAs(sut.api, sut.dataSource, 'moderator');
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await sut.close();
  });

  const connect = async (who: Session, app: TestApp = sut) => {
    const client = await ChatClient.connect(app.origin, who.accessToken);
    clients.push(client);
    return client;
  };
  /** A public room owned by a fresh patient, with `n` fresh users joined on their own sockets. */
  async function publicRoomWith(n: number) {
    const owner = await register(sut.api);
    const room = await createRoom(sut.api, owner, { visibility: 'public' });
    const users = await Promise.all(Array.from({ length: n }, () => register(sut.api)));
    const sockets = await Promise.all(users.map((u) => connect(u)));
    for (const s of sockets) expect(await s.join(room.id)).toEqual({ ok: true });
    return { owner, room, users, sockets };
  }
  const history = (who: Session, roomId: string, query = '') => http('GET', `${sut.api}/chat/rooms/${roomId}/messages${query}`, { token: who.accessToken });

  describe('handshake', () => {
    it('refuses a missing, forged, alg-none or expired token with connect_error "unauthorized"', async () => {
      const user = await register(sut.api);
      expect(await refusal(sut.origin, undefined)).toBe('unauthorized');
      expect(await refusal(sut.origin, 'not-a-jwt')).toBe('unauthorized');
      expect(await refusal(sut.origin, signHs256(accessClaims(user.id), 'another-secret-another-secret-another-secret'))).toBe('unauthorized');
      expect(await refusal(sut.origin, unsignedAlgNone(accessClaims(user.id)))).toBe('unauthorized');
      const now = Math.floor(Date.now() / 1000);
      expect(await refusal(sut.origin, signHs256(accessClaims(user.id, { iat: now - 600, exp: now - 1 })))).toBe('unauthorized');
      expect(await refusal(sut.origin, signHs256(accessClaims(randomUUID())))).toBe('unauthorized');
      expect(await refusal(sut.origin, undefined, { auth: { token: 42 } })).toBe('unauthorized');
    });

    it('ignores a token in the query string', async () => {
      const user = await register(sut.api);
      expect(await refusal(sut.origin, undefined, { query: { token: user.accessToken } })).toBe('unauthorized');
      expect(await refusal(sut.origin, user.accessToken)).toBe('connected');
    });

    it('refuses a suspended user', async () => {
      const user = await register(sut.api);
      await sut.dataSource.query(`UPDATE users SET suspended_until = now() + interval '1 day' WHERE id = $1`, [user.id]);
      expect(await refusal(sut.origin, user.accessToken)).toBe('suspended');
    });
  });

  describe('rooms over REST', () => {
    it('creates a room owned by its creator and lists public rooms and the caller’s own, but not others’ private ones', async () => {
      const owner = await register(sut.api);
      const stranger = await register(sut.api);
      const open = await createRoom(sut.api, owner, { name: 'Migraine support', visibility: 'public' });
      const closed = await createRoom(sut.api, owner, { name: 'Family only', visibility: 'private' });
      expect(open).toEqual({
        id: expect.any(String),
        name: 'Migraine support',
        visibility: 'public',
        hosted: false,
        owner: { id: owner.id, handle: owner.handle, role: 'patient', verified: false, specialty: null },
        slowModeSeconds: 0,
        createdAt: expect.any(String),
      });
      const ids = async (who: Session) => (await http('GET', `${sut.api}/chat/rooms?limit=100`, { token: who.accessToken })).body.items.map((r: { id: string }) => r.id);
      expect(await ids(owner)).toEqual(expect.arrayContaining([open.id, closed.id]));
      expect(await ids(stranger)).toContain(open.id);
      expect(await ids(stranger)).not.toContain(closed.id);
      expect(await ids(moderator)).toContain(closed.id);
      expect((await http('GET', `${sut.api}/chat/rooms`)).status).toBe(401);
    });

    it('rejects bad input and redacts a phone number in a room name', async () => {
      const owner = await register(sut.api);
      for (const body of [{ name: 'x', visibility: 'secret' }, { name: '', visibility: 'public' }, { name: 'x', visibility: 'public', extra: 1 }]) {
        expect((await http('POST', `${sut.api}/chat/rooms`, { token: owner.accessToken, body })).status).toBe(400);
      }
      const room = await createRoom(sut.api, owner, { name: 'Call 98201 47365 for help', visibility: 'public' });
      expect(room.name).not.toContain('98201');
      expect(room.name).toContain('[phone removed]');
    });

    it('lets only a verified physician host a room, and a hosted room is public', async () => {
      const cardiologist = await verifiedPhysician(sut.api, sut.dataSource);
      const hosted = await createRoom(sut.api, cardiologist, { name: 'Ask the cardiologist', visibility: 'public', hosted: true });
      expect(hosted).toMatchObject({ hosted: true, owner: { verified: true, specialty: 'Cardiology', role: 'physician' } });
      const unverified = await register(sut.api, 'physician');
      const patient = await register(sut.api);
      for (const who of [unverified, patient]) {
        expect((await http('POST', `${sut.api}/chat/rooms`, { token: who.accessToken, body: { name: 'x', visibility: 'public', hosted: true } })).status).toBe(403);
      }
      expect((await http('POST', `${sut.api}/chat/rooms`, { token: cardiologist.accessToken, body: { name: 'x', visibility: 'private', hosted: true } })).status).toBe(400);
    });

    it('lets the owner or a moderator add members, and nobody else', async () => {
      const owner = await register(sut.api);
      const member = await register(sut.api);
      const outsider = await register(sut.api);
      const room = await createRoom(sut.api, owner, { visibility: 'private' });
      const add = (by: Session, userId: string) => http('POST', `${sut.api}/chat/rooms/${room.id}/members`, { token: by.accessToken, body: { userId } });
      expect((await add(outsider, outsider.id)).status).toBe(404);
      const res = await add(owner, member.id);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ roomId: room.id, userId: member.id, role: 'member', mutedUntil: null });
      expect((await add(member, outsider.id)).status).toBe(403);
      expect((await add(moderator, outsider.id)).status).toBe(201);
      expect((await add(owner, randomUUID())).status).toBe(404);
      expect((await add(owner, 'not-a-uuid')).status).toBe(400);
    });
  });

  describe('joining and sending', () => {
    it('keeps an outsider out of a private room and lets them in once added, on the socket already open', async () => {
      const owner = await register(sut.api);
      const outsider = await register(sut.api);
      const room = await createRoom(sut.api, owner, { visibility: 'private' });
      const socket = await connect(outsider);
      expect(await socket.join(room.id)).toMatchObject({ ok: false, error: 'not_found' });
      expect(await socket.join(randomUUID())).toMatchObject({ ok: false, error: 'not_found' });
      await addMember(sut.api, owner, room.id, outsider.id);
      expect(await socket.join(room.id)).toEqual({ ok: true });
      const mod = await connect(moderator);
      expect(await mod.join(room.id)).toEqual({ ok: true });
    });

    it('refuses a message to a room the socket has not joined', async () => {
      const owner = await register(sut.api);
      const room = await createRoom(sut.api, owner, { visibility: 'public' });
      const socket = await connect(owner);
      expect(await socket.send(room.id, 'hello')).toMatchObject({ ok: false, error: 'not_joined' });
      expect(await sut.dataSource.query(`SELECT 1 FROM content WHERE room_id = $1`, [room.id])).toHaveLength(0);
    });

    it('acknowledges malformed payloads with {ok:false, error:"invalid"} and ignores unknown events', async () => {
      const { room, sockets } = await publicRoomWith(1);
      const [socket] = sockets;
      const bad: Array<[string, unknown]> = [
        ['room:join', undefined],
        ['room:join', 'room'],
        ['room:join', { roomId: 'not-a-uuid' }],
        ['room:join', { roomId: room.id, extra: true }],
        ['room:leave', null],
        ['message:send', { roomId: room.id, body: 'hi' }],
        ['message:send', { roomId: room.id, body: '', clientMsgId: 'a' }],
        ['message:send', { roomId: room.id, body: 'x'.repeat(2001), clientMsgId: 'a' }],
        ['message:send', { roomId: room.id, body: 'hi', clientMsgId: 'has spaces' }],
        ['message:send', { roomId: room.id, body: 42, clientMsgId: 'a' }],
        ['message:send', [room.id, 'hi']],
        ['typing', { roomId: 7 }],
      ];
      for (const [event, payload] of bad) {
        expect(await socket.ask(event, payload)).toMatchObject({ ok: false, error: 'invalid' });
      }
      socket.socket.emit('no:such:event', { roomId: room.id });
      socket.socket.emit('message:send'); // no payload, no ack
      expect(await socket.askExpectingSilence('admin:drop_tables', {})).toBe('no ack');
      expect(socket.connected).toBe(true);
      expect((await socket.send(room.id, 'still here')).ok).toBe(true);
    });

    it('never lets a phone number or an Aadhaar number reach any socket, the sender’s other devices included', async () => {
      const { room, users, sockets } = await publicRoomWith(2);
      const [sender] = users;
      const otherDevice = await connect(sender);
      await otherDevice.join(room.id);
      const first = await sockets[0].send(room.id, AADHAAR);
      const second = await sockets[0].send(room.id, PHONE);
      expect(first).toMatchObject({ ok: true, message: { status: 'published', body: 'My Aadhaar is [id removed]', roomId: room.id } });
      expect(second.message.body).toBe('call [phone removed]');
      for (const socket of [sockets[1], otherDevice, sockets[0]]) {
        await socket.waitFor('message:new', (m) => m.id === second.message.id);
        expect(socket.of('message:new').map((m) => m.body)).toEqual(expect.arrayContaining(['My Aadhaar is [id removed]', 'call [phone removed]']));
      }
      for (const socket of [...sockets, otherDevice]) {
        expect(socket.wire).not.toMatch(/3123\s*4567\s*8909|98201\s*47365/);
      }
      const broadcast = sockets[1].of('message:new').find((m) => m.id === first.message.id);
      expect(broadcast).toEqual({
        id: first.message.id,
        roomId: room.id,
        status: 'published',
        body: 'My Aadhaar is [id removed]',
        author: { id: sender.id, handle: sender.handle, role: 'patient', verified: false, specialty: null },
        anonymous: false,
        createdAt: expect.any(String),
        editedAt: null,
        disclaimer: null,
        notices: [],
      });
    });

    it('holds a verified physician’s prescription: acked as held, not broadcast, then broadcast once a moderator approves', async () => {
      const { room, sockets } = await publicRoomWith(1);
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const doctor = await connect(physician);
      await doctor.join(room.id);
      const ack = await doctor.send(room.id, PRESCRIPTION);
      expect(ack).toMatchObject({ ok: true, message: { status: 'held', moderation: { action: 'hold' } } });
      await settle();
      for (const socket of [sockets[0], doctor]) expect(socket.wire).not.toContain('metformin');
      expect((await history(physician, room.id)).body.items.map((m: { id: string }) => m.id)).not.toContain(ack.message.id);

      const itemId = await pendingItemId(sut, ack.message.id);
      const res = await decide(sut, moderator.accessToken, itemId, { action: 'approve', reason: 'general education' });
      expect(res.status).toBe(200);
      const arrived = await sockets[0].waitFor('message:new', (m) => m.id === ack.message.id);
      expect(arrived).toMatchObject({ status: 'published', roomId: room.id, body: PRESCRIPTION });
      expect(arrived.moderation).toBeUndefined();
    });

    it('never broadcasts a held message that a moderator rejects', async () => {
      const { room, sockets } = await publicRoomWith(1);
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const doctor = await connect(physician);
      await doctor.join(room.id);
      const ack = await doctor.send(room.id, PRESCRIPTION);
      const res = await decide(sut, moderator.accessToken, await pendingItemId(sut, ack.message.id), { action: 'reject', reason: 'prescribes' });
      expect(res.status).toBe(200);
      await settle();
      expect(sockets[0].wire).not.toContain(ack.message.id);
    });

    it('stores a message once however often its clientMsgId is re-sent, and answers the first result', async () => {
      const { room, users, sockets } = await publicRoomWith(2);
      const key = newClientMsgId();
      const first = await sockets[0].send(room.id, 'first text', key);
      const again = await sockets[0].send(room.id, 'different text', key);
      const concurrent = await Promise.all([sockets[0].send(room.id, 'x', key), sockets[0].send(room.id, 'y', key)]);
      expect(first.ok).toBe(true);
      for (const answer of [again, ...concurrent]) expect(answer).toEqual(first);
      expect(first.message.clientMsgId).toBe(key);
      const rows = await sut.dataSource.query(`SELECT id FROM content WHERE author_id = $1 AND client_msg_id = $2`, [users[0].id, key]);
      expect(rows).toHaveLength(1);
      await sockets[1].waitFor('message:new', (m) => m.id === first.message.id);
      await settle();
      expect(sockets[1].of('message:new').filter((m) => m.id === first.message.id)).toHaveLength(1);
      expect(sockets[1].wire).not.toContain(key);
      // A different author may use the same key.
      expect((await sockets[1].send(room.id, 'mine', key)).message.id).not.toBe(first.message.id);
    });
  });

  describe('many sends at once', () => {
    it('answers each send of a burst on its own: a muted sender, a held prescription, a retry and plain messages', async () => {
      const { owner, room, users, sockets } = await publicRoomWith(3);
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const doctor = await connect(physician);
      await doctor.join(room.id);
      const listener = sockets[2];
      expect((await http('POST', `${sut.api}/chat/rooms/${room.id}/mutes`, { token: owner.accessToken, body: { userId: users[1].id, minutes: 10 } })).status).toBe(201);
      const key = newClientMsgId();
      const first = await sockets[0].send(room.id, 'already here', key);

      const [plain, muted, held, retry, phone] = await Promise.all([
        sockets[0].send(room.id, 'plain one'),
        sockets[1].send(room.id, 'I am muted here'),
        doctor.send(room.id, PRESCRIPTION),
        sockets[0].send(room.id, 'a retry with new text', key),
        sockets[2].send(room.id, `plain two, ${PHONE}`),
      ]);
      expect(plain).toMatchObject({ ok: true, message: { status: 'published', body: 'plain one' } });
      expect(muted).toMatchObject({ ok: false, error: 'muted' });
      expect(held).toMatchObject({ ok: true, message: { status: 'held' } });
      expect(retry).toEqual(first);
      expect(phone).toMatchObject({ ok: true, message: { status: 'published', body: 'plain two, call [phone removed]' } });

      for (const sent of [plain, phone]) await listener.waitFor('message:new', (m) => m.id === sent.message.id);
      await settle();
      expect(listener.of('message:new').filter((m) => m.id === first.message.id)).toHaveLength(1);
      expect(listener.wire).not.toContain('metformin');
      expect(listener.wire).not.toContain('I am muted here');
      expect(listener.wire).not.toContain('98201');
      const rows = await sut.dataSource.query(`SELECT body FROM content WHERE room_id = $1 ORDER BY created_at, id`, [room.id]);
      expect(rows.map((r: { body: string }) => r.body).sort()).toEqual(['already here', 'plain one', 'plain two, call [phone removed]', expect.stringContaining('metformin')].sort());
      const [queued] = await sut.dataSource.query(`SELECT count(*)::int AS count FROM moderation_items WHERE content_id = $1 AND status = 'pending'`, [held.message.id]);
      expect(queued.count).toBe(1);
    });

    it('writes the rest of a batch when one message breaks a constraint (its room deleted meanwhile)', async () => {
      const { room, users } = await publicRoomWith(1);
      const content = sut.app.get(ContentService);
      const actor = { id: users[0].id, role: 'patient', verified: false, mutedUntil: null } as const;
      const entry = (roomId: string, body: string) => content.prepare(actor, { kind: 'message', body, locale: 'en-IN', roomId, clientMsgId: newClientMsgId() });
      const [kept, roomless] = await content.insertMessages([entry(room.id, 'kept'), entry(randomUUID(), 'roomless')]);
      expect(kept).toMatchObject({ status: 'fulfilled', value: { body: 'kept', roomId: room.id, status: 'published' } });
      expect(roomless).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ code: '23503' }) });
      const rows = await sut.dataSource.query(`SELECT body FROM content WHERE author_id = $1`, [users[0].id]);
      expect(rows).toEqual([{ body: 'kept' }]);
    });

    it('commits a batch of published messages without waiting for the disk, and one with a held or crisis message durably', async () => {
      const { room, users } = await publicRoomWith(1);
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const content = sut.app.get(ContentService);
      const patient = { id: users[0].id, role: 'patient', verified: false, mutedUntil: null } as const;
      const doctor = { id: physician.id, role: 'physician', verified: true, mutedUntil: null } as const;
      const entry = (actor: typeof patient | typeof doctor, body: string) =>
        content.prepare(actor, { kind: 'message', body, locale: 'en-IN', roomId: room.id, clientMsgId: newClientMsgId() });
      const spy = jest.spyOn(prepared, 'queryPrepared');
      try {
        const batches = [
          [entry(patient, 'hello'), entry(patient, 'anyone here?')],
          [entry(patient, 'hello again'), entry(doctor, PRESCRIPTION)],
          [entry(patient, CRISIS)],
        ];
        for (const batch of batches) await content.insertMessages(batch, { asyncCommit: true });
        await content.insertMessages([entry(patient, 'durable by choice')], { asyncCommit: false });
        const settings = spy.mock.calls.filter(([, name]) => name === 'content-insert-messages').map(([, , , values]) => values[1]);
        expect(settings).toEqual(['off', null, null, null]);
      } finally {
        spy.mockRestore();
      }
      const stored = await sut.dataSource.query(`SELECT status FROM content WHERE room_id = $1 ORDER BY created_at`, [room.id]);
      expect(stored.map((r: { status: string }) => r.status)).toEqual(['published', 'published', 'published', 'held', 'published', 'published']);
    });

    it("sets synchronous_commit off for the batch statement's own transaction only when asked", async () => {
      const { room, users } = await publicRoomWith(1);
      const db = new Client({ connectionString: (sut.dataSource.options as { url: string }).url });
      await db.connect();
      const row = (clientMsgId: string) => ({
        pos: 0, status: 'published', author_id: users[0].id, anonymous: false, title: null, body: 'hi', disclaimer: null, notices: [],
        moderation: { findings: [], reasons: [] }, ruleset_version: 'test', room_id: room.id, client_msg_id: clientMsgId,
        original_title: null, original_body: null, queue_priority: null, findings: [], reasons: [],
      });
      const settingAfter = async (value: string | null) => {
        await db.query('BEGIN');
        try {
          const stored = await db.query(INSERT_MESSAGES_SQL, [JSON.stringify([row(newClientMsgId())]), value]);
          expect(stored.rowCount).toBe(1);
          return (await db.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0].synchronous_commit;
        } finally {
          await db.query('ROLLBACK');
        }
      };
      try {
        const server = (await db.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0].synchronous_commit;
        expect(server).toBe('on');
        expect(await settingAfter('off')).toBe('off');
        expect(await settingAfter(null)).toBe('on');
        expect((await db.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0].synchronous_commit).toBe('on');
      } finally {
        await db.end();
      }
    });

    it('stores text with a NUL or half a surrogate pair instead of failing, the held original too', async () => {
      const { room, sockets } = await publicRoomWith(1);
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const doctor = await connect(physician);
      await doctor.join(room.id);
      const [plain, held] = await Promise.all([sockets[0].send(room.id, 'odd \u0000 text \ud800 here'), doctor.send(room.id, `${PRESCRIPTION} \u0000\udc00`)]);
      expect(plain).toMatchObject({ ok: true, message: { status: 'published' } });
      expect(held).toMatchObject({ ok: true, message: { status: 'held' } });
      const [original] = await sut.dataSource.query(`SELECT body FROM content_originals WHERE content_id = $1`, [held.message.id]);
      expect(original.body).toBe(`${PRESCRIPTION} \ufffd\ufffd`);
    });

    it('lets only one of two simultaneous messages through slow mode', async () => {
      const { owner, room, sockets } = await publicRoomWith(1);
      expect((await http('PATCH', `${sut.api}/chat/rooms/${room.id}`, { token: owner.accessToken, body: { slowModeSeconds: 30 } })).status).toBe(200);
      const answers = await Promise.all([sockets[0].send(room.id, 'one'), sockets[0].send(room.id, 'two'), sockets[0].send(room.id, 'three')]);
      expect(answers.filter((a) => a.ok)).toHaveLength(1);
      expect(answers.filter((a) => !a.ok)).toEqual([expect.objectContaining({ error: 'slow_mode' }), expect.objectContaining({ error: 'slow_mode' })]);
    });
  });

  describe('edits and removals', () => {
    it('broadcasts message:removed when a moderator removes any message or an author withdraws their own', async () => {
      const { room, users, sockets } = await publicRoomWith(2);
      const a = await sockets[0].send(room.id, 'one');
      const b = await sockets[0].send(room.id, 'two');
      const res = await http('DELETE', `${sut.api}/chat/messages/${a.message.id}`, { token: moderator.accessToken });
      expect(res.status).toBe(204);
      expect(await sockets[1].waitFor('message:removed', (m) => m.id === a.message.id)).toEqual({ id: a.message.id, roomId: room.id });
      expect((await http('DELETE', `${sut.api}/chat/messages/${b.message.id}`, { token: users[1].accessToken })).status).toBe(403);
      expect((await http('DELETE', `${sut.api}/chat/messages/${b.message.id}`, { token: users[0].accessToken })).status).toBe(204);
      await sockets[1].waitFor('message:removed', (m) => m.id === b.message.id);
      const ids = (await history(users[1], room.id)).body.items.map((m: { id: string }) => m.id);
      expect(ids).not.toContain(a.message.id);
      expect(ids).not.toContain(b.message.id);
    });

    it('broadcasts an edit as message:updated, redacted, and an edit that the pipeline holds as message:removed', async () => {
      const { room, sockets } = await publicRoomWith(1);
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const doctor = await connect(physician);
      await doctor.join(room.id);
      const sent = await doctor.send(room.id, 'Stay hydrated in this heat.');
      const edit = (body: string) => http('PATCH', `${sut.api}/chat/messages/${sent.message.id}`, { token: physician.accessToken, body: { body } });
      expect((await edit('Stay hydrated; questions to 98201 47365')).status).toBe(200);
      const updated = await sockets[0].waitFor('message:updated', (m) => m.id === sent.message.id);
      expect(updated.body).toContain('[phone removed]');
      expect((await edit(PRESCRIPTION)).body.status).toBe('held');
      await sockets[0].waitFor('message:removed', (m) => m.id === sent.message.id);
      expect(sockets[0].wire).not.toMatch(/98201|metformin/);
    });
  });

  describe('room life', () => {
    it('announces presence on join and leave, across users', async () => {
      const { room, users, sockets } = await publicRoomWith(2);
      const both = await sockets[0].waitFor('presence', (p) => p.roomId === room.id && p.users.length === 2);
      expect(both.users.map((u: { id: string }) => u.id).sort()).toEqual([users[0].id, users[1].id].sort());
      expect(both.users[0]).toEqual({ id: expect.any(String), handle: expect.any(String), role: 'patient', verified: false, specialty: null });
      expect(await sockets[1].ask('room:leave', { roomId: room.id })).toEqual({ ok: true });
      await sockets[0].waitFor('presence', (p) => p.users.length === 1 && p.users[0].id === users[0].id);
      const third = await connect(users[1]);
      await third.join(room.id);
      third.close();
      await sockets[0].waitFor('presence', (p) => p.users.length === 2);
      await sockets[0].waitFor('presence', (p) => p.users.length === 1 && sockets[0].of('presence').indexOf(p) > 2);
    });

    it('relays typing to the others in the room, not to the typist', async () => {
      const { room, users, sockets } = await publicRoomWith(2);
      expect(await sockets[0].ask('typing', { roomId: room.id })).toEqual({ ok: true });
      const typing = await sockets[1].waitFor('typing');
      expect(typing).toEqual({ roomId: room.id, user: { id: users[0].id, handle: users[0].handle, role: 'patient', verified: false, specialty: null } });
      await settle();
      expect(sockets[0].of('typing')).toHaveLength(0);
    });

    it('makes a removed member’s open sockets leave the room at once', async () => {
      const owner = await register(sut.api);
      const member = await register(sut.api);
      const room = await createRoom(sut.api, owner, { visibility: 'private' });
      await addMember(sut.api, owner, room.id, member.id);
      const ownerSocket = await connect(owner);
      const memberSocket = await connect(member);
      await ownerSocket.join(room.id);
      await memberSocket.join(room.id);
      expect((await http('DELETE', `${sut.api}/chat/rooms/${room.id}/members/${member.id}`, { token: owner.accessToken })).status).toBe(204);
      await ownerSocket.waitFor('presence', (p) => p.users.length === 1);
      const after = await ownerSocket.send(room.id, 'members only now');
      await settle();
      expect(memberSocket.wire).not.toContain(after.message.id);
      expect(await memberSocket.send(room.id, 'let me in')).toMatchObject({ ok: false, error: 'not_joined' });
      expect(await memberSocket.join(room.id)).toMatchObject({ ok: false, error: 'not_found' });
      expect((await history(member, room.id)).status).toBe(404);
    });

    it('enforces slow mode set by the owner, exempting the owner', async () => {
      const { owner, room, sockets } = await publicRoomWith(1);
      const patch = (by: Session, slowModeSeconds: unknown) => http('PATCH', `${sut.api}/chat/rooms/${room.id}`, { token: by.accessToken, body: { slowModeSeconds } });
      const stranger = await register(sut.api);
      expect((await patch(stranger, 30)).status).toBe(403);
      expect((await patch(owner, -1)).status).toBe(400);
      expect((await patch(owner, 30)).body.slowModeSeconds).toBe(30);
      expect((await sockets[0].send(room.id, 'first')).ok).toBe(true);
      expect(await sockets[0].send(room.id, 'second')).toMatchObject({ ok: false, error: 'slow_mode' });
      const ownerSocket = await connect(owner);
      await ownerSocket.join(room.id);
      expect((await ownerSocket.send(room.id, 'one')).ok).toBe(true);
      expect((await ownerSocket.send(room.id, 'two')).ok).toBe(true);
      expect((await patch(moderator, 0)).status).toBe(200);
      expect((await sockets[0].send(room.id, 'third')).ok).toBe(true);
    });

    it('mutes a user in one room: they still read but cannot send there', async () => {
      const { owner, room, users, sockets } = await publicRoomWith(2);
      const mute = (minutes: number) => http('POST', `${sut.api}/chat/rooms/${room.id}/mutes`, { token: owner.accessToken, body: { userId: users[0].id, minutes } });
      expect((await mute(10)).body).toMatchObject({ userId: users[0].id, mutedUntil: expect.any(String) });
      expect(await sockets[0].send(room.id, 'hello?')).toMatchObject({ ok: false, error: 'muted' });
      const other = await sockets[1].send(room.id, 'you are muted');
      await sockets[0].waitFor('message:new', (m) => m.id === other.message.id);
      expect((await mute(0)).body.mutedUntil).toBeNull();
      expect((await sockets[0].send(room.id, 'back')).ok).toBe(true);
    });

    it('publishes a crisis message with its notice and alerts moderators in real time', async () => {
      const { room, sockets } = await publicRoomWith(2);
      const mod = await connect(moderator);
      const ack = await sockets[0].send(room.id, CRISIS);
      expect(ack.message.notices.length).toBeGreaterThan(0);
      const alert = await mod.waitFor('alert', (a) => a.message.id === ack.message.id);
      expect(alert).toMatchObject({ type: 'crisis', roomId: room.id });
      const seen = await sockets[1].waitFor('message:new', (m) => m.id === ack.message.id);
      expect(seen.notices).toEqual(ack.message.notices);
      expect(sockets[1].of('alert')).toHaveLength(0);
    });
  });

  describe('history', () => {
    it('pages published messages newest first for members, and is 404 for outsiders of a private room', async () => {
      const owner = await register(sut.api);
      const member = await register(sut.api);
      const outsider = await register(sut.api);
      const room = await createRoom(sut.api, owner, { visibility: 'private' });
      await addMember(sut.api, owner, room.id, member.id);
      const socket = await connect(owner);
      await socket.join(room.id);
      const sent: string[] = [];
      for (let i = 0; i < 5; i++) sent.push((await socket.send(room.id, `message ${i}`)).message.id);
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      await addMember(sut.api, owner, room.id, physician.id);
      const doctor = await connect(physician);
      await doctor.join(room.id);
      const held = await doctor.send(room.id, PRESCRIPTION);

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await history(member, room.id, `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((m: { id: string }) => m.id));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(seen).toEqual([...sent].reverse());
      expect(seen).not.toContain(held.message.id);
      expect(pages).toBe(3);

      expect((await history(outsider, room.id)).status).toBe(404);
      expect((await history(moderator, room.id)).status).toBe(200);
      expect((await http('GET', `${sut.api}/chat/rooms/${room.id}/messages`)).status).toBe(401);
      expect((await history(member, room.id, '?cursor=garbage')).status).toBe(400);
    });

    it('lets any signed-in user read a public room’s history', async () => {
      const { room, sockets } = await publicRoomWith(1);
      const sent = await sockets[0].send(room.id, 'public words');
      const passerby = await register(sut.api);
      const res = await history(passerby, room.id);
      expect(res.status).toBe(200);
      expect(res.body.items[0]).toMatchObject({ id: sent.message.id, body: 'public words', roomId: room.id });
      expect(res.body.items[0].moderation).toBeUndefined();
    });
  });

  describe('sessions', () => {
    it('disconnects the user’s sockets on logout', async () => {
      const user = await register(sut.api);
      const socket = await connect(user);
      const res = await http('POST', `${sut.api}/auth/logout`, { token: user.accessToken, body: { refreshToken: user.refreshToken } });
      expect(res.status).toBe(204);
      for (let i = 0; i < 50 && socket.connected; i++) await sleep(50);
      expect(socket.connected).toBe(false);
    });

    it('refuses to send once the user is suspended, and disconnects their sockets', async () => {
      const { room, users, sockets } = await publicRoomWith(2);
      await sut.dataSource.query(`UPDATE users SET suspended_until = now() + interval '1 day' WHERE id = $1`, [users[0].id]);
      expect(await sockets[0].send(room.id, 'still?')).toMatchObject({ ok: false, error: 'forbidden' });
      for (let i = 0; i < 50 && sockets[0].connected; i++) await sleep(50);
      expect(sockets[0].connected).toBe(false);
      expect(sockets[1].connected).toBe(true);
    });

    it('disconnects a moderator who loses the role, within the session sweep', async () => {
      const mod = await registerAs(sut.api, sut.dataSource, 'moderator');
      const socket = await connect(mod);
      await sut.dataSource.query(`UPDATE users SET role = 'patient' WHERE id = $1`, [mod.id]);
      for (let i = 0; i < 160 && socket.connected; i++) await sleep(50);
      expect(socket.connected).toBe(false);
    });
  });

  describe('rate limit', () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await startTestApp({ RATE_LIMIT: 'on' });
    });
    afterAll(() => limited.close());

    it('refuses a flood beyond 5 messages in 5 seconds with rate_limited, and stores none of the excess', async () => {
      const { room, users } = await publicRoomWith(0).then(async (r) => ({ ...r, users: [await register(sut.api)] }));
      const socket = await connect(users[0], limited);
      await socket.join(room.id);
      const answers = [];
      for (let i = 0; i < 8; i++) answers.push(await socket.send(room.id, `flood ${i}`));
      expect(answers.slice(0, 5).every((a) => a.ok)).toBe(true);
      for (const a of answers.slice(5)) expect(a).toMatchObject({ ok: false, error: 'rate_limited' });
      const [{ count }] = await sut.dataSource.query(`SELECT count(*)::int AS count FROM content WHERE room_id = $1`, [room.id]);
      expect(count).toBe(5);
    });
  });
});
