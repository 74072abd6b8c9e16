import type { HttpResult } from './http';

/** Signs of a leaked stack trace: `at fn (file:line)` frames or source paths. */
const STACK_TRACE = /\bat [\w.<>]+ \(|\bat \/|\.(ts|js):\d+|node_modules|\/work\/|\/apps\/api\//;

/** The one error shape API.md promises: exactly `{ statusCode, error, message }`, and no stack. */
export function expectApiError(res: HttpResult, status: number, error?: string): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(Object.keys(res.body as object).sort()).toEqual(['error', 'message', 'statusCode']);
  expect(res.body.statusCode).toBe(status);
  expect(typeof res.body.error).toBe('string');
  if (error !== undefined) expect(res.body.error).toBe(error);
  const message: unknown = res.body.message;
  expect(typeof message === 'string' || (Array.isArray(message) && message.every((m) => typeof m === 'string'))).toBe(true);
  expect(res.text).not.toMatch(STACK_TRACE);
}

/** The message(s) of an error body as one string, for `toContain`/`toMatch`. */
export function messageOf(res: HttpResult): string {
  const message: unknown = res.body?.message;
  return Array.isArray(message) ? message.join('\n') : String(message);
}
