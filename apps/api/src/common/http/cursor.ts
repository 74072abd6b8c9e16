import { BadRequestException } from '@nestjs/common';

/** Cursors are opaque to clients: base64url of the keyset value(s), joined by '|'. */
export function encodeCursor(...parts: string[]): string {
  return Buffer.from(parts.join('|'), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, valid: (decoded: string) => boolean): string {
  const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!decoded || !valid(decoded)) throw new BadRequestException('cursor is not valid');
  return decoded;
}
