import { ForbiddenException } from '@nestjs/common';
import { assertCan, can, type Actor } from './access-policy';

const actor = (role: Actor['role'], verified = false): Actor => ({ id: 'u1', role, verified });

describe('access policy', () => {
  it('lets only admins grant roles', () => {
    expect(can(actor('admin'), 'role.grant')).toBe(true);
    expect(can(actor('moderator'), 'role.grant')).toBe(false);
    expect(can(actor('physician', true), 'role.grant')).toBe(false);
  });

  it('lets only unverified physicians apply for verification', () => {
    expect(can(actor('physician'), 'verification.apply')).toBe(true);
    expect(can(actor('physician', true), 'verification.apply')).toBe(false);
    expect(can(actor('patient'), 'verification.apply')).toBe(false);
  });

  it('lets moderators and admins review verifications and read the audit log', () => {
    for (const role of ['moderator', 'admin'] as const) {
      expect(can(actor(role), 'verification.review')).toBe(true);
      expect(can(actor(role), 'audit.read')).toBe(true);
    }
    for (const role of ['patient', 'physician'] as const) {
      expect(can(actor(role, true), 'verification.review')).toBe(false);
      expect(can(actor(role, true), 'audit.read')).toBe(false);
    }
  });

  it('throws a 403 when the actor may not act', () => {
    expect(() => assertCan(actor('patient'), 'audit.read')).toThrow(ForbiddenException);
  });
});
