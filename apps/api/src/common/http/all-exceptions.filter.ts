import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
}

/** Errors raised by body-parser carry a status and a type; we answer them as the client's fault. */
interface BodyParserError {
  status?: number;
  statusCode?: number;
  type?: string;
}

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

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const message =
        typeof raw === 'string'
          ? raw
          : ((raw as { message?: string | string[] }).message ?? exception.message);
      return { statusCode: status, error: errorName(status), message };
    }
    const parserError = exception as BodyParserError;
    const status = parserError?.status ?? parserError?.statusCode;
    if (typeof parserError?.type === 'string' && typeof status === 'number' && status >= 400 && status < 500) {
      switch (parserError.type) {
        case 'entity.too.large':
          return { statusCode: 413, error: errorName(413), message: 'Request body is too large' };
        case 'entity.parse.failed':
          return { statusCode: 400, error: errorName(400), message: 'Malformed JSON in request body' };
        default:
          return { statusCode: status, error: errorName(status), message: 'The request body could not be read' };
      }
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: errorName(500),
      message: 'Something went wrong on our side',
    };
  }
}
