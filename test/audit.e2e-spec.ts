import { randomUUID } from 'node:crypto';
import { http } from './support/http';
import { register, registerAs, verifiedPhysician, type Session } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

interface Entry {
  id: string;
  createdAt: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

describe('audit log', () => {
  let sut: TestApp;
  let moderator: Session;

  beforeAll(async () => {
    sut = await startTestApp();
    moderator = await registerAs(sut.api, sut.dataSource, 'moderator');
  });
  afterAll(() => sut.close());

  const list = (query = '', token = moderator.accessToken) =>
    http<{ items: Entry[]; nextCursor: string | null }>('GET', `${sut.api}/moderation/audit${query}`, { token });

  /** A real audited action: a moderator approving a physician's application. */
  async function approvedApplication(): Promise<string> {
    const physician = await register(sut.api, 'physician');
    const applied = await http('POST', `${sut.api}/physicians/verification`, {
      token: physician.accessToken,
      body: { registrationNumber: `REG-${randomUUID().slice(0, 8)}`, council: 'General Medical Council', specialty: 'Geriatrics', country: 'GB' },
    });
    expect(applied.status).toBe(201);
    const decided = await http('POST', `${sut.api}/moderation/verifications/${applied.body.id}/approve`, { token: moderator.accessToken, body: {} });
    expect(decided.status).toBe(200);
    return applied.body.id as string;
  }

  /** Appends entries directly (INSERT is allowed), for volume. */
  async function appendEntries(count: number, action: string): Promise<string[]> {
    const rows = await sut.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO audit_log (action, target_type, target_id) SELECT $1, 'test', g::text FROM generate_series(1, $2) g RETURNING id`,
      [action, count],
    );
    return rows.map((r) => String(r.id));
  }

  async function readAll(limit: number): Promise<{ entries: Entry[]; pages: number }> {
    const entries: Entry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(`?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      entries.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
      if (pages > 10_000) throw new Error('pagination does not end');
    } while (cursor !== null);
    return { entries, pages };
  }

  describe('GET /moderation/audit', () => {
    it('shows a moderator the newest entry first, with who did what to which target', async () => {
      const id = await approvedApplication();
      const res = await list('?limit=5');
      expect(res.status).toBe(200);
      expect(res.body.items[0]).toEqual({
        id: expect.stringMatching(/^\d+$/),
        createdAt: expect.any(String),
        actorId: moderator.id,
        action: 'verification.approved',
        targetType: 'physician_verification',
        targetId: id,
        details: expect.objectContaining({ reason: null }),
      });
      expect(new Date(res.body.items[0].createdAt).toISOString()).toBe(res.body.items[0].createdAt);
    });

    it('lists newest first: later actions come before earlier ones', async () => {
      const first = await approvedApplication();
      const second = await approvedApplication();
      const res = await list('?limit=2');
      expect(res.body.items.map((e) => e.targetId)).toEqual([second, first]);
      const ids = res.body.items.map((e) => BigInt(e.id));
      expect(ids[0] > ids[1]).toBe(true);
    });

    it('pages with limit and nextCursor to the end: no duplicates, no gaps, no empty last page, then nextCursor null', async () => {
      const mine = await appendEntries(5, 'test.paging');
      const { entries, pages } = await readAll(2);
      const ids = entries.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      const all = (await sut.dataSource.query<Array<{ id: string }>>('SELECT id FROM audit_log ORDER BY id DESC')).map((r) => String(r.id));
      expect(ids).toEqual(all);
      expect(pages).toBe(Math.ceil(all.length / 2));
      // The five just appended are the newest, newest first.
      expect(ids.slice(0, 5)).toEqual([...mine].reverse());
    });

    it('defaults to 20 entries a page', async () => {
      await appendEntries(21, 'test.default_limit');
      const res = await list();
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(20);
      expect(res.body.nextCursor).toEqual(expect.any(String));
    });

    it.each([
      ['a garbage cursor', '?cursor=garbage'],
      ['a cursor with characters outside base64url', '?cursor=%25%25%25'],
      ['a cursor that decodes to text', `?cursor=${Buffer.from('hello').toString('base64url')}`],
      ['a cursor that decodes to a negative number', `?cursor=${Buffer.from('-5').toString('base64url')}`],
      ['a cursor beyond the bigint range', `?cursor=${Buffer.from('9999999999999999999').toString('base64url')}`],
      ['a cursor too long to be ours', `?cursor=${'A'.repeat(201)}`],
      ['limit 0', '?limit=0'],
      ['limit 101', '?limit=101'],
      ['a non-numeric limit', '?limit=ten'],
      ['an unknown query parameter', '?action=verification.approved'],
    ])('answers %s with 400, never a 500', async (_case, query) => {
      const res = await list(query);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.text).not.toMatch(/at .+\.(ts|js):\d+/);
    });

    it('refuses a patient and a verified physician with 403 and a visitor with 401', async () => {
      const patient = await register(sut.api, 'patient');
      const physician = await verifiedPhysician(sut.api, sut.dataSource);
      const asPatient = await list('', patient.accessToken);
      expect(asPatient.status).toBe(403);
      expect(asPatient.body).not.toHaveProperty('items');
      expect((await list('', physician.accessToken)).status).toBe(403);
      const anonymous = await http('GET', `${sut.api}/moderation/audit`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).not.toHaveProperty('items');
    });

    it('lets an admin read it', async () => {
      const admin = await registerAs(sut.api, sut.dataSource, 'admin');
      expect((await list('?limit=1', admin.accessToken)).status).toBe(200);
    });
  });

