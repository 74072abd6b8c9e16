import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserEntity } from '@asclepia/database';
import type { Locale } from '@asclepia/moderation';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { isSuspended, type AccessTokenClaims } from '../auth/jwt.strategy';
import { ChatError } from './ws-ack';

/** What a socket carries about its user. Plain data: the Redis adapter serialises it for presence. */
export interface ChatSocketData {
  userId: string;
  handle: string;
  role: UserEntity['role'];
  verified: boolean;
  specialty: string | null;
  /** When the access token presented at the handshake expires (ms since epoch). */
  expiresAt: number;
  locale: Locale;
}

export type PresenceUser = Pick<ChatSocketData, 'handle' | 'role' | 'verified' | 'specialty'> & { id: string };

const actorOf = (user: UserEntity): Actor => ({ id: user.id, role: user.role, verified: user.verifiedAt !== null, mutedUntil: user.mutedUntil });

/**
 * The socket side of authentication: the handshake is checked as JwtStrategy checks a request
 * (HS256 only, issuer, audience, expiry, a live and unsuspended user), and the user is re-read
 * before each action that writes, so a mute or suspension counts at once.
 */
@Injectable()
export class ChatSessionsService {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async authenticate(token: unknown, locale: Locale): Promise<ChatSocketData> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) throw new ChatError('unauthorized');
    let claims: AccessTokenClaims & { exp?: number };
    try {
      claims = await this.jwt.verifyAsync(token, { algorithms: ['HS256'], issuer: 'asclepia', audience: 'asclepia-api' });
    } catch {
      throw new ChatError('unauthorized');
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || !isUUID(claims.sub) || typeof claims.exp !== 'number') throw new ChatError('unauthorized');
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: claims.sub });
    if (!user) throw new ChatError('unauthorized');
    if (isSuspended(user)) throw new ChatError('forbidden', 'suspended');
    const verified = user.verifiedAt !== null;
    return { userId: user.id, handle: user.handle, role: user.role, verified, specialty: verified ? user.specialty : null, expiresAt: claims.exp * 1000, locale };
  }

  /** The user as they are now; a deleted or suspended user, or an expired token, ends the session. */
  async current(data: ChatSocketData): Promise<{ actor: Actor; user: UserEntity }> {
    if (data.expiresAt <= Date.now()) throw new ChatError('unauthorized', 'token expired');
    return ChatSessionsService.check(data, await this.dataSource.getRepository(UserEntity).findOneBy({ id: data.userId }));
  }

  /** The checks of `current` on a user row already read (e.g. in one query with other rows); the token's expiry included. */
  static check(data: ChatSocketData, user: UserEntity | null): { actor: Actor; user: UserEntity } {
    if (data.expiresAt <= Date.now()) throw new ChatError('unauthorized', 'token expired');
    if (!user) throw new ChatError('unauthorized');
    if (isSuspended(user)) throw new ChatError('forbidden', 'suspended');
    if (user.role !== data.role) throw new ChatError('unauthorized', 'role changed');
    return { actor: actorOf(user), user };
  }

  /**
   * For each session, whether it must end now: user gone or suspended, role changed (the
   * client reconnects and gets its new rights), or token expired. One query for all of them.
   */
  async expired(sessions: ReadonlyArray<Pick<ChatSocketData, 'userId' | 'role' | 'expiresAt'>>): Promise<boolean[]> {
    const ids = [...new Set(sessions.map((s) => s.userId))];
    if (ids.length === 0) return [];
    // One array parameter and plain rows: with a thousand sockets, a thousand-placeholder IN list and
    // a thousand hydrated entities held the event loop for milliseconds every sweep.
    const rows = await this.dataSource.query<Array<{ id: string; role: UserEntity['role']; suspended_until: Date | null }>>(
      `SELECT id, role, suspended_until FROM users WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((u) => [u.id, u]));
    const now = Date.now();
    return sessions.map((s) => {
      const user = byId.get(s.userId);
      return !user || isSuspended({ suspendedUntil: user.suspended_until }) || user.role !== s.role || s.expiresAt <= now;
    });
  }
}
