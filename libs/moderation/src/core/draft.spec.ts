import { applyRedactions, createDraft, rewrite, toOriginal, withRedactions } from './draft';

describe('draft', () => {
  it('keeps the offset map true across several rewrites', () => {
    const once = rewrite(createDraft('aXXbYc'), [{ start: 1, end: 3, replacement: '' }, { start: 4, end: 5, replacement: '--' }]);
    expect(once.text).toBe('ab--c');
    expect(toOriginal(once, 4, 5)).toEqual({ start: 5, end: 6 });
    const twice = rewrite(once, [{ start: 0, end: 1, replacement: 'AA' }]);
    expect(twice.text).toBe('AAb--c');
    expect(toOriginal(twice, 5, 6)).toEqual({ start: 5, end: 6 });
    expect(twice.offsets).toHaveLength(twice.text.length + 1);
  });

  it('lets the earlier of two overlapping edits win', () => {
    expect(rewrite(createDraft('abcdef'), [{ start: 1, end: 4, replacement: '1' }, { start: 2, end: 5, replacement: '2' }]).text).toBe('a1ef');
  });

  it('folds with the same length as the text', () => {
    const draft = createDraft('İstanbul ΑΒΓ ﬀ');
    expect(draft.fold).toHaveLength(draft.text.length);
  });

  it('marks a draft plain only while its text is tab, new line and printable ASCII, with the lower-cased text as fold', () => {
    const plain = createDraft('Call Me\tMaybe\n');
    expect(plain.plain).toBe(true);
    expect(plain.fold).toBe('call me\tmaybe\n');
    for (const text of ['caf\u00e9', 'a\rb', 'x\u200by', 'Дr Mehta']) expect(createDraft(text).plain).toBe(false);
    const cleaned = rewrite(createDraft('Dr\u200b Mehta'), [{ start: 2, end: 3, replacement: '' }]);
    expect(cleaned).toMatchObject({ text: 'Dr Mehta', fold: 'dr mehta', plain: true });
    // a caller's own fold may differ from the lower-cased text, so its drafts are never plain
    expect(createDraft('abc', (t) => t.toUpperCase()).plain).toBe(false);
  });

  it('refuses to rewrite once redactions are recorded', () => {
    const draft = withRedactions(createDraft('abc'), [{ start: 0, end: 1, kind: 'pii.name', placeholder: '[name removed]' }]);
    expect(() => rewrite(draft, [{ start: 1, end: 2, replacement: '' }])).toThrow();
  });

  it('merges overlapping redactions into one placeholder', () => {
    const draft = withRedactions(createDraft('call 98200 12345 now'), [
      { start: 5, end: 16, kind: 'pii.phone', placeholder: '[phone removed]' },
      { start: 11, end: 16, kind: 'pii.other_id', placeholder: '[id removed]' },
    ]);
    expect(applyRedactions(draft)).toBe('call [phone removed] now');
  });
});