  describe('append-only table', () => {
    const APPEND_ONLY = /audit_log is append-only/;

    async function snapshot(id: string) {
      const [row] = await sut.dataSource.query('SELECT id, actor_id, action, target_type, target_id, details, created_at FROM audit_log WHERE id = $1', [id]);
      return row as Record<string, unknown> | undefined;
    }

    it('refuses UPDATE with the trigger\'s error and leaves the row unchanged', async () => {
      const [id] = await appendEntries(1, 'test.immutable');
      const before = await snapshot(id);
      await expect(sut.dataSource.query(`UPDATE audit_log SET action = 'tampered' WHERE id = $1`, [id])).rejects.toThrow(APPEND_ONLY);
      await expect(sut.dataSource.query(`UPDATE audit_log SET details = '{"x":1}'::jsonb`)).rejects.toThrow(APPEND_ONLY);
      expect(await snapshot(id)).toEqual(before);
      expect(before).toMatchObject({ action: 'test.immutable' });
    });

    it('refuses DELETE with the trigger\'s error and keeps the row', async () => {
      const [id] = await appendEntries(1, 'test.undeletable');
      const before = await snapshot(id);
      await expect(sut.dataSource.query('DELETE FROM audit_log WHERE id = $1', [id])).rejects.toThrow(APPEND_ONLY);
      await expect(sut.dataSource.query('DELETE FROM audit_log')).rejects.toThrow(APPEND_ONLY);
      expect(await snapshot(id)).toEqual(before);
    });

    it('refuses TRUNCATE with the trigger\'s error and keeps every row', async () => {
      const [id] = await appendEntries(1, 'test.untruncatable');
      const [{ count: before }] = await sut.dataSource.query('SELECT count(*)::int AS count FROM audit_log');
      await expect(sut.dataSource.query('TRUNCATE audit_log')).rejects.toThrow(/audit_log is append-only: TRUNCATE/);
      const [{ count: after }] = await sut.dataSource.query('SELECT count(*)::int AS count FROM audit_log');
      expect(after).toBe(before);
      expect(await snapshot(id)).toBeDefined();
    });

    it('refuses the change with SQLSTATE 42501 (insufficient_privilege)', async () => {
      const [id] = await appendEntries(1, 'test.sqlstate');
      await expect(sut.dataSource.query('DELETE FROM audit_log WHERE id = $1', [id])).rejects.toMatchObject({ driverError: { code: '42501' } });
    });

    it('still accepts new entries', async () => {
      const [id] = await appendEntries(1, 'test.append');
      expect(await snapshot(id)).toMatchObject({ action: 'test.append', target_type: 'test', details: {} });
    });
  });
});
