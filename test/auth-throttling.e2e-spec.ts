import { randomBytes } from 'node:crypto';
import { expectApiError } from './support/api-error';
import { PASSWORD, register } from './support/factories';
import { http, type HttpResult } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/** A documentation-range address (RFC 5737) no other test uses, so buckets never collide. */
const freshIp = () => `198.51.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0] % 254)}`;
const unknownEmail = () => `nobody_${randomBytes(5).toString('hex')}@example.test`;

const IP_LIMIT = 20;
const ACCOUNT_LIMIT = 10;

function loginFrom(api: string, ip: string, email: string, password: string): Promise<HttpResult> {
  return http('POST', `${api}/auth/login`, { body: { email, password }, headers: { 'x-forwarded-for': ip } });
}

/** Sequential on purpose: the limit counts requests, and the order must be the one we reason about. */
async function times(n: number, attempt: (i: number) => Promise<HttpResult>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await attempt(i)).status);
  return statuses;
}

describe('login throttling (RATE_LIMIT=on)', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({ RATE_LIMIT: 'on' });
  });
  afterAll(() => sut.close());

  it(`answers 429 in the API error shape after ${IP_LIMIT} logins a minute from one IP`, async () => {
    const ip = freshIp();
    const allowed = await times(IP_LIMIT, () => loginFrom(sut.api, ip, unknownEmail(), PASSWORD));
    expect(allowed).toEqual(Array(IP_LIMIT).fill(401));

    const blocked = await loginFrom(sut.api, ip, unknownEmail(), PASSWORD);
    expectApiError(blocked, 429, 'Too Many Requests');
    expect(blocked.headers.get('retry-after-ip')).toMatch(/^\d+$/);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('throttles an IP even when it finally sends the right password', async () => {
    const user = await register(sut.api);
    const ip = freshIp();
    await times(IP_LIMIT, () => loginFrom(sut.api, ip, unknownEmail(), PASSWORD));
    const res = await loginFrom(sut.api, ip, user.email, PASSWORD);
    expectApiError(res, 429);
    expect(res.text).not.toContain('accessToken');
  });

  it('counts each IP separately: another address is not blocked', async () => {
    const noisy = freshIp();
    await times(IP_LIMIT + 1, () => loginFrom(sut.api, noisy, unknownEmail(), PASSWORD));
    const user = await register(sut.api);
    expect((await loginFrom(sut.api, freshIp(), user.email, PASSWORD)).status).toBe(200);
  });

  it(`answers 429 after ${ACCOUNT_LIMIT} attempts on one account, even spread over many IPs`, async () => {
    const user = await register(sut.api);
    const attempts = await times(ACCOUNT_LIMIT, () => loginFrom(sut.api, freshIp(), user.email, `${PASSWORD} wrong`));
    expect(attempts).toEqual(Array(ACCOUNT_LIMIT).fill(401));

    // The right password from a fresh address is refused too: the account is what is protected.
    const blocked = await loginFrom(sut.api, freshIp(), user.email, PASSWORD);
    expectApiError(blocked, 429, 'Too Many Requests');
    expect(blocked.text).not.toContain('accessToken');
  });

  it('tracks the account whatever the case or padding of the e-mail', async () => {
    const user = await register(sut.api);
    const spellings = [user.email, user.email.toUpperCase(), ` ${user.email} `];
    await times(ACCOUNT_LIMIT, (i) => loginFrom(sut.api, freshIp(), spellings[i % spellings.length], `${PASSWORD} wrong`));
    expectApiError(await loginFrom(sut.api, freshIp(), user.email, PASSWORD), 429);
  });

  it('throttles an unknown e-mail exactly like a known one (no account enumeration)', async () => {
    const email = unknownEmail();
    const attempts = await times(ACCOUNT_LIMIT, () => loginFrom(sut.api, freshIp(), email, PASSWORD));
    expect(attempts).toEqual(Array(ACCOUNT_LIMIT).fill(401));
    expectApiError(await loginFrom(sut.api, freshIp(), email, PASSWORD), 429);
  });

  it('does not let one throttled account lock out another', async () => {
    const victim = await register(sut.api);
    const bystander = await register(sut.api);
    await times(ACCOUNT_LIMIT + 1, () => loginFrom(sut.api, freshIp(), victim.email, `${PASSWORD} wrong`));
    expect((await loginFrom(sut.api, freshIp(), bystander.email, PASSWORD)).status).toBe(200);
  });
});

describe('login throttling (RATE_LIMIT=off)', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({ RATE_LIMIT: 'off' });
  });
  afterAll(() => sut.close());

  it('never answers 429, from one IP to one account, well past both limits', async () => {
    const user = await register(sut.api);
    const ip = freshIp();
    const statuses = await times(IP_LIMIT + 5, () => loginFrom(sut.api, ip, user.email, `${PASSWORD} wrong`));
    expect(statuses).toEqual(Array(IP_LIMIT + 5).fill(401));
    expect((await loginFrom(sut.api, ip, user.email, PASSWORD)).status).toBe(200);
  });
});
