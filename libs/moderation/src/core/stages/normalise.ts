import { isPlain, rewrite, type Draft, type Edit, type Stage } from '../draft';

/**
 * Characters that are invisible or reorder text: zero-width (U+200B–U+200F, U+2060–U+2064, U+FEFF,
 * soft hyphen, CGJ, U+180E), bidi overrides (Trojan Source, CVE-2021-42574), C0/C1 controls except
 * \t and \n, and lone surrogates (PostgreSQL rejects them).
 */
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- control and combining characters are what this removes
const INVISIBLE = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u00AD\u034F\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SURROGATE = /[\uD800-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- "anything not ASCII"
const NON_ASCII = /[^\x00-\x7F]/;
/** A run of non-ASCII characters with the ASCII letter before it, which a combining mark may attach to. */
// eslint-disable-next-line no-control-regex -- "runs of non-ASCII"
const NON_ASCII_RUN = /[\x00-\x7F]?[^\x00-\x7F]{1,256}/g;
/** A base character with the combining marks that follow it (or a stray run of marks). */
const CLUSTER = /\P{M}\p{M}{0,31}|\p{M}{1,32}/gu;

/** Anything `invisibleEdits` could act on, in one scan: most non-ASCII text has none (only dashes, quotes). */
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- as INVISIBLE, plus surrogates
const INVISIBLE_OR_SURROGATE = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u00AD\u034F\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uD800-\uDFFF]/;

/** \r\n and lone \r become \n, so line-based rules see one line ending. */
function invisibleEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  if (!INVISIBLE_OR_SURROGATE.test(text)) return edits;
  INVISIBLE.lastIndex = 0;
  for (let m = INVISIBLE.exec(text); m !== null; m = INVISIBLE.exec(text)) {
    const replacement = m[0] === '\r' && text.charCodeAt(m.index + 1) !== 10 ? '\n' : '';
    edits.push({ start: m.index, end: m.index + 1, replacement });
  }
  // Emoji are surrogate pairs too, so the costlier lone-surrogate scan runs only when there are any.
  if (SURROGATE.test(text)) {
    LONE_SURROGATE.lastIndex = 0;
    for (let m = LONE_SURROGATE.exec(text); m !== null; m = LONE_SURROGATE.exec(text)) edits.push({ start: m.index, end: m.index + 1, replacement: '' });
  }
  return edits;
}

/**
 * NFKC per cluster (a base character and its combining marks) so each replaced character maps
 * back to where it came from; normalising the whole text at once would lose the offset map.
 */
function nfkcEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  NON_ASCII_RUN.lastIndex = 0;
  for (let m = NON_ASCII_RUN.exec(text); m !== null; m = NON_ASCII_RUN.exec(text)) {
    const run = m[0];
    if (run.normalize('NFKC') === run) continue;
    CLUSTER.lastIndex = 0;
    for (let c = CLUSTER.exec(run); c !== null; c = CLUSTER.exec(run)) {
      const normal = c[0].normalize('NFKC');
      const start = m.index + c.index;
      if (normal !== c[0]) edits.push({ start, end: start + c[0].length, replacement: normal });
    }
  }
  return edits;
}

export const normalise: Stage = (draft: Draft): Draft => {
  if (draft.plain || isPlain(draft.text)) return draft;
  const cleaned = rewrite(draft, invisibleEdits(draft.text));
  if (!NON_ASCII.test(cleaned.text) || cleaned.text.normalize('NFKC') === cleaned.text) return cleaned;
  return rewrite(cleaned, nfkcEdits(cleaned.text));
};
