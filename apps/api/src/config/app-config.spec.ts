import { AppConfig, ConfigError, loadConfig } from './app-config';

/** Runs loadConfig and returns the ConfigError it throws (fails the test if it does not throw one). */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  describe('defaults (a fresh machine with nothing set)', () => {
    const sut = loadConfig({});

    it('returns a typed AppConfig', () => {
      expect(sut).toBeInstanceOf(AppConfig);
    });

    it('serves on port 3000 on every interface in development', () => {
      expect(sut).toMatchObject({ NODE_ENV: 'development', PORT: 3000, HOST: '0.0.0.0' });
    });

    it('uses an embedded PostgreSQL under ./.data on a port away from 5432, with the demo seed', () => {
      expect(sut).toMatchObject({ DATA_DIR: './.data', EMBEDDED_PG_PORT: 54329 });
      expect(sut.DATABASE_URL).toBeUndefined();
      expect(sut.embedded).toBe(true);
      expect(sut.seedDemo).toBe(true);
    });

    it('has short-lived access tokens (15 min), 30-day refresh tokens and rate limits on', () => {
      expect(sut).toMatchObject({ ACCESS_TOKEN_TTL_SECONDS: 900, REFRESH_TOKEN_TTL_DAYS: 30, RATE_LIMIT: 'on' });
    });

    it('commits published chat messages without waiting for the disk', () => {
      expect(sut.CHAT_COMMIT).toBe('async');
    });

    it('allows no CORS origin, logs at info and limits bodies to 256 KB', () => {
      expect(sut).toMatchObject({ CORS_ORIGINS: [], LOG_LEVEL: 'info', BODY_LIMIT: '256kb' });
    });

    it('has no JWT secret and no seeded admin until told', () => {
      expect(sut.JWT_SECRET).toBeUndefined();
      expect(sut.SEED_ADMIN_EMAIL).toBeUndefined();
      expect(sut.SEED_ADMIN_PASSWORD).toBeUndefined();
    });
  });

  describe('reading values', () => {
    it('parses numbers, lists and switches', () => {
      const sut = loadConfig({
        PORT: '8080',
        CORS_ORIGINS: ' https://app.example , http://localhost:5173 ,',
        RATE_LIMIT: 'OFF',
        ACCESS_TOKEN_TTL_SECONDS: '600',
        CHAT_COMMIT: ' Sync ',
      });
      expect(sut.CHAT_COMMIT).toBe('sync');
      expect(sut.PORT).toBe(8080);
      expect(sut.CORS_ORIGINS).toEqual(['https://app.example', 'http://localhost:5173']);
      expect(sut.RATE_LIMIT).toBe('off');
      expect(sut.ACCESS_TOKEN_TTL_SECONDS).toBe(600);
    });

    it('uses DATABASE_URL when set, and then seeds no demo content unless asked', () => {
      const sut = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/asclepia' });
      expect(sut.embedded).toBe(false);
      expect(sut.seedDemo).toBe(false);
      expect(loadConfig({ DATABASE_URL: 'postgresql://db/asclepia', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    });

    it('treats an empty variable as unset', () => {
      expect(loadConfig({ PORT: '', JWT_SECRET: '' })).toMatchObject({ PORT: 3000, JWT_SECRET: undefined });
    });

    it('ignores variables it does not know', () => {
      expect(() => loadConfig({ PATH: '/usr/bin', SOMETHING_ELSE: '!!' })).not.toThrow();
    });

    it('accepts a seeded admin on a host without a TLD', () => {
      expect(loadConfig({ SEED_ADMIN_EMAIL: 'root@localhost', SEED_ADMIN_PASSWORD: 'long enough 123' }).SEED_ADMIN_EMAIL).toBe('root@localhost');
    });
  });

  describe('a wrong value stops start-up with one line naming the variable', () => {
    it.each([
      ['NODE_ENV', 'staging'],
      ['PORT', 'abc'],
      ['PORT', '70000'],
      ['PORT', '-1'],
      ['PORT', ' '],
      ['PORT', '0x10'],
      ['PORT', '3000.5'],
      ['EMBEDDED_PG_PORT', 'five'],
      ['DATABASE_URL', 'mysql://root@localhost/asclepia'],
      ['DATABASE_URL', 'not a url'],
      ['REDIS_URL', 'http://cache:6379'],
      ['JWT_SECRET', 'too-short'],
      ['ACCESS_TOKEN_TTL_SECONDS', '10'],
      ['ACCESS_TOKEN_TTL_SECONDS', '86400'],
      ['REFRESH_TOKEN_TTL_DAYS', '0'],
      ['REFRESH_TOKEN_TTL_DAYS', '1000'],
      ['CORS_ORIGINS', 'app.example'],
      ['CORS_ORIGINS', 'https://app.example/path'],
      ['CORS_ORIGINS', '*'],
      ['RATE_LIMIT', 'sometimes'],
      ['CHAT_COMMIT', 'off'],
      ['SEED_DEMO', 'yes'],
      ['LOG_LEVEL', 'loud'],
      ['BODY_LIMIT', 'lots'],
    ])('%s=%j', (name, value) => {
      const error = configError({ [name]: value });
      expect(error.message.startsWith(name)).toBe(true);
      expect(error.message).not.toContain('\n');
      expect(error.name).toBe('ConfigError');
    });

    it('names the variable when SEED_ADMIN_EMAIL is not an e-mail address', () => {
      const error = configError({ SEED_ADMIN_EMAIL: 'root', SEED_ADMIN_PASSWORD: 'long enough 123' });
      expect(error.message).toMatch(/^SEED_ADMIN_EMAIL /);
    });

    it('names the variable when SEED_ADMIN_PASSWORD is shorter than 8', () => {
      const error = configError({ SEED_ADMIN_EMAIL: 'root@example.test', SEED_ADMIN_PASSWORD: 'short' });
      expect(error.message).toMatch(/^SEED_ADMIN_PASSWORD /);
    });

    it('requires SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD together', () => {
      expect(configError({ SEED_ADMIN_EMAIL: 'root@example.test' }).message).toMatch(/SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD/);
      expect(configError({ SEED_ADMIN_PASSWORD: 'long enough 123' }).message).toMatch(/SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD/);
    });

    it('does not echo a secret value in the message', () => {
      expect(configError({ JWT_SECRET: 'hunter2-secret' }).message).not.toContain('hunter2-secret');
    });
  });

  describe('production', () => {
    it('requires JWT_SECRET', () => {
      expect(configError({ NODE_ENV: 'production' }).message).toBe('JWT_SECRET must be set in production');
    });

    it('starts with a JWT_SECRET of at least 32 characters', () => {
      const secret = 'p'.repeat(32);
      expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).JWT_SECRET).toBe(secret);
    });
  });
});
