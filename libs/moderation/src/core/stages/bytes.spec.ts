import { asciiBytesReader } from './bytes';

describe('asciiBytesReader', () => {
  const read = (text: string): number[] => Array.from(asciiBytesReader()(text).subarray(0, text.length + 1));

  it('copies ASCII as it is, followed by a NUL', () => {
    expect(read('Ab1 .')).toEqual([65, 98, 49, 32, 46, 0]);
  });

  it('keeps positions when a few units are not ASCII (replaced natively)', () => {
    const text = `call me – ${'x'.repeat(80)} ok`;
    const bytes = read(text);
    expect(bytes).toHaveLength(text.length + 1);
    expect(bytes[8]).toBe(1);
    expect(bytes[text.length - 1]).toBe('k'.charCodeAt(0));
  });

  it('keeps positions when most units are not ASCII (copied unit by unit), emoji and lone surrogates included', () => {
    const text = 'e\u0301\u0301 😀 \ud800 नमस्ते a';
    const units = Array.from({ length: text.length }, (_, i) => (text.charCodeAt(i) < 0x80 ? text.charCodeAt(i) : 1));
    expect(read(text)).toEqual([...units, 0]);
  });

  it('reuses its buffer: a shorter text after a longer one ends at its own NUL', () => {
    const reader = asciiBytesReader();
    reader('a much longer earlier text');
    const bytes = reader('hi');
    expect(Array.from(bytes.subarray(0, 3))).toEqual([104, 105, 0]);
  });
});
