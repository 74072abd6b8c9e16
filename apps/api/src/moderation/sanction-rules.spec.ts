import { BadRequestException } from '@nestjs/common';
import type { Actor } from '../access/access-policy';
import { MAX_SANCTION_HOURS, maySanction, sanctionEnd } from './sanction-rules';

const now = new Date('2026-03-01T12:00:00Z');
const actor = (role: Actor['role'], id = 'me'): Actor => ({ id, role, verified: false, mutedUntil: null });

describe('sanctionEnd', () => {
  it('adds a duration in hours to now', () => {
    expect(sanctionEnd({ durationHours: 24 }, now)).toEqual(new Date('2026-03-02T12:00:00Z'));
  });

  it('takes an explicit end in the future, up to a year ahead', () => {
    expect(sanctionEnd({ until: '2026-03-05T00:00:00Z' }, now)).toEqual(new Date('2026-03-05T00:00:00Z'));
    const latest = new Date(now.getTime() + MAX_SANCTION_HOURS * 3_600_000).toISOString();
    expect(sanctionEnd({ until: latest }, now).toISOString()).toBe(latest);
  });

  it.each([
    ['neither', {}],
    ['both', { durationHours: 1, until: '2026-03-05T00:00:00Z' }],
    ['an end now', { until: now.toISOString() }],
    ['an end in the past', { until: '2026-02-01T00:00:00Z' }],
    ['an end over a year ahead', { until: '2027-03-02T12:00:00Z' }],
    ['an unreadable end', { until: 'soon' }],
  ])('refuses %s with a 400', (_case, length) => {
    expect(() => sanctionEnd(length, now)).toThrow(BadRequestException);
  });
});

describe('maySanction', () => {
  it('lets a moderator sanction patients and physicians', () => {
    expect(maySanction(actor('moderator'), { id: 'p', role: 'patient' })).toBe(true);
    expect(maySanction(actor('moderator'), { id: 'd', role: 'physician' })).toBe(true);
  });

  it('leaves staff to admins', () => {
    expect(maySanction(actor('moderator'), { id: 'm', role: 'moderator' })).toBe(false);
    expect(maySanction(actor('moderator'), { id: 'a', role: 'admin' })).toBe(false);
    expect(maySanction(actor('admin'), { id: 'm', role: 'moderator' })).toBe(true);
  });

  it('never lets anyone sanction themselves', () => {
    expect(maySanction(actor('admin'), { id: 'me', role: 'admin' })).toBe(false);
  });
});
