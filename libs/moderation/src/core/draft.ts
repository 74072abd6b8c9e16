import type { Finding, FindingKind, Notice, ReviewContext, Severity, Span } from './types';
import type { Ruleset } from './ruleset';
import { foldText as foldCodeUnits } from './fold';

/** A part of the working text to be replaced by a typed placeholder when the verdict is made. */
export interface Redaction {
  /** Span in `Draft.text` coordinates. */
  start: number;
  end: number;
  kind: FindingKind;
  placeholder: string;
}

/**
 * What flows from stage to stage. Stages never mutate a draft; they return a new one.
 * Detection runs on `text` (or `fold`); every finding is reported in ORIGINAL coordinates
 * through `offsets`, so a moderator sees exactly which words of the submission triggered it.
 */
export interface Draft {
  readonly original: string;
  /** Normalised and sanitised text; its redacted form is what gets published. */
  readonly text: string;
  /** Same length as `text`: lower-cased with look-alikes folded. For detection only, never shown. */
  readonly fold: string;
  /** offsets[i] is the index in `original` where text[i] came from; offsets[text.length] === original.length. */
  readonly offsets: Int32Array;
  /**
   * `text` holds only tab, new line and printable ASCII, and `fold` is its plain lower-case form: nothing
   * to normalise, and every detector's lower-cased copy of the text would equal `fold`.
   */
  readonly plain: boolean;
  readonly redactions: readonly Redaction[];
  readonly findings: readonly Finding[];
  readonly notices: readonly Notice[];
}

export type Stage = (draft: Draft, context: ReviewContext, rules: Ruleset) => Draft;

export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

let identity = new Int32Array(0);

/**
 * A view of a shared 0,1,2,… buffer, no copy: offsets are never written after they are made (rewrite
 * builds new ones), and a grown buffer is a new one, so views handed out earlier stay valid.
 */
function identityOffsets(length: number): Int32Array {
  if (identity.length < length + 1) {
    identity = new Int32Array(Math.max(length + 1, identity.length * 2, 4096));
    for (let i = 0; i < identity.length; i++) identity[i] = i;
  }
  return new Int32Array(identity.buffer, 0, length + 1);
}

/** Anything but tab, new line and printable ASCII. */
const NOT_PLAIN = /[^\t\n\x20-\x7E]/;

/** Whether `text` holds only tab, new line and printable ASCII: nothing in it can need normalising. */
export function isPlain(text: string): boolean {
  return !NOT_PLAIN.test(text);
}

/** The fold of `text` and whether the text is plain (see `Draft.plain`), from one scan for plain text. */
function foldOf(text: string, foldText: (text: string) => string): { fold: string; plain: boolean } {
  if (foldText !== defaultFold) return { fold: foldText(text), plain: false };
  if (!isPlain(text)) return { fold: foldText(text), plain: false };
  return { fold: text.toLowerCase(), plain: true };
}

export function createDraft(original: string, foldText: (text: string) => string = defaultFold): Draft {
  const { fold, plain } = foldOf(original, foldText);
  return makeDraft(original, original, fold, identityOffsets(original.length), plain, [], [], []);
}

/**
 * Every draft is built here, field by field in one order, so all drafts share one shape: copying one
 * with a spread takes V8's generic path once drafts of several shapes have passed through it.
 */
function makeDraft(
  original: string, text: string, fold: string, offsets: Int32Array, plain: boolean,
  redactions: readonly Redaction[], findings: readonly Finding[], notices: readonly Notice[],
): Draft {
  return { original, text, fold, offsets, plain, redactions, findings, notices };
}

/** The draft with other findings; the sanitiser records them against the text before it rewrote it. */
export function replaceFindings(draft: Draft, findings: readonly Finding[]): Draft {
  return makeDraft(draft.original, draft.text, draft.fold, draft.offsets, draft.plain, draft.redactions, findings, draft.notices);
}

/** Lower-cases and folds look-alikes code unit by code unit, so the result keeps the input's length. */
export function defaultFold(text: string): string {
  return foldCodeUnits(text);
}

/**
 * Applies non-overlapping edits (sorted or not) to the draft's text and keeps the offset map true:
 * every character of a replacement maps to the start of the span it replaced.
 * Only stages that run before privacy may rewrite text (redactions are in text coordinates).
 */
