import fc from 'fast-check';
import { review } from './pipeline';
import { detectPii, PLACEHOLDERS } from './stages/privacy';
import type { ReviewContext } from './types';

const context: ReviewContext = { authorRole: 'patient', authorVerified: false, placement: 'post', locale: 'en-IN', anonymous: false };

const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
const word = fc.constantFrom(
  'my', 'sugar', 'is', 'high', 'call', 'me', 'on', 'fever', 'since', 'days', 'metformin', 'Parkinson', 'Mrs', 'Dr', 'name', 'email',
  'at', 'dot', 'knee', 'pain', 'Aadhaar', 'PAN', 'ward', 'bed', 'MRN', 'born', 'lives', 'in', 'Pune', 'Austin', 'the', 'and',
);
const identifier = fc.oneof(
  digits(9).map((d) => `9${d}`),
  digits(10).map((d) => `+91 ${d.slice(0, 5)} ${d.slice(5)}`),
  digits(10).map((d) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`),
  fc.tuple(fc.constantFrom('asha', 'ravi.k', 'j_doe'), fc.constantFrom('gmail.com', 'yahoo.co.in')).map(([u, h]) => `${u}@${h}`),
  digits(12).map((d) => `${d.slice(0, 4)} ${d.slice(4, 8)} ${d.slice(8)}`),
  fc.tuple(fc.constantFrom('ABCDE', 'BNZPM', 'AAAPL'), digits(4), fc.constantFrom('F', 'K', 'Z')).map(([a, d, z]) => `${a}${d}${z}`),
  fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1950, max: 2025 })).map(([d, m, y]) => `${d}/${m}/${y}`),
  digits(6).map((d) => `PIN ${d}`),
  digits(9).map((d) => `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`),
  fc.constantFrom('https://example.com/a', 'www.example.in', '192.168.1.20'),
);
const number = fc.oneof(
  fc.integer({ min: 0, max: 999 }).map(String),
  fc.integer({ min: 1, max: 1000 }).map((n) => `${n} mg`),
  fc.integer({ min: 1, max: 99 }).map((n) => `${n} years`),
);
const text = fc
  .array(fc.tuple(fc.oneof({ weight: 5, arbitrary: word }, { weight: 2, arbitrary: identifier }, { weight: 2, arbitrary: number }), fc.constantFrom(' ', ', ', '. ', '\n')), {
    minLength: 1,
    maxLength: 30,
  })
  .map((parts) => parts.map(([token, sep]) => token + sep).join('').trim());

/**
 * A fixed seed keeps CI deterministic; FC_SEED=<n> (or FC_SEED=random) explores other inputs.
 * Random seeds once found "1/1/1950 2645 3365 3301": the Aadhaar was only detected after the date
 * beside it had become a placeholder. detectPii now re-checks the published form, and that case
 * is pinned below.
 */
const seed = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261124);
const runs = { numRuns: 2000, seed };

const identifiersIn = (s: string): string[] => detectPii(s).map((m) => s.slice(m.start, m.end));
const occurrences = (haystack: string, needle: string): number => haystack.split(needle).length - 1;
/** "[name removed]" itself contains "name"; placeholders are not leaks. */
const withoutPlaceholders = (s: string): string => Object.values(PLACEHOLDERS).reduce((out, p) => out.split(p).join('\u0000'), s);
/** The submission with every detected identifier cut out: what may legitimately remain. */
const withoutIdentifiers = (s: string): string => {
  let out = '';
  let cursor = 0;
  for (const m of [...detectPii(s)].sort((a, b) => a.start - b.start)) {
    if (m.start < cursor) continue;
    out += `${s.slice(cursor, m.start)}\u0000`;
    cursor = m.end;
  }
  return out + s.slice(cursor);
};

describe('pipeline properties', () => {
  it.each([
    ['a date before an Aadhaar', 'born 1/1/1950 2645 3365 3301'],
    ['an Aadhaar glued to a phone number', 'ids 2645 3365 3301 98201 23456 please'],
  ])('redacts identifiers that only stand out once a neighbour is redacted: %s', (_label, input) => {
    const once = review(input, context).text;
    expect(once).not.toMatch(/\d{4} \d{4} \d{4}/);
    expect(review(once, context).text).toBe(once);
  });

  it('changes nothing when its output is reviewed again', () => {
    fc.assert(
      fc.property(text, (input) => {
        const once = review(input, context).text;
        expect(review(once, context).text).toBe(once);
      }),
      runs,
    );
  });

  it('leaves no detected identifier in the published text', () => {
    fc.assert(
      fc.property(text, (input) => {
        const output = withoutPlaceholders(review(input, context).text);
        const rest = withoutIdentifiers(input);
        // The same letters may also occur as ordinary words ("Parkinson" the disease beside "Dr Parkinson").
        for (const found of identifiersIn(input)) expect(occurrences(output, found)).toBeLessThanOrEqual(occurrences(rest, found));
      }),
      runs,
    );
  });

  it('never publishes an identifier the submission did not contain', () => {
    fc.assert(
      fc.property(text, (input) => {
        const before = new Set(identifiersIn(input));
        for (const found of identifiersIn(review(input, context).text)) expect(before).toContain(found);
      }),
      runs,
    );
  });
});
