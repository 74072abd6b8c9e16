import { randomUUID } from 'node:crypto';
import { expectApiError } from './support/api-error';
import { register, registerAs, type Session } from './support/factories';
import { http } from './support/http';
import {
  answer,
  ask,
  claim,
  contentStatus,
  CRISIS_BODY,
  decide,
  HELD_ANSWER_BODY,
  HELD_BODY,
  HELD_PHONE,
  heldQuestion,
  pendingItemId,
  queue,
  readOriginal,
  wholeQueue,
} from './support/moderation';
import { startTestApp, type TestApp } from './support/test-app';

const PRIORITY_RANK: Record<string, number> = { high: 2, normal: 1, low: 0 };

describe('moderation queue', () => {
  let sut: TestApp;
  let moderator: Session;

  beforeAll(async () => {
    sut = await startTestApp();
    moderator = await registerAs(sut.api, sut.dataSource, 'moderator');
  });
  afterAll(() => sut.close());

  const originalReads = async (moderatorId: string, contentId?: string): Promise<number> => {
    const [{ count }] = await sut.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_log WHERE action = 'content.original_read' AND actor_id = $1 AND ($2::text IS NULL OR target_id = $2)`,
      [moderatorId, contentId ?? null],
    );
    return count as number;
  };
  const publicQuestion = (id: string) => http('GET', `${sut.api}/questions/${id}`);

  describe('who may read it', () => {
    it('answers a visitor with 401 and a patient or physician with 403, never with an original', async () => {
      await heldQuestion(sut);
      const visitor = await queue(sut, undefined);
      expectApiError(visitor, 401);
      for (const role of ['patient', 'physician'] as const) {
        const user = await register(sut.api, role);
        const res = await queue(sut, user.accessToken);
        expectApiError(res, 403);
        expect(res.text).not.toContain(HELD_PHONE);
      }
    });

    it('lets an admin read the queue', async () => {
      const admin = await registerAs(sut.api, sut.dataSource, 'admin');
      expect((await queue(sut, admin.accessToken)).status).toBe(200);
    });
  });

  describe('listing', () => {
    it('shows a held item with its unredacted original, the redacted text, findings, reasons and real author', async () => {
      const { author, question, itemId } = await heldQuestion(sut);
      const item = (await wholeQueue(sut, moderator.accessToken)).find((i) => i.id === itemId);
      expect(item).toMatchObject({
        id: itemId,
        queueStatus: 'pending',
        targetType: 'question',
        targetId: question.id,
        status: 'held',
        original: { title: question.title, body: HELD_BODY },
        redacted: { title: question.title, body: expect.stringContaining('[phone removed]') },
        author: { id: author.id, handle: author.handle, role: 'physician', verified: false },
        priority: 'normal',
        source: 'pipeline',
        claimedBy: null,
        decision: null,
      });
      expect(item.redacted.body).not.toContain(HELD_PHONE);
      expect(item.findings).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body', kind: 'pii.phone', start: expect.any(Number), end: expect.any(Number) })]));
      expect(item.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'clinical.diagnosis' })]));
      expect(new Date(item.createdAt).toISOString()).toBe(item.createdAt);
    });

    it('shows moderators the real author of anonymous content', async () => {
      const physician = await register(sut.api, 'physician');
      const question = await ask(sut, physician, { body: HELD_BODY, anonymous: true });
      const itemId = await pendingItemId(sut, question.id);
      const item = (await wholeQueue(sut, moderator.accessToken)).find((i) => i.id === itemId);
      expect(item.anonymous).toBe(true);
      expect(item.author).toMatchObject({ id: physician.id, handle: physician.handle });
    });

    it('writes one audit row per original it returns, naming the moderator and the content', async () => {
      const reader = await registerAs(sut.api, sut.dataSource, 'moderator');
      const { question } = await heldQuestion(sut);
      const res = await queue(sut, reader.accessToken, '?limit=100');
      expect(res.status).toBe(200);
      const withOriginal = res.body.items.filter((i: any) => i.original !== null);
      expect(withOriginal.length).toBeGreaterThan(0);
      expect(await originalReads(reader.id)).toBe(withOriginal.length);

      const items = await wholeQueue(sut, reader.accessToken);
      expect(items.some((i) => i.targetId === question.id)).toBe(true);
      expect(await originalReads(reader.id, question.id)).toBeGreaterThanOrEqual(1);
    });

    it('puts crisis items first, then held, then reported, oldest first within each', async () => {
      const patient = await register(sut.api);
      const { itemId: heldFirst } = await heldQuestion(sut);
      const { itemId: heldSecond } = await heldQuestion(sut);
      const crisis = await ask(sut, patient, { title: 'Feeling low for weeks', body: CRISIS_BODY });
      expect(crisis.status).toBe('published');
      const crisisItem = await pendingItemId(sut, crisis.id);
      const reported = await ask(sut, patient, { body: 'Which stretches help after running?' });
      const report = await http('POST', `${sut.api}/reports`, { token: (await register(sut.api)).accessToken, body: { targetType: 'question', targetId: reported.id, reason: 'Looks like an advert' } });
      expect(report.status).toBe(201);
      const reportedItem = await pendingItemId(sut, reported.id);

      const items = await wholeQueue(sut, moderator.accessToken, 'pending', 3);
      const ids = items.map((i) => i.id);
      expect(ids.indexOf(crisisItem)).toBeLessThan(ids.indexOf(heldFirst));
      expect(ids.indexOf(heldFirst)).toBeLessThan(ids.indexOf(heldSecond));
      expect(ids.indexOf(heldSecond)).toBeLessThan(ids.indexOf(reportedItem));
      expect(items.find((i) => i.id === reportedItem)).toMatchObject({ priority: 'low', source: 'report', status: 'published', original: null });
      expect(new Set(ids).size).toBe(ids.length);
      const found = items.find((i) => i.id === crisisItem);
      expect(found).toMatchObject({ priority: 'high', status: 'published', original: null });
      for (let i = 1; i < items.length; i++) {
        const [a, b] = [items[i - 1], items[i]];
        const rank = PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
        expect(rank > 0 || (rank === 0 && a.createdAt <= b.createdAt)).toBe(true);
      }
    });

    it('lists decided items under ?status=decided with their decision', async () => {
      const { itemId } = await heldQuestion(sut);
      expect((await decide(sut, moderator.accessToken, itemId, { action: 'reject', reason: 'Diagnosis without an examination' })).status).toBe(200);
      const decided = (await wholeQueue(sut, moderator.accessToken, 'decided')).find((i) => i.id === itemId);
      expect(decided).toMatchObject({ queueStatus: 'decided', status: 'rejected', decision: { action: 'reject', reason: 'Diagnosis without an examination', decidedBy: moderator.id } });
      expect((await wholeQueue(sut, moderator.accessToken)).some((i) => i.id === itemId)).toBe(false);
    });

    it.each([
      ['a cursor it did not hand out', '?cursor=bm90LWEtY3Vyc29y'],
      ['a cursor with an unknown priority', `?cursor=${Buffer.from(`7|2026-01-01T00:00:00.000000Z|${randomUUID()}`).toString('base64url')}`],
      ['a limit over 100', '?limit=101'],
      ['a limit of 0', '?limit=0'],
      ['an unknown status', '?status=open'],
      ['an unknown parameter', '?sort=new'],
    ])('answers %s with 400', async (_case, query) => {
      expectApiError(await queue(sut, moderator.accessToken, query), 400);
    });
  });

  describe('claims', () => {
    it('lets one moderator claim an item and refuses a second one with 409 until it is released', async () => {
      const other = await registerAs(sut.api, sut.dataSource, 'moderator');
      const { itemId } = await heldQuestion(sut);

      const first = await claim(sut, moderator.accessToken, itemId);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ id: itemId, claimedBy: moderator.id, claimExpiresAt: expect.any(String) });
      expect((await claim(sut, moderator.accessToken, itemId)).status).toBe(200);
      expectApiError(await claim(sut, other.accessToken, itemId), 409);
      expectApiError(await claim(sut, other.accessToken, itemId, 'release'), 409);
      expectApiError(await decide(sut, other.accessToken, itemId, { action: 'approve', reason: 'fine' }), 409);

      const released = await claim(sut, moderator.accessToken, itemId, 'release');
      expect(released.status).toBe(200);
      expect(released.body.claimedBy).toBeNull();
      expect((await claim(sut, other.accessToken, itemId)).status).toBe(200);
    });

    it('lets another moderator take over a claim older than 15 minutes', async () => {
      const other = await registerAs(sut.api, sut.dataSource, 'moderator');
      const { itemId } = await heldQuestion(sut);
      expect((await claim(sut, moderator.accessToken, itemId)).status).toBe(200);
      await sut.dataSource.query(`UPDATE moderation_items SET claimed_at = now() - interval '16 minutes' WHERE id = $1`, [itemId]);
      const item = (await wholeQueue(sut, other.accessToken)).find((i) => i.id === itemId);
      expect(item.claimedBy).toBeNull();
      expect((await claim(sut, other.accessToken, itemId)).body.claimedBy).toBe(other.id);
    });

    it('refuses non-moderators, unknown items and decided items', async () => {
      const patient = await register(sut.api);
      const { itemId } = await heldQuestion(sut);
      expectApiError(await claim(sut, patient.accessToken, itemId), 403);
      expectApiError(await claim(sut, moderator.accessToken, randomUUID()), 404);
      expectApiError(await claim(sut, moderator.accessToken, 'not-a-uuid'), 400);
      await decide(sut, moderator.accessToken, itemId, { action: 'approve', reason: 'ok' });
      expectApiError(await claim(sut, moderator.accessToken, itemId), 409);
    });
  });

  describe('decisions', () => {
    it('approve publishes the redacted text: the public sees it only then, never the phone number', async () => {
      const { author, question, itemId } = await heldQuestion(sut);
      expectApiError(await publicQuestion(question.id), 404);

      const res = await decide(sut, moderator.accessToken, itemId, { action: 'approve', reason: 'Reads as general advice once redacted' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: itemId, targetType: 'question', targetId: question.id, status: 'published', decision: { action: 'approve', decidedBy: moderator.id } });

      const seen = await publicQuestion(question.id);
      expect(seen.status).toBe(200);
      expect(seen.body.status).toBe('published');
      expect(seen.body.body).toContain('[phone removed]');
      expect(seen.text).not.toContain(HELD_PHONE);
      const listed = await http('GET', `${sut.api}/questions?limit=100`);
      expect(listed.body.items.some((q: any) => q.id === question.id)).toBe(true);
      expect(listed.text).not.toContain(HELD_PHONE);

      const [row] = await sut.dataSource.query('SELECT decision_reason FROM content WHERE id = $1', [question.id]);
      expect(row.decision_reason).toBe('Reads as general advice once redacted');
      const [audit] = await sut.dataSource.query(`SELECT actor_id, details FROM audit_log WHERE action = 'moderation.approved' AND target_id = $1`, [question.id]);
      expect(audit).toMatchObject({ actor_id: moderator.id, details: { itemId } });
      // The author can still read their original until the retention job purges it.
      expect((await readOriginal(sut, author.accessToken, question.id)).body.body).toBe(HELD_BODY);
    });

    it('reject keeps the content from the public and tells the author the reason', async () => {
      const { author, question, itemId } = await heldQuestion(sut);
      const res = await decide(sut, moderator.accessToken, itemId, { action: 'reject', reason: 'A diagnosis needs an examination' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('rejected');
      expectApiError(await publicQuestion(question.id), 404);
      const own = await http('GET', `${sut.api}/questions/${question.id}`, { token: author.accessToken });
      expect(own.status).toBe(200);
      expect(own.body.status).toBe('rejected');
      expect(own.body.moderation.decisionReason).toBe('A diagnosis needs an examination');
    });

    it('reject takes down a published crisis post', async () => {
      const patient = await register(sut.api);
      const crisis = await ask(sut, patient, { body: CRISIS_BODY });
      expect((await publicQuestion(crisis.id)).status).toBe(200);
      const res = await decide(sut, moderator.accessToken, await pendingItemId(sut, crisis.id), { action: 'reject', reason: 'Moved to a private support channel' });
      expect(res.status).toBe(200);
      expect(await contentStatus(sut, crisis.id)).toBe('rejected');
      expectApiError(await publicQuestion(crisis.id), 404);
    });

    it('edit publishes the moderator\'s text after redacting a phone number they typed, and records a revision', async () => {
      const { question, itemId } = await heldQuestion(sut);
      const typed = 'Please discuss this with your own doctor; you can reach our clinic desk on +91 98200 54321.';
      const res = await decide(sut, moderator.accessToken, itemId, { action: 'edit', body: typed, reason: 'Removed the diagnosis' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('published');
      expect(res.body.redacted.body).toBe('Please discuss this with your own doctor; you can reach our clinic desk on [phone removed].');

      const seen = await publicQuestion(question.id);
      expect(seen.body.body).toBe(res.body.redacted.body);
      expect(seen.text).not.toContain('98200 54321');
      const revisions = await sut.dataSource.query('SELECT editor_id, body, status FROM content_revisions WHERE content_id = $1 ORDER BY id', [question.id]);
      expect(revisions[revisions.length - 1]).toEqual({ editor_id: moderator.id, body: res.body.redacted.body, status: 'published' });
      const [audit] = await sut.dataSource.query(`SELECT count(*)::int AS count FROM audit_log WHERE action = 'moderation.edited' AND target_id = $1`, [question.id]);
      expect(audit.count).toBe(1);
    });

    it('edit keeps the no-diagnosis disclaimer on a physician\'s answer', async () => {
      const patient = await register(sut.api);
      const physician = await register(sut.api, 'physician');
      const question = await ask(sut, patient, { body: 'My fasting sugar is 140, what does it mean?' });
      const held = await answer(sut, physician, question.id, HELD_ANSWER_BODY);
      expect(held.status).toBe('held');
      expect(held.disclaimer).toEqual(expect.any(String));

      const res = await decide(sut, moderator.accessToken, await pendingItemId(sut, held.id), {
        action: 'edit',
        body: 'A fasting sugar of 140 is worth discussing with your doctor, who can order the right tests.',
        reason: 'Removed the diagnosis and the dose',
      });
      expect(res.status).toBe(200);
      expect(res.body.disclaimer).toBe(held.disclaimer);
      const detail = await publicQuestion(question.id);
      const published = detail.body.answers.find((a: any) => a.id === held.id);
      expect(published).toMatchObject({ status: 'published', disclaimer: held.disclaimer });
    });

    it('answers a second decision on the same item with 409 and changes nothing', async () => {
      const { question, itemId } = await heldQuestion(sut);
      expect((await decide(sut, moderator.accessToken, itemId, { action: 'approve', reason: 'ok' })).status).toBe(200);
      expectApiError(await decide(sut, moderator.accessToken, itemId, { action: 'reject', reason: 'changed my mind' }), 409);
      expect(await contentStatus(sut, question.id)).toBe('published');
    });

    it('lets only one of two simultaneous decisions win', async () => {
      const other = await registerAs(sut.api, sut.dataSource, 'moderator');
      const { itemId } = await heldQuestion(sut);
      const results = await Promise.all([
        decide(sut, moderator.accessToken, itemId, { action: 'approve', reason: 'ok' }),
        decide(sut, other.accessToken, itemId, { action: 'reject', reason: 'no' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    });

    it('refuses a patient with 403 and a visitor with 401, leaving the item pending', async () => {
      const patient = await register(sut.api);
      const { question, itemId } = await heldQuestion(sut);
      expectApiError(await decide(sut, patient.accessToken, itemId, { action: 'approve', reason: 'ok' }), 403);
      expectApiError(await http('POST', `${sut.api}/moderation/queue/${itemId}/decision`, { body: { action: 'approve', reason: 'ok' } }), 401);
      expect(await contentStatus(sut, question.id)).toBe('held');
    });

    it('answers an unknown item with 404', async () => {
      expectApiError(await decide(sut, moderator.accessToken, randomUUID(), { action: 'approve', reason: 'ok' }), 404);
    });

    it.each([
      ['a bad UUID', 'not-a-uuid', { action: 'approve', reason: 'ok' }],
      ['an unknown action', null, { action: 'publish', reason: 'ok' }],
      ['a missing reason', null, { action: 'approve' }],
      ['a blank reason', null, { action: 'reject', reason: '   ' }],
      ['a reason over 1000 characters', null, { action: 'reject', reason: 'x'.repeat(1001) }],
      ['an edit without a body', null, { action: 'edit', reason: 'ok' }],
      ['an edit with a blank body', null, { action: 'edit', body: '  ', reason: 'ok' }],
      ['a body with approve', null, { action: 'approve', body: 'new text', reason: 'ok' }],
      ['an unknown field', null, { action: 'approve', reason: 'ok', publishAt: 'now' }],
    ])('answers %s with 400 and leaves the content held', async (_case, badId, body) => {
      const { question, itemId } = await heldQuestion(sut);
      expectApiError(await decide(sut, moderator.accessToken, badId ?? itemId, body), 400);
      expect(await contentStatus(sut, question.id)).toBe('held');
    });
  });

  describe('the original, read by its author', () => {
    it('lets the author and moderators read it, audit-logs each read, and is 404 to anyone else', async () => {
      const { author, question } = await heldQuestion(sut);
      const own = await readOriginal(sut, author.accessToken, question.id);
      expect(own.status).toBe(200);
      expect(own.body).toEqual({ title: question.title, body: HELD_BODY });
      expect((await readOriginal(sut, moderator.accessToken, question.id)).status).toBe(200);

      const reads = await sut.dataSource.query(`SELECT actor_id FROM audit_log WHERE action = 'content.original_read' AND target_id = $1 ORDER BY id`, [question.id]);
      expect(reads.map((r: any) => r.actor_id)).toEqual(expect.arrayContaining([author.id, moderator.id]));

      const stranger = await register(sut.api);
      expectApiError(await readOriginal(sut, stranger.accessToken, question.id), 404);
      expectApiError(await readOriginal(sut, undefined, question.id), 401);
      expectApiError(await readOriginal(sut, author.accessToken, randomUUID()), 404);
    });

    it('is 404 for published content, where no original is kept', async () => {
      const patient = await register(sut.api);
      const question = await ask(sut, patient, { body: 'Knee pain after running: which stretches help most?' });
      expectApiError(await readOriginal(sut, patient.accessToken, question.id), 404);
      expectApiError(await readOriginal(sut, (await register(sut.api)).accessToken, question.id), 404);
    });
  });
});
