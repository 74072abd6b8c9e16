import { sign, verify } from 'jsonwebtoken';
import { loadConfig } from './app-config';
import { jwtKey, type Runtime } from './runtime';

describe('jwtKey', () => {
  const runtime: Runtime = { config: loadConfig({}), databaseUrl: 'postgres://db/asclepia', jwtSecret: 'ünïcode-secret-ünïcode-secret-ünïcode-secret' };
  const options = { algorithms: ['HS256' as const], issuer: 'asclepia', audience: 'asclepia-api' };
  const signed = (key: string | ReturnType<typeof jwtKey>) => sign({ sub: 'u1' }, key, { algorithm: 'HS256', issuer: 'asclepia', audience: 'asclepia-api', expiresIn: 60 });

  it('is an HMAC key with the secret’s UTF-8 bytes, made once per runtime', () => {
    const key = jwtKey(runtime);
    expect(key.type).toBe('secret');
    expect(key.export().equals(Buffer.from(runtime.jwtSecret, 'utf8'))).toBe(true);
    expect(jwtKey(runtime)).toBe(key);
  });

  it('verifies tokens signed with the secret as a string, and the other way round', () => {
    expect(verify(signed(runtime.jwtSecret), jwtKey(runtime), options)).toMatchObject({ sub: 'u1' });
    expect(verify(signed(jwtKey(runtime)), runtime.jwtSecret, options)).toMatchObject({ sub: 'u1' });
  });

  it('refuses a token signed with another secret, or with alg none', () => {
    expect(() => verify(signed('another-secret-another-secret-another-secret'), jwtKey(runtime), options)).toThrow('invalid signature');
    const none = sign({ sub: 'u1' }, null, { algorithm: 'none', issuer: 'asclepia', audience: 'asclepia-api' });
    expect(() => verify(none, jwtKey(runtime), options)).toThrow();
  });
});
