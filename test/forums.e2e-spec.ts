import { randomUUID } from 'node:crypto';
import { expectApiError } from './support/api-error';
import { register, registerAs, verifiedPhysician, type Session } from './support/factories';
import {
  AADHAAR,
  DIAGNOSIS,
  expectNoRawIdentifiers,
  newForum,
  PHONE,
  post,
  postThread,
  REJECTED_TEXT,
  thread,
  uniqueWord,
} from './support/forums';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('forums', () => {
  let sut: TestApp;
  let moderator: Session;
  let patient: Session;
  let reader: Session;

  beforeAll(async () => {
    sut = await startTestApp();
    moderator = await registerAs(sut.api, sut.dataSource, 'moderator');
    patient = await register(sut.api);
    reader = await register(sut.api);
  });
  afterAll(() => sut.close());

  const get = (path: string, who?: Session) => http('GET', `${sut.api}${path}`, { token: who?.accessToken });
  const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((item) => item.id);

  describe('GET /forums', () => {
    it('lists the seeded categories in their order, to visitors, in the list envelope', async () => {
      const res = await get('/forums');
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      const slugs = res.body.items.map((f: { slug: string }) => f.slug);
      expect(slugs.slice(0, 7)).toEqual([
        'ask-a-doctor',
        'living-with',
        'mental-health',
        'caregivers',
        'prevention-and-wellness',
        'health-education',
        'patient-experiences',
      ]);
      for (const forum of res.body.items) expect(Object.keys(forum).sort()).toEqual(['description', 'name', 'slug']);
    });
  });

  describe('POST /forums/:slug/threads', () => {
    it('creates a published thread and answers 201 with the thread, its forum and the outcome for the author', async () => {
      const title = `Living with type 2 diabetes ${uniqueWord()}`;
      const res = await postThread(sut.api, patient, 'living-with', { title, body: 'What helped you keep your sugar steady?' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        status: 'published',
        title,
        body: 'What helped you keep your sugar steady?',
        forum: { slug: 'living-with', name: 'Living with a condition' },
        postCount: 0,
        pinned: false,
        anonymous: false,
        author: { id: patient.id, handle: patient.handle, role: 'patient', verified: false },
        disclaimer: null,
        notices: [],
        moderation: { action: 'publish', reasons: [] },
      });
      expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    });

    it('answers 404 for an unknown forum and stores nothing', async () => {
      const word = uniqueWord();
      const res = await postThread(sut.api, patient, 'no-such-forum', { title: `Lost thread ${word}` });
      expectApiError(res, 404);
      const [{ count }] = await sut.dataSource.query(`SELECT count(*)::int AS count FROM content WHERE title LIKE $1`, [`%${word}%`]);
      expect(count).toBe(0);
    });

    it('refuses a visitor with 401', async () => {
      const res = await http('POST', `${sut.api}/forums/living-with/threads`, { body: { title: 'Hello there', body: 'hi' } });
      expectApiError(res, 401);
    });

    it.each([
      ['an unknown field', { title: 'A fine title', body: 'text', forumId: randomUUID() }],
      ['a missing title', { body: 'text' }],
      ['a title too short', { title: 'ab', body: 'text' }],
      ['a title too long', { title: 'x'.repeat(151), body: 'text' }],
      ['a blank body', { title: 'A fine title', body: '   ' }],
      ['a numeric body', { title: 'A fine title', body: 42 }],
      ['anonymous as a string', { title: 'A fine title', body: 'text', anonymous: 'yes' }],
    ])('rejects %s with 400', async (_case, body) => {
      const res = await http('POST', `${sut.api}/forums/living-with/threads`, { token: patient.accessToken, body });
      expectApiError(res, 400);
    });

    it('holds a physician\'s diagnosis: the author sees it held with the reason, nobody else sees it at all', async () => {
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const slug = await newForum(sut.dataSource);
      const res = await postThread(sut.api, physician, slug, { title: `Headaches explained ${uniqueWord()}`, body: DIAGNOSIS });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('held');
      expect(res.body.moderation.action).toBe('hold');
      expect(res.body.moderation.reasons.map((r: { kind: string }) => r.kind)).toContain('clinical.diagnosis');

      expect(ids(await get(`/forums/${slug}/threads`))).toEqual([]);
      expect(ids(await get(`/forums/${slug}/threads`, physician))).toEqual([]);
      expectApiError(await get(`/threads/${res.body.id}`), 404);
      expectApiError(await get(`/threads/${res.body.id}`, reader), 404);
      expect((await get(`/threads/${res.body.id}`, physician)).body).toMatchObject({ id: res.body.id, status: 'held' });
      const asModerator = await get(`/threads/${res.body.id}`, moderator);
      expect(asModerator.status).toBe(200);
      expect(asModerator.body.moderation.action).toBe('hold');
      expectApiError(await http('POST', `${sut.api}/threads/${res.body.id}/posts`, { token: reader.accessToken, body: { body: 'me too' } }), 404);
    });

    it('rejects a banned trade: stored as rejected, shown to nobody but the author', async () => {
      const slug = await newForum(sut.dataSource);
      const res = await postThread(sut.api, patient, slug, { title: `Urgent offer ${uniqueWord()}`, body: REJECTED_TEXT });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('rejected');
      expect(ids(await get(`/forums/${slug}/threads`))).toEqual([]);
      expectApiError(await get(`/threads/${res.body.id}`, reader), 404);
      expect((await get(`/threads/${res.body.id}`, patient)).status).toBe(200);
    });
  });

  describe('GET /forums/:slug/threads', () => {
    it('lists published threads newest first and pages through them without repeats or gaps', async () => {
      const slug = await newForum(sut.dataSource);
      const created: string[] = [];
      for (let i = 0; i < 5; i++) created.push((await thread(sut.api, patient, slug)).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await get(`/forums/${slug}/threads?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...ids(res));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor !== null && pages < 10);
      expect(seen).toEqual([...created].reverse());
      expect(pages).toBe(3);
    });

    it('shows each thread with its forum, pinned flag and the count of published posts only', async () => {
      const slug = await newForum(sut.dataSource);
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const t = await thread(sut.api, patient, slug);
      await post(sut.api, reader, t.id, 'Same here, walking helps.');
      await post(sut.api, reader, t.id, 'And less rice at dinner.');
      const held = await post(sut.api, physician, t.id, DIAGNOSIS);
      expect(held.status).toBe('held');
      const res = await get(`/forums/${slug}/threads`);
      expect(res.body.items).toEqual([expect.objectContaining({ id: t.id, postCount: 2, pinned: false, forum: { slug, name: `Forum ${slug}` } })]);
      expect(res.body.items[0]).not.toHaveProperty('moderation');
      expect(res.text).not.toContain('migraine');
    });

    it('puts pinned threads first', async () => {
      const slug = await newForum(sut.dataSource);
      const older = await thread(sut.api, patient, slug);
      const newer = await thread(sut.api, patient, slug);
      expect((await http('POST', `${sut.api}/threads/${older.id}/pin`, { token: moderator.accessToken })).status).toBe(200);
      const first = await get(`/forums/${slug}/threads?limit=1`);
      expect(ids(first)).toEqual([older.id]);
      const second = await get(`/forums/${slug}/threads?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
      expect(ids(second)).toEqual([newer.id]);
      expect(second.body.nextCursor).toBeNull();
    });

    it('answers 404 for an unknown forum', async () => {
      expectApiError(await get('/forums/no-such-forum/threads'), 404);
    });

    it.each([
      ['a garbage cursor', '?cursor=not-a-cursor'],
      ['a cursor without its pinned flag', `?cursor=${Buffer.from(`2026-01-01T00:00:00.000000Z|${randomUUID()}`).toString('base64url')}`],
      ['a limit over 100', '?limit=101'],
      ['a limit of 0', '?limit=0'],
      ['a non-numeric limit', '?limit=ten'],
      ['an unknown parameter', '?sort=oldest'],
    ])('rejects %s with 400', async (_case, query) => {
      expectApiError(await get(`/forums/living-with/threads${query}`), 400);
    });
  });

  describe('GET /threads/:id', () => {
    it('returns the thread with its published posts, oldest first', async () => {
      const t = await thread(sut.api, patient);
      const first = await post(sut.api, reader, t.id, 'First reply');
      const second = await post(sut.api, patient, t.id, 'Second reply');
      const res = await get(`/threads/${t.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: t.id, title: t.title, postCount: 2, postsNextCursor: null });
      expect(res.body.posts.map((p: { id: string }) => p.id)).toEqual([first.id, second.id]);
      expect(res.body.posts[0]).toMatchObject({ threadId: t.id, body: 'First reply', author: { handle: reader.handle } });
      expect(res.body).not.toHaveProperty('moderation');
    });

    it('leaves out held, rejected and removed posts', async () => {
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const t = await thread(sut.api, patient);
      const kept = await post(sut.api, reader, t.id, 'A kind word');
      await post(sut.api, physician, t.id, DIAGNOSIS);
      await post(sut.api, reader, t.id, REJECTED_TEXT);
      const withdrawn = await post(sut.api, reader, t.id, `Never mind ${uniqueWord()}`);
      expect((await http('DELETE', `${sut.api}/posts/${withdrawn.id}`, { token: reader.accessToken })).status).toBe(204);
      for (const who of [undefined, reader, physician]) {
        const res = await get(`/threads/${t.id}`, who);
        expect(res.body.posts.map((p: { id: string }) => p.id)).toEqual([kept.id]);
        expect(res.body.postCount).toBe(1);
        expect(res.text).not.toMatch(/migraine|Kidney|Never mind/);
      }
    });

    it('pages posts through GET /threads/:id/posts', async () => {
      const t = await thread(sut.api, patient);
      const created: string[] = [];
      for (let i = 0; i < 3; i++) created.push((await post(sut.api, reader, t.id, `Reply number ${i}`)).id);
      const first = await get(`/threads/${t.id}/posts?limit=2`);
      expect(first.status).toBe(200);
      const second = await get(`/threads/${t.id}/posts?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
      expect([...ids(first), ...ids(second)]).toEqual(created);
      expect(second.body.nextCursor).toBeNull();
      expectApiError(await get(`/threads/${t.id}/posts?cursor=bogus`), 400);
    });

    it('answers 400 for an id that is not a UUID and 404 for an unknown one', async () => {
      expectApiError(await get('/threads/not-a-uuid'), 400);
      expectApiError(await get(`/threads/${randomUUID()}`), 404);
      expectApiError(await get(`/threads/${randomUUID()}/posts`), 404);
    });

    it('answers 404 when the id is a post, not a thread', async () => {
      const t = await thread(sut.api, patient);
      const p = await post(sut.api, reader, t.id, 'Just a reply');
      expectApiError(await get(`/threads/${p.id}`), 404);
    });
  });

  describe('POST /threads/:id/posts', () => {
    it('adds a post to a published thread', async () => {
      const t = await thread(sut.api, patient);
      const res = await http('POST', `${sut.api}/threads/${t.id}/posts`, { token: reader.accessToken, body: { body: 'Thanks for sharing' } });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'published', threadId: t.id, body: 'Thanks for sharing', moderation: { action: 'publish' } });
    });

    it('answers 404 for a removed thread, an unknown thread and a post id', async () => {
      const t = await thread(sut.api, patient);
      const p = await post(sut.api, reader, t.id, 'reply');
      expect((await http('DELETE', `${sut.api}/threads/${t.id}`, { token: patient.accessToken })).status).toBe(204);
      for (const id of [t.id, randomUUID(), p.id]) {
        expectApiError(await http('POST', `${sut.api}/threads/${id}/posts`, { token: reader.accessToken, body: { body: 'hello' } }), 404);
      }
    });

    it.each([
      ['an unknown field', { body: 'hi', threadId: randomUUID() }],
      ['a missing body', {}],
      ['an empty body', { body: '' }],
      ['a body that is too long', { body: 'x'.repeat(20001) }],
      ['anonymous as a number', { body: 'hi', anonymous: 1 }],
    ])('rejects %s with 400', async (_case, body) => {
      const t = await thread(sut.api, patient);
      expectApiError(await http('POST', `${sut.api}/threads/${t.id}/posts`, { token: reader.accessToken, body }), 400);
    });

    it('refuses a muted user with 403', async () => {
      const muted = await register(sut.api);
      await sut.dataSource.query(`UPDATE users SET muted_until = now() + interval '1 day' WHERE id = $1`, [muted.id]);
      const t = await thread(sut.api, patient);
      expectApiError(await http('POST', `${sut.api}/threads/${t.id}/posts`, { token: muted.accessToken, body: { body: 'hi' } }), 403);
      expectApiError(await postThread(sut.api, muted), 403);
    });
  });

  describe('privacy', () => {
    it('never shows a phone number or an Aadhaar number typed into a thread or a post', async () => {
      const slug = await newForum(sut.dataSource);
      const t = await thread(sut.api, patient, slug, { title: `Discharge summary help ${uniqueWord()}`, body: `Call me on ${PHONE} about the discharge summary.` });
      expectNoRawIdentifiers(JSON.stringify(t));
      expect(t.body).toContain('[phone removed]');
      const p = await post(sut.api, reader, t.id, `My Aadhaar is ${AADHAAR}, do I need it for the Ayushman card?`);
      expectNoRawIdentifiers(JSON.stringify(p));
      for (const res of [await get(`/forums/${slug}/threads`), await get(`/threads/${t.id}`), await get(`/threads/${t.id}`, moderator), await get(`/threads/${t.id}/posts`)]) {
        expect(res.status).toBe(200);
        expectNoRawIdentifiers(res.text);
      }
    });
  });

  describe('anonymous posting', () => {
    it('shows "Anonymous" as the author of an anonymous thread and post to everyone but moderators', async () => {
      const slug = await newForum(sut.dataSource);
      const shy = await register(sut.api);
      const t = await thread(sut.api, shy, slug, { title: `Panic attacks at work ${uniqueWord()}`, anonymous: true });
      const p = await post(sut.api, shy, t.id, 'It happened again today', true);
      for (const created of [t, p]) {
        expect(created.author).toEqual({ id: null, handle: 'Anonymous', role: 'patient', verified: false, specialty: null });
      }
      for (const res of [await get(`/forums/${slug}/threads`), await get(`/threads/${t.id}`), await get(`/threads/${t.id}`, reader)]) {
        expect(res.status).toBe(200);
        expect(res.text).not.toContain(shy.handle);
        expect(res.text).not.toContain(shy.id);
      }
      const detail = await get(`/threads/${t.id}`, reader);
      expect(detail.body.author.handle).toBe('Anonymous');
      expect(detail.body.posts[0].author.handle).toBe('Anonymous');

      const asModerator = await get(`/threads/${t.id}`, moderator);
      expect(asModerator.body.author).toMatchObject({ id: shy.id, handle: shy.handle });
      expect(asModerator.body.posts[0].author).toMatchObject({ id: shy.id, handle: shy.handle });
    });
  });

  describe('editing and removing', () => {
    it('lets the author edit a thread through the pipeline', async () => {
      const t = await thread(sut.api, patient);
      const res = await http('PATCH', `${sut.api}/threads/${t.id}`, { token: patient.accessToken, body: { body: `Updated: call ${PHONE}` } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: t.id, title: t.title, status: 'published', editedAt: expect.any(String) });
      expect(res.body.body).toContain('[phone removed]');
      expectNoRawIdentifiers(res.text);
    });

    it('sends an edited post back to held when the edit needs review', async () => {
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const t = await thread(sut.api, patient);
      const p = await post(sut.api, physician, t.id, 'Headaches have many causes; a diary helps.');
      const res = await http('PATCH', `${sut.api}/posts/${p.id}`, { token: physician.accessToken, body: { body: DIAGNOSIS } });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('held');
      expect((await get(`/threads/${t.id}`)).body.posts).toEqual([]);
    });

    it('refuses an edit by someone else with 403 and an empty edit with 400', async () => {
      const t = await thread(sut.api, patient);
      const p = await post(sut.api, patient, t.id, 'mine');
      expectApiError(await http('PATCH', `${sut.api}/threads/${t.id}`, { token: reader.accessToken, body: { body: 'hijacked' } }), 403);
      expectApiError(await http('PATCH', `${sut.api}/posts/${p.id}`, { token: reader.accessToken, body: { body: 'hijacked' } }), 403);
      expectApiError(await http('PATCH', `${sut.api}/threads/${t.id}`, { token: patient.accessToken, body: {} }), 400);
      expectApiError(await http('PATCH', `${sut.api}/threads/${t.id}`, { token: patient.accessToken, body: { pinned: true } }), 400);
      expectApiError(await http('PATCH', `${sut.api}/posts/${t.id}`, { token: patient.accessToken, body: { body: 'wrong kind' } }), 404);
    });

    it('lets a moderator remove someone else\'s thread, which then disappears for everyone else', async () => {
      const slug = await newForum(sut.dataSource);
      const t = await thread(sut.api, patient, slug);
      expectApiError(await http('DELETE', `${sut.api}/threads/${t.id}`, { token: reader.accessToken }), 403);
      expect((await http('DELETE', `${sut.api}/threads/${t.id}`, { token: moderator.accessToken })).status).toBe(204);
      expect(ids(await get(`/forums/${slug}/threads`))).toEqual([]);
      expectApiError(await get(`/threads/${t.id}`, reader), 404);
      const entries = await sut.dataSource.query(`SELECT action, actor_id FROM audit_log WHERE target_id = $1`, [t.id]);
      expect(entries).toEqual([{ action: 'content.removed', actor_id: moderator.id }]);
    });

    it('answers 400 for a bad id and 401 without a token', async () => {
      expectApiError(await http('DELETE', `${sut.api}/posts/nope`, { token: patient.accessToken }), 400);
      expectApiError(await http('DELETE', `${sut.api}/threads/${randomUUID()}`), 401);
    });
  });

  describe('pinning', () => {
    it('lets a verified physician pin their own thread, but not a patient or another physician', async () => {
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const other = await verifiedPhysician(sut.api, sut.dataSource);
      const own = await thread(sut.api, physician, 'health-education', { title: `Why blood pressure matters ${uniqueWord()}`, body: 'High blood pressure often has no symptoms, so check it yearly.' });
      expect(own.status).toBe('published');
      const pinned = await http('POST', `${sut.api}/threads/${own.id}/pin`, { token: physician.accessToken });
      expect(pinned.status).toBe(200);
      expect(pinned.body.pinned).toBe(true);
      expectApiError(await http('POST', `${sut.api}/threads/${own.id}/unpin`, { token: other.accessToken }), 403);

      const patientThread = await thread(sut.api, patient);
      expectApiError(await http('POST', `${sut.api}/threads/${patientThread.id}/pin`, { token: patient.accessToken }), 403);
      expectApiError(await http('POST', `${sut.api}/threads/${patientThread.id}/pin`, { token: physician.accessToken }), 403);

      const unpinned = await http('POST', `${sut.api}/threads/${own.id}/unpin`, { token: physician.accessToken });
      expect(unpinned.body.pinned).toBe(false);
    });

    it('refuses to pin a held thread with 409, and hides it from others with 404', async () => {
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const held = await thread(sut.api, physician, undefined, { body: DIAGNOSIS });
      expect(held.status).toBe('held');
      expectApiError(await http('POST', `${sut.api}/threads/${held.id}/pin`, { token: moderator.accessToken }), 409);
      expectApiError(await http('POST', `${sut.api}/threads/${held.id}/pin`, { token: reader.accessToken }), 404);
    });
  });
});
