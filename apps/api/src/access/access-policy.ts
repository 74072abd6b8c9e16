import { ForbiddenException } from '@nestjs/common';
import type { UserRole } from '@asclepia/database';

/** Who is acting. Built from the verified access token; never from request bodies. */
export interface Actor {
  id: string;
  role: UserRole;
  /** A physician whose registration a moderator approved. */
  verified: boolean;
  /** A moderator's mute: while in the future, the actor may read but not write. */
  mutedUntil: Date | null;
}

/** Content as the policy sees it: who wrote it. */
export interface Authored {
  authorId: string;
}

/** A chat room as the policy sees it: `authorId` is its owner; `member` whether the actor belongs to it. */
export interface RoomResource extends Authored {
  visibility: 'public' | 'private';
  member: boolean;
}

export type Action =
  | 'role.grant'
  | 'verification.apply'
  | 'verification.review'
  | 'audit.read'
  | 'content.create'
  | 'content.edit'
  | 'content.remove'
  | 'content.read_hidden'
  | 'content.see_anonymous_author'
  | 'answer.accept'
  | 'answer.vote'
  | 'answer.endorse'
  | 'thread.pin'
  | 'report.create'
  | 'queue.read'
  | 'queue.decide'
  | 'sanction.manage'
  | 'room.create'
  | 'room.host'
  | 'room.read'
  | 'room.post'
  | 'room.manage';

/** Actions that write what other users see: a muted actor may do none of them. */
const WRITES: ReadonlySet<Action> = new Set<Action>([
  'content.create',
  'content.edit',
  'answer.accept',
  'answer.vote',
  'answer.endorse',
  'thread.pin',
  'report.create',
  'room.create',
  'room.host',
  'room.post',
]);

const RANK: Record<UserRole, number> = { patient: 0, physician: 0, moderator: 1, admin: 2 };

export const isStaff = (actor: Actor) => RANK[actor.role] >= RANK.moderator;

export const isMuted = (actor: Actor, now = new Date()) => actor.mutedUntil !== null && actor.mutedUntil > now;

const owns = (actor: Actor, resource: Authored | undefined) => resource !== undefined && resource.authorId === actor.id;

const isRoom = (resource: Authored | undefined): resource is RoomResource => resource !== undefined && 'visibility' in resource;

/** Public rooms are open to every signed-in user; private rooms to members. Moderators see every room. */
const readsRoom = (actor: Actor, resource: Authored | undefined) =>
  isRoom(resource) && (resource.visibility === 'public' || resource.member || owns(actor, resource) || isStaff(actor));

/**
 * The one place that decides who may do what (STYLE.md rule 3). Services call `assertCan` first;
 * nothing else branches on roles for permission. `resource` is the content acted on, where the
 * answer depends on who wrote it (for `answer.accept`, the question).
 */
export function can(actor: Actor, action: Action, resource?: Authored | RoomResource): boolean {
  if (WRITES.has(action) && isMuted(actor)) return false;
  switch (action) {
    case 'role.grant':
      return actor.role === 'admin';
    case 'verification.apply':
      return actor.role === 'physician' && !actor.verified;
    case 'verification.review':
    case 'audit.read':
    case 'content.see_anonymous_author':
    case 'queue.read':
    case 'queue.decide':
    case 'sanction.manage':
      return isStaff(actor);
    case 'content.create':
    case 'report.create':
      return true;
    case 'content.edit':
    case 'answer.accept':
      return owns(actor, resource);
    case 'content.remove':
    case 'content.read_hidden':
      return owns(actor, resource) || isStaff(actor);
    case 'answer.vote':
      return !owns(actor, resource);
    case 'answer.endorse':
      return actor.role === 'physician' && actor.verified && !owns(actor, resource);
    case 'thread.pin':
      return isStaff(actor) || (actor.role === 'physician' && actor.verified && owns(actor, resource));
    case 'room.create':
      return true;
    case 'room.host':
      return actor.role === 'physician' && actor.verified;
    case 'room.read':
    case 'room.post':
      return readsRoom(actor, resource);
    case 'room.manage':
      return isRoom(resource) && (owns(actor, resource) || isStaff(actor));
    default: {
      const unknownAction: never = action;
      throw new Error(`unhandled action ${String(unknownAction)}`);
    }
  }
}

export function assertCan(actor: Actor, action: Action, resource?: Authored | RoomResource): void {
  if (can(actor, action, resource)) return;
  if (WRITES.has(action) && isMuted(actor)) {
    throw new ForbiddenException(`You are muted until ${actor.mutedUntil?.toISOString()}; you can read but not post`);
  }
  throw new ForbiddenException('You are not allowed to do that');
}
