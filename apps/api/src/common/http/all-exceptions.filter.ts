import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { STATUS_CODES } from 'node:http';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
}

/** What Fastify raises before a request reaches a route (body too large, unknown media type, bad URL, malformed JSON). */
interface FastifyError {
  code?: unknown;
  statusCode?: unknown;
}

/** Messages for the Fastify errors a client meets most; any other says the request could not be read. */
const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported content type: send application/json',
  FST_ERR_BAD_URL: 'The URL is not valid',
};

/** The writing half of Nest's HTTP adapter: the filter answers the same way whatever the platform. */
type Replier = Pick<HttpAdapterHost['httpAdapter'], 'reply' | 'isHeadersSent'>;

function errorName(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/**
 * Every error leaves in the API's one shape: `{ statusCode, error, message }`.
 * Anything we did not expect becomes a bare 500 and is logged with its stack; the client never sees one.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly http: Replier) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response: unknown = host.switchToHttp().getResponse();
    const body = errorBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (this.http.isHeadersSent(response)) return;
    this.http.reply(response, body, body.statusCode);
  }
}

/** The API's error body for anything thrown: a client error keeps its status, anything else is a bare 500. */
export function errorBody(exception: unknown): ErrorBody {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const raw = exception.getResponse();
    const message =
      typeof raw === 'string'
        ? raw
        : ((raw as { message?: string | string[] }).message ?? exception.message);
    return { statusCode: status, error: errorName(status), message };
  }
  // Only Fastify's own errors are trusted with a status: its codes start with FST_, and its JSON
  // parser marks a syntax error with 400. Any other error's status field is not the client's fault.
  const { code, statusCode: status } = (exception ?? {}) as FastifyError;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (typeof code === 'string' && code.startsWith('FST_')) {
      return { statusCode: status, error: errorName(status), message: FASTIFY_MESSAGES[code] ?? 'The request could not be read' };
    }
    if (exception instanceof SyntaxError && status === 400) {
      return { statusCode: 400, error: errorName(400), message: 'Malformed JSON in request body' };
    }
  }
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    error: errorName(500),
    message: 'Something went wrong on our side',
  };
}
