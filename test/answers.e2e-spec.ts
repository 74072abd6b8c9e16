import { randomUUID } from 'node:crypto';
import { expectApiError, messageOf } from './support/api-error';
import { register, registerAs, verifiedPhysician, type Session } from './support/factories';
import { http } from './support/http';
import { answerQuestion, askQuestion, PRESCRIPTION, uniqueTag } from './support/questions';
import { startTestApp, type TestApp } from './support/test-app';

const ANONYMOUS = { id: null, handle: 'Anonymous', role: 'patient', verified: false, specialty: null };

describe('answers', () => {
  let sut: TestApp;
  let moderator: Session;

  beforeAll(async () => {
    sut = await startTestApp();
    moderator = await registerAs(sut.api, sut.dataSource, 'moderator');
  });
  afterAll(() => sut.close());

  const postAnswer = (questionId: string, who: Session | null, body: unknown) =>
    http('POST', `${sut.api}/questions/${questionId}/answers`, { token: who?.accessToken, body });
  const detail = (id: string, who: Session | null = null) => http('GET', `${sut.api}/questions/${id}`, { token: who?.accessToken });
  const accept = (answerId: string, who: Session | null) => http('POST', `${sut.api}/answers/${answerId}/accept`, { token: who?.accessToken });
  const vote = (answerId: string, who: Session | null, body: unknown) => http('POST', `${sut.api}/answers/${answerId}/votes`, { token: who?.accessToken, body });
  const unvote = (answerId: string, who: Session | null) => http('DELETE', `${sut.api}/answers/${answerId}/votes`, { token: who?.accessToken });
  const endorse = (answerId: string, who: Session | null) => http('POST', `${sut.api}/answers/${answerId}/endorsements`, { token: who?.accessToken });
  const withdraw = (answerId: string, who: Session | null) => http('DELETE', `${sut.api}/answers/${answerId}/endorsements`, { token: who?.accessToken });
  const patch = (answerId: string, who: Session | null, body: unknown) => http('PATCH', `${sut.api}/answers/${answerId}`, { token: who?.accessToken, body });
  const remove = (answerId: string, who: Session | null) => http('DELETE', `${sut.api}/answers/${answerId}`, { token: who?.accessToken });
  const answersOf = async (questionId: string, who: Session | null = null): Promise<any[]> => (await detail(questionId, who)).body.answers;
  const mute = (who: Session) => sut.dataSource.query(`UPDATE users SET muted_until = now() + interval '1 hour' WHERE id = $1`, [who.id]);
  const answersBy = async (author: Session): Promise<number> => {
    const [{ count }] = await sut.dataSource.query(`SELECT count(*)::int AS count FROM content WHERE author_id = $1 AND kind = 'answer'`, [author.id]);
    return count;
  };

  /** A published question by a fresh patient, with one published answer by a fresh patient. */
  async function answered(): Promise<{ asker: Session; answerer: Session; question: any; answer: any }> {
    const asker = await register(sut.api);
    const answerer = await register(sut.api);
    const question = await askQuestion(sut.api, asker, { tags: [uniqueTag()] });
    const answer = await answerQuestion(sut.api, answerer, question.id);
    return { asker, answerer, question, answer };
  }

  describe('answering', () => {
    it("stores a patient's answer and answers 201 with it and the outcome for its author", async () => {
      const asker = await register(sut.api);
      const answerer = await register(sut.api);
      const question = await askQuestion(sut.api, asker);
      const res = await postAnswer(question.id, answerer, { body: '  Keep it raised and rest it.  ' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        status: 'published',
        body: 'Keep it raised and rest it.',
        author: { id: answerer.id, handle: answerer.handle, role: 'patient', verified: false, specialty: null },
        anonymous: false,
        createdAt: expect.any(String),
        editedAt: null,
        disclaimer: null,
        notices: [],
        moderation: { action: 'publish', reasons: [], decisionReason: null },
        questionId: question.id,
        score: 0,
        accepted: false,
        endorsementCount: 0,
      });
      const shown = await detail(question.id);
      expect(shown.body.answerCount).toBe(1);
      const { moderation: _outcome, ...publicView } = res.body;
      expect(shown.body.answers).toEqual([publicView]);
    });

    it("gives a verified physician's answer the no-diagnosis disclaimer and the badge", async () => {
      const question = await askQuestion(sut.api, await register(sut.api));
      const physician = await verifiedPhysician(sut.api, sut.dataSource, 'Orthopaedics');
      const answer = await answerQuestion(sut.api, physician, question.id, 'Most sprains settle with rest over two to six weeks.');
      expect(answer.disclaimer).toEqual(expect.any(String));
      expect(answer.disclaimer.length).toBeGreaterThan(10);
      const [shown] = await answersOf(question.id);
      expect(shown).toMatchObject({ id: answer.id, disclaimer: answer.disclaimer, author: { id: physician.id, role: 'physician', verified: true, specialty: 'Orthopaedics' } });
    });

    it("holds a physician's answer that prescribes a dose: absent for readers, shown to its author as held", async () => {
      const question = await askQuestion(sut.api, await register(sut.api));
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const res = await postAnswer(question.id, physician, { body: PRESCRIPTION });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'held', moderation: { action: 'hold' }, disclaimer: expect.any(String) });
      for (const viewer of [null, physician, moderator]) expect(await answersOf(question.id, viewer)).toEqual([]);
      expect((await detail(question.id)).body.answerCount).toBe(0);
    });

    it('redacts a phone number in an answer, and the question page never shows its digits', async () => {
      const question = await askQuestion(sut.api, await register(sut.api));
      const answer = await answerQuestion(sut.api, await register(sut.api), question.id, 'My clinic is on 9820012345, ask for the nurse.');
      expect(answer.body).toContain('[phone removed]');
      const page = await detail(question.id);
      expect(page.text).not.toContain('9820012345');
      expect(page.body.answers[0].body).toContain('[phone removed]');
    });

    it('shows an anonymous answerer as Anonymous to everyone but moderators', async () => {
      const question = await askQuestion(sut.api, await register(sut.api));
      const answerer = await register(sut.api);
      const answer = await answerQuestion(sut.api, answerer, question.id, 'The same happened to me; it passed.', true);
      expect(answer.author).toEqual(ANONYMOUS);
      for (const viewer of [null, answerer, await register(sut.api)]) {
        const page = await detail(question.id, viewer);
        expect(page.body.answers[0].author).toEqual(ANONYMOUS);
        expect(page.text).not.toContain(answerer.handle);
      }
      expect((await answersOf(question.id, moderator))[0].author).toMatchObject({ id: answerer.id, handle: answerer.handle });
    });

    it('answers 404 for a held question, even to its author, and stores nothing', async () => {
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const held = await askQuestion(sut.api, physician, { body: PRESCRIPTION });
      expect(held.status).toBe('held');
      const answerer = await register(sut.api);
      expectApiError(await postAnswer(held.id, answerer, { body: 'Hello' }), 404);
      expectApiError(await postAnswer(held.id, physician, { body: 'Hello' }), 404);
      expect(await answersBy(answerer)).toBe(0);
    });

    it('answers 404 for a removed question, an unknown one and an answer id, and 400 for a malformed id', async () => {
      const { asker, question, answer } = await answered();
      const answerer = await register(sut.api);
      expect((await http('DELETE', `${sut.api}/questions/${question.id}`, { token: asker.accessToken })).status).toBe(204);
      expectApiError(await postAnswer(question.id, answerer, { body: 'Late' }), 404);
      expectApiError(await postAnswer(randomUUID(), answerer, { body: 'Nowhere' }), 404);
      expectApiError(await postAnswer(answer.id, answerer, { body: 'To an answer' }), 404);
      expectApiError(await postAnswer('nope', answerer, { body: 'Bad id' }), 400);
      expect(await answersBy(answerer)).toBe(0);
    });

    it.each([
      ['an unknown field', { body: 'B', questionId: randomUUID() }, 'property questionId should not exist'],
      ['a missing body', {}, 'body'],
      ['a blank body', { body: '   ' }, 'body'],
      ['a body of 20001 characters', { body: 'b'.repeat(20_001) }, 'body'],
      ['a body that is not a string', { body: ['a'] }, 'body'],
      ['anonymous as a number', { body: 'B', anonymous: 1 }, 'anonymous'],
    ])('refuses %s with 400 and stores nothing', async (_case, body, mentioned) => {
      const question = await askQuestion(sut.api, await register(sut.api));
      const answerer = await register(sut.api);
      const res = await postAnswer(question.id, answerer, body);
      expectApiError(res, 400);
      expect(messageOf(res)).toContain(mentioned);
      expect(await answersBy(answerer)).toBe(0);
    });

    it('refuses a visitor (401) and a muted user (403)', async () => {
      const question = await askQuestion(sut.api, await register(sut.api));
      expectApiError(await postAnswer(question.id, null, { body: 'Hi' }), 401);
      const muted = await register(sut.api);
      await mute(muted);
      expectApiError(await postAnswer(question.id, muted, { body: 'Hi' }), 403);
      expect(await answersBy(muted)).toBe(0);
    });
  });

  describe('ordering', () => {
    it('lists the accepted answer first, then by endorsements, then score, then oldest first', async () => {
      const asker = await register(sut.api);
      const question = await askQuestion(sut.api, asker);
      const authors = [await register(sut.api), await register(sut.api), await register(sut.api), await register(sut.api), await register(sut.api)];
      const a: any[] = [];
      for (const [i, author] of authors.entries()) a.push(await answerQuestion(sut.api, author, question.id, `Answer number ${i}`));
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const voter = await register(sut.api);
      expect((await vote(a[2].id, voter, { value: 1 })).status).toBe(200);
      expect((await vote(a[1].id, voter, { value: -1 })).status).toBe(200);
      expect((await endorse(a[3].id, physician)).status).toBe(201);
      expect((await accept(a[4].id, asker)).status).toBe(200);
      const order = (await answersOf(question.id)).map((answer) => answer.id);
      expect(order).toEqual([a[4].id, a[3].id, a[2].id, a[0].id, a[1].id]);
      expect((await answersOf(question.id)).map((answer) => answer.accepted)).toEqual([true, false, false, false, false]);
    });
  });

  describe('accepting', () => {
    it("lets the question's author accept an answer, shown on the question and the answer", async () => {
      const { asker, question, answer } = await answered();
      const res = await accept(answer.id, asker);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: answer.id, questionId: question.id, accepted: true });
      const page = await detail(question.id);
      expect(page.body.acceptedAnswerId).toBe(answer.id);
      expect(page.body.answers[0]).toMatchObject({ id: answer.id, accepted: true });
    });

    it('is idempotent, and accepting another answer moves the mark', async () => {
      const { asker, question, answer } = await answered();
      const other = await answerQuestion(sut.api, await register(sut.api), question.id);
      expect((await accept(answer.id, asker)).status).toBe(200);
      expect((await accept(answer.id, asker)).status).toBe(200);
      expect((await detail(question.id)).body.acceptedAnswerId).toBe(answer.id);
      expect((await accept(other.id, asker)).body.accepted).toBe(true);
      const page = await detail(question.id);
      expect(page.body.acceptedAnswerId).toBe(other.id);
      expect(page.body.answers.map((a: any) => [a.id, a.accepted])).toEqual([
        [other.id, true],
        [answer.id, false],
      ]);
    });

    it("refuses anyone but the question's author with 403, the answerer and moderators included", async () => {
      const { answerer, question, answer } = await answered();
      for (const who of [answerer, moderator, await register(sut.api)]) expectApiError(await accept(answer.id, who), 403);
      expectApiError(await accept(answer.id, null), 401);
      expect((await detail(question.id)).body.acceptedAnswerId).toBeNull();
    });

    it('answers 404 for a held answer, an unknown one, and a question id; 400 for a malformed id', async () => {
      const asker = await register(sut.api);
      const question = await askQuestion(sut.api, asker);
      const held = (await postAnswer(question.id, await verifiedPhysician(sut.api, sut.dataSource), { body: PRESCRIPTION })).body;
      expect(held.status).toBe('held');
      expectApiError(await accept(held.id, asker), 404);
      expectApiError(await accept(randomUUID(), asker), 404);
      expectApiError(await accept(question.id, asker), 404);
      expectApiError(await accept('x', asker), 400);
      expect((await detail(question.id)).body.acceptedAnswerId).toBeNull();
    });

    it('refuses a muted asker with 403', async () => {
      const { asker, answer } = await answered();
      await mute(asker);
      expectApiError(await accept(answer.id, asker), 403);
    });

    it('stops naming an accepted answer once it is removed', async () => {
      const { asker, answerer, question, answer } = await answered();
      expect((await accept(answer.id, asker)).status).toBe(200);
      expect((await remove(answer.id, answerer)).status).toBe(204);
      const page = await detail(question.id);
      expect(page.body.acceptedAnswerId).toBeNull();
      expect(page.body.answers).toEqual([]);
      expect(page.text).not.toContain(answer.id);
    });
  });

  describe('voting', () => {
    it('counts one vote per user, refuses the same vote twice (409) and lets a user change it', async () => {
      const { question, answer } = await answered();
      const voter = await register(sut.api);
      const up = await vote(answer.id, voter, { value: 1 });
      expect(up.status).toBe(200);
      expect(up.body).toEqual({ answerId: answer.id, score: 1, myVote: 1 });
      expectApiError(await vote(answer.id, voter, { value: 1 }), 409);
      expect((await vote(answer.id, voter, { value: -1 })).body).toEqual({ answerId: answer.id, score: -1, myVote: -1 });
      expect((await vote(answer.id, await register(sut.api), { value: -1 })).body.score).toBe(-2);
      expect((await answersOf(question.id))[0].score).toBe(-2);
    });

    it('lets a user retract a vote (204), after which there is nothing to retract (404)', async () => {
      const { question, answer } = await answered();
      const voter = await register(sut.api);
      await vote(answer.id, voter, { value: -1 });
      const res = await unvote(answer.id, voter);
      expect(res.status).toBe(204);
      expect((await answersOf(question.id))[0].score).toBe(0);
      expectApiError(await unvote(answer.id, voter), 404);
      expect((await vote(answer.id, voter, { value: 1 })).body.score).toBe(1);
    });

    it('keeps the score exact under concurrent votes', async () => {
      const { question, answer } = await answered();
      const voters = await Promise.all(Array.from({ length: 8 }, () => register(sut.api)));
      const results = await Promise.all(voters.map((voter, i) => vote(answer.id, voter, { value: i < 6 ? 1 : -1 })));
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
      expect((await answersOf(question.id))[0].score).toBe(4);
      const [{ sum }] = await sut.dataSource.query('SELECT sum(value)::int AS sum FROM answer_votes WHERE answer_id = $1', [answer.id]);
      expect(sum).toBe(4);
    });

    it('counts the same vote sent twice at once only once', async () => {
      const { question, answer } = await answered();
      const voter = await register(sut.api);
      const statuses = (await Promise.all([vote(answer.id, voter, { value: 1 }), vote(answer.id, voter, { value: 1 })])).map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409]);
      expect((await answersOf(question.id))[0].score).toBe(1);
    });

    it('refuses a vote on your own answer (403), by a visitor (401) and by a muted user (403)', async () => {
      const { answerer, question, answer } = await answered();
      expectApiError(await vote(answer.id, answerer, { value: 1 }), 403);
      expectApiError(await vote(answer.id, null, { value: 1 }), 401);
      const muted = await register(sut.api);
      await mute(muted);
      expectApiError(await vote(answer.id, muted, { value: 1 }), 403);
      expect((await answersOf(question.id))[0].score).toBe(0);
    });

    it.each([
      ['value 2', { value: 2 }],
      ['value 0', { value: 0 }],
      ['value as a string', { value: '1' }],
      ['no value', {}],
      ['an unknown field', { value: 1, weight: 10 }],
    ])('refuses %s with 400', async (_case, body) => {
      const { answer } = await answered();
      expectApiError(await vote(answer.id, await register(sut.api), body), 400);
    });

    it('answers 404 for a held answer, an answer under a held question, and an unknown answer', async () => {
      const question = await askQuestion(sut.api, await register(sut.api));
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const held = (await postAnswer(question.id, physician, { body: PRESCRIPTION })).body;
      const voter = await register(sut.api);
      expectApiError(await vote(held.id, voter, { value: 1 }), 404);
      expectApiError(await vote(randomUUID(), voter, { value: 1 }), 404);
      expectApiError(await vote('12', voter, { value: 1 }), 400);

      const own = await askQuestion(sut.api, physician);
      const answer = await answerQuestion(sut.api, await register(sut.api), own.id);
      expect((await http('PATCH', `${sut.api}/questions/${own.id}`, { token: physician.accessToken, body: { body: PRESCRIPTION } })).body.status).toBe('held');
      expectApiError(await vote(answer.id, voter, { value: 1 }), 404);
    });
  });

  describe('endorsing', () => {
    it("lets a verified physician endorse a peer's answer once (201, then 409) and withdraw it (204)", async () => {
      const { question, answer } = await answered();
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const res = await endorse(answer.id, physician);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ answerId: answer.id, endorsementCount: 1, endorsedByMe: true });
      expectApiError(await endorse(answer.id, physician), 409);
      expect((await endorse(answer.id, await verifiedPhysician(sut.api, sut.dataSource))).body.endorsementCount).toBe(2);
      expect((await answersOf(question.id))[0].endorsementCount).toBe(2);
      expect((await withdraw(answer.id, physician)).status).toBe(204);
      expect((await answersOf(question.id))[0].endorsementCount).toBe(1);
      expectApiError(await withdraw(answer.id, physician), 404);
    });

    it('refuses patients, unverified physicians and moderators (403), and visitors (401)', async () => {
      const { question, answer } = await answered();
      for (const who of [await register(sut.api), await register(sut.api, 'physician'), moderator]) expectApiError(await endorse(answer.id, who), 403);
      expectApiError(await endorse(answer.id, null), 401);
      expect((await answersOf(question.id))[0].endorsementCount).toBe(0);
    });

    it('refuses a physician endorsing their own answer (403)', async () => {
      const question = await askQuestion(sut.api, await register(sut.api));
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const answer = await answerQuestion(sut.api, physician, question.id, 'Rest and fluids are usually enough.');
      expectApiError(await endorse(answer.id, physician), 403);
    });

    it('refuses a muted physician (403) and answers 404 for a held or unknown answer', async () => {
      const question = await askQuestion(sut.api, await register(sut.api));
      const held = (await postAnswer(question.id, await verifiedPhysician(sut.api, sut.dataSource), { body: PRESCRIPTION })).body;
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      expectApiError(await endorse(held.id, physician), 404);
      expectApiError(await endorse(randomUUID(), physician), 404);
      const answer = await answerQuestion(sut.api, await register(sut.api), question.id);
      await mute(physician);
      expectApiError(await endorse(answer.id, physician), 403);
    });
  });

  describe('editing and removing', () => {
    it("keeps a physician's disclaimer through an edit and re-runs the pipeline", async () => {
      const question = await askQuestion(sut.api, await register(sut.api));
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const answer = await answerQuestion(sut.api, physician, question.id, 'Rest and fluids are usually enough.');
      const res = await patch(answer.id, physician, { body: 'Rest, fluids, and call 9820012345 if it gets worse.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: answer.id, status: 'published', disclaimer: answer.disclaimer, editedAt: expect.any(String) });
      expect(res.text).not.toContain('9820012345');
      expect((await answersOf(question.id))[0].body).toContain('[phone removed]');
    });

    it('sends an edited answer back to held when it now prescribes, taking it off the question', async () => {
      const question = await askQuestion(sut.api, await register(sut.api));
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const answer = await answerQuestion(sut.api, physician, question.id, 'Rest and fluids are usually enough.');
      const res = await patch(answer.id, physician, { body: PRESCRIPTION });
      expect(res.body).toMatchObject({ status: 'held', moderation: { action: 'hold' }, disclaimer: answer.disclaimer });
      expect(await answersOf(question.id)).toEqual([]);
      expect((await detail(question.id)).body.answerCount).toBe(0);
    });

    it('refuses an edit by anyone but the author (403), a visitor (401) and bad input (400)', async () => {
      const { answerer, asker, answer } = await answered();
      expectApiError(await patch(answer.id, asker, { body: 'Changed' }), 403);
      expectApiError(await patch(answer.id, moderator, { body: 'Changed' }), 403);
      expectApiError(await patch(answer.id, null, { body: 'Changed' }), 401);
      expectApiError(await patch(answer.id, answerer, {}), 400);
      expectApiError(await patch(answer.id, answerer, { body: 'x', score: 99 }), 400);
      expectApiError(await patch(randomUUID(), answerer, { body: 'x' }), 404);
    });

    it('lets the author or a moderator remove an answer (204) and refuses others (403)', async () => {
      const { asker, answerer, question, answer } = await answered();
      const second = await answerQuestion(sut.api, await register(sut.api), question.id);
      expectApiError(await remove(answer.id, asker), 403);
      expect((await remove(answer.id, answerer)).status).toBe(204);
      expect((await remove(second.id, moderator)).status).toBe(204);
      const page = await detail(question.id);
      expect(page.body.answers).toEqual([]);
      expect(page.body.answerCount).toBe(0);
      expectApiError(await vote(answer.id, await register(sut.api), { value: 1 }), 404);
    });
  });
});
