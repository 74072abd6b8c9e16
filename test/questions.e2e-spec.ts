import { randomUUID } from 'node:crypto';
import { expectApiError, messageOf } from './support/api-error';
import { register, registerAs, verifiedPhysician, type Session } from './support/factories';
import { http } from './support/http';
import { answerQuestion, askQuestion, BLOCKED, PRESCRIPTION, uniqueTag } from './support/questions';
import { startTestApp, type TestApp } from './support/test-app';

const ANONYMOUS = { id: null, handle: 'Anonymous', role: 'patient', verified: false, specialty: null };

describe('questions', () => {
  let sut: TestApp;
  let moderator: Session;

  beforeAll(async () => {
    sut = await startTestApp();
    moderator = await registerAs(sut.api, sut.dataSource, 'moderator');
  });
  afterAll(() => sut.close());

  const post = (who: Session | null, body: unknown) => http('POST', `${sut.api}/questions`, { token: who?.accessToken, body });
  const list = (query: string, who: Session | null = null) => http('GET', `${sut.api}/questions${query}`, { token: who?.accessToken });
  const detail = (id: string, who: Session | null = null) => http('GET', `${sut.api}/questions/${id}`, { token: who?.accessToken });
  const patch = (id: string, who: Session | null, body: unknown) => http('PATCH', `${sut.api}/questions/${id}`, { token: who?.accessToken, body });
  const remove = (id: string, who: Session | null) => http('DELETE', `${sut.api}/questions/${id}`, { token: who?.accessToken });
  const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((item) => item.id);
  const questionsBy = async (author: Session): Promise<number> => {
    const [{ count }] = await sut.dataSource.query(`SELECT count(*)::int AS count FROM content WHERE author_id = $1`, [author.id]);
    return count;
  };

  /** Every question with `tag`, following nextCursor to the end. */
  async function wholeFeed(tag: string, limit: number): Promise<{ ids: string[]; pages: number }> {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(`?tag=${tag}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...ids(res));
      cursor = res.body.nextCursor;
      if (++pages > 100) throw new Error('pagination does not end');
    } while (cursor !== null);
    return { ids: seen, pages };
  }

  describe('asking', () => {
    it('stores a question and answers 201 with it, its tags lower-cased and the outcome for its author', async () => {
      const patient = await register(sut.api);
      const tag = uniqueTag();
      const res = await post(patient, { title: '  Is a resting heart rate of 95 normal?  ', body: 'My watch says 95 while sitting.', tags: [tag.toUpperCase(), 'Cardiology'] });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        status: 'published',
        title: 'Is a resting heart rate of 95 normal?',
        body: 'My watch says 95 while sitting.',
        tags: [tag, 'cardiology'],
        author: { id: patient.id, handle: patient.handle, role: 'patient', verified: false, specialty: null },
        anonymous: false,
        createdAt: expect.any(String),
        editedAt: null,
        disclaimer: null,
        notices: [],
        moderation: { action: 'publish', reasons: [], decisionReason: null },
        answerCount: 0,
        acceptedAnswerId: null,
      });
      expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    });

    it('redacts a phone number, and no read path ever returns its digits', async () => {
      const patient = await register(sut.api);
      const tag = uniqueTag();
      const res = await post(patient, { title: 'Ringing in my ears', body: 'It started last week. Call me on 9820012345 if you know why.', tags: [tag] });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('published');
      expect(res.body.body).toContain('[phone removed]');
      expect(res.body.moderation.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'pii.phone' })]));
      for (const read of [res, await detail(res.body.id), await list(`?tag=${tag}`), await detail(res.body.id, patient)]) {
        expect(read.text).not.toContain('9820012345');
      }
      expect(ids(await list(`?tag=${tag}`))).toEqual([res.body.id]);
    });

    it("holds a physician's question that prescribes a dose, and tells the author why", async () => {
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const res = await post(physician, { title: 'Fever dosing', body: PRESCRIPTION, tags: [uniqueTag()] });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('held');
      expect(res.body.moderation.action).toBe('hold');
      expect(res.body.moderation.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'clinical.prescription' })]));
    });

    it('stores a question with a blocked term as rejected', async () => {
      const patient = await register(sut.api);
      const res = await post(patient, { title: 'Selling', body: BLOCKED, tags: [] });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('rejected');
      expect(res.body.moderation.action).toBe('reject');
      expect((await detail(res.body.id)).status).toBe(404);
    });

    it('publishes a question in crisis with the crisis notice', async () => {
      const patient = await register(sut.api);
      const res = await post(patient, { title: 'I cannot go on', body: 'I want to kill myself tonight.', tags: [] });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('published');
      expect(res.body.notices).toHaveLength(1);
      expect((await detail(res.body.id)).body.notices).toEqual(res.body.notices);
    });

    it('accepts a question without tags', async () => {
      const res = await post(await register(sut.api), { title: 'Untagged', body: 'Is it fine to skip tags?' });
      expect(res.status).toBe(201);
      expect(res.body.tags).toEqual([]);
    });

    it.each([
      ['an unknown field', { title: 'T', body: 'B', tags: [], score: 100 }, 'property score should not exist'],
      ['a missing title', { body: 'B', tags: [] }, 'title'],
      ['a blank title', { title: '   ', body: 'B', tags: [] }, 'title'],
      ['a title of 201 characters', { title: 'x'.repeat(201), body: 'B', tags: [] }, 'title'],
      ['a numeric title', { title: 42, body: 'B', tags: [] }, 'title'],
      ['a missing body', { title: 'T', tags: [] }, 'body'],
      ['a blank body', { title: 'T', body: ' \n ', tags: [] }, 'body'],
      ['a body of 20001 characters', { title: 'T', body: 'b'.repeat(20_001), tags: [] }, 'body'],
      ['six tags', { title: 'T', body: 'B', tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'tags'],
      ['a tag with a space', { title: 'T', body: 'B', tags: ['heart rate'] }, 'tag'],
      ['a tag starting with a dash', { title: 'T', body: 'B', tags: ['-heart'] }, 'tag'],
      ['a tag of 33 characters', { title: 'T', body: 'B', tags: ['a'.repeat(33)] }, 'tag'],
      ['the same tag twice in different case', { title: 'T', body: 'B', tags: ['asthma', 'Asthma'] }, 'tags'],
      ['tags that are not a list', { title: 'T', body: 'B', tags: 'asthma' }, 'tags'],
      ['a tag that is not a string', { title: 'T', body: 'B', tags: [7] }, 'tag'],
      ['anonymous as a string', { title: 'T', body: 'B', tags: [], anonymous: 'yes' }, 'anonymous'],
    ])('refuses %s with 400 and stores nothing', async (_case, body, mentioned) => {
      const patient = await register(sut.api);
      const res = await post(patient, body);
      expectApiError(res, 400, 'Bad Request');
      expect(messageOf(res)).toContain(mentioned);
      expect(await questionsBy(patient)).toBe(0);
    });

    it('accepts a title of exactly 200 characters and a body of exactly 20000', async () => {
      const res = await post(await register(sut.api), { title: 't'.repeat(200), body: 'b'.repeat(20_000), tags: ['a', 'b', 'c', 'd', 'e'] });
      expect(res.status).toBe(201);
    });

    it('stores a title that grows when its identifiers are replaced by placeholders', async () => {
      const patient = await register(sut.api);
      const res = await post(patient, { title: 'a@b.co '.repeat(28).trim(), body: 'Who are these people?', tags: [] });
      expect(res.status).toBe(201);
      expect(res.body.title).not.toContain('a@b.co');
      expect(res.body.title.length).toBeGreaterThan(200);
      expect(await questionsBy(patient)).toBe(1);
    });

    it('answers a body beyond the size limit with 413', async () => {
      const res = await post(await register(sut.api), { title: 'Big', body: 'x'.repeat(300_000), tags: [] });
      expectApiError(res, 413);
    });

    it('answers malformed JSON with 400', async () => {
      const patient = await register(sut.api);
      const res = await http('POST', `${sut.api}/questions`, { token: patient.accessToken, raw: '{"title": "T", "body": ' });
      expectApiError(res, 400);
    });

    it('refuses a visitor with 401', async () => {
      expectApiError(await post(null, { title: 'T', body: 'B', tags: [] }), 401);
    });

    it('refuses a muted user with 403 and stores nothing', async () => {
      const patient = await register(sut.api);
      await sut.dataSource.query(`UPDATE users SET muted_until = now() + interval '1 hour' WHERE id = $1`, [patient.id]);
      const res = await post(patient, { title: 'T', body: 'B', tags: [] });
      expectApiError(res, 403);
      expect(messageOf(res)).toMatch(/muted/);
      expect(await questionsBy(patient)).toBe(0);
    });
  });

  describe('anonymity', () => {
    it('shows an anonymous asker as Anonymous to visitors, other users and the asker, and as themselves to moderators', async () => {
      const asker = await register(sut.api);
      const tag = uniqueTag();
      const created = await askQuestion(sut.api, asker, { title: 'Embarrassing rash', body: 'Is this contagious?', tags: [tag], anonymous: true });
      expect(created.author).toEqual(ANONYMOUS);
      expect(created.anonymous).toBe(true);

      const other = await register(sut.api);
      for (const viewer of [null, other, asker]) {
        const one = await detail(created.id, viewer);
        expect(one.body.author).toEqual(ANONYMOUS);
        expect(one.text).not.toContain(asker.id);
        expect(one.text).not.toContain(asker.handle);
        const many = await list(`?tag=${tag}`, viewer);
        expect(many.body.items[0].author).toEqual(ANONYMOUS);
        expect(many.text).not.toContain(asker.handle);
      }
      expect((await detail(created.id, moderator)).body.author).toMatchObject({ id: asker.id, handle: asker.handle });
      expect((await list(`?tag=${tag}`, moderator)).body.items[0].author).toMatchObject({ id: asker.id, handle: asker.handle });
    });
  });

  describe('listing', () => {
    it('lists published questions with a tag, newest first, for visitors', async () => {
      const patient = await register(sut.api);
      const tag = uniqueTag();
      const first = await askQuestion(sut.api, patient, { tags: [tag] });
      const second = await askQuestion(sut.api, patient, { tags: [tag, uniqueTag()] });
      await askQuestion(sut.api, patient, { tags: [uniqueTag()] });
      const res = await list(`?tag=${tag}`);
      expect(res.status).toBe(200);
      expect(ids(res)).toEqual([second.id, first.id]);
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.items[0]).toMatchObject({ title: second.title, tags: second.tags, answerCount: 0, acceptedAnswerId: null, status: 'published' });
      expect(res.body.items[0]).not.toHaveProperty('moderation');
    });

    it('matches a tag case-insensitively', async () => {
      const tag = uniqueTag();
      const question = await askQuestion(sut.api, await register(sut.api), { tags: [tag] });
      expect(ids(await list(`?tag=${tag.toUpperCase()}`))).toEqual([question.id]);
    });

    it('leaves held, rejected and removed questions out, even for their authors', async () => {
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const tag = uniqueTag();
      const published = await askQuestion(sut.api, physician, { tags: [tag] });
      const held = await askQuestion(sut.api, physician, { body: PRESCRIPTION, tags: [tag] });
      const rejected = await askQuestion(sut.api, physician, { body: BLOCKED, tags: [tag] });
      const removed = await askQuestion(sut.api, physician, { tags: [tag] });
      expect([held.status, rejected.status]).toEqual(['held', 'rejected']);
      expect((await remove(removed.id, physician)).status).toBe(204);
      for (const viewer of [null, physician, moderator]) {
        expect(ids(await list(`?tag=${tag}`, viewer))).toEqual([published.id]);
      }
    });

    it('pages through every question exactly once, with no repeats or gaps', async () => {
      const patient = await register(sut.api);
      const tag = uniqueTag();
      const asked: string[] = [];
      for (let i = 0; i < 7; i++) asked.push((await askQuestion(sut.api, patient, { title: `Question ${i}`, tags: [tag] })).id);
      const { ids: seen, pages } = await wholeFeed(tag, 3);
      expect(pages).toBe(3);
      expect(seen).toEqual([...asked].reverse());
    });

    it('keeps questions created in the same microsecond apart by id', async () => {
      const patient = await register(sut.api);
      const tag = uniqueTag();
      const asked: string[] = [];
      for (let i = 0; i < 4; i++) asked.push((await askQuestion(sut.api, patient, { tags: [tag] })).id);
      await sut.dataSource.query(`UPDATE content SET created_at = '2026-01-01T00:00:00.123456Z' WHERE id = ANY($1)`, [asked]);
      const { ids: seen } = await wholeFeed(tag, 1);
      expect(seen).toEqual([...asked].sort().reverse());
    });

    it('says nextCursor is null when the last page is exactly full', async () => {
      const patient = await register(sut.api);
      const tag = uniqueTag();
      await askQuestion(sut.api, patient, { tags: [tag] });
      await askQuestion(sut.api, patient, { tags: [tag] });
      const first = await list(`?tag=${tag}&limit=2`);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toBeNull();
    });

    it('finds published questions by full-text search over title and body, never held ones', async () => {
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const word = `zq${randomUUID().replace(/-/g, '').slice(0, 10)}`;
      const inTitle = await askQuestion(sut.api, physician, { title: `About ${word}`, body: 'Nothing else.' });
      const inBody = await askQuestion(sut.api, physician, { title: 'Something', body: `Have you heard of ${word}?` });
      await askQuestion(sut.api, physician, { title: `Held ${word}`, body: PRESCRIPTION });
      const res = await list(`?q=${encodeURIComponent(word)}`);
      expect(res.status).toBe(200);
      expect(ids(res)).toEqual([inBody.id, inTitle.id]);
      expect(ids(await list(`?q=${encodeURIComponent(`${word} -heard`)}`))).toEqual([inTitle.id]);
    });

    it('never finds a question by the redacted identifier it once held', async () => {
      const tag = uniqueTag();
      await askQuestion(sut.api, await register(sut.api), { body: 'Reach me at 9820012345', tags: [tag] });
      const res = await list(`?tag=${tag}&q=9820012345`);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
    });

    it('combines a tag with a search and treats an empty q or tag as no filter', async () => {
      const patient = await register(sut.api);
      const tag = uniqueTag();
      const match = await askQuestion(sut.api, patient, { title: 'Wheezing at night', tags: [tag] });
      await askQuestion(sut.api, patient, { title: 'Knee pain', tags: [tag] });
      expect(ids(await list(`?tag=${tag}&q=wheezing`))).toEqual([match.id]);
      expect((await list(`?tag=${tag}&q=`)).body.items).toHaveLength(2);
      expect((await list('?tag=&limit=1')).status).toBe(200);
    });

    it.each([
      ['a cursor this API did not hand out', '?cursor=not-a-cursor'],
      ['a cursor of valid base64 but no key', `?cursor=${Buffer.from('hello|world').toString('base64url')}`],
      ['limit 0', '?limit=0'],
      ['limit 101', '?limit=101'],
      ['a limit that is not a number', '?limit=ten'],
      ['a limit in exponent form', '?limit=1e1'],
      ['a tag that is not a slug', '?tag=heart%20rate'],
      ['two tags', '?tag=a&tag=b'],
      ['a search of 201 characters', `?q=${'a'.repeat(201)}`],
      ['an unknown parameter', '?sort=oldest'],
    ])('refuses %s with 400', async (_case, query) => {
      expectApiError(await list(query), 400);
    });

    it('accepts limit 100', async () => {
      expect((await list('?limit=100')).status).toBe(200);
    });

    it('answers a sent but invalid token with 401 rather than treating the caller as a visitor', async () => {
      const res = await http('GET', `${sut.api}/questions`, { token: 'not.a.token' });
      expectApiError(res, 401);
    });
  });

  describe('reading one', () => {
    it('shows a published question to visitors without the moderation outcome', async () => {
      const patient = await register(sut.api);
      const question = await askQuestion(sut.api, patient, { tags: [uniqueTag()] });
      const res = await detail(question.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: question.id, title: question.title, body: question.body, answers: [], answerCount: 0, acceptedAnswerId: null });
      expect(res.body).not.toHaveProperty('moderation');
      expect((await detail(question.id, patient)).body.moderation).toEqual({ action: 'publish', reasons: [], decisionReason: null });
    });

    it('hides a held question from visitors and other users (404) and shows it to its author and moderators', async () => {
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const held = await askQuestion(sut.api, physician, { body: PRESCRIPTION });
      expectApiError(await detail(held.id), 404);
      expectApiError(await detail(held.id, await register(sut.api)), 404);
      for (const viewer of [physician, moderator]) {
        const res = await detail(held.id, viewer);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'held', moderation: { action: 'hold' } });
      }
    });

    it('counts only published answers', async () => {
      const question = await askQuestion(sut.api, await register(sut.api));
      await answerQuestion(sut.api, await register(sut.api), question.id);
      await answerQuestion(sut.api, await verifiedPhysician(sut.api, sut.dataSource), question.id, PRESCRIPTION);
      const res = await detail(question.id);
      expect(res.body.answerCount).toBe(1);
      expect(res.body.answers).toHaveLength(1);
    });

    it('answers an unknown id with 404 and a malformed one with 400', async () => {
      expectApiError(await detail(randomUUID()), 404);
      expectApiError(await detail('not-a-uuid'), 400);
      expectApiError(await detail("1' OR '1'='1"), 400);
    });

    it('does not serve an answer as if it were a question', async () => {
      const question = await askQuestion(sut.api, await register(sut.api));
      const answer = await answerQuestion(sut.api, await register(sut.api), question.id);
      expectApiError(await detail(answer.id), 404);
    });
  });

  describe('editing and removing', () => {
    it("lets the author edit title, body and tags, re-running the pipeline on the new text", async () => {
      const patient = await register(sut.api);
      const oldTag = uniqueTag();
      const newTag = uniqueTag();
      const question = await askQuestion(sut.api, patient, { tags: [oldTag] });
      const res = await patch(question.id, patient, { title: 'Updated title', body: 'Now with my number 9820012345', tags: [newTag.toUpperCase()] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: question.id, status: 'published', title: 'Updated title', tags: [newTag], editedAt: expect.any(String) });
      expect(res.text).not.toContain('9820012345');
      expect(ids(await list(`?tag=${newTag}`))).toEqual([question.id]);
      expect((await list(`?tag=${oldTag}`)).body.items).toEqual([]);
    });

    it('sends a published question back to held when the edit needs review', async () => {
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const tag = uniqueTag();
      const question = await askQuestion(sut.api, physician, { tags: [tag] });
      const res = await patch(question.id, physician, { body: PRESCRIPTION });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'held', title: question.title, moderation: { action: 'hold' } });
      expect((await list(`?tag=${tag}`)).body.items).toEqual([]);
      expectApiError(await detail(question.id), 404);
    });

    it('refuses an edit by anyone but the author (403), by a visitor (401), and an empty edit (400)', async () => {
      const patient = await register(sut.api);
      const question = await askQuestion(sut.api, patient);
      expectApiError(await patch(question.id, await register(sut.api), { title: 'Mine now' }), 403);
      expectApiError(await patch(question.id, moderator, { title: 'Moderated' }), 403);
      expectApiError(await patch(question.id, null, { title: 'Anyone' }), 401);
      expectApiError(await patch(question.id, patient, {}), 400);
      expectApiError(await patch(question.id, patient, { title: '' }), 400);
      expectApiError(await patch(question.id, patient, { anonymous: true }), 400);
      expect((await detail(question.id)).body.title).toBe(question.title);
    });

    it('refuses to edit a question that was removed (409)', async () => {
      const patient = await register(sut.api);
      const question = await askQuestion(sut.api, patient);
      expect((await remove(question.id, patient)).status).toBe(204);
      expectApiError(await patch(question.id, patient, { title: 'Back' }), 409);
    });

    it('lets the author remove a question, which then is gone for everyone else', async () => {
      const patient = await register(sut.api);
      const tag = uniqueTag();
      const question = await askQuestion(sut.api, patient, { tags: [tag] });
      const res = await remove(question.id, patient);
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expectApiError(await detail(question.id), 404);
      expect((await list(`?tag=${tag}`)).body.items).toEqual([]);
      expect((await detail(question.id, patient)).body.status).toBe('removed');
      expect((await remove(question.id, patient)).status).toBe(204);
    });

    it('lets a moderator remove a question and refuses other users (403)', async () => {
      const question = await askQuestion(sut.api, await register(sut.api));
      expectApiError(await remove(question.id, await register(sut.api)), 403);
      expect((await remove(question.id, moderator)).status).toBe(204);
      expectApiError(await detail(question.id), 404);
    });

    it('answers removing an unknown question with 404 and a malformed id with 400', async () => {
      const patient = await register(sut.api);
      expectApiError(await remove(randomUUID(), patient), 404);
      expectApiError(await remove('123', patient), 400);
    });
  });
});
