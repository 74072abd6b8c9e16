import { randomBytes } from 'node:crypto';
import { DEMO_CONTENT } from '../apps/api/src/database/demo-content';
import { DEMO_PASSWORD, DEMO_USERS } from '../apps/api/src/database/seed.service';
import { http, type HttpResult } from './support/http';
import { PASSWORD } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';
import { freshDatabase } from './support/fresh-database';

// Each test boots the app up to three times; jest.config's per-project testTimeout is not applied.
jest.setTimeout(60_000);

const DEMO_EMAILS = DEMO_USERS.map((u) => u.email);

async function countDemoUsers(sut: TestApp): Promise<number> {
  const [{ count }] = await sut.dataSource.query<Array<{ count: number }>>('SELECT count(*)::int AS count FROM users WHERE email = ANY($1)', [DEMO_EMAILS]);
  return count;
}

async function countDemoContent(sut: TestApp): Promise<number> {
  const [{ count }] = await sut.dataSource.query<Array<{ count: number }>>(
    'SELECT count(*)::int AS count FROM content c JOIN users u ON u.id = c.author_id WHERE u.email = ANY($1)',
    [DEMO_EMAILS],
  );
  return count;
}

async function login(sut: TestApp, email: string, password: string) {
  return http('POST', `${sut.api}/auth/login`, { body: { email, password } });
}

/** Boots the app, runs `check` against it, and always closes it. */
async function withApp<T>(env: Record<string, string>, check: (sut: TestApp) => Promise<T>): Promise<T> {
  const sut = await startTestApp(env);
  try {
    return await check(sut);
  } finally {
    await sut.close();
  }
}

