/**
 * 64 KB inputs built to make a backtracking regex blow up (runs of the characters patterns pivot on).
 * Shared by the linear-time spec, which checks a verdict comes back, and the benchmark, which times them.
 */
export const ADVERSARIAL_SIZE = 64 * 1024;

const fill = (unit: string): string => unit.repeat(Math.ceil(ADVERSARIAL_SIZE / unit.length)).slice(0, ADVERSARIAL_SIZE);

export const ADVERSARIAL_INPUTS: ReadonlyArray<readonly [name: string, text: string]> = [
  ['digits', fill('7')],
  ['digits and spaces', fill('9 ')],
  ['digit groups', fill('98200 ')],
  ['at signs', fill('@')],
  ['dots', fill('.')],
  ['letter a', fill('a')],
  ['tag starts', fill('<')],
  ['unclosed tags', fill('<a ')],
  ['brackets', fill('[')],
  ['parentheses', fill('(')],
  ['link halves', fill('[x](')],
  ['link ends', fill('](')],
  ['nested brackets', fill('[[a](')],
  ['link definitions', fill('[x]: y\n')],
  ['titles', fill('Dr. ')],
  ['spaces', fill(' ')],
  ['new lines', fill('\n')],
  ['long word', fill('abcdefghijklmnopqrstuvwxyz')],
  ['zero-width', fill('\u200B')],
  ['combining marks', fill('e\u0301\u0301')],
  ['email-like', fill('a.b@c.')],
  ['url-like', fill('http://a.')],
  ['diagnosis cues', fill('you have ')],
  ['dose cues', fill('take 500 mg ')],
  ['crisis cues', fill('i want to ')],
  ['emergency cues', fill('my chest pain arm ')],
  ['prescription cues', fill('stop your metformin ')],
  ['hinglish cues', fill('aapko sugar hai ')],
  ['capitalised words', fill('Mr Abc Def ')],
  ['hyphen digits', fill('1-')],
  ['plus signs', fill('+91 ')],
];
