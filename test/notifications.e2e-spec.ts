import { randomUUID } from 'node:crypto';
import { expectApiError } from './support/api-error';
import { register, registerAs, type Session } from './support/factories';
import { http } from './support/http';
import { decide, HELD_BODY, HELD_PHONE, heldQuestion } from './support/moderation';
import { startTestApp, type TestApp } from './support/test-app';

describe('notifications', () => {
  let sut: TestApp;
  let moderator: Session;

  beforeAll(async () => {
    sut = await startTestApp();
    moderator = await registerAs(sut.api, sut.dataSource, 'moderator');
  });
  afterAll(() => sut.close());

  const list = (who: Session | undefined, query = '') => http('GET', `${sut.api}/notifications${query}`, { token: who?.accessToken });
  const markRead = (who: Session, body?: unknown) => http('POST', `${sut.api}/notifications/read`, { token: who.accessToken, body });
  /** Decides `count` held questions of one author, oldest first; returns the question ids. */
  const decidedQuestions = async (author: Session, count: number, action = 'approve'): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const { question, itemId } = await heldQuestion(sut, author);
      expect((await decide(sut, moderator.accessToken, itemId, { action, reason: `Decision ${i}` })).status).toBe(200);
      ids.push(question.id);
    }
    return ids;
  };

  it('tells the author about a decision with the outcome and reason, never the content text', async () => {
    const author = await register(sut.api, 'physician');
    const [questionId] = await decidedQuestions(author, 1, 'reject');
    const res = await list(author);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        {
          id: expect.any(String),
          type: 'moderation.decision',
          data: { targetType: 'question', targetId: questionId, action: 'reject', reason: 'Decision 0' },
          readAt: null,
          createdAt: expect.any(String),
        },
      ],
      nextCursor: null,
    });
    expect(res.text).not.toContain(HELD_PHONE);
    expect(res.text).not.toContain(HELD_BODY.slice(0, 20));
  });

  it('lists only the caller\'s own notifications', async () => {
    const author = await register(sut.api, 'physician');
    await decidedQuestions(author, 1);
    const other = await register(sut.api);
    expect((await list(other)).body).toEqual({ items: [], nextCursor: null });
    expect((await list(moderator)).body.items.some((n: any) => n.data.targetType === 'question' && n.type === 'moderation.decision')).toBe(false);
  });

  it('pages newest first with a cursor that neither repeats nor skips', async () => {
    const author = await register(sut.api, 'physician');
    const ids = await decidedQuestions(author, 3);
    const first = await list(author, '?limit=2');
    expect(first.body.items.map((n: any) => n.data.targetId)).toEqual([ids[2], ids[1]]);
    const second = await list(author, `?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items.map((n: any) => n.data.targetId)).toEqual([ids[0]]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('marks the named notifications read, leaving the rest unread', async () => {
    const author = await register(sut.api, 'physician');
    await decidedQuestions(author, 2);
    const [newest, oldest] = (await list(author)).body.items;
    const res = await markRead(author, { ids: [newest.id] });
    expect(res.status).toBe(204);
    const after = (await list(author)).body.items;
    expect(after.find((n: any) => n.id === newest.id).readAt).toEqual(expect.any(String));
    expect(after.find((n: any) => n.id === oldest.id).readAt).toBeNull();
  });

  it('marks everything read when no ids are given, with or without a body', async () => {
    const author = await register(sut.api, 'physician');
    await decidedQuestions(author, 2);
    expect((await markRead(author)).status).toBe(204);
    expect((await list(author)).body.items.every((n: any) => n.readAt !== null)).toBe(true);
    expect((await markRead(author, {})).status).toBe(204);
  });

  it('cannot mark someone else\'s notification read', async () => {
    const author = await register(sut.api, 'physician');
    await decidedQuestions(author, 1);
    const [mine] = (await list(author)).body.items;
    const intruder = await register(sut.api);
    expect((await markRead(intruder, { ids: [mine.id] })).status).toBe(204);
    expect((await markRead(intruder)).status).toBe(204);
    expect((await list(author)).body.items[0].readAt).toBeNull();
  });

  it('refuses a visitor with 401', async () => {
    expectApiError(await list(undefined), 401);
    expectApiError(await http('POST', `${sut.api}/notifications/read`, { body: {} }), 401);
  });

  it.each([
    ['a cursor it did not hand out', '?cursor=abc'],
    ['a limit over 100', '?limit=101'],
  ])('answers %s with 400', async (_case, query) => {
    expectApiError(await list(await register(sut.api), query), 400);
  });

  it.each([
    ['an id that is not a UUID', { ids: ['not-a-uuid'] }],
    ['ids that are not a list', { ids: randomUUID() }],
    ['an unknown field', { all: true }],
  ])('answers marking with %s with 400', async (_case, body) => {
    expectApiError(await markRead(await register(sut.api), body), 400);
  });
});
