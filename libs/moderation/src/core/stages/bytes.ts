const encoder = new TextEncoder();
// eslint-disable-next-line no-control-regex -- "anything not ASCII"
const NON_ASCII_ALL = /[^\x00-\x7f]/g;

/** Copies unit by unit, non-ASCII as \x01; returns the length written. */
function copyUnits(text: string, bytes: Uint8Array): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes[i] = c < 0x80 ? c : 1;
  }
  return text.length;
}

/**
 * Returns a reader that copies a string into a reused buffer as one byte per UTF-16 unit, followed by
 * a NUL. A typed array walks about twice as fast as `charCodeAt`. Non-ASCII units are never letters,
 * digits or the punctuation a scanner looks for, so they become \x01 and positions stay the string's.
 * Each scanner takes its own reader, so one buffer is never read by two scans at once.
 */
export function asciiBytesReader(): (text: string) => Uint8Array {
  let bytes = new Uint8Array(1 << 14);
  return (text: string): Uint8Array => {
    if (bytes.length < 3 * text.length + 1) bytes = new Uint8Array(3 * text.length + 1);
    let written = encoder.encodeInto(text, bytes).written;
    if (written !== text.length) {
      // Each non-ASCII unit adds one or two bytes. Replacing them natively costs per unit replaced,
      // copying in JavaScript per unit of text: a few (dashes, quotes) are replaced, many are copied.
      const extra = written - text.length;
      written = extra * 32 > text.length ? copyUnits(text, bytes) : encoder.encodeInto(text.replace(NON_ASCII_ALL, '\x01'), bytes).written;
    }
    bytes[written] = 0;
    return bytes;
  };
}
