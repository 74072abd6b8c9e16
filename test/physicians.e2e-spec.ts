import { randomBytes, randomUUID } from 'node:crypto';
import { http } from './support/http';
import { register, registerAs, verifiedPhysician, type Session } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

interface Application {
  registrationNumber: string;
  council: string;
  specialty: string;
  country: string;
}

const application = (overrides: Partial<Application> = {}): Application => ({
  registrationNumber: `MCI-${randomBytes(4).toString('hex').toUpperCase()}`,
  council: 'National Medical Commission',
  specialty: 'Cardiology',
  country: 'IN',
  ...overrides,
});

describe('physician verification', () => {
  let sut: TestApp;
  let moderator: Session;

  beforeAll(async () => {
    sut = await startTestApp();
    moderator = await registerAs(sut.api, sut.dataSource, 'moderator');
  });
  afterAll(() => sut.close());

  const apply = (who: Session, body: unknown = application()) =>
    http('POST', `${sut.api}/physicians/verification`, { token: who.accessToken, body });
  const me = (who: Session) => http('GET', `${sut.api}/me`, { token: who.accessToken });
  const profile = (userId: string) => http('GET', `${sut.api}/users/${userId}`);
  const queue = (query = '', token = moderator.accessToken) =>
    http('GET', `${sut.api}/moderation/verifications${query}`, { token });
  const approve = (id: string, body: unknown = {}, token = moderator.accessToken) =>
    http('POST', `${sut.api}/moderation/verifications/${id}/approve`, { token, body });
  const reject = (id: string, body: unknown = { reason: 'The council has no record of this number' }, token = moderator.accessToken) =>
    http('POST', `${sut.api}/moderation/verifications/${id}/reject`, { token, body });

  /** Every pending application, following nextCursor to the end. */
  async function wholeQueue(limit: number): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await queue(`?status=pending&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      ids.push(...res.body.items.map((item: { id: string }) => item.id));
      cursor = res.body.nextCursor;
      pages++;
      if (pages > 1000) throw new Error('pagination does not end');
    } while (cursor !== null);
    return { ids, pages };
  }

  async function pendingApplicant(body: Application = application()): Promise<{ physician: Session; id: string }> {
    const physician = await register(sut.api, 'physician');
    const res = await apply(physician, body);
    expect(res.status).toBe(201);
    return { physician, id: res.body.id as string };
  }

  describe('applying', () => {
    it('accepts an unverified physician\'s application as pending and shows it on GET /me', async () => {
      const physician = await register(sut.api, 'physician');
      const before = await me(physician);
      expect(before.body.physician).toEqual({ status: 'unverified', specialty: null });

      const res = await apply(physician, application({ specialty: 'Endocrinology' }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: expect.any(String), status: 'pending', specialty: 'Endocrinology', reason: null });
      expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);

      const after = await me(physician);
      expect(after.status).toBe(200);
      expect(after.body.physician).toEqual({ status: 'pending', specialty: 'Endocrinology' });
    });

    it('does not echo the registration number or council back in the applicant\'s answer', async () => {
      const physician = await register(sut.api, 'physician');
      const res = await apply(physician);
      expect(res.status).toBe(201);
      expect(res.body).not.toHaveProperty('registrationNumber');
      expect(res.body).not.toHaveProperty('council');
    });

    it('refuses a patient with 403', async () => {
      const patient = await register(sut.api, 'patient');
      const res = await apply(patient);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      const [{ count }] = await sut.dataSource.query('SELECT count(*)::int AS count FROM physician_verifications WHERE user_id = $1', [patient.id]);
      expect(count).toBe(0);
    });

    it('refuses a physician who is already verified with 403', async () => {
      const verified = await verifiedPhysician(sut.api, sut.dataSource);
      const res = await apply(verified);
      expect(res.status).toBe(403);
    });

    it('refuses a moderator with 403: only physicians apply', async () => {
      const res = await apply(moderator);
      expect(res.status).toBe(403);
    });

    it('refuses a caller without a token with 401', async () => {
      const res = await http('POST', `${sut.api}/physicians/verification`, { body: application() });
      expect(res.status).toBe(401);
    });

    it.each([
      ['an unknown field', { ...application(), hospital: 'AIIMS' }, 'property hospital should not exist'],
      ['a country that is not ISO 3166-1 alpha-2', application({ country: 'India' }), 'country'],
      ['a numeric country', application({ country: '91' }), 'country'],
      ['a missing registration number', { council: 'NMC', specialty: 'Cardiology', country: 'IN' }, 'registrationNumber'],
      ['a missing council', { registrationNumber: 'MCI-1234', specialty: 'Cardiology', country: 'IN' }, 'council'],
      ['a missing specialty', { registrationNumber: 'MCI-1234', council: 'NMC', country: 'IN' }, 'specialty'],
      ['a missing country', { registrationNumber: 'MCI-1234', council: 'NMC', specialty: 'Cardiology' }, 'country'],
      ['a registration number with markup', application({ registrationNumber: '<b>123</b>' }), 'registrationNumber'],
      ['a blank specialty', application({ specialty: '   ' }), 'specialty'],
      ['a non-string registration number', { ...application(), registrationNumber: 12345 }, 'registrationNumber'],
      ['markup in the specialty the public will see', application({ specialty: '<img src=x onerror=alert(1)>' }), 'specialty'],
      ['a specialty of digits', application({ specialty: '12345' }), 'specialty'],
      ['markup in the council', application({ council: '<b>NMC</b>' }), 'council'],
      ['a specialty too long for the badge', application({ specialty: 'Cardiology '.repeat(10) }), 'specialty'],
    ])('rejects %s with 400 and stores nothing', async (_case, body, mentioned) => {
      const physician = await register(sut.api, 'physician');
      const res = await apply(physician, body);
      expect(res.status).toBe(400);
      expect(res.body.statusCode).toBe(400);
      expect(JSON.stringify(res.body.message)).toContain(mentioned);
      const [{ count }] = await sut.dataSource.query('SELECT count(*)::int AS count FROM physician_verifications WHERE user_id = $1', [physician.id]);
      expect(count).toBe(0);
      expect((await me(physician)).body.physician).toEqual({ status: 'unverified', specialty: null });
    });

    it('accepts specialties and councils written as people write them, in any script', async () => {
      for (const [specialty, council] of [
        ['Obstetrics & Gynaecology', 'Medical Council of India (MCI)'],
        ['Ear, Nose and Throat', "St. John's Medical Board"],
        ['Médecine générale', 'Ordre des médecins'],
        ['हृदय रोग', 'दिल्ली मेडिकल काउंसिल'],
      ]) {
        const physician = await register(sut.api, 'physician');
        const res = await apply(physician, application({ specialty, council }));
        expect(res.status).toBe(201);
        expect(res.body.specialty).toBe(specialty);
      }
    });

    it('answers two simultaneous applications from one physician with one 201 and one 409', async () => {
      const physician = await register(sut.api, 'physician');
      const results = await Promise.all([apply(physician), apply(physician)]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const [{ count }] = await sut.dataSource.query('SELECT count(*)::int AS count FROM physician_verifications WHERE user_id = $1', [physician.id]);
      expect(count).toBe(1);
    });

    it('normalises a lower-case country code and trims whitespace', async () => {
      const { id } = await pendingApplicant(application({ country: 'us', council: '  Medical Board of California ' }));
      const [row] = await sut.dataSource.query('SELECT country, council FROM physician_verifications WHERE id = $1', [id]);
      expect(row).toEqual({ country: 'US', council: 'Medical Board of California' });
    });

    it('answers a second application while one is pending with 409, keeping the first', async () => {
      const { physician, id } = await pendingApplicant(application({ specialty: 'Neurology' }));
      const second = await apply(physician, application({ specialty: 'Oncology' }));
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
      const rows = await sut.dataSource.query('SELECT id, specialty FROM physician_verifications WHERE user_id = $1', [physician.id]);
      expect(rows).toEqual([{ id, specialty: 'Neurology' }]);
      expect((await me(physician)).body.physician).toEqual({ status: 'pending', specialty: 'Neurology' });
    });

    it('lets a rejected physician apply again, and the new application is pending', async () => {
      const { physician, id } = await pendingApplicant(application({ specialty: 'Neurology' }));
      expect((await reject(id)).status).toBe(200);
      expect((await me(physician)).body.physician).toEqual({ status: 'rejected', specialty: 'Neurology', reason: 'The council has no record of this number' });

      const again = await apply(physician, application({ specialty: 'Neurology' }));
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ status: 'pending' });
      expect(again.body.id).not.toBe(id);
      expect((await me(physician)).body.physician).toEqual({ status: 'pending', specialty: 'Neurology' });
    });
  });

  describe('the moderators\' queue', () => {
    it('lists a pending application with its professional details and the applicant\'s pseudonym only', async () => {
      const body = application({ specialty: 'Dermatology', country: 'GB', council: 'General Medical Council' });
      const { physician, id } = await pendingApplicant(body);
      const res = await queue('?status=pending&limit=100');
      // The newest application is last in an oldest-first queue; find it on whichever page it is.
      let item = res.body.items.find((i: { id: string }) => i.id === id);
      let cursor = res.body.nextCursor;
      while (!item && cursor) {
        const next = await queue(`?status=pending&limit=100&cursor=${encodeURIComponent(cursor)}`);
        item = next.body.items.find((i: { id: string }) => i.id === id);
        cursor = next.body.nextCursor;
      }
      expect(item).toEqual({
        id,
        user: { id: physician.id, handle: physician.handle },
        registrationNumber: body.registrationNumber,
        council: 'General Medical Council',
        specialty: 'Dermatology',
        country: 'GB',
        status: 'pending',
        reason: null,
        createdAt: expect.any(String),
        decidedAt: null,
      });
      expect(JSON.stringify(item)).not.toContain(physician.email);
    });

    it('defaults to the pending queue when no status is given', async () => {
      const { id } = await pendingApplicant();
      const res = await queue('?limit=100');
      expect(res.status).toBe(200);
      expect(res.body.items.every((i: { status: string }) => i.status === 'pending')).toBe(true);
      const { ids } = await wholeQueue(100);
      expect(ids).toContain(id);
    });

    it('pages oldest first with limit and nextCursor: no duplicates, no gaps, ending in null', async () => {
      const mine: string[] = [];
      for (let i = 0; i < 3; i++) mine.push((await pendingApplicant()).id);

      const { ids, pages } = await wholeQueue(2);
      expect(new Set(ids).size).toBe(ids.length);
      const expected = (
        await sut.dataSource.query<Array<{ id: string }>>(
          "SELECT id FROM physician_verifications WHERE status = 'pending' ORDER BY created_at, id",
        )
      ).map((r) => r.id);
      expect(ids).toEqual(expected);
      expect(pages).toBe(Math.ceil(expected.length / 2));
      // Mine were made last and in this order, so they close the queue.
      expect(ids.slice(-3)).toEqual(mine);
    });

    it('returns the first page with a cursor, and the page after it without the first page\'s rows', async () => {
      for (let i = 0; i < 3; i++) await pendingApplicant();
      const first = await queue('?status=pending&limit=2');
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(2);
      expect(typeof first.body.nextCursor).toBe('string');
      const second = await queue(`?status=pending&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
      expect(second.status).toBe(200);
      const firstIds = first.body.items.map((i: { id: string }) => i.id);
      for (const item of second.body.items) expect(firstIds).not.toContain(item.id);
      const created = [...first.body.items, ...second.body.items].map((i: { createdAt: string }) => i.createdAt);
      expect([...created].sort()).toEqual(created);
    });

    it('lists decided applications under their status', async () => {
      const { id: approvedId } = await pendingApplicant();
      const { id: rejectedId } = await pendingApplicant();
      await approve(approvedId);
      await reject(rejectedId);
      const approved = await queue('?status=approved&limit=100');
      const rejected = await queue('?status=rejected&limit=100');
      expect(approved.status).toBe(200);
      expect(approved.body.items.every((i: { status: string }) => i.status === 'approved')).toBe(true);
      expect(rejected.body.items.every((i: { status: string }) => i.status === 'rejected')).toBe(true);
      const { ids: pending } = await wholeQueue(100);
      expect(pending).not.toContain(approvedId);
      expect(pending).not.toContain(rejectedId);
    });

    it.each([
      ['a garbage cursor', '?status=pending&cursor=not-a-cursor'],
      ['a cursor that is not base64url', '?status=pending&cursor=%2F%2F%2F'],
      ['a well-encoded cursor with an impossible date', `?status=pending&cursor=${Buffer.from(`2026-13-45T99:99:99Z|${randomUUID()}`).toString('base64url')}`],
      ['a well-encoded cursor with a malformed id', `?status=pending&cursor=${Buffer.from(`2026-01-01T00:00:00.000Z|${'-'.repeat(36)}`).toString('base64url')}`],
      ['an unknown status', '?status=bogus'],
      ['limit 0', '?limit=0'],
      ['limit 101', '?limit=101'],
      ['an unknown query parameter', '?sort=desc'],
    ])('answers %s with 400', async (_case, query) => {
      const res = await queue(query);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });

    it('refuses patients and physicians with 403, and visitors with 401', async () => {
      const patient = await register(sut.api, 'patient');
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      expect((await queue('', patient.accessToken)).status).toBe(403);
      expect((await queue('', physician.accessToken)).status).toBe(403);
      expect((await http('GET', `${sut.api}/moderation/verifications`)).status).toBe(401);
    });

    it('lets an admin read the queue', async () => {
      const admin = await registerAs(sut.api, sut.dataSource, 'admin');
      expect((await queue('', admin.accessToken)).status).toBe(200);
    });
  });

  describe('deciding', () => {
    it('approves: 200, the physician becomes verified with the applied specialty, and GET /me says approved', async () => {
      const body = application({ specialty: 'Pulmonology' });
      const { physician, id } = await pendingApplicant(body);
      const before = await profile(physician.id);
      expect(before.body).toMatchObject({ verified: false, specialty: null });

      const res = await approve(id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, status: 'approved', specialty: 'Pulmonology', user: { id: physician.id } });
      expect(res.body.decidedAt).toEqual(expect.any(String));

      const self = await me(physician);
      expect(self.body.physician).toEqual({ status: 'approved', specialty: 'Pulmonology' });
      // Verified physicians can no longer apply: the new status took effect on the next request.
      expect((await apply(physician)).status).toBe(403);
    });

    it('shows the public only "verified" and the specialty, never the registration, council or e-mail', async () => {
      const body = application({ specialty: 'Rheumatology', council: 'Karnataka Medical Council' });
      const { physician, id } = await pendingApplicant(body);
      expect((await approve(id)).status).toBe(200);

      const patient = await register(sut.api, 'patient');
      for (const token of [undefined, patient.accessToken]) {
        const res = await http('GET', `${sut.api}/users/${physician.id}`, { token });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ id: physician.id, handle: physician.handle, role: 'physician', verified: true, specialty: 'Rheumatology' });
        for (const secret of [body.registrationNumber, body.council, physician.email]) expect(res.text).not.toContain(secret);
        for (const key of ['registrationNumber', 'council', 'email', 'country']) expect(res.body).not.toHaveProperty(key);
      }
    });

    it('keeps a rejected physician unverified in public', async () => {
      const { physician, id } = await pendingApplicant(application({ specialty: 'Urology' }));
      expect((await reject(id)).status).toBe(200);
      const res = await profile(physician.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ verified: false, specialty: null });
      expect(res.text).not.toContain('Urology');
    });

    it('approves without a body as well as with an optional note', async () => {
      const { id } = await pendingApplicant();
      const res = await http('POST', `${sut.api}/moderation/verifications/${id}/approve`, { token: moderator.accessToken });
      expect(res.status).toBe(200);
      const { id: other } = await pendingApplicant();
      const withNote = await approve(other, { reason: 'Checked the NMC register' });
      expect(withNote.status).toBe(200);
      expect(withNote.body.reason).toBe('Checked the NMC register');
    });

    it('rejects with a reason: 200, the applicant sees rejected and stays unverified', async () => {
      const { physician, id } = await pendingApplicant(application({ specialty: 'Oncology' }));
      const res = await reject(id, { reason: 'Registration number not found' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, status: 'rejected', reason: 'Registration number not found' });
      expect((await me(physician)).body.physician).toEqual({ status: 'rejected', specialty: 'Oncology', reason: 'Registration number not found' });
      const [user] = await sut.dataSource.query('SELECT verified_at, specialty FROM users WHERE id = $1', [physician.id]);
      expect(user).toEqual({ verified_at: null, specialty: null });
    });

    it.each([
      ['no body', undefined],
      ['an empty body', {}],
      ['a blank reason', { reason: '   ' }],
      ['a non-string reason', { reason: 42 }],
      ['an unknown field', { reason: 'Not found in the register', extra: true }],
    ])('refuses a rejection with %s (400) and leaves the application pending', async (_case, body) => {
      const { physician, id } = await pendingApplicant();
      const res = await http('POST', `${sut.api}/moderation/verifications/${id}/reject`, { token: moderator.accessToken, body });
      expect(res.status).toBe(400);
      expect((await me(physician)).body.physician.status).toBe('pending');
    });

    it('answers a second decision with 409 and keeps the first', async () => {
      const { physician, id } = await pendingApplicant();
      expect((await approve(id)).status).toBe(200);
      const again = await reject(id);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
      expect((await approve(id)).status).toBe(409);
      expect((await me(physician)).body.physician.status).toBe('approved');

      const { id: rejectedId } = await pendingApplicant();
      expect((await reject(rejectedId)).status).toBe(200);
      expect((await approve(rejectedId)).status).toBe(409);
    });

    it('answers an unknown id with 404 and a malformed id with 400', async () => {
      const unknown = await approve(randomUUID());
      expect(unknown.status).toBe(404);
      expect((await reject(randomUUID())).status).toBe(404);
      const malformed = await approve('not-a-uuid');
      expect(malformed.status).toBe(400);
      expect((await reject('12345')).status).toBe(400);
    });

    it('refuses patients and physicians with 403 and visitors with 401, deciding nothing', async () => {
      const { physician, id } = await pendingApplicant();
      const patient = await register(sut.api, 'patient');
      const verified = await verifiedPhysician(sut.api, sut.dataSource);
      expect((await approve(id, {}, patient.accessToken)).status).toBe(403);
      expect((await approve(id, {}, verified.accessToken)).status).toBe(403);
      expect((await approve(id, {}, physician.accessToken)).status).toBe(403);
      expect((await reject(id, undefined, verified.accessToken)).status).toBe(403);
      expect((await http('POST', `${sut.api}/moderation/verifications/${id}/approve`, { body: {} })).status).toBe(401);
      expect((await me(physician)).body.physician.status).toBe('pending');
    });

    it('writes verification.approved to the audit log: actor is the moderator, target the application', async () => {
      const { physician, id } = await pendingApplicant();
      await approve(id);
      const audit = await http('GET', `${sut.api}/moderation/audit?limit=100`, { token: moderator.accessToken });
      expect(audit.status).toBe(200);
      const entries = audit.body.items.filter((e: { targetId: string }) => e.targetId === id);
      expect(entries).toEqual([
        expect.objectContaining({
          action: 'verification.approved',
          actorId: moderator.id,
          targetType: 'physician_verification',
          targetId: id,
          details: expect.objectContaining({ userId: physician.id }),
        }),
      ]);
    });

    it('writes verification.rejected with the reason to the audit log', async () => {
      const { physician, id } = await pendingApplicant();
      await reject(id, { reason: 'Council says the licence lapsed' });
      const audit = await http('GET', `${sut.api}/moderation/audit?limit=100`, { token: moderator.accessToken });
      const entries = audit.body.items.filter((e: { targetId: string }) => e.targetId === id);
      expect(entries).toEqual([
        expect.objectContaining({
          action: 'verification.rejected',
          actorId: moderator.id,
          targetType: 'physician_verification',
          details: { userId: physician.id, reason: 'Council says the licence lapsed' },
        }),
      ]);
    });

    it('writes no audit entry for a refused or conflicting decision', async () => {
      const { id } = await pendingApplicant();
      const patient = await register(sut.api, 'patient');
      await approve(id, {}, patient.accessToken);
      await approve(id);
      await approve(id);
      await reject(id);
      const rows = await sut.dataSource.query('SELECT action, actor_id FROM audit_log WHERE target_id = $1', [id]);
      expect(rows).toEqual([{ action: 'verification.approved', actor_id: moderator.id }]);
    });

    it('decides once when two moderators approve and reject at the same time', async () => {
      const { id } = await pendingApplicant();
      const other = await registerAs(sut.api, sut.dataSource, 'moderator');
      const [a, b] = await Promise.all([approve(id), reject(id, undefined, other.accessToken)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const rows = await sut.dataSource.query('SELECT action FROM audit_log WHERE target_id = $1', [id]);
      expect(rows).toHaveLength(1);
    });
  });
});
