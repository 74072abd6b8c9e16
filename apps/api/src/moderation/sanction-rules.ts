import { BadRequestException } from '@nestjs/common';
import type { UserRole } from '@asclepia/database';
import { isStaff, type Actor } from '../access/access-policy';

/** A year: long enough for any sanction a moderator should hand out without an admin deciding more. */
export const MAX_SANCTION_HOURS = 8760;

export interface SanctionLength {
  durationHours?: number;
  until?: string;
}

/** When a sanction ends: exactly one of `durationHours` or `until`, in the future and at most a year ahead. */
export function sanctionEnd(length: SanctionLength, now = new Date()): Date {
  const hasDuration = length.durationHours !== undefined;
  const hasUntil = length.until !== undefined;
  if (hasDuration === hasUntil) throw new BadRequestException('Give exactly one of durationHours or until');
  const latest = now.getTime() + MAX_SANCTION_HOURS * 3_600_000;
  if (hasDuration) return new Date(now.getTime() + (length.durationHours as number) * 3_600_000);
  const until = new Date(length.until as string);
  if (Number.isNaN(until.getTime()) || until <= now) throw new BadRequestException('until must be a time in the future');
  if (until.getTime() > latest) throw new BadRequestException(`until must be at most ${MAX_SANCTION_HOURS} hours ahead`);
  return until;
}

/**
 * Moderators sanction users; only an admin may sanction staff (so moderators cannot silence each
 * other), and nobody sanctions themselves. The access policy's `sanction.manage` says who may
 * sanction at all; this says whom.
 */
export function maySanction(actor: Actor, target: { id: string; role: UserRole }): boolean {
  if (target.id === actor.id) return false;
  const targetIsStaff = isStaff({ id: target.id, role: target.role, verified: false, mutedUntil: null });
  return !targetIsStaff || actor.role === 'admin';
}
