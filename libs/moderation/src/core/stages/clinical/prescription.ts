import type { FindingInput } from '../../draft';
import { wordAt, type Sentences } from '../text';
import type { WordPattern } from '../words';
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
// Compiled once here: a regex literal inside a callback is a new object on every call.
const WORD_BEFORE_FORM = /[a-z]{3,20}[ -]$/;
const STRENGTH_AFTER = /^ {1,2}\d{2,4}\b/;
const BLANK_LEAD = /^\s{0,3}$/;
const ADDRESSES_READER = /\b(?:you|your|u|aap)\b/;
const CLAUSE_BREAK = /[.!?\n;:,]/;
const WORD_SEPARATOR = /[^a-z0-9'-]{1,40}/;

interface Signal {
  start: number;
  end: number;
}

/** A class, not an object literal filled in any order, so every sentence's signals share one shape. */
class SentenceSignals {
  instruction: Signal | undefined = undefined;
  /** "you can take…": advice about an over-the-counter medicine unless a dose or schedule makes it a prescription. */
  permission: Signal | undefined = undefined;
  dose: Signal | undefined = undefined;
  frequency: Signal | undefined = undefined;
  drug: Signal | undefined = undefined;
  change: Signal | undefined = undefined;
}

/**
 * A prescription or change of therapy: signals (drug, dose, schedule, instruction, change) are
 * collected per sentence, and a sentence prescribes when they combine (see `prescriptionSpan`).
 */
export function findPrescriptions(fold: string, sentences: Sentences): FindingInput[] {
  // Keyed by where the sentence starts; the insertion order is the order of first signals.
  const bySentence = new Map<number, { sentence: Signal; signals: SentenceSignals }>();
  const note = (key: keyof SentenceSignals, start: number, end: number): void => {
    const sentence = sentences.around(start);
    let entry = bySentence.get(sentence.start);
    if (entry === undefined) {
      entry = { sentence, signals: new SentenceSignals() };
      bySentence.set(sentence.start, entry);
    }
    entry.signals[key] ??= { start, end };
  };
  collect(fold, DOSE, (s, e) => note('dose', s, e));
  collect(fold, DOSAGE_FORM, (s, e) => {
    const before = fold.slice(Math.max(0, s - 21), s);
    const word = WORD_BEFORE_FORM.exec(before);
    if (word !== null && !NOT_A_PRODUCT.test(before)) note('drug', s - word[0].length, e);
  });
  collect(fold, DRUG_NAME, (s, e) => {
    note('drug', s, e);
    // A brand with its strength ("dolo 650", "augmentin 625") is a dose.
    if (fold.charCodeAt(e) !== 0x20) return; // a strength follows a space
    const strength = STRENGTH_AFTER.exec(fold.slice(e, e + 8));
    if (strength !== null) note('dose', s, e + strength[0].length);
  });
  // Instructions and schedules prescribe only beside a drug or a dose, so without one their scans are skipped.
  if (bySentence.size > 0) {
    collect(fold, IMPERATIVE_VERB, (s, e) => {
      const lead = fold.slice(Math.max(0, s - 15), s);
      const opensText = s === lead.length && BLANK_LEAD.test(lead);
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
  for (const { sentence, signals: sig } of bySentence.values()) {
    const span = prescriptionSpan(fold, sentence, sig);
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
  // Whether the sentence is general information is asked only when the answer matters: it is a long scan.
  const specific = (): boolean => !GENERAL.test(fold.slice(sentence.start, sentence.end));
  const prescribes =
    sig.change !== undefined ||
    (sig.instruction !== undefined && (sig.drug !== undefined || sig.dose !== undefined)) ||
    (sig.permission !== undefined && sig.drug !== undefined && (sig.dose !== undefined || sig.frequency !== undefined)) ||
    (sig.dose !== undefined && sig.frequency !== undefined && specific()) ||
    (sig.drug !== undefined && sig.frequency !== undefined && sig.instruction === undefined && specific() && ADDRESSES_READER.test(fold.slice(sentence.start, sentence.end)));
  if (!prescribes) return null;
  let start = Infinity;
  let end = -Infinity;
  for (const part of [sig.change, sig.instruction, sig.permission, sig.drug, sig.dose, sig.frequency]) {
    if (part === undefined) continue;
    start = Math.min(start, part.start);
    end = Math.max(end, part.end);
  }
  return { start, end };
}

function collect(fold: string, pattern: WordPattern, onMatch: (start: number, end: number) => void): void {
  pattern.forEach(fold, (m) => onMatch(m.index, m.index + m[0].length));
}

function isMedicine(word: string): boolean {
  return MEDICINE_WORDS.has(word) || DRUGS.single.has(word) || DRUGS.firstWords.has(word);
}

/** End of a medicine or drug word among the next `words` words, or -1. */
function medicineWithin(fold: string, from: number, words: number): number {
  let w = wordAt(fold, from);
  for (let n = 0; n < words && w !== null; n++, w = wordAt(fold, w.end)) {
    if (CLAUSE_BREAK.test(fold.slice(from, w.start))) return -1;
    if (isMedicine(fold.slice(w.start, w.end))) return w.end;
  }
  return -1;
}

function medicineBefore(fold: string, at: number): boolean {
  const before = fold.slice(Math.max(0, at - 40), at);
  const words = before.split(WORD_SEPARATOR).filter((x) => x.length > 0).slice(-3);
  return words.some(isMedicine);
}
