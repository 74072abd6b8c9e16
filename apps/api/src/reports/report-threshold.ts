import { QUEUE_PRIORITY } from '@asclepia/database';

export interface ReportOutcome {
  /** Take the content off the public site until a moderator decides. */
  hold: boolean;
  priority: number;
}

/**
 * Reports from `threshold` distinct users hold content; fewer only queue it for a look. Each
 * user reports a piece of content at most once, so the count of reports is the count of reporters.
 */
export function reportOutcome(reporters: number, threshold: number): ReportOutcome {
  const hold = reporters >= threshold;
  return { hold, priority: hold ? QUEUE_PRIORITY.held : QUEUE_PRIORITY.reported };
}
