import { randomUUID } from 'node:crypto';
import { expectApiError } from './support/api-error';
import { register, registerAs, verifiedPhysician, type Session } from './support/factories';
import { AADHAAR, answer, DIAGNOSIS, expectNoRawIdentifiers, PHONE, post, question, REJECTED_TEXT, thread, uniqueWord } from './support/forums';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

interface Item {
  type: string;
  id: string;
  status: string;
  title?: string;
  threadId?: string;
  questionId?: string;
  anonymous: boolean;
  author: { id: string | null; handle: string };
  moderation?: { action: string; reasons: Array<{ rule: string }>; decisionReason: string | null };
}

describe('activity', () => {
  let sut: TestApp;
  let moderator: Session;

  beforeAll(async () => {
    sut = await startTestApp();
    moderator = await registerAs(sut.api, sut.dataSource, 'moderator');
  });
  afterAll(() => sut.close());

  const publicList = (userId: string, query = '', who?: Session) => http('GET', `${sut.api}/users/${userId}/content${query}`, { token: who?.accessToken });
  const mine = (who: Session, query = '') => http('GET', `${sut.api}/me/content${query}`, { token: who.accessToken });
  const items = (res: { body: { items: Item[] } }) => res.body.items;

  /** A physician with one piece of content in each state the public list must leave out, and two it shows. */
  async function busyPhysician() {
    const physician = await verifiedPhysician(sut.api, sut.dataSource);
    const published = await thread(sut.api, physician, 'health-education', { title: `Understanding cholesterol ${uniqueWord()}`, body: 'LDL and HDL are two kinds of cholesterol carriers.' });
    const reply = await post(sut.api, physician, published.id, `Happy to clarify: my number is ${PHONE}.`);
    const held = await thread(sut.api, physician, undefined, { title: `A case ${uniqueWord()}`, body: DIAGNOSIS });
    const rejected = await thread(sut.api, physician, undefined, { title: `Offer ${uniqueWord()}`, body: REJECTED_TEXT });
    const removed = await thread(sut.api, physician, undefined, { title: `Withdrawn ${uniqueWord()}` });
    expect((await http('DELETE', `${sut.api}/threads/${removed.id}`, { token: physician.accessToken })).status).toBe(204);
    const anonymous = await thread(sut.api, physician, 'mental-health', { title: `Burnout as a doctor ${uniqueWord()}`, body: `Aadhaar ${AADHAAR} aside, I am exhausted.`, anonymous: true });
    return { physician, published, reply, held, rejected, removed, anonymous };
  }

  describe('GET /users/:id/content', () => {
    it('lists only published, non-anonymous content, newest first, with type, title and parent id', async () => {
      const { physician, published, reply } = await busyPhysician();
      for (const viewer of [undefined, moderator]) {
        const res = await publicList(physician.id, '', viewer);
        expect(res.status).toBe(200);
        expect(items(res).map((i) => [i.type, i.id])).toEqual([
          ['post', reply.id],
          ['thread', published.id],
        ]);
        expect(items(res)[0]).toMatchObject({ threadId: published.id, status: 'published', author: { id: physician.id, handle: physician.handle } });
        expect(items(res)[0]).not.toHaveProperty('title');
        expect(items(res)[1]).toMatchObject({ title: published.title });
        expect(res.body.nextCursor).toBeNull();
      }
    });

    it('never leaks held, rejected, removed or anonymous content, nor the typed identifiers', async () => {
      const { physician, held, rejected, removed, anonymous } = await busyPhysician();
      for (const viewer of [undefined, await register(sut.api), moderator]) {
        const res = await publicList(physician.id, '', viewer);
        expect(items(res)).toHaveLength(2);
        for (const hidden of [held, rejected, removed, anonymous]) {
          expect(res.text).not.toContain(hidden.id);
          expect(res.text).not.toContain(hidden.title);
        }
        expect(res.text).not.toMatch(/migraine|Kidney|exhausted/);
        expectNoRawIdentifiers(res.text);
        // The pipeline's outcome is the author's and moderators' business only.
        if (viewer !== moderator) expect(res.text).not.toContain('"moderation"');
      }
    });

    it('shows the owner only their public content there as well, with the outcome as the author', async () => {
      const { physician, published } = await busyPhysician();
      const res = await publicList(physician.id, '', physician);
      expect(items(res).map((i) => i.status)).toEqual(['published', 'published']);
      expect(items(res).find((i) => i.id === published.id)?.moderation?.action).toBe('publish');
    });

    it('drops a reply once its thread is no longer published', async () => {
      const writer = await register(sut.api);
      const owner = await register(sut.api);
      const t = await thread(sut.api, owner, undefined, { title: `Secret parent ${uniqueWord()}` });
      const p = await post(sut.api, writer, t.id, 'A reply that outlives its thread');
      expect(items(await publicList(writer.id)).map((i) => i.id)).toEqual([p.id]);
      expect((await http('DELETE', `${sut.api}/threads/${t.id}`, { token: owner.accessToken })).status).toBe(204);
      expect(items(await publicList(writer.id))).toEqual([]);
      expect(items(await mine(writer)).map((i) => i.id)).toEqual([p.id]);
    });

    it('lists questions and answers as well, and never chat messages', async () => {
      const writer = await register(sut.api);
      const q = await question(sut, writer, `Vitamin D dose question ${uniqueWord()}`, 'How long should I take it?');
      const a = await answer(sut, writer, q.id, 'Adding: I live in a cold country.');
      const res = await publicList(writer.id);
      expect(items(res).map((i) => [i.type, i.id])).toEqual([
        ['answer', a.id],
        ['question', q.id],
      ]);
      expect(items(res)[0]).toMatchObject({ questionId: q.id });
    });

    it('pages with a cursor without repeats or gaps', async () => {
      const writer = await register(sut.api);
      const created: string[] = [];
      for (let i = 0; i < 5; i++) created.push((await thread(sut.api, writer)).id);
      const first = await publicList(writer.id, '?limit=2');
      const second = await publicList(writer.id, `?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
      const third = await publicList(writer.id, `?limit=2&cursor=${encodeURIComponent(second.body.nextCursor)}`);
      expect([...items(first), ...items(second), ...items(third)].map((i) => i.id)).toEqual([...created].reverse());
      expect(third.body.nextCursor).toBeNull();
    });

    it('answers 404 for an unknown user and 400 for bad input', async () => {
      expectApiError(await publicList(randomUUID()), 404);
      expectApiError(await publicList('not-a-uuid'), 400);
      const someone = await register(sut.api);
      for (const query of ['?cursor=junk', '?limit=101', '?limit=0', '?status=held']) expectApiError(await publicList(someone.id, query), 400);
    });
  });

  describe('GET /me/content', () => {
    it('shows the author everything they wrote, in every status, anonymous included, with the outcome and the moderator\'s reason', async () => {
      const { physician, published, reply, held, rejected, removed, anonymous } = await busyPhysician();
      await sut.dataSource.query(`UPDATE content SET decision_reason = 'Please rephrase without a diagnosis' WHERE id = $1`, [held.id]);
      const res = await mine(physician);
      expect(res.status).toBe(200);
      const byId = new Map(items(res).map((i) => [i.id, i]));
      expect(items(res).map((i) => i.id)).toEqual([anonymous.id, removed.id, rejected.id, held.id, reply.id, published.id]);
      expect(byId.get(held.id)).toMatchObject({
        status: 'held',
        moderation: { action: 'hold', decisionReason: 'Please rephrase without a diagnosis' },
      });
      expect(byId.get(held.id)?.moderation?.reasons.length).toBeGreaterThan(0);
      expect(byId.get(rejected.id)).toMatchObject({ status: 'rejected', moderation: { action: 'reject' } });
      expect(byId.get(removed.id)?.status).toBe('removed');
      expect(byId.get(anonymous.id)).toMatchObject({ anonymous: true, author: { handle: 'Anonymous', id: null } });
      expectNoRawIdentifiers(res.text);
    });

    it('shows nobody else\'s content', async () => {
      const { physician } = await busyPhysician();
      const other = await register(sut.api);
      await thread(sut.api, other);
      const res = await mine(other);
      expect(items(res)).toHaveLength(1);
      expect(res.text).not.toContain(physician.id);
    });

    it('pages with a cursor and rejects bad input', async () => {
      const writer = await register(sut.api);
      for (let i = 0; i < 3; i++) await thread(sut.api, writer);
      const first = await mine(writer, '?limit=2');
      expect(items(first)).toHaveLength(2);
      const second = await mine(writer, `?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
      expect(items(second)).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      expectApiError(await mine(writer, '?cursor=zzz'), 400);
      expectApiError(await mine(writer, '?limit=500'), 400);
    });

    it('refuses a visitor with 401', async () => {
      expectApiError(await http('GET', `${sut.api}/me/content`), 401);
    });
  });
});
