import type { FindingInput } from '../../draft';
import { wordAt, type Sentences } from '../text';
import { DOSAGE_FORM, DRUG_NAME, DRUGS, MEDICINE_WORDS, NOT_A_PRODUCT } from './lexicon';
import {
  CHANGE,
  DOSE,
  FREQUENCY,
  GENERAL,
  HINGLISH_CHANGE,
  IMPERATIVE_LEAD,
  IMPERATIVE_VERB,
  INSTRUCTION,
  NEGATION_BEFORE,
  OTHER_AGENT,
} from './patterns';

const PERMISSION = /^(?:you|u) (?:can|could|may|can also)\b/;
/** "more than twice a week" is a threshold to watch for, not a schedule to follow. */
const THRESHOLD_BEFORE = /\b(?:more than|less than|over|at least|up to|upto|maximum|max|not more than)\s{1,3}$/;

interface Signal {
  start: number;
  end: number;
}

interface SentenceSignals {
  instruction?: Signal;
  /** "you can take…": advice about an over-the-counter medicine unless a dose or schedule makes it a prescription. */
  permission?: Signal;
  dose?: Signal;
  frequency?: Signal;
  drug?: Signal;
  change?: Signal;
}

/**
 * A prescription or change of therapy: signals (drug, dose, schedule, instruction, change) are
 * collected per sentence, and a sentence prescribes when they combine (see `prescriptionSpan`).
 */
export function findPrescriptions(fold: string, sentences: Sentences): FindingInput[] {
  const bySentence = new Map<number, SentenceSignals>();
  const note = (key: keyof SentenceSignals, start: number, end: number): void => {
    const index = sentences.indexOf(start);
    const signals = bySentence.get(index) ?? {};
    signals[key] ??= { start, end };
    bySentence.set(index, signals);
  };
  collect(fold, DOSE, (s, e) => note('dose', s, e));
  collect(fold, DOSAGE_FORM, (s, e) => {
    const before = fold.slice(Math.max(0, s - 21), s);
    const word = /[a-z]{3,20}[ -]$/.exec(before);
    if (word !== null && !NOT_A_PRODUCT.test(before)) note('drug', s - word[0].length, e);
  });
  collect(fold, DRUG_NAME, (s, e) => {
    note('drug', s, e);
    // A brand with its strength ("dolo 650", "augmentin 625") is a dose.
    const strength = /^ {1,2}\d{2,4}\b/.exec(fold.slice(e, e + 8));
    if (strength !== null) note('dose', s, e + strength[0].length);
  });
  // Instructions and schedules prescribe only beside a drug or a dose, so without one their scans are skipped.
  if (bySentence.size > 0) {
    collect(fold, IMPERATIVE_VERB, (s, e) => {
      const lead = fold.slice(Math.max(0, s - 15), s);
      const opensText = s === lead.length && /^\s{0,3}$/.test(lead);
      if ((opensText || IMPERATIVE_LEAD.test(lead)) && !NEGATION_BEFORE.test(fold.slice(Math.max(0, s - 20), s))) note('instruction', s, e);
    });
    collect(fold, INSTRUCTION, (s, e) => {
      if (NEGATION_BEFORE.test(fold.slice(Math.max(0, s - 20), s))) return;
      note(PERMISSION.test(fold.slice(s, e)) ? 'permission' : 'instruction', s, e);
    });
    collect(fold, FREQUENCY, (s, e) => {
      if (!THRESHOLD_BEFORE.test(fold.slice(Math.max(0, s - 14), s))) note('frequency', s, e);
    });
  }
  collect(fold, CHANGE, (s, e) => {
    const { start: sStart } = sentences.around(s);
    const before = fold.slice(Math.max(sStart, s - 60), s);
    if (NEGATION_BEFORE.test(before) || OTHER_AGENT.test(before)) return;
    const object = medicineWithin(fold, e, 3);
    if (object !== -1) note('change', s, object);
  });
  collect(fold, HINGLISH_CHANGE, (s, e) => {
    if (medicineBefore(fold, s)) note('change', s, e);
  });

  const out: FindingInput[] = [];
  for (const [index, sig] of bySentence) {
    const span = prescriptionSpan(fold, sentences.at(index), sig);
    if (span === null) continue;
    out.push({
      kind: 'clinical.prescription',
      rule: sig.change ? 'clinical.prescription.change' : 'clinical.prescription.instruction',
      start: span.start,
      end: span.end,
      severity: 'medium',
      message: sig.change ? 'reads as a change to the reader\'s therapy' : 'reads as a prescription for the reader',
    });
  }
  return out;
}

function prescriptionSpan(fold: string, sentence: Signal, sig: SentenceSignals): Signal | null {
  const general = GENERAL.test(fold.slice(sentence.start, sentence.end));
  const prescribes =
    sig.change !== undefined ||
    (sig.instruction !== undefined && (sig.drug !== undefined || sig.dose !== undefined)) ||
    (sig.permission !== undefined && sig.drug !== undefined && (sig.dose !== undefined || sig.frequency !== undefined)) ||
    (!general && sig.dose !== undefined && sig.frequency !== undefined) ||
    (!general && sig.drug !== undefined && sig.frequency !== undefined && sig.instruction === undefined && /\b(?:you|your|u|aap)\b/.test(fold.slice(sentence.start, sentence.end)));
  if (!prescribes) return null;
  const parts = [sig.change, sig.instruction, sig.permission, sig.drug, sig.dose, sig.frequency].filter((p): p is Signal => p !== undefined);
  return { start: Math.min(...parts.map((p) => p.start)), end: Math.max(...parts.map((p) => p.end)) };
}

function collect(fold: string, pattern: RegExp, onMatch: (start: number, end: number) => void): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(fold); m !== null; m = pattern.exec(fold)) onMatch(m.index, m.index + m[0].length);
}

function isMedicine(word: string): boolean {
  return MEDICINE_WORDS.has(word) || DRUGS.single.has(word) || DRUGS.firstWords.has(word);
}

/** End of a medicine or drug word among the next `words` words, or -1. */
function medicineWithin(fold: string, from: number, words: number): number {
  let w = wordAt(fold, from);
  for (let n = 0; n < words && w !== null; n++, w = wordAt(fold, w.end)) {
    if (/[.!?\n;:,]/.test(fold.slice(from, w.start))) return -1;
    if (isMedicine(fold.slice(w.start, w.end))) return w.end;
  }
  return -1;
}

function medicineBefore(fold: string, at: number): boolean {
  const before = fold.slice(Math.max(0, at - 40), at);
  const words = before.split(/[^a-z0-9'-]{1,40}/).filter((x) => x.length > 0).slice(-3);
  return words.some(isMedicine);
}
