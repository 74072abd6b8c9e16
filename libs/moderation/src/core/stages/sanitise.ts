import { replaceFindings, rewrite, withFindings, type Draft, type Edit, type FindingInput, type Stage } from '../draft';

/**
 * Content is plain text with a small Markdown subset, so no HTML may survive: the client renders
 * the subset only, but defence in depth (OWASP XSS prevention) says the stored text carries none.
 * Entities are never decoded, so `&lt;script&gt;` stays inert text.
 */
const TAG = /<\/?[a-z][a-z0-9-]{0,30}(?:[\s/][^<>]{0,2000})?>|<!--|<![a-z[][^<>]{0,2000}>|<\?[^<>]{0,2000}>/g;
const RAW_TEXT_OPEN = /<(script|style|iframe|noscript|template|textarea|xmp)\b[^<>]{0,2000}>/g;
/** A `<` that still starts something tag-like after the tags are gone (an unclosed `<img src=x onerror=…`). */
const DANGLING_TAG_START = /<(?=[a-z/!?])/g;
const MAX_LINK_TEXT = 500;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]{1,200}\]: {0,10}(\S{1,2000})[^\n]{0,200}/gm;
const MAX_LINK_TARGET = 2000;
const SAFE_TARGET = /^\s{0,20}(?:https?:\/\/|mailto:|\/(?!\/)|#)/;
/** A target that leaves the page: a scheme ("javascript:", "data:") or another host ("//evil"). */
const FOREIGN_TARGET = /^(?:[a-z][a-z0-9+.-]{0,30}:|\/\/)/i;

export const sanitise: Stage = (draft: Draft): Draft => {
  const withoutHtml = draft.fold.indexOf('<') === -1 ? draft : stripHtml(draft);
  const withoutDefinitions = withoutHtml.fold.indexOf(']:') === -1 ? withoutHtml : dropUnsafeDefinitions(withoutHtml);
  return withoutDefinitions.fold.indexOf('](') === -1 ? withoutDefinitions : neutraliseLinks(withoutDefinitions);
};

/**
 * A reference definition ("[1]: javascript:…") would turn "[x][1]" into a link, so one whose target
 * has an unsafe scheme goes. A line that merely looks like one ("[id removed]: fever since Monday")
 * is the author's text and stays: dropping it would delete words, and would make a second review
 * of published text (where placeholders now stand in brackets) change it.
 */
function dropUnsafeDefinitions(draft: Draft): Draft {
  const edits: Edit[] = [];
  const findings: FindingInput[] = [];
  REFERENCE_DEFINITION.lastIndex = 0;
  for (let m = REFERENCE_DEFINITION.exec(draft.fold); m !== null; m = REFERENCE_DEFINITION.exec(draft.fold)) {
    if (SAFE_TARGET.test(m[1]) || !FOREIGN_TARGET.test(m[1])) continue;
    const end = m.index + m[0].length;
    edits.push({ start: m.index, end, replacement: '' });
    findings.push({ kind: 'markup.unsafe_link', rule: 'markup.link.definition', start: m.index, end, severity: 'low', message: 'link definition with an unsafe target removed' });
  }
  return edits.length === 0 ? draft : withFindingsFrom(draft, rewrite(draft, edits), findings);
}

function stripHtml(draft: Draft): Draft {
  const { fold } = draft;
  const edits: Edit[] = [];
  const findings: FindingInput[] = [];
  const remove = (start: number, end: number, rule: string, message: string): void => {
    edits.push({ start, end, replacement: '' });
    findings.push({ kind: 'markup.html', rule, start, end, severity: 'low', message });
  };
  // Raw-text elements go with their content; an unclosed one takes the rest of the text.
  RAW_TEXT_OPEN.lastIndex = 0;
  for (let m = RAW_TEXT_OPEN.exec(fold); m !== null; m = RAW_TEXT_OPEN.exec(fold)) {
    const close = fold.indexOf(`</${m[1]}`, RAW_TEXT_OPEN.lastIndex);
    const closeEnd = close === -1 ? fold.length : fold.indexOf('>', close);
    const end = closeEnd === -1 ? fold.length : closeEnd + 1;
    remove(m.index, end, `markup.html.${m[1]}`, `<${m[1]}> element removed with its content`);
    RAW_TEXT_OPEN.lastIndex = end;
  }
  const raw = edits.slice();
  let r = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(fold); m !== null; m = TAG.exec(fold)) {
    while (r < raw.length && raw[r].end <= m.index) r++;
    if (r < raw.length && raw[r].start <= m.index) {
      TAG.lastIndex = raw[r].end;
      continue;
    }
    if (m[0] === '<!--') {
      const close = fold.indexOf('-->', m.index + 4);
      const end = close === -1 ? fold.length : close + 3;
      remove(m.index, end, 'markup.html.comment', 'HTML comment removed');
      TAG.lastIndex = end;
      continue;
    }
    remove(m.index, m.index + m[0].length, 'markup.html.tag', 'HTML tag removed');
  }
  return dropDanglingTagStarts(edits.length === 0 ? draft : withFindingsFrom(draft, rewrite(draft, edits), findings));
}

