import { BadRequestException } from '@nestjs/common';

/** Far deeper than any DTO; far shallower than what overflows class-transformer's recursion. */
export const MAX_BODY_DEPTH = 32;
const ENCODED_NUL = /%00/;

type Problem = 'nul' | 'deep' | null;

function inspect(value: unknown, depth: number): Problem {
  if (typeof value === 'string') return value.includes('\u0000') ? 'nul' : null;
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_BODY_DEPTH) return 'deep';
  const entries = Array.isArray(value) ? value.map((item) => ['', item] as const) : Object.entries(value);
  for (const [key, item] of entries) {
    if (key.includes('\u0000')) return 'nul';
    const problem = inspect(item, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/**
 * Refuses, as the client's mistake, input that would otherwise fail deep inside the app as a 500:
 * - U+0000 anywhere (URL or body): PostgreSQL text cannot store it, so the query would fail;
 * - a JSON body nested deeper than MAX_BODY_DEPTH: validation recurses and would overflow the stack.
 * Runs as a `preValidation` hook: after the body is parsed, before any guard or handler.
 */
export function guardInput(request: { url: string; body?: unknown }, _reply: unknown, done: (error?: Error) => void): void {
  const problem = ENCODED_NUL.test(request.url) ? 'nul' : inspect(request.body, 0);
  if (problem === 'nul') return done(new BadRequestException('Input must not contain NUL characters'));
  if (problem === 'deep') return done(new BadRequestException(`Request body is nested more than ${MAX_BODY_DEPTH} levels deep`));
  done();
}
