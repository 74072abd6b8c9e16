import { foldText } from '../../fold';
import type { BannedTermAction, Ruleset } from '../../ruleset';
import { factorByFirstLetter } from '../alternation';
import { wordPattern, type WordPattern } from '../words';

export interface CompiledTerms {
  pattern: WordPattern | null;
  actions: ReadonlyMap<string, BannedTermAction>;
}

const cache = new WeakMap<Ruleset, CompiledTerms>();

/** One alternation per ruleset, compiled once: the hot path must not rebuild regexes per message. */
export function compileTerms(rules: Ruleset): CompiledTerms {
  const cached = cache.get(rules);
  if (cached !== undefined) return cached;
  const actions = new Map<string, BannedTermAction>();
  for (const { term, action } of rules.bannedTerms) {
    const folded = foldText(term.trim()).replace(/\s{1,50}/g, ' ');
    if (folded.length > 0) actions.set(folded, strongest(actions.get(folded), action));
  }
  const alternatives = [...actions.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = alternatives.length === 0 ? null : wordPattern(new RegExp(`\\b(?:${factorByFirstLetter(alternatives)})(?![a-z0-9])`, 'g'));
  const compiled = { pattern, actions };
  cache.set(rules, compiled);
  return compiled;
}

const RANK: Record<BannedTermAction, number> = { censor: 0, hold: 1, block: 2 };

function strongest(a: BannedTermAction | undefined, b: BannedTermAction): BannedTermAction {
  return a === undefined || RANK[b] > RANK[a] ? b : a;
}

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
