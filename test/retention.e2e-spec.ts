import { RetentionService } from '../apps/api/src/moderation/retention.service';
import { register, registerAs, type Session } from './support/factories';
import { http } from './support/http';
import { decide, HELD_BODY, heldQuestion, readOriginal } from './support/moderation';
import { startTestApp, type TestApp } from './support/test-app';

describe('retention of unredacted originals', () => {
  describe('with no retention period', () => {
    let sut: TestApp;
    let moderator: Session;

    beforeAll(async () => {
      // Timer off: the test runs the sweep itself, so nothing races it.
      sut = await startTestApp({ ORIGINAL_RETENTION_DAYS: '0', RETENTION_SWEEP_SECONDS: '0' });
      moderator = await registerAs(sut.api, sut.dataSource, 'moderator');
    });
    afterAll(() => sut.close());

    const sweep = () => sut.app.get(RetentionService).sweep();
    const kept = async (contentId: string) =>
      (await sut.dataSource.query('SELECT 1 FROM content_originals WHERE content_id = $1', [contentId])).length === 1;

    it('purges the original of decided content while the published content stays', async () => {
      const { author, question, itemId } = await heldQuestion(sut);
      expect((await decide(sut, moderator.accessToken, itemId, { action: 'approve', reason: 'ok' })).status).toBe(200);
      expect((await readOriginal(sut, author.accessToken, question.id)).body.body).toBe(HELD_BODY);

      expect(await sweep()).toBeGreaterThanOrEqual(1);

      expect(await kept(question.id)).toBe(false);
      expect((await readOriginal(sut, author.accessToken, question.id)).status).toBe(404);
      const seen = await http('GET', `${sut.api}/questions/${question.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.body).toContain('[phone removed]');
    });

    it('keeps the original of content still waiting for a moderator', async () => {
      const { question } = await heldQuestion(sut);
      await sweep();
      expect(await kept(question.id)).toBe(true);
    });

    it('audit-logs each run with how many originals it purged, as the system', async () => {
      const { itemId: first } = await heldQuestion(sut);
      const { itemId: second } = await heldQuestion(sut);
      await decide(sut, moderator.accessToken, first, { action: 'reject', reason: 'no' });
      await decide(sut, moderator.accessToken, second, { action: 'approve', reason: 'ok' });
      const purged = await sweep();
      expect(purged).toBeGreaterThanOrEqual(2);
      const [run] = await sut.dataSource.query(`SELECT actor_id, details FROM audit_log WHERE action = 'retention.originals_purged' ORDER BY id DESC LIMIT 1`);
      expect(run).toEqual({ actor_id: null, details: { count: purged } });
      expect(await sweep()).toBe(0);
    });
  });

  describe('with the default 30 days', () => {
    let sut: TestApp;

    beforeAll(async () => {
      sut = await startTestApp({ RETENTION_SWEEP_SECONDS: '0' });
    });
    afterAll(() => sut.close());

    it('schedules the purge 30 days after the decision and keeps the original until then', async () => {
      const moderator = await registerAs(sut.api, sut.dataSource, 'moderator');
      const author = await register(sut.api, 'physician');
      const { question, itemId } = await heldQuestion(sut, author);
      const [before] = await sut.dataSource.query('SELECT purge_after FROM content_originals WHERE content_id = $1', [question.id]);
      expect(before.purge_after).toBeNull();

      await decide(sut, moderator.accessToken, itemId, { action: 'approve', reason: 'ok' });
      const [after] = await sut.dataSource.query('SELECT purge_after FROM content_originals WHERE content_id = $1', [question.id]);
      const days = (new Date(after.purge_after).getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(29.99);
      expect(days).toBeLessThanOrEqual(30);

      await sut.app.get(RetentionService).sweep();
      expect((await readOriginal(sut, author.accessToken, question.id)).status).toBe(200);
    });
  });

  it('sweeps by itself every RETENTION_SWEEP_SECONDS', async () => {
    const sut = await startTestApp({ ORIGINAL_RETENTION_DAYS: '0', RETENTION_SWEEP_SECONDS: '1' });
    try {
      const moderator = await registerAs(sut.api, sut.dataSource, 'moderator');
      const { question, itemId } = await heldQuestion(sut);
      await decide(sut, moderator.accessToken, itemId, { action: 'approve', reason: 'ok' });
      const deadline = Date.now() + 10_000;
      let gone = false;
      while (!gone && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        gone = (await sut.dataSource.query('SELECT 1 FROM content_originals WHERE content_id = $1', [question.id])).length === 0;
      }
      expect(gone).toBe(true);
    } finally {
      await sut.close();
    }
  });
});
