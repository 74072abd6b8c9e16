/**
 * Runs a costly pattern only where it can start. Many detectors scan the whole text with a long
 * alternation, and the engine pays for an attempt at every position; but every match of such a
 * pattern contains an anchor that is far cheaper to find: a short literal a small regex finds
 * natively ("name", "call"), a trigger word readSignals already hashed (a title, a city), or a
 * character shape it noticed (a capital before a digit, a five-digit run). Given `reach`, the most
 * characters a match can start before its anchor, only the positions in [anchor - reach, anchor]
 * are tried, left to right, with a sticky copy of the pattern, and each match resumes the search
 * after its end. That is exactly what a global scan reports, because no other position can start
 * a match. Each caller states its anchor and reach next to its pattern.
 */

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** Where `\b` followed by a word character holds: the only places a `\b\w…` pattern can start. */
function isWordStart(text: string, p: number): boolean {
  return isWordCode(text.charCodeAt(p)) && (p === 0 || !isWordCode(text.charCodeAt(p - 1)));
}

/**
 * Tries `sticky` at each word start (or each position) in [from, at]; after a match, resumes past its end. Returns where
 * the next window may begin (never before at + 1), so consecutive windows never report a match twice.
 */
function tryWordStarts(sticky: RegExp, text: string, from: number, at: number, visit: (m: RegExpExecArray) => void, wordStarts = true): number {
  let next = from;
  for (let p = from; p <= at; p++) {
    if (wordStarts && !isWordStart(text, p)) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (m === null) continue;
    visit(m);
    next = m[0].length > 0 ? p + m[0].length : p + 1;
    p = next - 1;
  }
  return Math.max(next, at + 1);
}

/**
 * `sticky` must begin with `\b` and a word character; `anchor` must be global and find (at its
 * match start) a literal that every match of `sticky` contains, at most `reach` characters after
 * the match start.
 */
export function eachAnchored(sticky: RegExp, anchor: RegExp, reach: number, text: string, visit: (m: RegExpExecArray) => void): void {
  let next = 0;
  anchor.lastIndex = 0;
  for (let a = anchor.exec(text); a !== null; a = anchor.exec(text)) {
    next = tryWordStarts(sticky, text, Math.max(next, a.index - reach), a.index, visit);
    // anchors may overlap ("namyself"); those before `next` can no longer start anything
    anchor.lastIndex = next;
  }
}

/** A sticky twin of a global pattern, for eachAnchored. */
export function sticky(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.replace('g', '') + 'y');
}

/**
 * The same, with the anchors taken from readSignals: `placed` holds (bits, start) pairs of trigger
 * words, and each match of `sticky` must contain, at most `reach` characters after its start, the
 * start of a word with `bit` (a whole run of ASCII letters, as readSignals splits words).
 * readSignals reads the original text, so for a pattern run on the folded text, `text` must not
 * hold U+212A (KELVIN SIGN): the only character that lower-cases to an ASCII letter. The callers
 * scan globally in that case.
 */
export function eachAtWords(sticky: RegExp, placed: readonly number[], bit: number, reach: number, text: string, visit: (m: RegExpExecArray) => void): void {
  let next = 0;
  for (let k = 0; k < placed.length; k += 2) {
    if ((placed[k] & bit) === 0) continue;
    next = tryWordStarts(sticky, text, Math.max(next, placed[k + 1] - reach), placed[k + 1], visit);
  }
}

/** Whether words placed by readSignals line up with the folded text (see eachAtWords). */
export function foldMatchesWords(text: string): boolean {
  return text.indexOf('\u212A') < 0;
}

/**
 * With anchor positions readSignals listed: `anchors` are ascending positions of which every match
 * holds one at most `reach` characters after its start. Patterns led by a lookbehind such as
 * `(?<![A-Za-z0-9])` are tried at every position of a window; `\b\w…` ones (wordStarts) only at
 * word starts.
 */
export function eachNear(
  sticky: RegExp, anchors: readonly number[], reach: number, text: string, visit: (m: RegExpExecArray) => void, wordStarts = false,
): void {
  let next = 0;
  for (let k = 0; k < anchors.length; k++) {
    next = tryWordStarts(sticky, text, Math.max(next, anchors[k] - reach), anchors[k], visit, wordStarts);
  }
}
