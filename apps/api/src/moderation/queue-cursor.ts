import { QUEUE_PRIORITY } from '@asclepia/database';
import { decodeCursor, encodeCursor } from '../common/http/cursor';
import { TimeCursor, type TimeKey } from '../common/http/time-cursor';

/** Where a queue page ended: the queue is ordered by priority (highest first), then oldest first. */
export interface QueueKey extends TimeKey {
  priority: number;
}

/** Every priority an item can have, highest first. */
export const PRIORITY_LEVELS: readonly number[] = [...new Set(Object.values(QUEUE_PRIORITY))].sort((a, b) => b - a);

export const QueueCursor = {
  encode(key: QueueKey): string {
    return encodeCursor(String(key.priority), key.createdAt, key.id);
  },

  /** Throws a 400 for anything this API did not hand out. */
  decode(cursor: string): QueueKey {
    const decoded = decodeCursor(cursor, (text) => /^\d\|/.test(text) && PRIORITY_LEVELS.includes(Number(text[0])));
    const [priority, ...time] = decoded.split('|');
    return { priority: Number(priority), ...TimeCursor.decode(encodeCursor(...time)) };
  },
};

export interface QueueLevel {
  priority: number;
  /** Within this priority, start after this key. */
  after?: TimeKey;
}

/**
 * A page is read one priority at a time, each an ascending range scan of ix_moderation_items_queue
 * (status, priority, created_at, id): one index cannot serve "priority DESC, created_at ASC" in a
 * single ordered scan, but with three priorities three short scans can.
 */
export function queueLevels(after?: QueueKey): QueueLevel[] {
  if (!after) return PRIORITY_LEVELS.map((priority) => ({ priority }));
  return PRIORITY_LEVELS.filter((priority) => priority <= after.priority).map((priority) =>
    priority === after.priority ? { priority, after: { createdAt: after.createdAt, id: after.id } } : { priority },
  );
}

export type PriorityLabel = 'high' | 'normal' | 'low';

/** crisis → high, held → normal, reported → low: the words the verdict itself uses for crisis. */
export function priorityLabel(priority: number): PriorityLabel {
  if (priority >= QUEUE_PRIORITY.crisis) return 'high';
  return priority >= QUEUE_PRIORITY.held ? 'normal' : 'low';
}
