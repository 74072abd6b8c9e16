import { randomBytes } from 'node:crypto';
import { http, type HttpResult } from './support/http';
import { register, registerAs, verifiedPhysician, type Session } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The privacy property of DESIGN.md, across every read path at once: held, rejected and removed
 * content, unredacted originals and anonymous authors never reach anyone who may not see them.
 * Each viewer reads every read path; everything they were sent is searched for what must not be
 * there — and, so the test can fail, for what must.
 */
describe('no read path leaks', () => {
  let sut: TestApp;
  let asker: Session;
  let anonymousAsker: Session;
  let doctor: Session;
  let other: Session;
  let moderator: Session;
  const tag = `leak-${randomBytes(3).toString('hex')}`;
  const marker = (name: string) => `zq${name}${randomBytes(3).toString('hex')}`;
  const m = {
    published: marker('pub'),
    heldAnswer: marker('held'),
    anonymous: marker('anon'),
    heldThread: marker('hthread'),
    removed: marker('gone'),
    reported: marker('rep'),
    rejected: marker('rej'),
    post: marker('post'),
  };
  const PHONE = '98201 47365';
  const AADHAAR = '3123 4567 8909';
  const EMAIL = 'meera.iyer.leak@example.com';
  const secrets = [PHONE, PHONE.replace(' ', ''), AADHAAR, AADHAAR.replace(/ /g, ''), EMAIL];
  const ids: Record<string, string> = {};

  const post = async (who: Session, path: string, body: unknown): Promise<HttpResult> => {
    const res = await http('POST', `${sut.api}${path}`, { token: who.accessToken, body });
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${res.text}`);
    return res;
  };

  beforeAll(async () => {
    sut = await startTestApp({ REPORT_HOLD_THRESHOLD: '2' });
    [asker, anonymousAsker, other] = await Promise.all([register(sut.api), register(sut.api), register(sut.api)]);
    doctor = await verifiedPhysician(sut.api, sut.dataSource);
    moderator = await registerAs(sut.api, sut.dataSource, 'moderator');

    const question = await post(asker, '/questions', {
      title: `Thyroid results ${m.published}, call ${PHONE}`,
      body: `My Aadhaar is ${AADHAAR} and e-mail ${EMAIL}; TSH is 7.2 (${m.published}).`,
      tags: [tag],
    });
    ids.question = question.body.id;
    expect(question.body.status).toBe('published');

    const held = await post(doctor, `/questions/${ids.question}/answers`, {
      body: `You have hypothyroidism. Start thyroxine 50 mcg daily and stop taking calcium (${m.heldAnswer}).`,
    });
    expect(held.body.status).toBe('held');
    ids.heldAnswer = held.body.id;

    const anonymous = await post(anonymousAsker, '/questions', {
      title: `Embarrassing question ${m.anonymous}`,
      body: `I have had piles for a month and feel too shy to ask anyone (${m.anonymous}).`,
      tags: [tag],
      anonymous: true,
    });
    ids.anonymous = anonymous.body.id;

    const heldThread = await post(doctor, '/forums/living-with/threads', {
      title: `Your sugar numbers ${m.heldThread}`,
      body: `You have type 2 diabetes. Take metformin 500 mg twice daily (${m.heldThread}).`,
    });
    expect(heldThread.body.status).toBe('held');
    ids.heldThread = heldThread.body.id;

    const thread = await post(asker, '/forums/caregivers/threads', { title: `Caring for mum ${m.post}`, body: `Looking after my mother after her fall (${m.post}).` });
    ids.thread = thread.body.id;
    await post(anonymousAsker, `/threads/${ids.thread}/posts`, { body: `Same here, ring me on ${PHONE} (${m.post}).`, anonymous: true });

    const removed = await post(asker, '/questions', { title: `Never mind ${m.removed}`, body: `Please ignore this (${m.removed}).`, tags: [tag] });
    ids.removed = removed.body.id;
    expect((await http('DELETE', `${sut.api}/questions/${ids.removed}`, { token: asker.accessToken })).status).toBe(204);

    const reported = await post(asker, '/questions', { title: `Reported ${m.reported}`, body: `A question others found off-topic (${m.reported}).`, tags: [tag] });
    ids.reported = reported.body.id;
    for (const reporter of [other, doctor]) {
      await post(reporter, '/reports', { targetType: 'question', targetId: ids.reported, reason: 'off-topic' });
    }

    const rejected = await post(asker, '/questions', { title: `Offer ${m.rejected}`, body: `Kidney for sale, good price (${m.rejected}).`, tags: [tag] });
    expect(rejected.body.status).toBe('rejected');
    ids.rejected = rejected.body.id;
  });
  afterAll(() => sut.close());

  /** Every read path, as `viewer` (null: a visitor) sees it, concatenated. */
  async function everythingSeenBy(viewer: Session | null): Promise<string> {
    const token = viewer?.accessToken;
    const paths = [
      `/questions?tag=${tag}&limit=100`,
      `/questions?q=${m.published}`,
      `/questions?q=${m.heldAnswer}`,
      `/questions?q=${m.anonymous}`,
      `/questions/${ids.question}`,
      `/questions/${ids.anonymous}`,
      `/questions/${ids.removed}`,
      `/questions/${ids.reported}`,
      `/questions/${ids.rejected}`,
      `/forums/living-with/threads?limit=100`,
      `/forums/caregivers/threads?limit=100`,
      `/threads/${ids.thread}`,
      `/threads/${ids.heldThread}`,
      ...Object.values(m).map((word) => `/search?q=${word}`),
      `/search?q=${encodeURIComponent(PHONE)}`,
      `/search?q=${encodeURIComponent(EMAIL)}`,
      `/users/${asker.id}/content?limit=100`,
      `/users/${anonymousAsker.id}/content?limit=100`,
      `/users/${doctor.id}/content?limit=100`,
      `/content/${ids.heldAnswer}/original`,
      `/content/${ids.heldThread}/original`,
      `/moderation/queue?limit=100`,
    ];
    if (viewer) paths.push('/me/content?limit=100', '/notifications?limit=100', '/me');
    const texts: string[] = [];
    for (const path of paths) {
      const res = await http('GET', `${sut.api}${path}`, { token });
      expect(res.status).toBeLessThan(500);
      texts.push(`${path} → ${res.status} ${res.text}`);
    }
    return texts.join('\n');
  }

  /** The paths whose response (not the path itself) carried `needle`: a failure names where the leak is. */
  const leaks = (seen: string, needle: string) =>
    seen
      .split('\n')
      .map((line) => line.split(' → '))
      .filter(([, response]) => response.includes(needle))
      .map(([path]) => path);

  const strangers: Array<[string, () => Session | null]> = [
    ['a visitor', () => null],
    ['another patient', () => other],
    ['a verified physician', () => doctor],
  ];

  it.each(strangers)('shows %s the published, redacted question and nothing held, rejected or removed', async (_who, viewer) => {
    const seen = await everythingSeenBy(viewer());
    expect(seen).toContain(m.published);
    expect(seen).toContain('[phone removed]');
    for (const hidden of [m.removed, m.reported, m.rejected]) expect({ hidden, at: leaks(seen, hidden) }).toEqual({ hidden, at: [] });
    // the doctor wrote the held answer and thread, and may see them; nobody else may
    if (viewer() !== doctor) for (const hidden of [m.heldAnswer, m.heldThread]) expect({ hidden, at: leaks(seen, hidden) }).toEqual({ hidden, at: [] });
  });

  it.each([...strangers, ['the asker', () => asker] as [string, () => Session | null]])(
    'never sends %s an unredacted phone number, Aadhaar or e-mail',
    async (_who, viewer) => {
      const seen = await everythingSeenBy(viewer());
      for (const secret of secrets) expect({ secret, at: leaks(seen, secret) }).toEqual({ secret, at: [] });
    },
  );

  it.each([...strangers, ['the anonymous author', () => anonymousAsker] as [string, () => Session | null]])(
    'never tells %s who wrote anonymous content',
    async (_who, viewer) => {
      const seen = await everythingSeenBy(viewer());
      expect(seen).toContain(m.anonymous);
      const who = viewer();
      // the anonymous author's own /me naturally carries their id and handle; nothing else may
      const others = who === anonymousAsker ? seen.split('\n').filter((line) => !line.startsWith('/me →')).join('\n') : seen;
      expect(leaks(others, anonymousAsker.handle)).toEqual([]);
      if (who !== anonymousAsker) expect(leaks(others, anonymousAsker.id)).toEqual([]);
    },
  );

  it('shows the author their own held content with its outcome, but never to others', async () => {
    const own = await http('GET', `${sut.api}/me/content?limit=100`, { token: doctor.accessToken });
    expect(own.status).toBe(200);
    expect(own.text).toContain(m.heldAnswer);
    expect(own.text).toContain(m.heldThread);
    const theirs = await http('GET', `${sut.api}/me/content?limit=100`, { token: other.accessToken });
    expect(theirs.text).not.toContain(m.heldAnswer);
  });

  it('shows moderators the unredacted original of held content, and the real anonymous author', async () => {
    const queue = await http('GET', `${sut.api}/moderation/queue?limit=100`, { token: moderator.accessToken });
    expect(queue.status).toBe(200);
    expect(queue.text).toContain(m.heldAnswer);
    const anonymous = await http('GET', `${sut.api}/questions/${ids.anonymous}`, { token: moderator.accessToken });
    expect(anonymous.body.author.handle).toBe(anonymousAsker.handle);
  });
});
