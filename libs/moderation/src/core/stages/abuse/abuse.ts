import { withFindings, withRedactions, type Draft, type FindingInput, type Redaction, type Stage } from '../../draft';
import { DEFAULT_LIMITS, type Ruleset, type SpamLimits } from '../../ruleset';
import type { ReviewContext, Severity } from '../../types';
import { compileTerms } from './banned-terms';
import { longestRepeat } from '../words';
import { LINK_START, PROMOTION } from './patterns';

/** Abuse and spam: banned terms (block, hold or censor), link floods, repetition, physician self-promotion. */
export const abuse: Stage = (draft: Draft, context: ReviewContext, rules: Ruleset): Draft => {
  const limits = limitsOf(rules);
  const terms = bannedTerms(draft, rules);
  // Appended to the banned terms' own fresh list: concat() with several arguments takes V8's generic
  // path, ~0.2 µs a message even when every list is empty.
  const findings = terms.findings;
  append(findings, linkFlood(draft.fold, limits));
  append(findings, characterRuns(draft.fold, limits));
  append(findings, wordRuns(draft.fold, limits));
  if (context.authorRole === 'physician') append(findings, promotion(draft.fold));
  return withRedactions(withFindings(draft, findings), terms.redactions);
};

function append(to: FindingInput[], more: readonly FindingInput[]): void {
  for (const finding of more) to.push(finding);
}

const limitsByRuleset = new WeakMap<Ruleset, SpamLimits>();

/** The ruleset's limits over the defaults, merged once per ruleset rather than once per message. */
function limitsOf(rules: Ruleset): SpamLimits {
  let limits = limitsByRuleset.get(rules);
  if (limits === undefined) {
    limits = { ...DEFAULT_LIMITS, ...rules.limits };
    limitsByRuleset.set(rules, limits);
  }
  return limits;
}

const SEVERITY_OF = { block: 'critical', hold: 'medium', censor: 'low' } as const satisfies Record<string, Severity>;

function bannedTerms(draft: Draft, rules: Ruleset): { findings: FindingInput[]; redactions: Redaction[] } {
  const { pattern, actions } = compileTerms(rules);
  const findings: FindingInput[] = [];
  const redactions: Redaction[] = [];
  if (pattern === null) return { findings, redactions };
  pattern.forEach(draft.fold, (m) => {
    const action = actions.get(m[0]) ?? 'hold';
    const end = m.index + m[0].length;
    findings.push({
      kind: 'abuse.banned_term',
      rule: `abuse.banned_term.${action}`,
      start: m.index,
      end,
      severity: SEVERITY_OF[action],
      message: `banned term (${action})`,
    });
    // Censoring is a redaction so it merges with privacy's placeholders instead of fighting them.
    if (action === 'censor') redactions.push({ start: m.index, end, kind: 'abuse.banned_term', placeholder: '*'.repeat(m[0].length) });
  });
  return { findings, redactions };
}

function linkFlood(fold: string, limits: SpamLimits): FindingInput[] {
  // Every link start holds "://" or "www."; most messages hold neither, and two searches beat a regex scan.
  if (fold.indexOf('://') === -1 && fold.indexOf('www.') === -1) return [];
  let count = 0;
  let first = -1;
  let last = -1;
  LINK_START.lastIndex = 0;
  for (let m = LINK_START.exec(fold); m !== null; m = LINK_START.exec(fold)) {
    count++;
    if (first === -1) first = m.index;
    last = m.index + m[0].length;
  }
  if (count <= limits.maxLinks) return [];
  return [{ kind: 'spam.link_flood', rule: 'spam.link_flood', start: first, end: last, severity: 'medium', message: `${count} links` }];
}

/**
 * Longest run of one non-space character. A run of 10 or more always covers two positions 5 apart
 * that are both multiples of 5, so comparing only those pairs skips 80% of the text.
 */
function characterRuns(fold: string, limits: SpamLimits): FindingInput[] {
  const n = fold.length;
  const stride = Math.max(1, Math.floor(limits.charRun / 2));
  let bestStart = 0;
  let bestLength = 0;
  for (let i = 0; i + stride < n; i += stride) {
    const c = fold.charCodeAt(i);
    if (c !== fold.charCodeAt(i + stride) || c === 0x20 || c === 0x0a || c === 0x09) continue;
    let start = i;
    let end = i + 1;
    while (start > 0 && fold.charCodeAt(start - 1) === c) start--;
    while (end < n && fold.charCodeAt(end) === c) end++;
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
    if (end > i + stride) i = end - stride;
  }
  if (bestLength < limits.charRun) return [];
  const severity: Severity = bestLength >= limits.charFlood ? 'medium' : 'low';
  return [
    {
      kind: 'spam.repetition',
      rule: 'spam.repetition.character',
      start: bestStart,
      end: bestStart + bestLength,
      severity,
      message: `a character repeated ${bestLength} times`,
    },
  ];
}

const wordRunPatterns = new Map<number, RegExp>();

/** "buy buy buy buy buy": a word and then the same word again, unrolled (no quantified group). */
function wordRunPattern(times: number): RegExp {
  let pattern = wordRunPatterns.get(times);
  if (pattern === undefined) {
    pattern = new RegExp(`\\b([a-z]{2,40})${'[^a-z]{1,5}\\1'.repeat(Math.max(1, times - 1))}\\b`, 'g');
    wordRunPatterns.set(times, pattern);
  }
  return pattern;
}

function wordRuns(fold: string, limits: SpamLimits): FindingInput[] {
  // The regex tries every word; the shared word pass already knows whether any word repeats enough.
  if (longestRepeat(fold) < Math.max(2, limits.wordRun)) return [];
  const pattern = wordRunPattern(limits.wordRun);
  pattern.lastIndex = 0;
  const m = pattern.exec(fold);
  if (m === null) return [];
  return [
    {
      kind: 'spam.repetition',
      rule: 'spam.repetition.word',
      start: m.index,
      end: m.index + m[0].length,
      severity: 'medium',
      message: `"${m[1]}" repeated ${limits.wordRun} or more times`,
    },
  ];
}

function promotion(fold: string): FindingInput[] {
  const out: FindingInput[] = [];
  PROMOTION.forEach(fold, (m) => {
    out.push({
      kind: 'spam.promotion',
      rule: 'spam.promotion.contact',
      start: m.index,
      end: m.index + m[0].length,
      severity: 'medium',
      message: 'steers readers to a private or paid channel',
    });
  });
  return out;
}
