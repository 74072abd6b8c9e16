/**
 * Detection-only folding: lower-case, look-alike letters (Cyrillic, Greek, dotless i…) to Latin,
 * and Latin letters with diacritics to their base letter. One code unit in, one code unit out,
 * so positions in the fold are positions in the text.
 */

// Cyrillic and Greek letters that render like Latin ones: the classic way to dodge word filters.
const LOOK_ALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', ԁ: 'd', г: 'r', һ: 'h', і: 'i', ї: 'i', ј: 'j', к: 'k', м: 'm',
  н: 'h', о: 'o', п: 'n', р: 'p', с: 'c', т: 't', у: 'y', ү: 'y', х: 'x', ѕ: 's', ԛ: 'q', ԝ: 'w', ь: 'b',
  α: 'a', β: 'b', γ: 'y', ε: 'e', η: 'n', ι: 'i', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p', σ: 'o',
  ς: 's', τ: 't', υ: 'u', χ: 'x', ω: 'w', ϲ: 'c', ϳ: 'j', ı: 'i', ɡ: 'g', ℓ: 'l',
  // Typographic quotes, so "you’ve" matches what "you've" matches.
  '\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u201c': '"', '\u201d': '"',
};

const TABLE = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      table[c] = c;
      continue;
    }
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    let out = lower.length === 1 ? lower : ch;
    out = LOOK_ALIKES[out] ?? out;
    if (c >= 0xc0 && c <= 0x24f) {
      const base = out.normalize('NFD')[0];
      if (base >= 'a' && base <= 'z') out = base;
    }
    table[c] = out.charCodeAt(0);
  }
  return table;
}

// eslint-disable-next-line no-control-regex -- the range starts at NUL on purpose: "anything not ASCII"
const NON_ASCII = /[^\x00-\x7f]/;
// eslint-disable-next-line no-control-regex -- as above
const NON_ASCII_ALL = /[^\x00-\x7f]/g;

export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  const lower = text.toLowerCase();
  // Native lower-casing does nearly all the work; only non-ASCII positions can differ from the table.
  if (lower.length === text.length) return patchNonAscii(text, lower);
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = TABLE[text.charCodeAt(i)];
  // A lone surrogate decodes to U+FFFD: still one unit, so the length is kept.
  return decoder.decode(units);
}

function patchNonAscii(text: string, lower: string): string {
  let out = '';
  let cursor = 0;
  NON_ASCII_ALL.lastIndex = 0;
  for (let m = NON_ASCII_ALL.exec(text); m !== null; m = NON_ASCII_ALL.exec(text)) {
    const folded = TABLE[text.charCodeAt(m.index)];
    if (folded === lower.charCodeAt(m.index)) continue;
    out += lower.slice(cursor, m.index) + String.fromCharCode(folded);
    cursor = m.index + 1;
  }
  return cursor === 0 ? lower : out + lower.slice(cursor);
}

const decoder = new TextDecoder('utf-16le');