/** Findings are recorded against the pre-rewrite draft so their spans point at the removed markup. */
function withFindingsFrom(before: Draft, after: Draft, findings: readonly FindingInput[]): Draft {
  return replaceFindings(after, withFindings(before, findings).findings);
}

function dropDanglingTagStarts(draft: Draft): Draft {
  const edits: Edit[] = [];
  DANGLING_TAG_START.lastIndex = 0;
  for (let m = DANGLING_TAG_START.exec(draft.fold); m !== null; m = DANGLING_TAG_START.exec(draft.fold)) {
    edits.push({ start: m.index, end: m.index + 1, replacement: '' });
  }
  if (edits.length === 0) return draft;
  const findings = edits.map(
    (e): FindingInput => ({ kind: 'markup.html', rule: 'markup.html.unclosed', start: e.start, end: e.end, severity: 'low', message: 'unclosed tag start removed' }),
  );
  return withFindingsFrom(draft, rewrite(draft, edits), findings);
}

/** A link whose target is not http(s), mailto, or a site path (javascript:, data:, vbscript:…) keeps only its text. */
function neutraliseLinks(draft: Draft): Draft {
  const { fold, text } = draft;
  const closing = matchingParens(fold);
  const opening = matchingBrackets(fold);
  const edits: Edit[] = [];
  const findings: FindingInput[] = [];
  for (let mid = fold.indexOf(']('); mid !== -1; mid = fold.indexOf('](', mid + 2)) {
    const open = mid - opening[mid] > MAX_LINK_TEXT ? -1 : opening[mid];
    const close = open === -1 ? -1 : closing[mid + 1];
    if (close === -1 || close - mid > MAX_LINK_TARGET || SAFE_TARGET.test(fold.slice(mid + 2, close))) continue;
    if (edits.length > 0 && edits[edits.length - 1].end > open) continue;
    edits.push({ start: open, end: close + 1, replacement: text.slice(open + 1, mid) });
    findings.push({
      kind: 'markup.unsafe_link',
      rule: 'markup.link.scheme',
      start: open,
      end: close + 1,
      severity: 'low',
      message: 'link with an unsafe target reduced to its text',
    });
  }
  if (edits.length === 0) return draft;
  return withFindingsFrom(draft, rewrite(draft, edits), findings);
}

/**
 * For each `]`, the index of its matching `[`, or -1. Link text may hold balanced brackets
 * ("[a [b] c](…)"), so the text starts at the match, found for all links in one pass.
 */
function matchingBrackets(fold: string): Int32Array {
  const opening = new Int32Array(fold.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < fold.length; i++) {
    const c = fold.charCodeAt(i);
    if (c === 0x5b) open.push(i);
    else if (c === 0x5d && open.length > 0) opening[i] = open.pop() as number;
  }
  return opening;
}

/**
 * For each `(`, the index of its matching `)` on the same line, or -1: one pass with a stack.
 * CommonMark lets a link target hold balanced parentheses (`javascript:alert(1)`), so the target
 * ends at the match of the `(` that opens it. Rescanning per link would be quadratic on "[x](" floods.
 */
function matchingParens(fold: string): Int32Array {
  const closing = new Int32Array(fold.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < fold.length; i++) {
    const c = fold.charCodeAt(i);
    if (c === 0x28) open.push(i);
    else if (c === 0x29 && open.length > 0) closing[open.pop() as number] = i;
    else if (c === 0x0a) open.length = 0;
  }
  return closing;
}
