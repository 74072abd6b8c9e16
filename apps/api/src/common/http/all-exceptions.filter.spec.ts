import { BadRequestException, ForbiddenException, HttpException, Logger, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import type { ArgumentsHost } from '@nestjs/common';
import { AllExceptionsFilter, type ErrorBody } from './all-exceptions.filter';

interface Captured {
  status?: number;
  body?: ErrorBody;
}

interface FakeResponse {
  headersSent: boolean;
  captured: Captured;
}

function httpHost(captured: Captured, headersSent = false): ArgumentsHost {
  const response: FakeResponse = { headersSent, captured };
  return { getType: () => 'http', switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
}

/** The two calls the filter makes on Nest's HTTP adapter. */
const adapter = {
  isHeadersSent: (response: FakeResponse) => response.headersSent,
  reply: (response: FakeResponse, body: ErrorBody, status: number) => {
    response.captured.status = status;
    response.captured.body = body;
  },
};

/** An error as Fastify raises it before a route runs (a code starting FST_ and a status). */
function fastifyError(code: string, statusCode: number, message: string): Error {
  return Object.assign(new Error(message), { code, statusCode });
}

/** Fastify's JSON parser: the SyntaxError from JSON.parse, marked with a 400. */
function jsonSyntaxError(): Error {
  return Object.assign(new SyntaxError('Unexpected end of JSON input'), { statusCode: 400 });
}

describe('AllExceptionsFilter', () => {
  const sut = new AllExceptionsFilter(adapter);
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  const answer = (exception: unknown): Captured => {
    const captured: Captured = {};
    sut.catch(exception, httpHost(captured));
    return captured;
  };

  it('keeps an HttpException\'s status and message in the API shape', () => {
    expect(answer(new NotFoundException('Question not found'))).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: 'Question not found' },
    });
  });

  it('keeps the validation messages as a list', () => {
    const captured = answer(new BadRequestException(['email must be an e-mail address', 'property foo should not exist']));
    expect(captured.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: ['email must be an e-mail address', 'property foo should not exist'],
    });
  });

  it('answers a bare HttpException with a plain string response', () => {
    expect(answer(new HttpException('slow down', 429)).body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: 'slow down' });
  });

  it('uses the standard reason phrase as `error`, not a custom one', () => {
    const exception = new ForbiddenException({ message: 'You are not allowed to do that', error: 'Custom', extra: 'leak' });
    expect(answer(exception).body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'You are not allowed to do that' });
  });

  it('answers a body over the limit with 413', () => {
    expect(answer(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413, 'Request body is too large')).body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'Request body is too large',
    });
    expect(answer(new PayloadTooLargeException()).status).toBe(413);
  });

  it('answers malformed JSON with 400', () => {
    expect(answer(jsonSyntaxError()).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Malformed JSON in request body',
    });
  });

  it('answers an unknown content type with 415', () => {
    expect(answer(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'Unsupported Media Type: text/xml')).body).toEqual({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: 'Unsupported content type: send application/json',
    });
  });

  it('answers other Fastify client errors with their status and a generic message', () => {
    expect(answer(fastifyError('FST_ERR_CTP_INVALID_CONTENT_LENGTH', 400, 'Request body size did not match Content-Length')).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The request could not be read',
    });
  });

  it('turns an unexpected Error into a bare 500 with no stack, message or SQL, and logs the stack', () => {
    const error = new Error('relation "users" does not exist: SELECT * FROM users WHERE email = $1');
    const captured = answer(error);
    expect(captured).toEqual({
      status: 500,
      body: { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side' },
    });
    const text = JSON.stringify(captured.body);
    expect(text).not.toContain('SELECT');
    expect(text).not.toMatch(/\bat |\.ts:\d+/);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('relation "users" does not exist'));
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/\n\s+at /));
  });

  it('turns a thrown non-Error into a 500', () => {
    expect(answer('a string').body?.statusCode).toBe(500);
    expect(answer(undefined).body?.statusCode).toBe(500);
    expect(answer(null).body?.statusCode).toBe(500);
  });

  it('does not trust a status on an arbitrary error object', () => {
    const looksLikeClientError = Object.assign(new Error('upstream said 404'), { status: 404 });
    expect(answer(looksLikeClientError).status).toBe(500);
    expect(answer(Object.assign(new Error('not ours'), { code: 'E_UPSTREAM', statusCode: 404 })).status).toBe(500);
    expect(answer(Object.assign(new SyntaxError('from our own code'), { statusCode: 404 })).status).toBe(500);
    expect(answer(fastifyError('FST_ERR_SOMETHING', 500, 'server side')).status).toBe(500);
  });

  it('logs client errors not at all, server errors once', () => {
    answer(new BadRequestException('nope'));
    expect(logged).not.toHaveBeenCalled();
    answer(new Error('boom'));
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('writes nothing when the response has already been sent', () => {
    const captured: Captured = {};
    sut.catch(new Error('late failure'), httpHost(captured, true));
    expect(captured).toEqual({});
  });

  it('leaves non-HTTP contexts to their own handling', () => {
    const wsHost = { getType: () => 'ws' } as unknown as ArgumentsHost;
    const error = new Error('socket failure');
    expect(() => sut.catch(error, wsHost)).toThrow(error);
  });
});
