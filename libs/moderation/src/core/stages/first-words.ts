/**
 * The words a regex match can begin with, read off the regex source. Detection patterns are long
 * alternations anchored at a word start (`\b(?:you have|this is definitely|…)`); knowing their
 * possible first words lets a stage try the pattern only where such a word stands (see `words.ts`)
 * instead of at every position of the text.
 *
 * A "word" here is a run of [a-z0-9]. The result must over-approximate: a first word missed would be
 * a match missed, while an extra word only costs one failed attempt. So anything not understood
 * (lookarounds, back-references) is ignored or widened, never narrowed.
 */

export interface FirstWords {
  /** Whole first words. */
  exact: Set<string>;
  /** First characters of first words that may run on without a fixed end (`\d{1,5}` → the digits). */
  leading: Set<string>;
}

/** Thrown when the pattern can start somewhere a word-start filter cannot see; the caller scans normally. */
export class Unfilterable extends Error {}

interface State {
  /** Letters of the first word so far. */
  word: string;
  /** The first word may still grow. */
  open: boolean;
  /** The first word grows by an unknown amount from here. */
  wild: boolean;
  /** A `\b` came before the first character. */
  anchored: boolean;
}

const MAX_STATES = 20_000;
const isWordChar = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');

export function firstWords(source: string): FirstWords {
  const parser = new Parser(source);
  const end = parser.alternation([{ word: '', open: true, wild: false, anchored: false }]);
  if (parser.i !== source.length) throw new Unfilterable(`unexpected ")" at ${parser.i}`);
  const exact = new Set<string>();
  const leading = new Set<string>();
  for (const s of end) {
    if (s.word === '') throw new Unfilterable('a match can be empty or start with a non-word character');
    // A word still open at the end of the pattern may continue in the text.
    if (s.wild || s.open) leading.add(s.word[0]);
    else exact.add(s.word);
  }
  return { exact, leading };
}

type Step = (states: State[]) => State[];

class Parser {
  i = 0;
  constructor(private readonly src: string) {}

  alternation(states: State[]): State[] {
    const out: State[] = [];
    for (;;) {
      out.push(...this.sequence(states));
      if (this.src[this.i] !== '|') return dedupe(out);
      this.i++;
    }
  }

  private sequence(states: State[]): State[] {
    let current = states;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const step = this.atom();
      current = dedupe(this.quantified(step, current));
      if (current.length > MAX_STATES) throw new Unfilterable('too many first words');
    }
    return current;
  }

  private quantified(step: Step, states: State[]): State[] {
    const q = /^(?:\?|\*|\+|\{(\d+)(?:(,)(\d*))?\})\??/.exec(this.src.slice(this.i));
    if (q === null) return step(states);
    this.i += q[0].length;
    const min = q[0][0] === '?' || q[0][0] === '*' ? 0 : q[0][0] === '+' ? 1 : Number(q[1]);
    const max = q[0][0] === '?' ? 1 : q[0][0] === '{' && q[2] === undefined ? min : q[0][0] === '{' && q[3] !== '' ? Number(q[3]) : Infinity;
    const once = step(states);
    // More than one repetition of something that can add letters: the word's end is unknown.
    const repeated = max > 1 ? once.map((s) => (s.open && s.word !== '' ? { ...s, wild: true } : s)) : once;
    return min === 0 ? [...states, ...repeated] : repeated;
  }

  private atom(): Step {
    const c = this.src[this.i];
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    this.i++;
    if (c === '^' || c === '$') return (s) => s;
    if (c === '.') return anyChar;
    return chars([c]);
  }

  private group(): Step {
    const rest = this.src.slice(this.i);
    const closesWord = rest.startsWith('(?![a-z0-9])');
    const look = /^\(\?<?[=!]/.exec(rest);
    const head = look?.[0] ?? (rest.startsWith('(?:') ? '(?:' : /^\(\?<[a-z]+>/i.exec(rest)?.[0] ?? '(');
    this.i += head.length;
    const start = this.i;
    // Parsed once here to find its end; the step re-parses the body against the states it is given.
    this.alternation([]);
    if (this.src[this.i] !== ')') throw new Unfilterable('unbalanced group');
    this.i++;
    if (look !== null) {
      // Zero-width: ignored (a superset), except "no word character follows", which ends the word.
      return closesWord ? (states) => states.map((s) => (s.word !== '' ? { ...s, open: false } : s)) : (s) => s;
    }
    return (states) => {
      const resume = this.i;
      this.i = start;
      const out = this.alternation(states);
      this.i = resume;
      return out;
    };
  }

  private charClass(): Step {
    let end = this.i + 1;
    while (end < this.src.length && this.src[end] !== ']') end += this.src[end] === '\\' ? 2 : 1;
    if (end >= this.src.length) throw new Unfilterable('unclosed class');
    const body = this.src.slice(this.i + 1, end);
    this.i = end + 1;
    if (body.startsWith('^')) return anyChar;
    const members: string[] = [];
    for (let k = 0; k < body.length; k++) {
      const ch = body[k];
      if (ch === '\\') {
        const e = body[++k];
        if (e === 'd') members.push(...'0123456789');
        else if (e === 's') members.push(' ');
        else if (e === 'w' || e === 'W' || e === 'D' || e === 'S') return anyChar;
        else members.push(e);
        continue;
      }
      if (body[k + 1] === '-' && k + 2 < body.length) {
        const to = body[k + 2];
        for (let x = ch.charCodeAt(0); x <= to.charCodeAt(0); x++) members.push(String.fromCharCode(x));
        k += 2;
        continue;
      }
      members.push(ch);
    }
    // Big letter ranges ([a-z]) would multiply the states for no gain: any letter, word of unknown end.
    if (members.filter(isWordChar).length > 12) return anyChar;
    return chars(members);
  }

  private escape(): Step {
    const e = this.src[this.i + 1];
    this.i += 2;
    if (e === 'b') return (states) => states.map((s) => (s.word === '' ? { ...s, anchored: true } : s.open && !s.wild ? { ...s, open: false } : s));
    if (e === 'B') return (s) => s;
    if (e === 'd') return chars([...'0123456789']);
    if (e === 's') return chars([' ']);
    if (/[1-9wWDS]/.test(e)) return anyChar;
    return chars([e]);
  }
}

/** One character from `options`: a word character extends open words, anything else ends them. */
function chars(options: readonly string[]): Step {
  return (states) => {
    const out: State[] = [];
    for (const s of states) {
      for (const c of options) {
        if (!s.open) out.push(s);
        else if (s.word === '' && !s.anchored) throw new Unfilterable('a match may start inside a word');
        else if (!isWordChar(c)) {
          if (s.word === '') throw new Unfilterable('a match may start with a non-word character');
          out.push({ ...s, open: false });
        } else out.push(s.wild ? s : { ...s, word: s.word + c });
      }
    }
    return out;
  };
}

/** Any character at all: a word of unknown end, or an ended one. */
const anyChar: Step = (states) =>
  states.flatMap((s) => {
    if (!s.open) return [s];
    if (s.word === '') throw new Unfilterable('a match may start with any character');
    return [{ ...s, wild: true }, { ...s, open: false }];
  });

function dedupe(states: State[]): State[] {
  const seen = new Map<string, State>();
  for (const s of states) seen.set(`${s.word}|${s.open}|${s.wild}|${s.anchored}`, s);
  return [...seen.values()];
}
