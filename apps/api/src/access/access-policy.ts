import { ForbiddenException } from '@nestjs/common';
import type { UserRole } from '@asclepia/database';

/** Who is acting. Built from the verified access token; never from request bodies. */
export interface Actor {
  id: string;
  role: UserRole;
  /** A physician whose registration a moderator approved. */
  verified: boolean;
}

export type Action =
  | 'role.grant'
  | 'verification.apply'
  | 'verification.review'
  | 'audit.read';

const RANK: Record<UserRole, number> = { patient: 0, physician: 0, moderator: 1, admin: 2 };

const isStaff = (actor: Actor) => RANK[actor.role] >= RANK.moderator;

/**
 * The one place that decides who may do what (STYLE.md rule 3). Services call `assertCan` first;
 * nothing else branches on roles for permission.
 */
export function can(actor: Actor, action: Action): boolean {
  switch (action) {
    case 'role.grant':
      return actor.role === 'admin';
    case 'verification.apply':
      return actor.role === 'physician' && !actor.verified;
    case 'verification.review':
    case 'audit.read':
      return isStaff(actor);
    default: {
      const unknownAction: never = action;
      throw new Error(`unhandled action ${String(unknownAction)}`);
    }
  }
}

export function assertCan(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw new ForbiddenException('You are not allowed to do that');
}
