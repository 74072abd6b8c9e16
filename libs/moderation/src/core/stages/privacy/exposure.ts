import { foldMatchesWords } from './anchored';
import { STATE_CODES } from './ids-india';
import { PLACEHOLDERS, type PiiKind, type PiiMatch } from './pii';
import { readSignals, W, type Signals } from './signals';

/**
 * Whether redacting a text's matches can expose another identifier, which detectPii then looks for
 * in the published form. Most messages' matches stand apart from their neighbours, so their
 * published form reads exactly as the submission did, minus the matches, and needs no second pass.
 */

/** Characters a digit run continues over (see scanDigitRuns' separators). */
function isRunSeparator(c: number): boolean {
  return c === 32 || c === 45 || c === 46 || c === 40 || c === 41 || c === 58 || c === 160 || c === 8211;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Punctuation that may close a clause right after an identifier: "(98200 12345).", "Asha,", "<a@b.in>" */
function isClosing(c: number): boolean {
  return c === 41 || c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 34 || c === 39 || c === 62;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** What a digit run may hold at its edge: a digit, or the '+' or brackets of a phone. */
function isRunEdge(c: number): boolean {
  return isDigit(c) || c === 43 || c === 40 || c === 41;
}

/** Capitals and digits: the groups IBANs, plates and licences join over one space or dash. */
function isCodeChar(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90);
}

/** Whether a digit (or a '+' opening a phone) stands within two run separators of `from`, walking by `step`. */
function digitWithinReach(text: string, from: number, step: 1 | -1): boolean {
  for (let i = from, k = 0; k <= 2 && i >= 0 && i < text.length; i += step, k++) {
    const c = text.charCodeAt(i);
    if (isDigit(c) || c === 43) return true;
    if (!isRunSeparator(c)) return false;
  }
  return false;
}

/** Whether the code characters at `edge` and `beyond` are joined by the one space or dash at `between`. */
function codeJoin(text: string, edge: number, between: number, beyond: number): boolean {
  const sep = text.charCodeAt(between);
  return (sep === 32 || sep === 45) && isCodeChar(text.charCodeAt(edge)) && isCodeChar(text.charCodeAt(beyond));
}

/**
 * Whether the groups of capitals and digits ending at `end`, one space or dash apart, can open a
 * spaced code that runs on into the match at `next`: an IBAN opens with a capital and holds a digit
 * ("DE89 3704"), a plate or licence opens with a state code ("MH 12 AB") or two digits before "BH".
 * A cue ("NPI", "IMEI") or a house number ("45 Lajpat Nagar") before the match opens none.
 */
function opensSpacedCode(text: string, end: number, next: number): boolean {
  let s = end;
  let digit = false;
  for (let groups = 0; groups < 8; groups++) {
    const e = s;
    while (s > 0 && isCodeChar(text.charCodeAt(s - 1))) s--;
    for (let i = s; i < e; i++) if (isDigit(text.charCodeAt(i))) digit = true;
    if (!(s >= 2 && codeJoin(text, s, s - 1, s - 2))) {
      const first = text.slice(s, e);
      if (STATE_CODES.has(first) || (digit && !isDigit(text.charCodeAt(s)))) return true;
      return /^\d\d$/.test(first) && text.startsWith('BH', next);
    }
    s--;
  }
  return true;
}

/**
 * Whether a match's neighbours read the same once it is a placeholder. Detectors join pieces only
 * across a letter or digit glued to them (word boundaries, look-arounds), digit groups up to two
 * separators apart, groups of capitals and digits one space or dash apart (IBANs, plates), or cue
 * words read backwards, which a placeholder's closing bracket stops (a lost cue only loses
 * detections). So a match with white space (or an opening bracket or quote) on its left, white space
 * or closing punctuation then white space on its right, and none of those joins across either edge,
 * cannot expose anything: its re-check would find nothing.
 */
function standsApart(text: string, start: number, end: number): boolean {
  if (start > 0) {
    const c = text.charCodeAt(start - 1);
    if (!(isBlank(c) || c === 40 || c === 34 || c === 39 || c === 60)) return false;
    if (isRunEdge(text.charCodeAt(start)) && digitWithinReach(text, start - 1, -1)) return false;
    if (start > 1 && codeJoin(text, start, start - 1, start - 2) && opensSpacedCode(text, start - 1, start)) return false;
  }
  let e = end;
  for (let k = 0; k < 2 && e < text.length && isClosing(text.charCodeAt(e)); k++) e++;
  if (e < text.length && !isBlank(text.charCodeAt(e))) return false;
  if (isRunEdge(text.charCodeAt(end - 1)) && digitWithinReach(text, end, 1)) return false;
  return !(end + 1 < text.length && codeJoin(text, end - 1, end, end + 1));
}

/**
 * Trigger words each placeholder brings ("[policy number removed]" holds "policy", a cued-id word).
 * In the published form they open detectors whose own trigger words the submission lacked.
 */
const TRIGGERS_ADDED = new Map<PiiKind, number>(
  (Object.keys(PLACEHOLDERS) as PiiKind[]).map((kind) => [kind, readSignals(PLACEHOLDERS[kind]).words]),
);

/**
 * The trigger words whose detector, once open, scans the whole text rather than trying its pattern
 * only at the trigger words themselves (where a placeholder's words never start a match): cued ids
 * always; plates and handles when the fold does not line up with the words (see eachAtWords).
 */
function wholeScanTriggers(text: string): number {
  return foldMatchesWords(text) ? W.cuedId : W.cuedId | W.plate | W.handle;
}

/**
 * Whether re-reading the published form could find something new: some match does not stand apart,
 * or a placeholder opens a whole-text scan the submission's own words kept closed. Otherwise every
 * detector reads the published form as it read the submission, minus the matches.
 */
export function mayExpose(text: string, sig: Signals, matches: readonly PiiMatch[]): boolean {
  const closed = wholeScanTriggers(text) & ~sig.words;
  for (const m of matches) {
    if ((TRIGGERS_ADDED.get(m.kind) as number) & closed) return true;
    if (!standsApart(text, m.start, m.end)) return true;
  }
  return false;
}
