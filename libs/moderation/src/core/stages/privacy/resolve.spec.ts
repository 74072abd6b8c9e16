import { resolve } from './resolve';

describe('resolve', () => {
  it('merges overlapping detections into one span named by the containing one', () => {
    const sut = resolve;
    const text = 'Flat 4B, Bangalore 560038';
    const out = sut(text, [
      { kind: 'pii.postal_code', rule: 'p', start: 19, end: 25 },
      { kind: 'pii.address', rule: 'a', start: 0, end: 25 },
    ]);
    expect(out).toEqual([{ kind: 'pii.address', rule: 'a', start: 0, end: 25 }]);
  });

  it('covers the union when two detections overlap partly', () => {
    const out = resolve('abcdefghij', [
      { kind: 'pii.phone', rule: 'p', start: 0, end: 6 },
      { kind: 'pii.name', rule: 'n', start: 4, end: 10 },
    ]);
    expect(out).toEqual([{ kind: 'pii.phone', rule: 'p', start: 0, end: 10 }]);
  });

  it('drops detections inside an existing placeholder', () => {
    const text = 'call [phone removed] now';
    expect(resolve(text, [{ kind: 'pii.name', rule: 'n', start: 6, end: 11 }])).toEqual([]);
  });
});
