import { BadRequestException } from '@nestjs/common';
import { guardInput, MAX_BODY_DEPTH } from './input-guard';

const nested = (levels: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = i % 2 ? { a: value } : [value];
  return value;
};

describe('guardInput', () => {
  const run = (url: string, body?: unknown): unknown[] => {
    const calls: unknown[] = [];
    guardInput({ url, body }, {}, (error?: unknown) => calls.push(error));
    return calls;
  };
  const refusal = (url: string, body?: unknown): string => {
    const [error] = run(url, body);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).getStatus()).toBe(400);
    return (error as BadRequestException).message;
  };

  it('passes ordinary input through', () => {
    const body = { title: 'Chest pain', tags: ['cardiology'], nested: { n: 1, ok: true, none: null } };
    expect(run('/api/v1/questions?q=chest%20pain', body)).toEqual([undefined]);
    expect(run('/api/v1/health')).toEqual([undefined]);
  });

  it.each([
    ['a top-level string', { email: 'a\u0000@example.test' }],
    ['an array element', { tags: ['ok', 'bad\u0000'] }],
    ['a nested object', { a: { b: { c: 'x\u0000y' } } }],
    ['a key', { ['ke\u0000y']: 'value' }],
  ])('refuses a NUL in %s', (_name, body) => {
    expect(refusal('/api/v1/auth/login', body)).toMatch(/NUL/);
  });

  it.each(['/api/v1/forums/%00/threads', '/api/v1/search?q=a%00b'])('refuses an encoded NUL in the URL %s', (url) => {
    expect(refusal(url)).toMatch(/NUL/);
  });

  it(`accepts a body nested ${MAX_BODY_DEPTH} levels deep and refuses one level more`, () => {
    expect(run('/x', nested(MAX_BODY_DEPTH))).toEqual([undefined]);
    expect(refusal('/x', nested(MAX_BODY_DEPTH + 1))).toMatch(/nested/);
  });

  it('refuses a pathologically deep body without overflowing its own stack', () => {
    expect(refusal('/x', nested(100_000))).toMatch(/nested/);
  });

  it('calls next exactly once', () => {
    expect(run('/x', { a: 'b\u0000' })).toHaveLength(1);
    expect(run('/x', { a: 'b' })).toHaveLength(1);
  });
});
