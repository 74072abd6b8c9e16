import { expectApiError, messageOf } from './support/api-error';
import { newUserInput, PASSWORD, register, registerAs } from './support/factories';
import { http, type HttpResult } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('auth: register, login, refresh, logout', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp();
  });
  afterAll(() => sut.close());

  const post = (path: string, body: unknown, token?: string) => http('POST', `${sut.api}${path}`, { body, token });
  const login = (email: string, password: string) => post('/auth/login', { email, password });
  const refresh = (refreshToken: string) => post('/auth/refresh', { refreshToken });

  /** Login/refresh answers must never carry the password or its hash, under any key. */
  const expectNoSecrets = (res: HttpResult, password = PASSWORD) => {
    expect(res.text).not.toContain(password);
    expect(res.text).not.toMatch(/argon2|passwordHash|password_hash|"password"/i);
  };

  describe('POST /auth/register', () => {
    it('creates a patient and answers 201 with the user and a token pair', async () => {
      const input = newUserInput('patient');
      const res = await post('/auth/register', input);
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken', 'user']);
      expect(res.body.user).toEqual({ id: expect.any(String), email: input.email, handle: input.handle, role: 'patient', physician: null });
      expect(res.body.user.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(res.body.accessToken).toEqual(expect.any(String));
      expect(res.body.refreshToken).toEqual(expect.any(String));
      expectNoSecrets(res);
    });

    it('creates a physician whose verification starts as unverified', async () => {
      const input = newUserInput('physician');
      const res = await post('/auth/register', input);
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({ role: 'physician', physician: { status: 'unverified', specialty: null } });
    });

    it('stores the e-mail lower-cased and trimmed', async () => {
      const input = newUserInput();
      const res = await post('/auth/register', { ...input, email: `  ${input.email.toUpperCase()} ` });
      expect(res.status).toBe(201);
      expect(res.body.user.email).toBe(input.email);
    });

    it('stores the password as an argon2id hash, never as given', async () => {
      const input = newUserInput();
      const res = await post('/auth/register', input);
      expect(res.status).toBe(201);
      const rows: Array<{ password_hash: string }> = await sut.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [res.body.user.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0].password_hash.startsWith('$argon2id$')).toBe(true);
      // OWASP's minimum for argon2id: m >= 19 MiB, t >= 2.
      const params = Object.fromEntries(rows[0].password_hash.split('$')[3].split(',').map((kv) => kv.split('=')));
      expect(Number(params.m)).toBeGreaterThanOrEqual(19 * 1024);
      expect(Number(params.t)).toBeGreaterThanOrEqual(2);
      expect(rows[0].password_hash).not.toContain(input.password);
    });

    it('answers 409 when the e-mail is taken, whatever its case', async () => {
      const first = newUserInput();
      expect((await post('/auth/register', first)).status).toBe(201);
      const res = await post('/auth/register', { ...newUserInput(), email: first.email.toUpperCase() });
      expectApiError(res, 409, 'Conflict');
      expect(res.text).not.toContain('accessToken');
    });

    it('answers 409 when the handle is taken, whatever its case', async () => {
      const first = newUserInput();
      expect((await post('/auth/register', first)).status).toBe(201);
      const res = await post('/auth/register', { ...newUserInput(), handle: first.handle.toUpperCase() });
      expectApiError(res, 409, 'Conflict');
    });

    it('does not create a second account when answering 409', async () => {
      const first = newUserInput();
      await post('/auth/register', first);
      await post('/auth/register', { ...newUserInput(), handle: first.handle });
      const [{ count }] = await sut.dataSource.query('SELECT count(*)::int AS count FROM users WHERE handle_key = $1', [first.handle.toLowerCase()]);
      expect(count).toBe(1);
    });

    it('rejects unknown fields with 400 and names them', async () => {
      const res = await post('/auth/register', { ...newUserInput(), isAdmin: true });
      expectApiError(res, 400, 'Bad Request');
      expect(messageOf(res)).toContain('isAdmin');
    });

    it.each(['moderator', 'admin', 'superuser'])('refuses to self-register as %s (400) and creates no account', async (role) => {
      const input = { ...newUserInput(), role };
      const res = await post('/auth/register', input);
      expectApiError(res, 400, 'Bad Request');
      expect(messageOf(res)).toMatch(/role/);
      const [{ count }] = await sut.dataSource.query('SELECT count(*)::int AS count FROM users WHERE email = $1', [input.email]);
      expect(count).toBe(0);
    });

    it('requires a role', async () => {
      const { role: _role, ...input } = newUserInput();
      expectApiError(await post('/auth/register', input), 400);
    });

    it('rejects a password shorter than 8 characters', async () => {
      const res = await post('/auth/register', { ...newUserInput(), password: 'k9#mQz!' });
      expectApiError(res, 400);
      expect(messageOf(res)).toMatch(/password/);
    });

    it('accepts a password of exactly 8 and of exactly 128 characters', async () => {
      expect((await post('/auth/register', { ...newUserInput(), password: 'k9#mQz!x' })).status).toBe(201);
      expect((await post('/auth/register', { ...newUserInput(), password: 'q7'.repeat(64) })).status).toBe(201);
    });

    it('rejects a password longer than 128 characters', async () => {
      const res = await post('/auth/register', { ...newUserInput(), password: 'q7'.repeat(64) + 'x' });
      expectApiError(res, 400);
      expect(messageOf(res)).toMatch(/password/);
    });

    it.each(['password1', 'Password1', 'iloveyou'])('rejects the common password %s', async (password) => {
      const res = await post('/auth/register', { ...newUserInput(), password });
      expectApiError(res, 400);
      expect(messageOf(res)).toMatch(/too common/);
    });

    it.each(['not-an-email', 'a@', '@example.test', 'two@@example.test', ''])('rejects the e-mail %j', async (email) => {
      const res = await post('/auth/register', { ...newUserInput(), email });
      expectApiError(res, 400);
      expect(messageOf(res)).toMatch(/email/);
    });

    it.each(['ab', 'has space', '-leading-dash', 'x'.repeat(33)])('rejects the handle %j', async (handle) => {
      expectApiError(await post('/auth/register', { ...newUserInput(), handle }), 400);
    });

    it('rejects a body that is not an object of strings', async () => {
      expectApiError(await post('/auth/register', { ...newUserInput(), password: 12345678 }), 400);
      expectApiError(await post('/auth/register', [newUserInput()]), 400);
    });
  });

  describe('POST /auth/login', () => {
    it('answers 200 with the user and a fresh token pair', async () => {
      const user = await register(sut.api);
      const res = await login(user.email, PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body.user).toEqual({ id: user.id, email: user.email, handle: user.handle, role: 'patient', physician: null });
      expect(res.body.accessToken).toEqual(expect.any(String));
      expect(res.body.refreshToken).toEqual(expect.any(String));
      expect(res.body.refreshToken).not.toBe(user.refreshToken);
      expectNoSecrets(res);
      expect((await http('GET', `${sut.api}/me`, { token: res.body.accessToken })).status).toBe(200);
    });

    it('accepts the e-mail in any case', async () => {
      const user = await register(sut.api);
      expect((await login(user.email.toUpperCase(), PASSWORD)).status).toBe(200);
    });

    it('answers 401 to a wrong password and to an unknown e-mail with the same body', async () => {
      const user = await register(sut.api);
      const wrongPassword = await login(user.email, `${PASSWORD}!`);
      const unknownEmail = await login(`nobody_${user.handle}@example.test`, PASSWORD);
      expectApiError(wrongPassword, 401, 'Unauthorized');
      expectApiError(unknownEmail, 401, 'Unauthorized');
      expect(unknownEmail.body).toEqual(wrongPassword.body);
      expect(wrongPassword.text).not.toContain('accessToken');
      expect(wrongPassword.text).not.toContain(user.email);
    });

    it('is case-sensitive about the password', async () => {
      const user = await register(sut.api);
      expectApiError(await login(user.email, PASSWORD.toUpperCase()), 401);
    });

    it('rejects an unknown field with 400 rather than trying the password', async () => {
      const user = await register(sut.api);
      const res = await post('/auth/login', { email: user.email, password: PASSWORD, role: 'admin' });
      expectApiError(res, 400, 'Bad Request');
      expect(messageOf(res)).toContain('role');
    });

    it('answers 400, never 500, to an e-mail with a NUL character the database cannot store', async () => {
      const res = await post('/auth/login', { email: 'some\u0000one@example.test', password: PASSWORD });
      expectApiError(res, 400, 'Bad Request');
    });

    it.each([
      ['no password', { email: 'someone@example.test' }],
      ['no e-mail', { password: PASSWORD }],
      ['an empty body', {}],
      ['a non-string password', { email: 'someone@example.test', password: 12345678 }],
    ])('rejects %s with 400', async (_name, body) => {
      expectApiError(await post('/auth/login', body), 400, 'Bad Request');
    });
  });

  describe('POST /auth/refresh', () => {
    it('answers 200 with a new pair that works', async () => {
      const user = await register(sut.api);
      const res = await refresh(user.refreshToken);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
      expect(res.body.refreshToken).not.toBe(user.refreshToken);
      const me = await http('GET', `${sut.api}/me`, { token: res.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(user.id);
      expect((await refresh(res.body.refreshToken)).status).toBe(200);
    });

    it('kills the old refresh token: presenting it again answers 401', async () => {
      const user = await register(sut.api);
      expect((await refresh(user.refreshToken)).status).toBe(200);
      expectApiError(await refresh(user.refreshToken), 401, 'Unauthorized');
    });

    it('revokes the whole family when a used refresh token is presented again', async () => {
      const user = await register(sut.api);
      const second = await refresh(user.refreshToken);
      const third = await refresh(second.body.refreshToken);
      expect(third.status).toBe(200);

      expectApiError(await refresh(user.refreshToken), 401);
      // The newest token of that family, never used, dies with it.
      expectApiError(await refresh(third.body.refreshToken), 401);
    });

    it('leaves the user\'s other sessions alone when one family is revoked', async () => {
      const user = await register(sut.api);
      const otherSession = await login(user.email, PASSWORD);
      await refresh(user.refreshToken);
      await refresh(user.refreshToken);
      expect((await refresh(otherSession.body.refreshToken)).status).toBe(200);
    });

    it('audits refresh-token reuse as auth.refresh_token_reused', async () => {
      const user = await register(sut.api);
      const moderator = await registerAs(sut.api, sut.dataSource, 'moderator');
      const next = await refresh(user.refreshToken);
      await refresh(user.refreshToken);

      const audit = await http('GET', `${sut.api}/moderation/audit?limit=100`, { token: moderator.accessToken });
      expect(audit.status).toBe(200);
      const entries = (audit.body.items as Array<{ action: string; targetId: string; actorId: string; details: Record<string, unknown> }>).filter(
        (e) => e.action === 'auth.refresh_token_reused' && e.targetId === user.id,
      );
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actorId: user.id, details: { familyId: expect.any(String) } });
      expect(entries[0].details.tokensRevoked).toBeGreaterThanOrEqual(1);
      // The audit entry names the family, never the token.
      expect(audit.text).not.toContain(user.refreshToken.split('.')[1]);
      expect(audit.text).not.toContain(next.body.refreshToken.split('.')[1]);
    });

    it('does not audit an ordinary rotation', async () => {
      const user = await register(sut.api);
      await refresh(user.refreshToken);
      const rows = await sut.dataSource.query("SELECT 1 FROM audit_log WHERE action = 'auth.refresh_token_reused' AND target_id = $1", [user.id]);
      expect(rows).toHaveLength(0);
    });

    it('answers 401 to an expired refresh token', async () => {
      const user = await register(sut.api);
      const [id] = user.refreshToken.split('.');
      await sut.dataSource.query("UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [id]);
      expectApiError(await refresh(user.refreshToken), 401, 'Unauthorized');
    });

    it('answers 401 to a refresh token whose secret was tampered with', async () => {
      const user = await register(sut.api);
      const [id, secret] = user.refreshToken.split('.');
      const flipped = `${id}.${secret.startsWith('A') ? 'B' : 'A'}${secret.slice(1)}`;
      expectApiError(await refresh(flipped), 401);
      // A forgery is not a reuse: the real token still works.
      expect((await refresh(user.refreshToken)).status).toBe(200);
    });

    it.each([
      ['garbage', 'garbage'],
      ['an access token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln'],
      ['an unknown id', `00000000-0000-4000-8000-000000000000.${'A'.repeat(43)}`],
      ['an id that is not a UUID', `${'a'.repeat(36)}.${'A'.repeat(43)}`],
      ['dashes where the id should be', `${'-'.repeat(36)}.${'A'.repeat(43)}`],
      ['an empty string', ''],
    ])('answers 401 (never 500) to %s', async (_name, token) => {
      expectApiError(await refresh(token), 401, 'Unauthorized');
    });

    it('rejects a missing or non-string refreshToken with 400', async () => {
      expectApiError(await post('/auth/refresh', {}), 400);
      expectApiError(await post('/auth/refresh', { refreshToken: 42 }), 400);
      expectApiError(await post('/auth/refresh', { refreshToken: 'x', extra: 1 }), 400);
    });
  });

  describe('POST /auth/logout', () => {
    it('answers 204 and the refresh token can no longer refresh', async () => {
      const user = await register(sut.api);
      const res = await post('/auth/logout', { refreshToken: user.refreshToken }, user.accessToken);
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expectApiError(await refresh(user.refreshToken), 401);
    });

    it('treats a logged-out token as dead, not as a theft: no reuse audit entry', async () => {
      const user = await register(sut.api);
      await post('/auth/logout', { refreshToken: user.refreshToken }, user.accessToken);
      expectApiError(await refresh(user.refreshToken), 401);
      const entries = await sut.dataSource.query(`SELECT 1 FROM audit_log WHERE action = 'auth.refresh_token_reused' AND actor_id = $1`, [user.id]);
      expect(entries).toHaveLength(0);
    });

    it('ends the whole family: a later token of the same session dies too', async () => {
      const user = await register(sut.api);
      const rotated = await refresh(user.refreshToken);
      expect((await post('/auth/logout', { refreshToken: rotated.body.refreshToken }, rotated.body.accessToken)).status).toBe(204);
      expectApiError(await refresh(rotated.body.refreshToken), 401);
      const live = await sut.dataSource.query('SELECT 1 FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL AND used_at IS NULL', [user.id]);
      expect(live).toHaveLength(0);
    });

    it('leaves the user\'s other sessions signed in', async () => {
      const user = await register(sut.api);
      const other = await login(user.email, PASSWORD);
      await post('/auth/logout', { refreshToken: user.refreshToken }, user.accessToken);
      expect((await refresh(other.body.refreshToken)).status).toBe(200);
    });

    it('needs a bearer token (401 without one) and then does not end the session', async () => {
      const user = await register(sut.api);
      expectApiError(await post('/auth/logout', { refreshToken: user.refreshToken }), 401, 'Unauthorized');
      expect((await refresh(user.refreshToken)).status).toBe(200);
    });

    it('cannot end another user\'s session', async () => {
      const victim = await register(sut.api);
      const attacker = await register(sut.api);
      expect((await post('/auth/logout', { refreshToken: victim.refreshToken }, attacker.accessToken)).status).toBe(204);
      expect((await refresh(victim.refreshToken)).status).toBe(200);
    });

    it('answers 204, never 500, to a refresh token whose id is not a UUID, and ends nothing', async () => {
      const user = await register(sut.api);
      const res = await post('/auth/logout', { refreshToken: `${'a'.repeat(36)}.${'A'.repeat(43)}` }, user.accessToken);
      expect(res.status).toBe(204);
      expect((await refresh(user.refreshToken)).status).toBe(200);
    });

    it('rejects a missing refreshToken with 400', async () => {
      const user = await register(sut.api);
      expectApiError(await post('/auth/logout', {}, user.accessToken), 400);
    });
  });
});
