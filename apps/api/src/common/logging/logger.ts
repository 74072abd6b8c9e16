import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';

const SECRET_KEYS = ['password', 'passwordHash', 'refreshToken', 'accessToken', 'token', 'authorization'];

/**
 * Paths pino blanks in every line: credentials must never reach the logs.
 * (OWASP Logging Cheat Sheet: https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html)
 */
export const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  // A secret may sit at the top of a logged object or a level or two down (`{ dto: { password } }`).
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The request's id: a well-formed incoming `x-request-id` (from a proxy) is kept, anything else replaced. */
export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * pino-http's id for a request: the one Fastify gave it (its genReqId is requestIdOf, and the
 * first onRequest hook echoes it as `x-request-id`), or a new one where no hook ran.
 */
export function assignRequestId(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const id = requestIdOf(req);
  req.id = id;
  res.setHeader('x-request-id', id);
  return id;
}

/** Request lines are logged at info (2xx/3xx) and warn (4xx); 5xx are logged by the exception filter. */
const REQUEST_LINE_LEVELS = new Set(['trace', 'debug', 'info', 'warn']);

/** nestjs-pino settings: one JSON line per request, tagged with a request id echoed as `x-request-id`. */
export function loggerParams(level: string): Params {
  return {
    pinoHttp: {
      level,
      // At error level and above no request line would be written: skip pino-http's per-request work.
      autoLogging: REQUEST_LINE_LEVELS.has(level),
      base: { service: 'asclepia-api' },
      redact: { paths: REDACT, censor: '[redacted]' },
      genReqId: assignRequestId,
      customLogLevel(_req, res, error) {
        if (error || res.statusCode >= 500) return 'error';
        if (res.statusCode >= 400) return 'warn';
        return 'info';
      },
      // Only what an operator needs; query strings may carry search text, so the path is logged without it.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
