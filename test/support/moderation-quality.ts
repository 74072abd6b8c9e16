import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { review, type AuthorRole, type FindingKind, type Locale, type Placement, type ReviewContext, type Verdict } from '@asclepia/moderation';

/** One labelled corpus line (format shared by every `test/fixtures/moderation/*.jsonl`). */
export interface CorpusItem {
  id: string;
  text: string;
  context: { role: AuthorRole; verified?: boolean; placement: Placement | 'chat'; locale: Locale; anonymous?: boolean };
  expect: {
    action?: Verdict['action'];
    kinds?: FindingKind[];
    pii?: { kind: FindingKind; text: string }[];
    keep?: string[];
    crisis?: boolean;
  };
  file: string;
}

export const CORPUS_DIR = join(__dirname, '..', 'fixtures', 'moderation');

export function loadCorpus(dir = CORPUS_DIR): CorpusItem[] {
  const items: CorpusItem[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, n) => {
        if (line.trim() === '') return;
        try {
          items.push({ ...(JSON.parse(line) as Omit<CorpusItem, 'file'>), file });
        } catch (error) {
          throw new Error(`${file}:${n + 1}: ${(error as Error).message}`, { cause: error });
        }
      });
  }
  return items;
}

export function contextOf(item: CorpusItem): ReviewContext {
  const { role, verified, placement, locale, anonymous } = item.context;
  return {
    authorRole: role,
    authorVerified: verified ?? false,
    placement: placement === 'chat' ? 'chat_message' : placement,
    locale,
    anonymous: anonymous ?? false,
  };
}

export interface KindScore {
  kind: FindingKind;
  expected: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
}

export interface Rate {
  hits: number;
  total: number;
  rate: number;
}

export interface QualityReport {
  items: number;
  kinds: KindScore[];
  phiRecall: Rate;
  medicalKept: Rate;
  physicianHeld: Rate;
  physicianGeneralPublished: Rate;
  crisisCaught: Rate;
  crisisFalseAlarms: Rate;
  actionAgreement: Rate;
  misses: string[];
  failures: string[];
}

export const GOALS = {
  phiRecall: 0.98,
  medicalKept: 0.95,
  physicianHeld: 0.9,
  physicianGeneralPublished: 0.9,
  crisisCaught: 1,
  /** At most one false alarm in 20 negatives. */
  crisisFalseAlarmRate: 1 / 20,
};

const rate = (hits: number, total: number): Rate => ({ hits, total, rate: total === 0 ? 1 : hits / total });

interface Scored {
  item: CorpusItem;
  verdict: Verdict;
  found: Set<FindingKind>;
  expected: Set<FindingKind>;
}

export function evaluate(items: readonly CorpusItem[]): QualityReport {
  const scored: Scored[] = items.map((item) => {
    const verdict = review(item.text, contextOf(item));
    const expected = new Set<FindingKind>([...(item.expect.kinds ?? []), ...(item.expect.pii ?? []).map((p) => p.kind)]);
    return { item, verdict, found: new Set(verdict.findings.map((f) => f.kind)), expected };
  });
  const misses: string[] = [];
  const miss = (s: Scored, why: string): void => {
    misses.push(`${s.item.id}: ${why} — ${JSON.stringify(s.item.text.slice(0, 90))} → ${s.verdict.action} ${JSON.stringify(s.verdict.text.slice(0, 90))}`);
  };

  let piiGone = 0;
  let piiTotal = 0;
  let kept = 0;
  let keepTotal = 0;
  const piiGoneByKind = new Map<FindingKind, Rate>();
  for (const s of scored) {
    for (const pii of s.item.expect.pii ?? []) {
      const gone = !s.verdict.text.includes(pii.text);
      piiTotal++;
      if (gone) piiGone++;
      else miss(s, `${pii.kind} "${pii.text}" survived`);
      const r = piiGoneByKind.get(pii.kind) ?? rate(0, 0);
      piiGoneByKind.set(pii.kind, rate(r.hits + (gone ? 1 : 0), r.total + 1));
    }
    for (const keep of s.item.expect.keep ?? []) {
      keepTotal++;
      if (s.verdict.text.includes(keep)) kept++;
      else miss(s, `medical text "${keep}" was lost`);
    }
  }

  const kinds = new Set<FindingKind>();
  for (const s of scored) for (const k of [...s.expected, ...s.found]) kinds.add(k);
  const kindScores = [...kinds].sort().map((kind): KindScore => {
    const expecting = scored.filter((s) => s.expected.has(kind));
    const truePositives = expecting.filter((s) => s.found.has(kind)).length;
    const falsePositives = scored.filter((s) => !s.expected.has(kind) && s.found.has(kind)).length;
    for (const s of expecting) if (!s.found.has(kind) && !kind.startsWith('pii.')) miss(s, `no ${kind} finding`);
    const piiRecall = piiGoneByKind.get(kind);
    return {
      kind,
      expected: expecting.length,
      truePositives,
      falsePositives,
      precision: truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives),
      recall: piiRecall !== undefined ? piiRecall.rate : expecting.length === 0 ? 1 : truePositives / expecting.length,
    };
  });

  const physician = scored.filter((s) => s.item.context.role === 'physician');
  const clinical = physician.filter((s) => [...s.expected].some((k) => k.startsWith('clinical.')));
  const general = physician.filter((s) => ![...s.expected].some((k) => k.startsWith('clinical.')) && s.item.expect.action === 'publish');
  const crisis = scored.filter((s) => s.item.expect.crisis === true);
  const calm = scored.filter((s) => s.item.expect.crisis !== true);
  const hasCrisis = (s: Scored): boolean => s.verdict.notices.some((n) => n.kind === 'crisis');
  for (const s of crisis) if (!hasCrisis(s)) miss(s, 'crisis without a notice');
  for (const s of calm) if (hasCrisis(s)) miss(s, 'false crisis alarm');
  const withAction = scored.filter((s) => s.item.expect.action !== undefined);
  for (const s of withAction) if (s.verdict.action !== s.item.expect.action) miss(s, `expected ${s.item.expect.action}`);

  const report: QualityReport = {
    items: items.length,
    kinds: kindScores,
    phiRecall: rate(piiGone, piiTotal),
    medicalKept: rate(kept, keepTotal),
    physicianHeld: rate(clinical.filter((s) => s.verdict.action === 'hold').length, clinical.length),
    physicianGeneralPublished: rate(general.filter((s) => s.verdict.action === 'publish').length, general.length),
    crisisCaught: rate(crisis.filter(hasCrisis).length, crisis.length),
    crisisFalseAlarms: rate(calm.filter(hasCrisis).length, calm.length),
    actionAgreement: rate(withAction.filter((s) => s.verdict.action === s.item.expect.action).length, withAction.length),
    misses: [...new Set(misses)],
    failures: [],
  };
  report.failures = failuresOf(report);
  return report;
}

