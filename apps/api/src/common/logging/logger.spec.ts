import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { pinoHttp, type Options } from 'pino-http';
import { assignRequestId, loggerParams } from './logger';

/** Collects every JSON line a logger writes. */
class Lines extends Writable {
  readonly lines: Array<Record<string, unknown>> = [];
  readonly raw: string[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      this.raw.push(line);
      this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  }
}

const options = (): Options => loggerParams('info').pinoHttp as Options;

describe('loggerParams', () => {
  it('writes request lines at info and warn, and skips that work where none would be written', () => {
    const autoLogging = (level: string) => (loggerParams(level).pinoHttp as Options).autoLogging;
    expect(autoLogging('info')).toBe(true);
    expect(autoLogging('warn')).toBe(true);
    expect(autoLogging('error')).toBe(false);
    expect(autoLogging('silent')).toBe(false);
  });

  describe('redaction (a pino logger built from the pinoHttp options)', () => {
    const build = () => {
      const out = new Lines();
      const { level, base, redact } = options();
      return { out, sut: pino({ level, base, redact }, out) };
    };

    it('blanks the Authorization header and a password', () => {
      const { out, sut } = build();
      sut.info({ req: { headers: { authorization: 'Bearer eyJhbGciOi.secret.token', 'user-agent': 'jest' } }, password: 'hunter2 hunter2' }, 'login');
      expect(out.lines[0]).toMatchObject({ req: { headers: { authorization: '[redacted]', 'user-agent': 'jest' } }, password: '[redacted]' });
      expect(out.raw[0]).not.toContain('eyJhbGciOi');
      expect(out.raw[0]).not.toContain('hunter2');
    });

    it('blanks cookies and tokens wherever a request body or DTO puts them', () => {
      const { out, sut } = build();
      sut.warn({
        req: { headers: { cookie: 'session=abc' } },
        body: { password: 'p4ssw0rd!!', refreshToken: 'r-token-123' },
        dto: { user: { passwordHash: '$argon2id$v=19$m=19456', accessToken: 'a-token-456' } },
        token: 'raw-token-789',
      });
      for (const secret of ['session=abc', 'p4ssw0rd!!', 'r-token-123', '$argon2id$', 'a-token-456', 'raw-token-789']) {
        expect(out.raw[0]).not.toContain(secret);
      }
      expect(out.raw[0].match(/\[redacted\]/g)).toHaveLength(6);
    });

    it('leaves ordinary fields alone', () => {
      const { out, sut } = build();
      sut.info({ userId: 'u-1', action: 'user.role_granted' }, 'granted');
      expect(out.lines[0]).toMatchObject({ userId: 'u-1', action: 'user.role_granted', msg: 'granted', service: 'asclepia-api' });
    });
  });

  describe('request logs (pino-http with these options, over real HTTP)', () => {
    let server: Server;
    let out: Lines;
    let url: string;
    beforeAll(async () => {
      out = new Lines();
      const middleware = pinoHttp(options(), out);
      server = createServer((req: IncomingMessage, res: ServerResponse) => {
        middleware(req, res);
        res.statusCode = req.url?.startsWith('/fail') ? 503 : 200;
        res.end('ok');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const lastLine = () => out.lines[out.lines.length - 1];

    it('logs method, path and status but no headers, no query string, no body', async () => {
      await fetch(`${url}/api/v1/search?q=my+diagnosis`, {
        method: 'POST',
        headers: { authorization: 'Bearer super-secret-access', cookie: 'sid=1', 'content-type': 'application/json' },
        body: JSON.stringify({ password: 'never logged' }),
      });
      const line = lastLine();
      expect(line).toMatchObject({ req: { method: 'POST', path: '/api/v1/search' }, res: { statusCode: 200 }, level: 30 });
      const raw = out.raw[out.raw.length - 1];
      for (const leak of ['super-secret-access', 'sid=1', 'my+diagnosis', 'diagnosis', 'never logged']) expect(raw).not.toContain(leak);
    });

    it('tags the line with the request id it echoes in x-request-id', async () => {
      const res = await fetch(`${url}/x`, { headers: { 'x-request-id': 'proxy-assigned-0001' } });
      expect(res.headers.get('x-request-id')).toBe('proxy-assigned-0001');
      expect(lastLine()).toMatchObject({ req: { id: 'proxy-assigned-0001' } });
    });

    it('logs server errors at error level', async () => {
      await fetch(`${url}/fail`);
      expect(lastLine()).toMatchObject({ level: 50, res: { statusCode: 503 } });
    });
  });

  describe('assignRequestId', () => {
    const fakeRes = () => {
      const headers: Record<string, string> = {};
      return { headers, res: { setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as ServerResponse };
    };
    const fakeReq = (incoming?: string) => ({ headers: incoming === undefined ? {} : { 'x-request-id': incoming } }) as IncomingMessage;

    it('keeps a well-formed incoming id and echoes it', () => {
      const { headers, res } = fakeRes();
      expect(assignRequestId(fakeReq('abc-123.DEF_456'), res)).toBe('abc-123.DEF_456');
      expect(headers['x-request-id']).toBe('abc-123.DEF_456');
    });

    it.each([undefined, 'short', 'has spaces here', 'a'.repeat(65), 'line\nbreak-injected'])('replaces %j with a UUID', (incoming) => {
      const { headers, res } = fakeRes();
      const id = assignRequestId(fakeReq(incoming), res);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(headers['x-request-id']).toBe(id);
    });

    it('is idempotent, so the early middleware and pino-http agree on one id', () => {
      const { res } = fakeRes();
      const req = fakeReq();
      expect(assignRequestId(req, res)).toBe(assignRequestId(req, res));
    });
  });
});
