import { createHmac } from 'node:crypto';
import { expectApiError } from './support/api-error';
import { newUserInput, register } from './support/factories';
import { http } from './support/http';
import { accessClaims, decodePart, signHs256, TEST_JWT_SECRET, unsignedAlgNone } from './support/jwt';
import { startTestApp, type TestApp } from './support/test-app';

describe('access tokens', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp();
  });
  afterAll(() => sut.close());

  const me = (token?: string, headers?: Record<string, string>) => http('GET', `${sut.api}/me`, { token, headers });

  it('lives about 15 minutes: expiresIn is 900 and exp - iat is 900', async () => {
    const res = await http('POST', `${sut.api}/auth/register`, { body: newUserInput() });
    expect(res.status).toBe(201);
    expect(res.body.expiresIn).toBe(900);
    const claims = decodePart(res.body.accessToken, 1);
    expect((claims.exp as number) - (claims.iat as number)).toBe(900);
    expect(claims).toMatchObject({ sub: res.body.user.id, typ: 'access', iss: 'asclepia', aud: 'asclepia-api' });
    expect(decodePart(res.body.accessToken, 0)).toMatchObject({ alg: 'HS256' });
  });

  it('carries no personal data in the token (it is readable by anyone who holds it)', async () => {
    const user = await register(sut.api);
    const payload = JSON.stringify(decodePart(user.accessToken, 1));
    expect(payload).not.toContain(user.email);
    expect(payload).not.toContain(user.handle);
  });

  it('accepts a well-formed token signed with the app secret (control for the forgeries below)', async () => {
    const user = await register(sut.api);
    const res = await me(signHs256(accessClaims(user.id)));
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(user.id);
  });

  it('answers 401 in the API error shape with no token', async () => {
    expectApiError(await me(), 401, 'Unauthorized');
  });

  it('answers 401 to an expired token', async () => {
    const user = await register(sut.api);
    const now = Math.floor(Date.now() / 1000);
    const expired = signHs256(accessClaims(user.id, { iat: now - 3600, exp: now - 60 }));
    expectApiError(await me(expired), 401, 'Unauthorized');
  });

  it('answers 401 to a token signed with another secret', async () => {
    const user = await register(sut.api);
    expectApiError(await me(signHs256(accessClaims(user.id), 'another-secret-another-secret-another-secret')), 401, 'Unauthorized');
  });

  it('answers 401 to an unsigned alg:none token', async () => {
    const user = await register(sut.api);
    expectApiError(await me(unsignedAlgNone(accessClaims(user.id))), 401, 'Unauthorized');
  });

  it('answers 401 to an alg:none header glued onto a genuine signature', async () => {
    const user = await register(sut.api);
    const [, payload, signature] = signHs256(accessClaims(user.id)).split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expectApiError(await me(`${header}.${payload}.${signature}`), 401);
  });

  it('answers 401 to an HS256 token without typ: access', async () => {
    const user = await register(sut.api);
    const { typ: _typ, ...claims } = accessClaims(user.id);
    expectApiError(await me(signHs256(claims)), 401, 'Unauthorized');
  });

  it('answers 401 to a token of another type', async () => {
    const user = await register(sut.api);
    expectApiError(await me(signHs256(accessClaims(user.id, { typ: 'refresh' }))), 401);
  });

  it.each([
    ['another issuer', { iss: 'someone-else' }],
    ['another audience', { aud: 'another-api' }],
  ])('answers 401 to a token for %s', async (_name, overrides) => {
    const user = await register(sut.api);
    expectApiError(await me(signHs256(accessClaims(user.id, overrides))), 401);
  });

  it('answers 401 to a token signed with another algorithm (HS512) even with the right secret', async () => {
    const user = await register(sut.api);
    const header = Buffer.from(JSON.stringify({ alg: 'HS512', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(accessClaims(user.id))).toString('base64url');
    const signature = createHmac('sha512', TEST_JWT_SECRET).update(`${header}.${payload}`).digest('base64url');
    expectApiError(await me(`${header}.${payload}.${signature}`), 401);
  });

  it.each([
    ['a subject that is not a UUID', { sub: 'admin' }],
    ['a numeric subject', { sub: 42 }],
    ['no subject', { sub: undefined }],
  ])('answers 401, never 500, to a correctly signed token with %s', async (_name, overrides) => {
    expectApiError(await me(signHs256(accessClaims('ignored', overrides))), 401, 'Unauthorized');
  });

  it('answers 401 to a valid token whose user no longer exists', async () => {
    const user = await register(sut.api);
    await sut.dataSource.query('DELETE FROM users WHERE id = $1', [user.id]);
    expectApiError(await me(user.accessToken), 401);
  });

  it.each([
    ['a garbage bearer', { authorization: 'Bearer not.a.jwt' }],
    ['a Basic scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ])('answers 401 to %s', async (_name, headers) => {
    expectApiError(await me(undefined, headers), 401);
  });

  it('does not accept a refresh token as a bearer token', async () => {
    const user = await register(sut.api);
    expectApiError(await me(user.refreshToken), 401);
  });
});
