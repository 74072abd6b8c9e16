/** What decides an answer's place under its question. */
export interface Rankable {
  id: string;
  accepted?: boolean;
  endorsementCount: number;
  score: number;
  /** ISO-8601 with microseconds, so that string order is time order. */
  cursorCreatedAt: string;
}

/**
 * The asker's choice first, then what peers vouched for (physician endorsements weigh more than
 * votes, since votes are open to everyone), then the community's score; ties go to the earlier answer,
 * so an answer cannot overtake an equal one by being posted later.
 */
export function compareAnswers(a: Rankable, b: Rankable): number {
  return (
    Number(b.accepted === true) - Number(a.accepted === true) ||
    b.endorsementCount - a.endorsementCount ||
    b.score - a.score ||
    (a.cursorCreatedAt < b.cursorCreatedAt ? -1 : a.cursorCreatedAt > b.cursorCreatedAt ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function rankAnswers<T extends Rankable>(answers: readonly T[]): T[] {
  return [...answers].sort(compareAnswers);
}
