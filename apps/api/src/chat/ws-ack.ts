import { HttpException, HttpStatus } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/** What every client → server chat event answers through its acknowledgement (API.md "Live chat"). */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ChatErrorCode; message?: string };

export type ChatErrorCode =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'not_joined'
  | 'muted'
  | 'rate_limited'
  | 'slow_mode'
  | 'conflict'
  | 'internal';

/** A refusal the chat services raise with the code the client sees. */
export class ChatError extends Error {
  constructor(
    readonly code: ChatErrorCode,
    message?: string,
  ) {
    super(message ?? code);
  }
}

const BY_STATUS: Partial<Record<number, ChatErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'invalid',
  [HttpStatus.UNAUTHORIZED]: 'unauthorized',
  [HttpStatus.FORBIDDEN]: 'forbidden',
  [HttpStatus.NOT_FOUND]: 'not_found',
  [HttpStatus.CONFLICT]: 'conflict',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'invalid',
  [HttpStatus.TOO_MANY_REQUESTS]: 'rate_limited',
};

/** Maps anything a handler threw to a refusal; unexpected errors become `internal` with no detail. */
export function refusal(error: unknown): Ack & { ok: false } {
  if (error instanceof ChatError) return { ok: false, error: error.code, message: error.message };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'invalid');
    if (code === 'internal') return { ok: false, error: code };
    const body = error.getResponse();
    const message = typeof body === 'object' && body !== null && 'message' in body ? (body).message : error.message;
    const text = Array.isArray(message) ? message.join('; ') : String(message);
    // The access policy's refusal for a muted user is a 403 that names the mute.
    return { ok: false, error: code === 'forbidden' && /muted/i.test(text) ? 'muted' : code, message: text };
  }
  return { ok: false, error: 'internal' };
}

/**
 * Validates a socket payload against a DTO class with the same rules as the global HTTP pipe
 * (whitelist, no unknown fields): global pipes do not reach gateways (STYLE.md rule 10).
 */
export function validated<T extends object>(dto: new () => T, payload: unknown): T {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new ChatError('invalid', 'payload must be an object');
  const instance = plainToInstance(dto, payload);
  // Synchronous: the chat DTOs have no async rules, and every event saves a promise.
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const messages = errors.flatMap((e) => Object.values(e.constraints ?? { [e.property]: `${e.property} is invalid` }));
    throw new ChatError('invalid', messages.join('; '));
  }
  return instance;
}
