import type { PiiKind, PiiMatch } from './pii';

/** Test helper: what a detector found, as [kind, matched text] pairs. */
export function found(detect: (text: string) => PiiMatch[], text: string): Array<[PiiKind, string]> {
  return detect(text).map((m): [PiiKind, string] => [m.kind, text.slice(m.start, m.end)]);
}
