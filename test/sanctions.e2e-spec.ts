import { randomUUID } from 'node:crypto';
import { expectApiError, messageOf } from './support/api-error';
import { PASSWORD, register, registerAs, type Session } from './support/factories';
import { http } from './support/http';
import { ask } from './support/moderation';
import { startTestApp, type TestApp } from './support/test-app';

describe('sanctions', () => {
  let sut: TestApp;
  let moderator: Session;

  beforeAll(async () => {
    sut = await startTestApp();
    moderator = await registerAs(sut.api, sut.dataSource, 'moderator');
  });
  afterAll(() => sut.close());

  const sanction = (userId: string, body: unknown, token = moderator.accessToken) =>
    http('POST', `${sut.api}/moderation/users/${userId}/sanctions`, { token, body });
  const history = (userId: string, query = '', token = moderator.accessToken) =>
    http('GET', `${sut.api}/moderation/users/${userId}/sanctions${query}`, { token });
  const revoke = (sanctionId: string, token = moderator.accessToken) => http('POST', `${sut.api}/moderation/sanctions/${sanctionId}/revoke`, { token });
  const postQuestion = (who: Session) =>
    http('POST', `${sut.api}/questions`, { token: who.accessToken, body: { title: 'Knee pain', body: 'Which stretches help after running?', tags: [] } });
  const me = (who: Session) => http('GET', `${sut.api}/me`, { token: who.accessToken });
  const login = (who: Session) => http('POST', `${sut.api}/auth/login`, { body: { email: who.email, password: PASSWORD } });
  const refresh = (who: Session) => http('POST', `${sut.api}/auth/refresh`, { body: { refreshToken: who.refreshToken } });
  const effects = async (userId: string) => {
    const [row] = await sut.dataSource.query('SELECT muted_until, suspended_until FROM users WHERE id = $1', [userId]);
    return row as { muted_until: Date | null; suspended_until: Date | null };
  };

  describe('mute', () => {
    it('refuses a muted user\'s writes with 403 while their reads still work', async () => {
      const patient = await register(sut.api);
      const created = await sanction(patient.id, { kind: 'mute', durationHours: 24, reason: 'Repeated spam links' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ userId: patient.id, kind: 'mute', reason: 'Repeated spam links', createdBy: moderator.id, revokedAt: null, active: true });
      const hours = (new Date(created.body.endsAt).getTime() - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(23.9);
      expect(hours).toBeLessThanOrEqual(24);

      const write = await postQuestion(patient);
      expectApiError(write, 403);
      expect(messageOf(write)).toMatch(/muted until/);
      const question = await ask(sut, await register(sut.api), { body: 'Which stretches help after running?' });
      expectApiError(await http('POST', `${sut.api}/questions/${question.id}/answers`, { token: patient.accessToken, body: { body: 'Try calf stretches.' } }), 403);
      expectApiError(await http('POST', `${sut.api}/reports`, { token: patient.accessToken, body: { targetType: 'question', targetId: question.id, reason: 'spam' } }), 403);
      expect((await me(patient)).status).toBe(200);
      expect((await http('GET', `${sut.api}/questions`, { token: patient.accessToken })).status).toBe(200);
      expect(new Date((await effects(patient.id)).muted_until as Date).toISOString()).toBe(created.body.endsAt);
    });

    it('lets the user write again once the mute is revoked', async () => {
      const patient = await register(sut.api);
      const created = await sanction(patient.id, { kind: 'mute', durationHours: 2, reason: 'Heated thread' });
      expectApiError(await postQuestion(patient), 403);
      const revoked = await revoke(created.body.id);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ revokedBy: moderator.id, active: false });
      expect((await postQuestion(patient)).status).toBe(201);
      expect((await effects(patient.id)).muted_until).toBeNull();
    });

    it('keeps muted_until at the latest end of the mutes still active after one is revoked', async () => {
      const patient = await register(sut.api);
      const long = await sanction(patient.id, { kind: 'mute', durationHours: 48, reason: 'first' });
      const short = await sanction(patient.id, { kind: 'mute', durationHours: 1, reason: 'second' });
      expect(new Date((await effects(patient.id)).muted_until as Date).toISOString()).toBe(long.body.endsAt);
      expect((await revoke(long.body.id)).status).toBe(200);
      expect(new Date((await effects(patient.id)).muted_until as Date).toISOString()).toBe(short.body.endsAt);
      expectApiError(await postQuestion(patient), 403);
    });

    it('accepts an explicit end time', async () => {
      const patient = await register(sut.api);
      const until = new Date(Date.now() + 3 * 3_600_000).toISOString();
      const res = await sanction(patient.id, { kind: 'mute', until, reason: 'Cool-off' });
      expect(res.status).toBe(201);
      expect(res.body.endsAt).toBe(until);
    });
  });

  describe('suspend', () => {
    it('refuses the suspended user\'s token, login and refresh with 403, and revoking restores them', async () => {
      const patient = await register(sut.api);
      const created = await sanction(patient.id, { kind: 'suspend', durationHours: 72, reason: 'Harassment' });
      expect(created.status).toBe(201);

      const withToken = await me(patient);
      expectApiError(withToken, 403);
      expect(messageOf(withToken)).toBe(`Your account is suspended until ${created.body.endsAt}`);
      expectApiError(await login(patient), 403);
      expectApiError(await refresh(patient), 403);
      // A wrong password is still a 401: the suspension is no oracle for guessing passwords.
      expectApiError(await http('POST', `${sut.api}/auth/login`, { body: { email: patient.email, password: 'wrong password 123' } }), 401);

      expect((await revoke(created.body.id)).status).toBe(200);
      expect((await me(patient)).status).toBe(200);
      expect((await login(patient)).status).toBe(200);
      // The refresh token was not spent while refused, so the session resumes.
      expect((await refresh(patient)).status).toBe(200);
    });

    it('does not mute or suspend anyone else', async () => {
      const patient = await register(sut.api);
      const bystander = await register(sut.api);
      await sanction(patient.id, { kind: 'suspend', durationHours: 1, reason: 'Spam' });
      expect((await me(bystander)).status).toBe(200);
      expect((await postQuestion(bystander)).status).toBe(201);
    });
  });

  describe('history and revocation', () => {
    it('lists a user\'s sanctions newest first with a working cursor', async () => {
      const patient = await register(sut.api);
      const ids: string[] = [];
      for (const reason of ['one', 'two', 'three']) ids.push((await sanction(patient.id, { kind: 'mute', durationHours: 1, reason })).body.id);
      const first = await history(patient.id, '?limit=2');
      expect(first.status).toBe(200);
      expect(first.body.items.map((s: any) => s.id)).toEqual([ids[2], ids[1]]);
      const second = await history(patient.id, `?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
      expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[0], reason: 'one' })], nextCursor: null });
    });

    it('audit-logs creating and revoking', async () => {
      const patient = await register(sut.api);
      const created = await sanction(patient.id, { kind: 'mute', durationHours: 1, reason: 'Spam' });
      await revoke(created.body.id);
      const rows = await sut.dataSource.query(`SELECT action, actor_id FROM audit_log WHERE target_id = $1 AND action LIKE 'sanction.%' ORDER BY id`, [patient.id]);
      expect(rows).toEqual([
        { action: 'sanction.created', actor_id: moderator.id },
        { action: 'sanction.revoked', actor_id: moderator.id },
      ]);
    });

    it('answers revoking twice with 409 and an unknown sanction with 404', async () => {
      const patient = await register(sut.api);
      const created = await sanction(patient.id, { kind: 'mute', durationHours: 1, reason: 'Spam' });
      expect((await revoke(created.body.id)).status).toBe(200);
      expectApiError(await revoke(created.body.id), 409);
      expectApiError(await revoke(randomUUID()), 404);
    });
  });

  describe('who may sanction whom', () => {
    it('refuses patients and physicians with 403 and visitors with 401', async () => {
      const target = await register(sut.api);
      const patient = await register(sut.api);
      expectApiError(await sanction(target.id, { kind: 'mute', durationHours: 1, reason: 'x' }, patient.accessToken), 403);
      expectApiError(await history(target.id, '', patient.accessToken), 403);
      expectApiError(await http('POST', `${sut.api}/moderation/users/${target.id}/sanctions`, { body: { kind: 'mute', durationHours: 1, reason: 'x' } }), 401);
      expect((await effects(target.id)).muted_until).toBeNull();
    });

    it('lets only an admin sanction staff, and nobody themselves', async () => {
      const otherModerator = await registerAs(sut.api, sut.dataSource, 'moderator');
      const admin = await registerAs(sut.api, sut.dataSource, 'admin');
      expectApiError(await sanction(otherModerator.id, { kind: 'mute', durationHours: 1, reason: 'x' }), 403);
      expectApiError(await sanction(moderator.id, { kind: 'mute', durationHours: 1, reason: 'x' }), 403);
      expectApiError(await sanction(admin.id, { kind: 'mute', durationHours: 1, reason: 'x' }, admin.accessToken), 403);
      expect((await sanction(otherModerator.id, { kind: 'mute', durationHours: 1, reason: 'x' }, admin.accessToken)).status).toBe(201);
    });

    it('answers an unknown user with 404', async () => {
      expectApiError(await sanction(randomUUID(), { kind: 'mute', durationHours: 1, reason: 'x' }), 404);
      expectApiError(await history(randomUUID()), 404);
    });

    it.each([
      ['an unknown kind', { kind: 'ban', durationHours: 1, reason: 'x' }],
      ['neither duration nor end', { kind: 'mute', reason: 'x' }],
      ['both duration and end', { kind: 'mute', durationHours: 1, until: new Date(Date.now() + 3_600_000).toISOString(), reason: 'x' }],
      ['a duration of 0 hours', { kind: 'mute', durationHours: 0, reason: 'x' }],
      ['a duration over a year', { kind: 'mute', durationHours: 8761, reason: 'x' }],
      ['a fractional duration', { kind: 'mute', durationHours: 1.5, reason: 'x' }],
      ['an end in the past', { kind: 'mute', until: '2020-01-01T00:00:00Z', reason: 'x' }],
      ['an end that is not a time', { kind: 'mute', until: 'tomorrow', reason: 'x' }],
      ['a missing reason', { kind: 'mute', durationHours: 1 }],
      ['a reason over 500 characters', { kind: 'mute', durationHours: 1, reason: 'x'.repeat(501) }],
    ])('answers %s with 400 and sanctions nobody', async (_case, body) => {
      const target = await register(sut.api);
      expectApiError(await sanction(target.id, body), 400);
      expect(await effects(target.id)).toEqual({ muted_until: null, suspended_until: null });
    });

    it('answers a bad user id with 400', async () => {
      expectApiError(await sanction('not-a-uuid', { kind: 'mute', durationHours: 1, reason: 'x' }), 400);
      expectApiError(await revoke('not-a-uuid'), 400);
    });
  });
});
