import { randomUUID } from 'node:crypto';
import { QUEUE_PRIORITY } from '@asclepia/database';
import { expectApiError } from './support/api-error';
import { register, verifiedPhysician, type Session } from './support/factories';
import { answer, DIAGNOSIS, newForum, post, question, thread, uniqueWord } from './support/forums';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/** Two reporters hold content here, so the threshold is reachable in a few requests. */
const THRESHOLD = 2;

describe('reports', () => {
  let sut: TestApp;
  let author: Session;

  beforeAll(async () => {
    sut = await startTestApp({ REPORT_HOLD_THRESHOLD: String(THRESHOLD) });
    author = await register(sut.api);
  });
  afterAll(() => sut.close());

  const report = (who: Session, body: unknown) => http('POST', `${sut.api}/reports`, { token: who.accessToken, body });
  const pendingItem = async (contentId: string) => {
    const rows = await sut.dataSource.query(`SELECT source, priority, reasons FROM moderation_items WHERE content_id = $1 AND status = 'pending'`, [contentId]);
    expect(rows.length).toBeLessThanOrEqual(1);
    return rows[0] as { source: string; priority: number; reasons: Array<{ kind: string; rule: string; message: string }> } | undefined;
  };
  const statusOf = async (id: string): Promise<string> => (await sut.dataSource.query('SELECT status FROM content WHERE id = $1', [id]))[0].status;

  it('accepts a report with 201, queues it with its reason, and leaves the content published below the threshold', async () => {
    const t = await thread(sut.api, author);
    const reporter = await register(sut.api);
    const res = await report(reporter, { targetType: 'thread', targetId: t.id, reason: '  Selling supplements  ' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), targetType: 'thread', targetId: t.id, reason: 'Selling supplements', createdAt: expect.any(String) });
    expect(await statusOf(t.id)).toBe('published');
    expect(await pendingItem(t.id)).toEqual({
      source: 'report',
      priority: QUEUE_PRIORITY.reported,
      reasons: [{ kind: 'report', rule: 'report.user', message: 'Selling supplements' }],
    });
    expect((await http('GET', `${sut.api}/threads/${t.id}`)).status).toBe(200);
  });

  it('holds content once distinct reporters reach the threshold, at held priority, with every reason on the queue item', async () => {
    const slug = await newForum(sut.dataSource);
    const word = uniqueWord();
    const t = await thread(sut.api, author, slug, { title: `Joint pain in the mornings ${word}` });
    expect(t.status).toBe('published');
    const [first, second, third] = [await register(sut.api), await register(sut.api), await register(sut.api)];
    expect((await report(first, { targetType: 'thread', targetId: t.id, reason: 'spam' })).status).toBe(201);
    expect((await report(second, { targetType: 'thread', targetId: t.id, reason: 'misleading cure' })).status).toBe(201);

    expect(await statusOf(t.id)).toBe('held');
    const item = await pendingItem(t.id);
    expect(item?.priority).toBe(QUEUE_PRIORITY.held);
    expect(item?.reasons).toEqual([
      { kind: 'report', rule: 'report.user', message: 'spam' },
      { kind: 'report', rule: 'report.user', message: 'misleading cure' },
    ]);

    // Gone from every public read path; a further report finds nothing to report.
    expect((await http('GET', `${sut.api}/forums/${slug}/threads`)).body.items).toEqual([]);
    expectApiError(await http('GET', `${sut.api}/threads/${t.id}`, { token: third.accessToken }), 404);
    expect((await http('GET', `${sut.api}/search?q=${word}`)).body.items).toEqual([]);
    expectApiError(await report(third, { targetType: 'thread', targetId: t.id, reason: 'me too' }), 404);

    // The author learns it is held for review, but not who reported it or why.
    const mine = await http('GET', `${sut.api}/me/content`, { token: author.accessToken });
    const own = mine.body.items.find((i: { id: string }) => i.id === t.id);
    expect(own).toMatchObject({ status: 'held', moderation: { action: 'hold' } });
    expect(own.moderation.reasons.map((r: { rule: string }) => r.rule)).toEqual(['report.threshold']);
    expect(mine.text).not.toContain('misleading cure');
    expect(mine.text).not.toContain(first.handle);
  });

  it('counts concurrent reports one at a time: exactly the threshold is accepted, the rest find the content held', async () => {
    const t = await thread(sut.api, author);
    const reporters = await Promise.all(Array.from({ length: 5 }, () => register(sut.api)));
    const results = await Promise.all(reporters.map((r, i) => report(r, { targetType: 'thread', targetId: t.id, reason: `reason ${i}` })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 404, 404, 404]);
    expect(await statusOf(t.id)).toBe('held');
    expect((await pendingItem(t.id))?.reasons).toHaveLength(THRESHOLD);
  });

  it('refuses a second report of the same content by the same user with 409', async () => {
    const t = await thread(sut.api, author);
    const reporter = await register(sut.api);
    expect((await report(reporter, { targetType: 'thread', targetId: t.id, reason: 'spam' })).status).toBe(201);
    expectApiError(await report(reporter, { targetType: 'thread', targetId: t.id, reason: 'spam again' }), 409);
    expect(await statusOf(t.id)).toBe('published');
    expect((await pendingItem(t.id))?.reasons).toHaveLength(1);
  });

  it('refuses a report of one\'s own content with 403', async () => {
    const t = await thread(sut.api, author);
    expectApiError(await report(author, { targetType: 'thread', targetId: t.id, reason: 'oops' }), 403);
    expect(await pendingItem(t.id)).toBeUndefined();
  });

  it('answers 404 for a wrong target type, an unknown id, and content that is not published', async () => {
    const reporter = await register(sut.api);
    const physician = await verifiedPhysician(sut.api, sut.dataSource);
    const t = await thread(sut.api, author);
    const held = await thread(sut.api, physician, undefined, { body: DIAGNOSIS });
    expect(held.status).toBe('held');
    expectApiError(await report(reporter, { targetType: 'post', targetId: t.id, reason: 'spam' }), 404);
    expectApiError(await report(reporter, { targetType: 'question', targetId: t.id, reason: 'spam' }), 404);
    expectApiError(await report(reporter, { targetType: 'thread', targetId: randomUUID(), reason: 'spam' }), 404);
    expectApiError(await report(reporter, { targetType: 'thread', targetId: held.id, reason: 'spam' }), 404);
  });

  it('answers 404 for a post whose thread was removed: readers can no longer see it', async () => {
    const t = await thread(sut.api, author);
    const p = await post(sut.api, await register(sut.api), t.id, 'An orphaned reply');
    expect((await http('DELETE', `${sut.api}/threads/${t.id}`, { token: author.accessToken })).status).toBe(204);
    expectApiError(await report(await register(sut.api), { targetType: 'post', targetId: p.id, reason: 'spam' }), 404);
  });

  it('reports posts, questions and answers too', async () => {
    const reporter = await register(sut.api);
    const t = await thread(sut.api, author);
    const p = await post(sut.api, author, t.id, 'Buy my herbal tea');
    expect((await report(reporter, { targetType: 'post', targetId: p.id, reason: 'advertising' })).status).toBe(201);
    const q = await question(sut, author, `Is turmeric milk useful ${uniqueWord()}`, 'My grandmother swears by it for colds.');
    const a = await answer(sut, await register(sut.api), q.id, 'It tastes nice at least.');
    expect((await report(reporter, { targetType: 'question', targetId: q.id, reason: 'off topic' })).body.targetType).toBe('question');
    expect((await report(reporter, { targetType: 'answer', targetId: a.id, reason: 'unhelpful' })).body.targetType).toBe('answer');
    expect((await pendingItem(a.id))?.reasons).toEqual([{ kind: 'report', rule: 'report.user', message: 'unhelpful' }]);
  });

  it('adds a report to the pipeline\'s own pending item instead of opening a second one', async () => {
    const t = await thread(sut.api, author, undefined, { body: 'Been thinking about ending my life for weeks now.' });
    expect(t.status).toBe('published');
    const before = await pendingItem(t.id);
    expect(before?.priority).toBe(QUEUE_PRIORITY.crisis);
    const reporter = await register(sut.api);
    expect((await report(reporter, { targetType: 'thread', targetId: t.id, reason: 'worried about them' })).status).toBe(201);
    const after = await pendingItem(t.id);
    expect(after?.priority).toBe(QUEUE_PRIORITY.crisis);
    expect(after?.reasons).toEqual([...(before?.reasons ?? []), { kind: 'report', rule: 'report.user', message: 'worried about them' }]);
  });

  it('refuses a visitor with 401 and a muted user with 403', async () => {
    const t = await thread(sut.api, author);
    expectApiError(await http('POST', `${sut.api}/reports`, { body: { targetType: 'thread', targetId: t.id, reason: 'spam' } }), 401);
    const muted = await register(sut.api);
    await sut.dataSource.query(`UPDATE users SET muted_until = now() + interval '1 day' WHERE id = $1`, [muted.id]);
    expectApiError(await report(muted, { targetType: 'thread', targetId: t.id, reason: 'spam' }), 403);
  });

  it.each([
    ['an unknown field', { targetType: 'thread', targetId: randomUUID(), reason: 'spam', severity: 'high' }],
    ['a target type that cannot be reported here', { targetType: 'message', targetId: randomUUID(), reason: 'spam' }],
    ['a target id that is not a UUID', { targetType: 'thread', targetId: '42', reason: 'spam' }],
    ['a missing reason', { targetType: 'thread', targetId: randomUUID() }],
    ['a blank reason', { targetType: 'thread', targetId: randomUUID(), reason: '   ' }],
    ['a reason over 500 characters', { targetType: 'thread', targetId: randomUUID(), reason: 'x'.repeat(501) }],
    ['a numeric reason', { targetType: 'thread', targetId: randomUUID(), reason: 5 }],
  ])('rejects %s with 400', async (_case, body) => {
    const reporter = await register(sut.api);
    expectApiError(await report(reporter, body), 400);
  });
});
