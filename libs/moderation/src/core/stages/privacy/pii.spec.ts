import { PLACEHOLDERS, severityOf } from './pii';

describe('placeholders', () => {
  it('gives every kind a bracketed placeholder that names it and contains nothing detectable', () => {
    const sut = PLACEHOLDERS;
    for (const placeholder of Object.values(sut)) {
      expect(placeholder).toMatch(/^\[[a-z ]+ removed\]$/);
    }
    expect(sut['pii.phone']).toBe('[phone removed]');
    expect(sut['pii.name']).toBe('[name removed]');
  });

  it('rates government ids and cards high and contact details medium', () => {
    expect(severityOf('pii.aadhaar')).toBe('high');
    expect(severityOf('pii.card')).toBe('high');
    expect(severityOf('pii.phone')).toBe('medium');
  });
});
