import { ForbiddenException } from '@nestjs/common';
import { assertCan, can, type Actor } from './access-policy';

const actor = (role: Actor['role'], verified = false, mutedUntil: Date | null = null): Actor => ({ id: 'u1', role, verified, mutedUntil });
const mine = { authorId: 'u1' };
const theirs = { authorId: 'u2' };

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

  it('lets authors, and only authors, edit their content and accept answers to their questions', () => {
    expect(can(actor('patient'), 'content.edit', mine)).toBe(true);
    expect(can(actor('moderator'), 'content.edit', theirs)).toBe(false);
    expect(can(actor('patient'), 'answer.accept', mine)).toBe(true);
    expect(can(actor('admin'), 'answer.accept', theirs)).toBe(false);
  });

  it('shows hidden content and anonymous authors only to the author (hidden content) and staff', () => {
    expect(can(actor('patient'), 'content.read_hidden', mine)).toBe(true);
    expect(can(actor('physician', true), 'content.read_hidden', theirs)).toBe(false);
    expect(can(actor('moderator'), 'content.read_hidden', theirs)).toBe(true);
    expect(can(actor('physician', true), 'content.see_anonymous_author')).toBe(false);
    expect(can(actor('moderator'), 'content.see_anonymous_author')).toBe(true);
  });

  it('lets only verified physicians endorse, and nobody vote on or endorse their own answer', () => {
    expect(can(actor('physician', true), 'answer.endorse', theirs)).toBe(true);
    expect(can(actor('physician', true), 'answer.endorse', mine)).toBe(false);
    expect(can(actor('physician'), 'answer.endorse', theirs)).toBe(false);
    expect(can(actor('moderator'), 'answer.endorse', theirs)).toBe(false);
    expect(can(actor('patient'), 'answer.vote', theirs)).toBe(true);
    expect(can(actor('patient'), 'answer.vote', mine)).toBe(false);
  });

  it('lets staff pin any thread and verified physicians pin their own', () => {
    expect(can(actor('moderator'), 'thread.pin', theirs)).toBe(true);
    expect(can(actor('physician', true), 'thread.pin', mine)).toBe(true);
    expect(can(actor('physician', true), 'thread.pin', theirs)).toBe(false);
    expect(can(actor('patient'), 'thread.pin', mine)).toBe(false);
  });

  it('stops a muted user writing but not reading, and says until when', () => {
    const muted = actor('patient', false, new Date(Date.now() + 60_000));
    expect(can(muted, 'content.create')).toBe(false);
    expect(can(muted, 'answer.vote', theirs)).toBe(false);
    expect(can(muted, 'content.read_hidden', mine)).toBe(true);
    expect(() => assertCan(muted, 'content.create')).toThrow(/muted until/);
    expect(can(actor('patient', false, new Date(Date.now() - 1)), 'content.create')).toBe(true);
  });

  it('throws a 403 when the actor may not act', () => {
    expect(() => assertCan(actor('patient'), 'audit.read')).toThrow(ForbiddenException);
  });
  describe('chat rooms', () => {
    const room = (visibility: 'public' | 'private', authorId: string, member: boolean) => ({ visibility, authorId, member });

    it('lets any signed-in user read a public room, and only members, its owner and staff a private one', () => {
      expect(can(actor('patient'), 'room.read', room('public', 'u2', false))).toBe(true);
      expect(can(actor('patient'), 'room.read', room('private', 'u2', false))).toBe(false);
      expect(can(actor('patient'), 'room.read', room('private', 'u2', true))).toBe(true);
      expect(can(actor('patient'), 'room.read', room('private', 'u1', false))).toBe(true);
      expect(can(actor('moderator'), 'room.read', room('private', 'u2', false))).toBe(true);
      expect(can(actor('patient'), 'room.read', theirs)).toBe(false);
    });

    it('lets only the owner and staff manage a room', () => {
      expect(can(actor('patient'), 'room.manage', room('private', 'u1', true))).toBe(true);
      expect(can(actor('patient'), 'room.manage', room('public', 'u2', true))).toBe(false);
      expect(can(actor('physician', true), 'room.manage', room('public', 'u2', true))).toBe(false);
      expect(can(actor('moderator'), 'room.manage', room('private', 'u2', false))).toBe(true);
    });

    it('lets only verified physicians host a room, and a muted user neither create nor post', () => {
      expect(can(actor('physician', true), 'room.host')).toBe(true);
      expect(can(actor('physician'), 'room.host')).toBe(false);
      expect(can(actor('moderator'), 'room.host')).toBe(false);
      const muted = actor('patient', false, new Date(Date.now() + 60_000));
      expect(can(muted, 'room.create')).toBe(false);
      expect(can(muted, 'room.post', room('public', 'u2', false))).toBe(false);
      expect(can(muted, 'room.read', room('public', 'u2', false))).toBe(true);
    });
  });
});
