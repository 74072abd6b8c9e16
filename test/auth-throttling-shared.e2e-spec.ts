import { randomBytes } from 'node:crypto';
import { expectApiError } from './support/api-error';
import { PASSWORD, register } from './support/factories';
import { http, type HttpResult } from './support/http';
import { startTestApp, twoApps, type TestApp, unreachableRedisUrl } from './support/test-app';

/**
 * Login throttling with REDIS_URL: every API process counts the same attempts, and a process that
 * cannot reach Redis counts on its own instead of failing logins.
 * The shared half needs a Redis server: set REDIS_URL_FOR_TESTS (the CI script does).
 */
const REDIS = process.env.REDIS_URL_FOR_TESTS;
const describeWithRedis = REDIS ? describe : describe.skip;

const ACCOUNT_LIMIT = 10;
const IP_LIMIT = 20;
const freshIp = () => `203.0.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0] % 254)}`;

function loginFrom(api: string, ip: string, email: string, password: string): Promise<HttpResult> {
  return http('POST', `${api}/auth/login`, { body: { email, password }, headers: { 'x-forwarded-for': ip } });
}

describeWithRedis('login throttling across processes (REDIS_URL)', () => {
  const apps = twoApps({ RATE_LIMIT: 'on', REDIS_URL: REDIS as string });

  it(`refuses the ${ACCOUNT_LIMIT + 1}th guess on one account though the guesses were spread over two processes`, async () => {
    const { one, two } = apps;
    const user = await register(one.api);
    const statuses: number[] = [];
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      statuses.push((await loginFrom(i % 2 ? two.api : one.api, freshIp(), user.email, `${PASSWORD} wrong`)).status);
    }
    expect(statuses).toEqual(Array(ACCOUNT_LIMIT).fill(401));
    // Either process now refuses even the right password: each saw only half the guesses itself.
    expectApiError(await loginFrom(one.api, freshIp(), user.email, PASSWORD), 429, 'Too Many Requests');
    expectApiError(await loginFrom(two.api, freshIp(), user.email, PASSWORD), 429, 'Too Many Requests');
  });

  it('still lets another account log in on both processes (control)', async () => {
    const { one, two } = apps;
    const user = await register(one.api);
    expect((await loginFrom(one.api, freshIp(), user.email, PASSWORD)).status).toBe(200);
    expect((await loginFrom(two.api, freshIp(), user.email, PASSWORD)).status).toBe(200);
  });
});

describe('login throttling while Redis is unreachable', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({ RATE_LIMIT: 'on', REDIS_URL: await unreachableRedisUrl() });
  });
  afterAll(() => sut.close());

  it('answers logins as usual (never a 500) and still throttles within the process', async () => {
    const user = await register(sut.api);
    expect((await loginFrom(sut.api, freshIp(), user.email, PASSWORD)).status).toBe(200);
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < IP_LIMIT; i++) statuses.push((await loginFrom(sut.api, ip, `nobody_${i}@example.test`, PASSWORD)).status);
    expect(statuses).toEqual(Array(IP_LIMIT).fill(401));
    expectApiError(await loginFrom(sut.api, ip, user.email, PASSWORD), 429, 'Too Many Requests');
  });
});
