import { factorByFirstLetter } from '../alternation';
import { escapeRegExp } from '../text';
import { wordPattern } from '../words';
import drugs from './drugs.json';

/** Drug names by their first word; multi-word names ("folic acid") keep the rest for a second check. */
export interface DrugLexicon {
  single: ReadonlySet<string>;
  firstWords: ReadonlyMap<string, readonly string[]>;
}

function buildLexicon(): DrugLexicon {
  const single = new Set<string>();
  const firstWords = new Map<string, string[]>();
  for (const name of [...drugs.generic, ...drugs.brand, ...drugs.class]) {
    const space = name.indexOf(' ');
    if (space === -1) {
      single.add(name);
      continue;
    }
    const head = name.slice(0, space);
    firstWords.set(head, [...(firstWords.get(head) ?? []), name.slice(space + 1)]);
  }
  return { single, firstWords };
}

export const DRUGS: DrugLexicon = buildLexicon();

/** Every drug name in one alternation, longest first so "insulin glargine" wins over "insulin". */
export const DRUG_NAME = wordPattern(
  new RegExp(
  `\\b(?:${factorByFirstLetter([...drugs.generic, ...drugs.brand, ...drugs.class].sort((a, b) => b.length - a.length).map(escapeRegExp), 2)})(?![a-z0-9])`,
    'g',
  ),
);

/**
 * A product named by its form ("luliconazole cream", "cough syrup") counts as a drug even when the
 * name is not listed; the scan looks for the form word, the stage then checks the word before it.
 */
export const DOSAGE_FORM = wordPattern(/\b(?:cream|ointment|gel|lotion|drops|syrup|tablets?|capsules?|injection|inhaler|spray|suspension|sachet)\b/g);

/** "your tablets", "the cream": the reader's existing medicine, not a product being named. */
export const NOT_A_PRODUCT = /(?:^|[^a-z])(?:your|the|a|an|my|his|her|their|these|those|this|that|any|some|all|of|its|our|eye|ear|nasal|nose)[ -]$/;

/** Words that name the reader's own medicine without naming a drug ("stop your tablets"). */
export const MEDICINE_WORDS = new Set([
  'medicine', 'medicines', 'medication', 'medications', 'meds', 'tablet', 'tablets', 'tab', 'tabs', 'pill', 'pills',
  'dose', 'doses', 'dosage', 'insulin', 'treatment', 'therapy', 'inhaler', 'injection', 'injections', 'drug', 'drugs',
  'course', 'prescription', 'capsule', 'capsules', 'dawai', 'dawa', 'dava', 'davai', 'goli', 'goliyan', 'syrup',
]);

/**
 * Conditions a diagnosis names. The suffix alternative catches the long tail (-itis, -osis, -emia…)
 * without listing every disease; the window it runs on is a few words, so it stays cheap.
 */
const CONDITION_WORDS = [
  'infection', 'infections', 'disease', 'disorder', 'syndrome', 'deficiency', 'allergy', 'allergies', 'fracture',
  'cancer', 'tumour', 'tumor', 'diabetes', 'diabetic', 'hypertension', 'flu', 'influenza', 'ulcer', 'ulcers', 'cyst',
  'cysts', 'stones', 'stone', 'hernia', 'migraine', 'asthma', 'pneumonia', 'covid', 'dengue', 'malaria', 'typhoid',
  'tb', 'jaundice', 'thyroid', 'pcos', 'pcod', 'ibs', 'gerd', 'uti', 'sugar', 'bp', 'piles', 'anxiety',
  'depression', 'adhd', 'ocd', 'reflux', 'acidity', 'vertigo', 'sciatica', 'gout', 'eczema', 'acne', 'scabies',
  'ringworm', 'fungal', 'viral', 'bacterial', 'strep', 'sinus', 'tonsils', 'angina', 'murmur', 'afib', 'lupus',
  "parkinson's", 'parkinsons', "alzheimer's", 'dementia', 'fatty', 'glaucoma', 'cataract', 'herpes', 'hpv', 'hiv',
  'std', 'sti', 'chlamydia', 'gonorrhea', 'gonorrhoea', 'syphilis', 'chickenpox', 'measles', 'mumps', 'shingles',
  'disc', 'sprain', 'tear', 'insomnia', 'apnea', 'apnoea', 'fibroids', 'fibroid', 'colic', 'intolerance', 'celiac',
  'coeliac', "crohn's", 'crohns', 'cold', 'cough', 'worms', 'lice', 'psoriasis', 'vitiligo', 'leukemia',
  'lymphoma', 'carcinoma', 'stroke', 'attack', 'failure', 'arrhythmia', 'prediabetes', 'obesity', 'bronchitis',
  'sinusitis', 'infected', 'problem', 'condition', 'bimari', 'bimaari', 'rog', 'fever', 'bukhar', 'tumours',
  'tumors', 'polyps', 'hemorrhoids', 'haemorrhoids', 'fissure', 'fistula', 'hypothyroidism', 'hyperthyroidism',
  'anemia', 'anaemia', 'anaemic', 'anemic', 'chikungunya', 'cholera', 'gastro', 'gastroenteritis', 'cellulitis',
  'abscess', 'boil', 'wart', 'warts', 'mole', 'lipoma', 'bursitis', 'tendonitis', 'tendinitis', 'neuropathy',
  'plantar', 'spondylitis', 'spondylosis', 'osteoporosis', 'arthritis', 'rheumatoid', 'autism', 'bipolar',
  'schizophrenia', 'psychosis', 'ptsd', 'mono', 'glandular',
  // common misspellings seen in chat answers
  'diabetis', 'diabeties', 'thyriod', 'pnemonia', 'pneumonia', 'tyfoid', 'maleria', 'dengu', 'astma', 'anemea',
];

export const CONDITION = new RegExp(
  `\\b(?:${CONDITION_WORDS.map((w) => w.replace(/'/g, "'")).join('|')}|[a-z]{3,24}(?:itis|osis|emia|aemia|oma|pathy|iasis|algia|plegia))\\b`,
);