describe('seed', () => {
  it('creates the demo users once: starting twice on the same database does not duplicate them', async () => {
    const db = await freshDatabase({ migrated: true });
    try {
      const env = { SEED_DEMO: 'true', DATABASE_URL: db.url };
      await withApp(env, async (sut) => expect(await countDemoUsers(sut)).toBe(DEMO_USERS.length));
      await withApp(env, async (sut) => {
        expect(await countDemoUsers(sut)).toBe(DEMO_USERS.length);
        expect(await countDemoContent(sut)).toBe(DEMO_CONTENT.length);
        const [{ count }] = await sut.dataSource.query<Array<{ count: number }>>('SELECT count(*)::int AS count FROM physician_verifications');
        expect(count).toBe(DEMO_USERS.filter((u) => u.pending).length);
      });
    } finally {
      await db.drop();
    }
  });

  it('creates each demo user once when two instances start on an empty database at the same time', async () => {
    const db = await freshDatabase({ migrated: true });
    try {
      const env = { SEED_DEMO: 'true', DATABASE_URL: db.url };
      const [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
      try {
        expect(await countDemoUsers(a)).toBe(DEMO_USERS.length);
        expect(await countDemoContent(a)).toBe(DEMO_CONTENT.length);
        const [{ count }] = await a.dataSource.query<Array<{ count: number }>>('SELECT count(*)::int AS count FROM physician_verifications');
        expect(count).toBe(DEMO_USERS.filter((u) => u.pending).length);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    } finally {
      await db.drop();
    }
  });

  it('writes the demo content through the pipeline: phone redacted, prescription held and queued, disclaimer on the doctor\'s answer', async () => {
    const db = await freshDatabase({ migrated: true });
    try {
      await withApp({ SEED_DEMO: 'true', DATABASE_URL: db.url }, async (sut) => {
        const rows = await sut.dataSource.query<Array<{ kind: string; status: string; body: string; disclaimer: string | null; anonymous: boolean; queued: boolean }>>(
          `SELECT c.kind, c.status, c.body, c.disclaimer, c.anonymous,
                  EXISTS (SELECT 1 FROM moderation_items i WHERE i.content_id = c.id AND i.status = 'pending') AS queued
             FROM content c ORDER BY c.created_at`,
        );
        expect(rows).toHaveLength(DEMO_CONTENT.length);
        const text = JSON.stringify(rows);
        expect(text).not.toMatch(/98200\s?12345/);
        expect(text).toContain('[phone removed]');
        const held = rows.filter((r) => r.status === 'held');
        expect(held).toEqual([expect.objectContaining({ kind: 'answer', queued: true })]);
        const doctorAnswer = rows.find((r) => r.kind === 'answer' && r.status === 'published' && r.disclaimer !== null);
        expect(doctorAnswer).toBeDefined();
        expect(rows.filter((r) => r.anonymous)).toEqual([expect.objectContaining({ kind: 'thread', status: 'published' })]);
      });
    } finally {
      await db.drop();
    }
  });

  it('creates no demo users when SEED_DEMO is false', async () => {
    const db = await freshDatabase({ migrated: true });
    try {
      await withApp({ SEED_DEMO: 'false', DATABASE_URL: db.url }, async (sut) => {
        expect(await countDemoUsers(sut)).toBe(0);
        const [{ count }] = await sut.dataSource.query<Array<{ count: number }>>('SELECT count(*)::int AS count FROM users');
        expect(count).toBe(0);
      });
    } finally {
      await db.drop();
    }
  });

  it('lets a demo user sign in with DEMO_PASSWORD and see their role', async () => {
    await withApp({ SEED_DEMO: 'true' }, async (sut) => {
      for (const demo of DEMO_USERS) {
        const res = await login(sut, demo.email, DEMO_PASSWORD);
        expect(res.status).toBe(200);
        expect(res.body.user).toMatchObject({ email: demo.email, handle: demo.handle, role: demo.role });
        expect(res.body.user).not.toHaveProperty('passwordHash');
      }
      expect((await login(sut, DEMO_USERS[0].email, 'not-the-demo-password')).status).toBe(401);
    });
  });

  it('seeds the verified demo physician as approved and the pending one as pending', async () => {
    await withApp({ SEED_DEMO: 'true' }, async (sut) => {
      for (const demo of DEMO_USERS.filter((u) => u.role === 'physician')) {
        const session = await login(sut, demo.email, DEMO_PASSWORD);
        const me = await http('GET', `${sut.api}/me`, { token: session.body.accessToken });
        expect(me.body.physician).toEqual({ status: demo.verified ? 'approved' : 'pending', specialty: demo.specialty });
      }
    });
  });

  it('puts the pending demo application in the moderators\' queue once', async () => {
    await withApp({ SEED_DEMO: 'true' }, () => Promise.resolve());
    await withApp({ SEED_DEMO: 'true' }, async (sut) => {
      const moderator = DEMO_USERS.find((u) => u.role === 'moderator');
      const pending = DEMO_USERS.find((u) => u.pending);
      if (!moderator || !pending?.pending) throw new Error('the demo set needs a moderator and a pending physician');
      const session = await login(sut, moderator.email, DEMO_PASSWORD);
      expect(session.status).toBe(200);

      const items: Array<{ user: { handle: string }; registrationNumber: string; council: string; country: string; specialty: string }> = [];
      let cursor: string | null = null;
      do {
        const res: HttpResult = await http('GET', `${sut.api}/moderation/verifications?status=pending&limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
          token: session.body.accessToken,
        });
        expect(res.status).toBe(200);
        items.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      const demoItems = items.filter((i) => i.user.handle === pending.handle);
      expect(demoItems).toHaveLength(1);
      expect(demoItems[0]).toMatchObject({ ...pending.pending, specialty: pending.specialty });
    });
  });

  describe('the first admin from SEED_ADMIN_EMAIL', () => {
    const adminEnv = () => {
      const tag = randomBytes(4).toString('hex');
      return { SEED_ADMIN_EMAIL: `root_${tag}@example.test`, SEED_ADMIN_PASSWORD: PASSWORD };
    };

    it('is created once, as an admin who can sign in, and keeps its password on restart', async () => {
      const env = adminEnv();
      await withApp(env, () => Promise.resolve());
      await withApp({ ...env, SEED_ADMIN_PASSWORD: 'a different password 99' }, async (sut) => {
        const rows = await sut.dataSource.query('SELECT role FROM users WHERE email = $1', [env.SEED_ADMIN_EMAIL]);
        expect(rows).toEqual([{ role: 'admin' }]);
        const session = await login(sut, env.SEED_ADMIN_EMAIL, PASSWORD);
        expect(session.status).toBe(200);
        expect(session.body.user.role).toBe('admin');
        expect((await login(sut, env.SEED_ADMIN_EMAIL, 'a different password 99')).status).toBe(401);
      });
    });

    it('is still created when someone already registered the handle "admin"', async () => {
      await withApp({}, async (sut) => {
        const res = await http('POST', `${sut.api}/auth/register`, {
          body: { email: `squatter_${randomBytes(4).toString('hex')}@example.test`, password: PASSWORD, handle: 'admin', role: 'patient' },
        });
        expect([201, 409]).toContain(res.status); // 409: an earlier seed took it — the handle is taken either way
      });
      const env = adminEnv();
      await withApp(env, async (sut) => {
        const session = await login(sut, env.SEED_ADMIN_EMAIL, PASSWORD);
        expect(session.status).toBe(200);
        expect(session.body.user.role).toBe('admin');
        expect(session.body.user.handle).toMatch(/^admin_[0-9a-f]{6}$/);
      });
    });
  });
});
