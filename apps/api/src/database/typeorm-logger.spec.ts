import { Logger } from '@nestjs/common';
import { TypeOrmLogger } from './typeorm-logger';

describe('TypeOrmLogger', () => {
  const sut = new TypeOrmLogger();
  let lines: string[];

  beforeEach(() => {
    lines = [];
    for (const level of ['log', 'debug', 'warn', 'error', 'verbose'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => void lines.push(String(args[0])));
    }
  });
  afterEach(() => jest.restoreAllMocks());

  it('logs a failed query with the error and the SQL but never its parameters', () => {
    sut.logQueryError(new Error('duplicate key value violates unique constraint "uq_users_email"'), 'INSERT INTO "users"("email") VALUES ($1)', [
      'asha@example.com',
      '$argon2id$v=19$secret',
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('uq_users_email');
    expect(lines[0]).toContain('INSERT INTO "users"');
    expect(lines[0]).not.toContain('asha@example.com');
    expect(lines[0]).not.toContain('argon2id');
  });

  it('logs a slow query without its parameters', () => {
    sut.logQuerySlow(1500, 'SELECT * FROM users WHERE email = $1', ['asha@example.com']);
    expect(lines).toEqual(['slow query (1500 ms): SELECT * FROM users WHERE email = $1']);
  });

  it('does not log successful queries', () => {
    sut.logQuery();
    expect(lines).toEqual([]);
  });
});