export function rewrite(draft: Draft, edits: readonly Edit[], foldText: (text: string) => string = defaultFold): Draft {
  if (edits.length === 0) return draft;
  if (draft.redactions.length > 0) throw new Error('rewrite() after redactions were recorded');
  const sorted = edits.slice().sort((a, b) => a.start - b.start);
  const kept: Edit[] = [];
  let length = draft.text.length;
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) continue; // overlapping edit: the earlier one wins
    kept.push(edit);
    length += edit.replacement.length - (edit.end - edit.start);
    cursor = edit.end;
  }
  const parts: string[] = [];
  const offsets = new Int32Array(length + 1);
  let o = 0;
  cursor = 0;
  for (const edit of kept) {
    parts.push(draft.text.slice(cursor, edit.start), edit.replacement);
    o = copyOffsets(draft.offsets, cursor, edit.start, offsets, o);
    for (let i = 0; i < edit.replacement.length; i++) offsets[o++] = draft.offsets[edit.start];
    cursor = edit.end;
  }
  parts.push(draft.text.slice(cursor));
  copyOffsets(draft.offsets, cursor, draft.text.length + 1, offsets, o);
  const text = parts.join('');
  const { fold, plain } = foldOf(text, foldText);
  return makeDraft(draft.original, text, fold, offsets, plain, draft.redactions, draft.findings, draft.notices);
}

/** Copies from[start, end) to `to` at `at`; returns where the copy ends. Long stretches copy natively. */
function copyOffsets(from: Int32Array, start: number, end: number, to: Int32Array, at: number): number {
  if (end - start > 64) {
    to.set(from.subarray(start, end), at);
    return at + end - start;
  }
  let o = at;
  for (let i = start; i < end; i++) to[o++] = from[i];
  return o;
}

/** Maps a span of `draft.text` to the span of the original it came from. */
export function toOriginal(draft: Draft, start: number, end: number): Span {
  const s = draft.offsets[start];
  // The end maps through the last included character so trailing removed characters are not swallowed.
  const e = end > start ? draft.offsets[end - 1] + 1 : s;
  return { start: s, end: Math.max(s, Math.min(e, draft.original.length)) };
}

export interface FindingInput {
  kind: FindingKind;
  rule: string;
  /** Span in `draft.text` coordinates. */
  start: number;
  end: number;
  severity: Severity;
  message: string;
}

// concat() rather than spreading: spreading walks an iterator, and these run several times per message.
export function withFindings(draft: Draft, inputs: readonly FindingInput[]): Draft {
  if (inputs.length === 0) return draft;
  const findings: Finding[] = [];
  for (const f of inputs) {
    findings.push({ kind: f.kind, rule: f.rule, span: toOriginal(draft, f.start, f.end), severity: f.severity, message: f.message });
  }
  return replaceFindings(draft, draft.findings.concat(findings));
}

export function withRedactions(draft: Draft, redactions: readonly Redaction[]): Draft {
  if (redactions.length === 0) return draft;
  return makeDraft(draft.original, draft.text, draft.fold, draft.offsets, draft.plain, draft.redactions.concat(redactions), draft.findings, draft.notices);
}

export function withNotices(draft: Draft, notices: readonly Notice[]): Draft {
  if (notices.length === 0) return draft;
  const seen = new Set(draft.notices.map((n) => n.text));
  const added = notices.filter((n) => !seen.has(n.text));
  return makeDraft(draft.original, draft.text, draft.fold, draft.offsets, draft.plain, draft.redactions, draft.findings, draft.notices.concat(added));
}

function byStartThenLongest(a: Redaction, b: Redaction): number {
  return a.start - b.start || b.end - a.end;
}

/** Redactions usually arrive in text order; checking is cheaper than sorting a copy. */
function inOrder(redactions: readonly Redaction[]): boolean {
  for (let i = 1; i < redactions.length; i++) if (byStartThenLongest(redactions[i - 1], redactions[i]) > 0) return false;
  return true;
}

/**
 * The published text: each redaction replaced by its placeholder. Overlapping redactions merge,
 * the longer span's placeholder winning.
 */
export function applyRedactions(draft: Draft): string {
  if (draft.redactions.length === 0) return draft.text;
  const sorted = inOrder(draft.redactions) ? draft.redactions : draft.redactions.slice().sort(byStartThenLongest);
  let out = '';
  let cursor = 0;
  for (const r of sorted) {
    if (r.end <= cursor) continue;
    if (r.start < cursor) {
      // overlaps the previous redaction: extend it rather than print a second placeholder
      cursor = r.end;
      continue;
    }
    out += draft.text.slice(cursor, r.start) + r.placeholder;
    cursor = r.end;
  }
  return out + draft.text.slice(cursor);
}
