import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** `BODY_LIMIT` ("256kb"; AppConfig has checked the shape) in bytes. */
export function byteLimit(limit: string): number {
  const [, amount, unit] = /^(\d+)(b|kb|mb)$/i.exec(limit) ?? [];
  if (!amount || !unit) throw new Error(`not a size: ${limit}`);
  return Number(amount) * UNITS[unit.toLowerCase()];
}

function charsetOf(request: { headers: IncomingHttpHeaders }): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '');
  return match ? match[1].toLowerCase() : null;
}

/**
 * The request bodies the API reads, with the rules it has always had (body-parser's strict mode):
 * - JSON in UTF-8 only: a body that names another charset is a 415;
 * - an empty JSON body is no body, not an error;
 * - only an object or an array is a JSON body: `null` or a bare string is malformed;
 * - `__proto__` and `constructor.prototype` keys are refused (Fastify's prototype-poisoning guard);
 * - HTML forms (urlencoded, flat keys only), under the same size limit.
 * Fastify answers a body over the limit with a 413 before any of this runs.
 */
export function registerBodyParsers(app: NestFastifyApplication, bodyLimit: number): void {
  const parseJson = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<Server>('application/json', { bodyLimit }, (request, body, done) => {
    const charset = charsetOf(request);
    if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
      return done(new UnsupportedMediaTypeException(`Send JSON in UTF-8, not ${charset}`), undefined);
    }
    const text = body.toString('utf8');
    const first = text.trimStart().charAt(0);
    if (first === '') return done(null, undefined);
    if (first !== '{' && first !== '[') return done(new BadRequestException('Malformed JSON in request body'), undefined);
    void parseJson(request, text, done);
  });
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit }, (_request, body, done) => {
    done(null, { ...parseQueryString(body.toString('utf8')) });
  });
}
