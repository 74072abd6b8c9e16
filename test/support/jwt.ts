import { createHmac } from 'node:crypto';

/** The JWT_SECRET startTestApp gives the app. */
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Hand-built JWTs, so a test can forge exactly the token an attacker would send
 * (other secret, `alg: none`, missing claims) without the app's own signing code.
 */
export function signHs256(payload: object, secret = TEST_JWT_SECRET, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const unsigned = `${b64url(header)}.${b64url(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

export function unsignedAlgNone(payload: object): string {
  return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}.`;
}

/** Claims the app accepts for `sub`, valid for the next `ttlSeconds`. */
export function accessClaims(sub: string, overrides: Record<string, unknown> = {}, ttlSeconds = 300): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { sub, typ: 'access', iat: now, exp: now + ttlSeconds, iss: 'asclepia', aud: 'asclepia-api', ...overrides };
}

export function decodePart(token: string, index: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString('utf8')) as Record<string, unknown>;
}
