import { expectApiError, messageOf } from './support/api-error';
import { newUserInput, register, registerAs, type Session } from './support/factories';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the HTTP edge', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp();
  });
  afterAll(() => sut.close());

  describe('bad input', () => {
    it('answers malformed JSON with 400 in the API error shape', async () => {
      const res = await http('POST', `${sut.api}/auth/register`, { raw: '{"email": "a@example.test",' });
      expectApiError(res, 400, 'Bad Request');
      expect(res.body.message).toEqual(expect.any(String));
    });

    it('answers a body over 256 KB with 413 in the API error shape, before any validation', async () => {
      const res = await http('POST', `${sut.api}/auth/register`, { body: { ...newUserInput(), handle: 'x'.repeat(300 * 1024) } });
      expectApiError(res, 413, 'Payload Too Large');
    });

    it('accepts a body just under the limit as far as validation (400, not 413)', async () => {
      const res = await http('POST', `${sut.api}/auth/register`, { body: { ...newUserInput(), handle: 'x'.repeat(200 * 1024) } });
      expectApiError(res, 400);
    });

    it('answers a pathologically nested JSON body with 400, not a stack overflow 500', async () => {
      const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
      expectApiError(await http('POST', `${sut.api}/auth/register`, { raw: deep(40_000) }), 400, 'Bad Request');
      expectApiError(await http('POST', `${sut.api}/auth/login`, { raw: `{"email":"a@example.test","password":"x","x":${deep(40_000)}}` }), 400);
    });

    it.each([
      ['JSON that is not an object', '"just a string"', 'application/json'],
      ['JSON null', 'null', 'application/json'],
      ['a text/plain body', 'email=a', 'text/plain'],
    ])('answers %s with 400', async (_name, raw, contentType) => {
      expectApiError(await http('POST', `${sut.api}/auth/register`, { raw, headers: { 'content-type': contentType } }), 400, 'Bad Request');
    });

    it('answers a body in a charset it cannot read with 415 in the API error shape', async () => {
      const res = await http('POST', `${sut.api}/auth/register`, { raw: '{}', headers: { 'content-type': 'application/json; charset=latin1' } });
      expectApiError(res, 415, 'Unsupported Media Type');
    });

    it('answers a content type it does not read with 415 in the API error shape', async () => {
      const res = await http('POST', `${sut.api}/auth/register`, { raw: '<user/>', headers: { 'content-type': 'application/xml' } });
      expectApiError(res, 415, 'Unsupported Media Type');
    });

    it('refuses a JSON body that tries to set __proto__ with 400', async () => {
      const res = await http('POST', `${sut.api}/auth/login`, { raw: '{"email":"a@example.test","password":"x","__proto__":{"admin":true}}' });
      expectApiError(res, 400, 'Bad Request');
    });

    it('answers an unknown route with 404 in the API error shape', async () => {
      expectApiError(await http('GET', `${sut.api}/no-such-thing`), 404, 'Not Found');
      expectApiError(await http('DELETE', `${sut.api}/auth/login`), 404, 'Not Found');
    });

    it('answers a badly percent-encoded path with 400, not 500', async () => {
      expectApiError(await http('GET', `${sut.api}/users/%FF`), 400, 'Bad Request');
    });

    it('answers NUL characters, which PostgreSQL cannot store, with 400 rather than a 500', async () => {
      const inLogin = await http('POST', `${sut.api}/auth/login`, { body: { email: 'nul\u0000@example.test', password: 'whatever-at-all' } });
      expectApiError(inLogin, 400, 'Bad Request');
      const physician = await register(sut.api, 'physician');
      const inApplication = await http('POST', `${sut.api}/physicians/verification`, {
        token: physician.accessToken,
        body: { registrationNumber: 'NMC-1', council: 'Medical\u0000Council', specialty: 'Cardiology', country: 'IN' },
      });
      expectApiError(inApplication, 400, 'Bad Request');
      const inPath = await http('GET', `${sut.api}/users/%00`);
      expectApiError(inPath, 400);
      const moderator = await registerAs(sut.api, sut.dataSource, 'moderator');
      const inQuery = await http('GET', `${sut.api}/moderation/audit?cursor=%00`, { token: moderator.accessToken });
      expectApiError(inQuery, 400);
    });
  });

  describe('headers', () => {
    it('sets helmet\'s security headers and hides the framework', async () => {
      const res = await http('GET', `${sut.api}/health/live`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('x-powered-by')).toBeNull();
    });

    it('sets the security headers on error responses too', async () => {
      const res = await http('GET', `${sut.api}/no-such-thing`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-powered-by')).toBeNull();
    });

    it('gives every response an x-request-id', async () => {
      const first = await http('GET', `${sut.api}/health/live`);
      const second = await http('GET', `${sut.api}/health/live`);
      expect(first.headers.get('x-request-id')).toMatch(UUID);
      expect(second.headers.get('x-request-id')).toMatch(UUID);
      expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
    });

    it('preserves a well-formed incoming x-request-id', async () => {
      const res = await http('GET', `${sut.api}/health/live`, { headers: { 'x-request-id': 'edge-proxy.42_abc-DEF' } });
      expect(res.headers.get('x-request-id')).toBe('edge-proxy.42_abc-DEF');
    });

    it('replaces an incoming x-request-id that could forge log lines', async () => {
      for (const bad of ['has spaces in it', 'short', 'x'.repeat(65), '{"level":60}']) {
        const res = await http('GET', `${sut.api}/health/live`, { headers: { 'x-request-id': bad } });
        expect(res.headers.get('x-request-id')).toMatch(UUID);
      }
    });

    it('echoes the request id even when the body parser refuses the request', async () => {
      const malformed = await http('POST', `${sut.api}/auth/login`, { raw: '{', headers: { 'x-request-id': 'trace-malformed-1' } });
      expect(malformed.status).toBe(400);
      expect(malformed.headers.get('x-request-id')).toBe('trace-malformed-1');
      const tooLarge = await http('POST', `${sut.api}/auth/login`, { raw: JSON.stringify({ email: 'x'.repeat(300 * 1024) }) });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.headers.get('x-request-id')).toMatch(UUID);
    });

    it('allows no cross-origin caller when CORS_ORIGINS is unset', async () => {
      const res = await http('OPTIONS', `${sut.api}/auth/login`, {
        headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
      });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('query validation (global ValidationPipe)', () => {
    let moderator: Session;
    beforeAll(async () => {
      moderator = await registerAs(sut.api, sut.dataSource, 'moderator');
    });
    const audit = (query: string) => http('GET', `${sut.api}/moderation/audit${query}`, { token: moderator.accessToken });

    it('accepts a valid limit (control)', async () => {
      const res = await audit('?limit=1');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['items', 'nextCursor']);
      expect(res.body.items.length).toBeLessThanOrEqual(1);
    });

    it('rejects an unknown query parameter with 400 naming it', async () => {
      const res = await audit('?foo=1');
      expectApiError(res, 400, 'Bad Request');
      expect(messageOf(res)).toContain('foo');
    });

    it.each(['0', '101', '-1', '2.5', 'ten', '', '1e1', '0x10', '%2010'])('rejects ?limit=%j with 400', async (limit) => {
      expectApiError(await audit(`?limit=${limit}`), 400, 'Bad Request');
    });

    it('rejects a repeated limit with 400', async () => {
      expectApiError(await audit('?limit=1&limit=2'), 400, 'Bad Request');
    });

    it('accepts limits 1 and 100, the ends of the range', async () => {
      expect((await audit('?limit=1')).status).toBe(200);
      expect((await audit('?limit=100')).status).toBe(200);
    });

    it('rejects a cursor it did not issue with 400', async () => {
      expectApiError(await audit('?cursor=not-a-cursor'), 400);
    });
  });
});

describe('CORS with CORS_ORIGINS=https://app.example', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({ CORS_ORIGINS: 'https://app.example' });
  });
  afterAll(() => sut.close());

  const preflight = (origin: string) =>
    http('OPTIONS', `${sut.api}/auth/login`, {
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });

  it('allows a preflight from the configured origin', async () => {
    const res = await preflight('https://app.example');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('does not allow a preflight from another origin', async () => {
    for (const origin of ['https://evil.example', 'https://app.example.evil.test', 'http://app.example']) {
      const res = await preflight(origin);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('labels a simple request from the configured origin, and not one from another', async () => {
    const allowed = await http('GET', `${sut.api}/health/live`, { headers: { origin: 'https://app.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    const other = await http('GET', `${sut.api}/health/live`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('an unexpected server error', () => {
  let sut: TestApp;
  let user: Session;
  beforeAll(async () => {
    sut = await startTestApp();
    user = await register(sut.api);
  });
  afterAll(() => sut.close());

  it('answers 500 in the API error shape with no stack trace, no SQL and no internals', async () => {
    // Pulling the database out from under the running app makes the next query throw something no code expects.
    await sut.dataSource.destroy();
    for (const res of [
      await http('GET', `${sut.api}/me`, { token: user.accessToken }),
      await http('GET', `${sut.api}/users/${user.id}`),
      await http('POST', `${sut.api}/auth/login`, { body: { email: user.email, password: 'slow green tortoise 42' } }),
    ]) {
      expectApiError(res, 500, 'Internal Server Error');
      expect(res.body.message).toBe('Something went wrong on our side');
      expect(res.text).not.toMatch(/SELECT|typeorm|DataSource|Connection|users/i);
      expect(res.headers.get('x-request-id')).toMatch(UUID);
    }
  });
});
