/**
 * Scores the privacy stage on Presidio's recognizer test cases (test/fixtures/presidio, MIT).
 * Recall: the share of expected substrings gone from the redacted text. On negatives any change is
 * a false positive; reported separately, as the corpus README asks. Run:
 *   npx ts-node -r tsconfig-paths/register bench/presidio-score.ts [--strict] [--misses]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyRedactions, createDraft } from '../libs/moderation/src/core/draft';
import { privacy } from '../libs/moderation/src/core/stages/privacy';
import type { ReviewContext } from '../libs/moderation/src/core/types';

interface Case {
  entity: string;
  text: string;
  expected: string[];
  scores: number[];
}

const CONTEXT: ReviewContext = { authorRole: 'patient', authorVerified: false, placement: 'post', locale: 'en-US', anonymous: false };

export function redact(text: string): string {
  return applyRedactions(privacy(createDraft(text), CONTEXT, { version: 'presidio', bannedTerms: [] }));
}

export interface EntityScore {
  entity: string;
  found: number;
  expected: number;
  negatives: number;
  falsePositives: number;
}

/** `strict` drops the weak pattern-only spans (upstream score bound ≤ 0.15), as the README suggests. */
export function scorePresidio(strict: boolean, onMiss?: (c: Case, missed: string[]) => void): EntityScore[] {
  const file = join(__dirname, '..', 'test', 'fixtures', 'presidio', 'presidio-recognizer-cases.jsonl');
  const byEntity = new Map<string, EntityScore>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const c = JSON.parse(line) as Case;
    const s = byEntity.get(c.entity) ?? { entity: c.entity, found: 0, expected: 0, negatives: 0, falsePositives: 0 };
    byEntity.set(c.entity, s);
    const out = redact(c.text);
    if (c.expected.length === 0) {
      s.negatives++;
      if (out !== c.text) {
        s.falsePositives++;
        onMiss?.(c, [`FP: ${out}`]);
      }
      continue;
    }
    const missed: string[] = [];
    c.expected.forEach((e, i) => {
      if (strict && c.scores[i] <= 0.15) return;
      s.expected++;
      if (out.includes(e)) missed.push(e);
      else s.found++;
    });
    if (missed.length > 0) onMiss?.(c, missed);
  }
  return [...byEntity.values()];
}

if (require.main === module) {
  const strict = process.argv.includes('--strict');
  const showMisses = process.argv.includes('--misses');
  const rows = scorePresidio(strict, showMisses ? (c, m) => console.log(`  miss ${c.entity}: ${JSON.stringify(c.text)} -> ${JSON.stringify(m)}`) : undefined);
  let f = 0;
  let e = 0;
  let n = 0;
  let fp = 0;
  console.log(`Presidio recognizer cases (${strict ? 'strict: weak spans dropped' : 'all spans'})`);
  console.log('entity                      recall          negatives FP');
  for (const r of rows.sort((a, b) => a.entity.localeCompare(b.entity))) {
    f += r.found;
    e += r.expected;
    n += r.negatives;
    fp += r.falsePositives;
    const recall = r.expected ? `${(r.found / r.expected).toFixed(3)} (${r.found}/${r.expected})` : '-';
    console.log(`${r.entity.padEnd(28)}${recall.padEnd(16)}${r.negatives ? `${r.falsePositives}/${r.negatives}` : '-'}`);
  }
  console.log(`${'ALL'.padEnd(28)}${`${(f / e).toFixed(3)} (${f}/${e})`.padEnd(16)}${fp}/${n} = ${(fp / n).toFixed(3)}`);
}
