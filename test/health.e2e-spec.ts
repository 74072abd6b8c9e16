import { startTestApp, type TestApp } from './support/test-app';
import { http } from './support/http';

describe('health and docs', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp();
  });
  afterAll(() => sut.close());

  it('answers readiness with the database checked', async () => {
    const res = await http('GET', `${sut.api}/health`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('answers liveness without consulting dependencies', async () => {
    const res = await http('GET', `${sut.api}/health/live`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('serves the OpenAPI document at /docs', async () => {
    const res = await http('GET', `${sut.origin}/docs-json`);
    expect(res.status).toBe(200);
    expect(res.body.paths).toHaveProperty('/api/v1/auth/register');
    const page = await http('GET', `${sut.origin}/docs`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger');
  });
});