function failuresOf(r: QualityReport): string[] {
  const failures: string[] = [];
  const below = (name: string, got: Rate, goal: number): void => {
    if (got.rate < goal) failures.push(`${name} ${pct(got)} is below the goal of ${(goal * 100).toFixed(0)}%`);
  };
  below('PHI recall', r.phiRecall, GOALS.phiRecall);
  below('medical text kept', r.medicalKept, GOALS.medicalKept);
  below('diagnostic/prescriptive physician texts held', r.physicianHeld, GOALS.physicianHeld);
  below('general physician texts published', r.physicianGeneralPublished, GOALS.physicianGeneralPublished);
  below('crises caught', r.crisisCaught, GOALS.crisisCaught);
  if (r.crisisFalseAlarms.rate > GOALS.crisisFalseAlarmRate) {
    failures.push(`crisis false alarms ${pct(r.crisisFalseAlarms)} exceed one in 20 negatives`);
  }
  if (r.physicianHeld.total === 0 || r.crisisCaught.total === 0 || r.phiRecall.total === 0) {
    failures.push('the corpus lacks labelled clinical, crisis or PHI items');
  }
  return failures;
}

function pct(r: Rate): string {
  return `${(r.rate * 100).toFixed(1)}% (${r.hits}/${r.total})`;
}

export function formatReport(r: QualityReport, { misses = true } = {}): string {
  const lines = [`Moderation quality on ${r.items} labelled items`, ''];
  lines.push('kind                        expected   TP   FP  precision  recall');
  for (const k of r.kinds) {
    lines.push(
      `${k.kind.padEnd(28)}${String(k.expected).padStart(8)}${String(k.truePositives).padStart(5)}${String(k.falsePositives).padStart(5)}` +
        `${k.precision.toFixed(3).padStart(11)}${k.recall.toFixed(3).padStart(8)}`,
    );
  }
  lines.push(
    '',
    `PHI recall (identifiers gone)          ${pct(r.phiRecall)}   goal ≥ ${GOALS.phiRecall * 100}%`,
    `medical text kept                      ${pct(r.medicalKept)}   goal ≥ ${GOALS.medicalKept * 100}%`,
    `physician diagnostic/prescriptive held ${pct(r.physicianHeld)}   goal ≥ 90%`,
    `physician general published            ${pct(r.physicianGeneralPublished)}   goal ≥ 90%`,
    `crises caught                          ${pct(r.crisisCaught)}   goal 100%`,
    `crisis false alarms                    ${pct(r.crisisFalseAlarms)}   goal ≤ 1 in 20`,
    `expected action agreed                 ${pct(r.actionAgreement)}`,
  );
  if (misses && r.misses.length > 0) lines.push('', 'misses:', ...r.misses.map((m) => `  ${m}`));
  lines.push('', r.failures.length === 0 ? 'all goals met' : `GOALS NOT MET:\n  ${r.failures.join('\n  ')}`);
  return lines.join('\n');
}
