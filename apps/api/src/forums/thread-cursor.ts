import { BadRequestException } from '@nestjs/common';
import { TimeCursor, type TimeKey } from '../common/http/time-cursor';

/** A forum's thread list is ordered pinned first, then newest: the keyset is (pinned, created_at, id). */
export interface ThreadKey extends TimeKey {
  pinned: boolean;
}

/**
 * One flag character in front of a TimeCursor; 'p' and 'n' are base64url letters, so the cursor
 * stays one opaque token and all of TimeCursor's validation applies to the rest.
 */
export const ThreadCursor = {
  encode(key: ThreadKey): string {
    return `${key.pinned ? 'p' : 'n'}${TimeCursor.encode(key)}`;
  },

  /** Throws a 400 for anything this API did not hand out. */
  decode(cursor: string): ThreadKey {
    const flag = cursor.charAt(0);
    if (flag !== 'p' && flag !== 'n') throw new BadRequestException('cursor is not valid');
    return { pinned: flag === 'p', ...TimeCursor.decode(cursor.slice(1)) };
  },
};
