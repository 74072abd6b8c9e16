import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { expectApiError } from './support/api-error';
import { PASSWORD, register, registerAs, verifiedPhysician, type Session } from './support/factories';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';
import { databaseUrl, ENV } from './setup/test-database';

/** A database of its own, cloned from the migrated template, for tests about what start-up writes. */
async function freshDatabaseUrl(): Promise<string> {
  const adminUrl = process.env[ENV.adminUrl];
  const template = process.env[ENV.template];
  const run = process.env[ENV.run];
  if (!adminUrl || !template || !run) throw new Error('e2e globalSetup did not run');
  const name = `asclepia_test_${run}_users_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)} TEMPLATE ${admin.escapeIdentifier(template)}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(adminUrl, name);
}

const PUBLIC_KEYS = ['handle', 'id', 'role', 'specialty', 'verified'];

describe('users', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp();
  });
  afterAll(() => sut.close());

  const me = (session: Session) => http('GET', `${sut.api}/me`, { token: session.accessToken });
  const grant = (actor: Session | undefined, userId: string, body: unknown) =>
    http('POST', `${sut.api}/admin/users/${userId}/roles`, { body, token: actor?.accessToken });
  const profile = (id: string) => http('GET', `${sut.api}/users/${id}`);

  describe('GET /me', () => {
    it('shows a patient their account with physician: null', async () => {
      const user = await register(sut.api, 'patient');
      const res = await me(user);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: user.id, email: user.email, handle: user.handle, role: 'patient', physician: null });
    });

    it('shows a new physician as unverified with no specialty', async () => {
      const user = await register(sut.api, 'physician');
      const res = await me(user);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: user.id,
        email: user.email,
        handle: user.handle,
        role: 'physician',
        physician: { status: 'unverified', specialty: null },
      });
    });

    it('shows a physician who applied as pending with the specialty applied for', async () => {
      const user = await register(sut.api, 'physician');
      const applied = await http('POST', `${sut.api}/physicians/verification`, {
        token: user.accessToken,
        body: { registrationNumber: 'NMC-2019-55555', council: 'National Medical Commission', specialty: 'Dermatology', country: 'IN' },
      });
      expect(applied.status).toBe(201);
      expect((await me(user)).body.physician).toEqual({ status: 'pending', specialty: 'Dermatology' });
    });

    it('shows a verified physician as approved with their specialty', async () => {
      const user = await verifiedPhysician(sut.api, sut.dataSource, 'Nephrology');
      expect((await me(user)).body.physician).toEqual({ status: 'approved', specialty: 'Nephrology' });
    });

    it('never includes the password hash', async () => {
      const res = await me(await register(sut.api));
      expect(res.text).not.toMatch(/argon2|password/i);
    });
  });

  describe('POST /admin/users/:id/roles', () => {
    it('lets an admin grant moderator (200, public view) and the user\'s next request has the new role', async () => {
      const admin = await registerAs(sut.api, sut.dataSource, 'admin');
      const user = await register(sut.api);
      expectApiError(await http('GET', `${sut.api}/moderation/audit`, { token: user.accessToken }), 403);

      const res = await grant(admin, user.id, { role: 'moderator' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: user.id, handle: user.handle, role: 'moderator', verified: false, specialty: null });
      expect(res.text).not.toContain(user.email);

      // Same access token as before the grant: the role is read per request, not baked into the token.
      expect((await me(user)).body.role).toBe('moderator');
      expect((await http('GET', `${sut.api}/moderation/audit`, { token: user.accessToken })).status).toBe(200);
    });

    it('lets an admin grant admin, and the new admin can grant roles', async () => {
      const admin = await registerAs(sut.api, sut.dataSource, 'admin');
      const deputy = await register(sut.api);
      const user = await register(sut.api);
      expect((await grant(admin, deputy.id, { role: 'admin' })).status).toBe(200);
      expect((await grant(deputy, user.id, { role: 'moderator' })).status).toBe(200);
    });

    it('writes a user.role_granted audit entry naming the admin and the change', async () => {
      const admin = await registerAs(sut.api, sut.dataSource, 'admin');
      const user = await register(sut.api);
      await grant(admin, user.id, { role: 'moderator' });

      const audit = await http('GET', `${sut.api}/moderation/audit?limit=100`, { token: admin.accessToken });
      expect(audit.status).toBe(200);
      const entries = (audit.body.items as Array<Record<string, unknown>>).filter((e) => e.action === 'user.role_granted' && e.targetId === user.id);
      expect(entries).toEqual([
        expect.objectContaining({ actorId: admin.id, targetType: 'user', targetId: user.id, details: { from: 'patient', to: 'moderator' } }),
      ]);
    });

    it.each(['moderator', 'patient', 'physician'] as const)('answers 403 to a %s and changes nothing', async (role) => {
      const actor = role === 'moderator' ? await registerAs(sut.api, sut.dataSource, 'moderator') : await register(sut.api, role);
      const user = await register(sut.api);
      const res = await grant(actor, user.id, { role: 'admin' });
      expectApiError(res, 403, 'Forbidden');
      expect((await me(user)).body.role).toBe('patient');
      const audit = await sut.dataSource.query("SELECT 1 FROM audit_log WHERE action = 'user.role_granted' AND target_id = $1", [user.id]);
      expect(audit).toHaveLength(0);
    });

    it('answers 403 to a patient trying to make themselves admin', async () => {
      const user = await register(sut.api);
      expectApiError(await grant(user, user.id, { role: 'admin' }), 403);
      expect((await me(user)).body.role).toBe('patient');
    });

    it('answers 401 without a token', async () => {
      const user = await register(sut.api);
      expectApiError(await grant(undefined, user.id, { role: 'admin' }), 401);
    });

    it('answers 404 for an unknown user', async () => {
      const admin = await registerAs(sut.api, sut.dataSource, 'admin');
      expectApiError(await grant(admin, randomUUID(), { role: 'moderator' }), 404, 'Not Found');
    });

    it('answers 400 for an id that is not a UUID', async () => {
      const admin = await registerAs(sut.api, sut.dataSource, 'admin');
      expectApiError(await grant(admin, 'not-a-uuid', { role: 'moderator' }), 400, 'Bad Request');
    });

    it.each([
      ['an invalid role', { role: 'superuser' }],
      ['a missing role', {}],
      ['an unknown field', { role: 'moderator', note: 'hi' }],
    ])('answers 400 for %s and changes nothing', async (_name, body) => {
      const admin = await registerAs(sut.api, sut.dataSource, 'admin');
      const user = await register(sut.api);
      expectApiError(await grant(admin, user.id, body), 400, 'Bad Request');
      expect((await me(user)).body.role).toBe('patient');
    });
  });

  describe('GET /users/:id (public profile)', () => {
    it('shows anyone, without a token, a patient\'s pseudonym and role only', async () => {
      const user = await register(sut.api);
      const res = await profile(user.id);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: user.id, handle: user.handle, role: 'patient', verified: false, specialty: null });
      expect(res.text).not.toContain(user.email);
    });

    it('shows a verified physician as verified with their specialty', async () => {
      const physician = await verifiedPhysician(sut.api, sut.dataSource, 'Cardiology');
      const res = await profile(physician.id);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: physician.id, handle: physician.handle, role: 'physician', verified: true, specialty: 'Cardiology' });
    });

    it('shows a physician awaiting verification as unverified, without specialty, registration number or council', async () => {
      const physician = await register(sut.api, 'physician');
      const application = { registrationNumber: 'KMC-7788-QX', council: 'Karnataka Medical Council', specialty: 'Oncology', country: 'IN' };
      expect((await http('POST', `${sut.api}/physicians/verification`, { token: physician.accessToken, body: application })).status).toBe(201);

      const res = await profile(physician.id);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(PUBLIC_KEYS);
      expect(res.body).toMatchObject({ verified: false, specialty: null });
      for (const secret of [physician.email, application.registrationNumber, application.council, application.specialty]) {
        expect(res.text).not.toContain(secret);
      }
      expect(res.text).not.toMatch(/email|registrationNumber|council|password/i);
    });

    it('shows a verified physician\'s specialty but never their e-mail, registration number or council', async () => {
      const physician = await register(sut.api, 'physician');
      const application = { registrationNumber: 'DMC-1234-ZZ', council: 'Delhi Medical Council', specialty: 'Neurology', country: 'IN' };
      await http('POST', `${sut.api}/physicians/verification`, { token: physician.accessToken, body: application });
      await sut.dataSource.query('UPDATE users SET verified_at = now(), specialty = $1 WHERE id = $2', [application.specialty, physician.id]);

      const res = await profile(physician.id);
      expect(res.body).toMatchObject({ verified: true, specialty: 'Neurology' });
      expect(Object.keys(res.body).sort()).toEqual(PUBLIC_KEYS);
      expect(res.text).not.toContain(physician.email);
      expect(res.text).not.toContain(application.registrationNumber);
      expect(res.text).not.toContain(application.council);
    });

    it('answers 404 for an unknown user and 400 for an id that is not a UUID', async () => {
      expectApiError(await profile(randomUUID()), 404, 'Not Found');
      expectApiError(await profile('nope'), 400, 'Bad Request');
    });
  });
});

describe('the first admin from SEED_ADMIN_EMAIL / SEED_ADMIN_PASSWORD', () => {
  const password = 'operator chosen passphrase 7';
  const newEmail = () => `root_${randomBytes(4).toString('hex')}@example.test`;
  const login = (sut: TestApp, email: string, pass: string) => http('POST', `${sut.api}/auth/login`, { body: { email, password: pass } });

  /** Boots an app on `url`, runs `body`, and always shuts it down. */
  async function withApp(env: Record<string, string>, body: (sut: TestApp) => Promise<void>): Promise<void> {
    const sut = await startTestApp(env);
    try {
      await body(sut);
    } finally {
      await sut.close();
    }
  }

  it('is created at start-up, stored as argon2id, and can sign in and grant roles', async () => {
    const email = newEmail();
    await withApp({ DATABASE_URL: await freshDatabaseUrl(), SEED_ADMIN_EMAIL: email, SEED_ADMIN_PASSWORD: password }, async (sut) => {
      const res = await login(sut, email, password);
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ email, role: 'admin', physician: null });
      const [row] = await sut.dataSource.query('SELECT password_hash FROM users WHERE email = $1', [email]);
      expect(row.password_hash.startsWith('$argon2id$')).toBe(true);

      const user = await register(sut.api);
      const granted = await http('POST', `${sut.api}/admin/users/${user.id}/roles`, { token: res.body.accessToken, body: { role: 'moderator' } });
      expect(granted.status).toBe(200);
    });
  });

  it('is not duplicated, nor its password reset, when a second app starts on the same database', async () => {
    const email = newEmail();
    const url = await freshDatabaseUrl();
    await withApp({ DATABASE_URL: url, SEED_ADMIN_EMAIL: email, SEED_ADMIN_PASSWORD: password }, async (sut) => {
      expect((await login(sut, email, password)).status).toBe(200);
    });
    await withApp({ DATABASE_URL: url, SEED_ADMIN_EMAIL: email.toUpperCase(), SEED_ADMIN_PASSWORD: 'a different passphrase 8' }, async (sut) => {
      const admins: unknown[] = await sut.dataSource.query("SELECT id FROM users WHERE role = 'admin'");
      expect(admins).toHaveLength(1);
      expect((await login(sut, email, password)).status).toBe(200);
      expectApiError(await login(sut, email, 'a different passphrase 8'), 401);
    });
  });

  it('is not created when the variables are not set', async () => {
    await withApp({ DATABASE_URL: await freshDatabaseUrl() }, async (sut) => {
      const admins: unknown[] = await sut.dataSource.query("SELECT id FROM users WHERE role = 'admin'");
      expect(admins).toHaveLength(0);
      expectApiError(await login(sut, newEmail(), PASSWORD), 401);
    });
  });
});
