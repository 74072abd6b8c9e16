import { ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { isUUID } from 'class-validator';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Actor } from '../access/access-policy';
import { jwtKey, RUNTIME, type Runtime } from '../config/runtime';
import { UsersService } from '../users/users.service';

export interface AccessTokenClaims {
  sub: string;
  typ: 'access';
}

/**
 * A moderator's suspension: no token is issued to, or accepted from, the user until it ends. A 403,
 * not a 401: the credentials are fine, and the client should not loop on refreshing them.
 */
export function isSuspended(user: { suspendedUntil: Date | null }, now = new Date()): boolean {
  return user.suspendedUntil !== null && user.suspendedUntil > now;
}

export function assertNotSuspended(user: { suspendedUntil: Date | null }, now = new Date()): void {
  if (isSuspended(user, now)) throw new ForbiddenException(`Your account is suspended until ${user.suspendedUntil?.toISOString()}`);
}

/**
 * Verifies HS256 only — `alg: none` and algorithm-confusion tokens are refused
 * (https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html).
 * The user is re-read on each request so a role change or deletion takes effect at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(RUNTIME) runtime: Runtime,
    private readonly users: UsersService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // passport-jwt hands the key to jsonwebtoken as is, which takes a KeyObject; only its types say string | Buffer.
      secretOrKey: jwtKey(runtime) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: 'asclepia',
      audience: 'asclepia-api',
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Actor> {
    // A non-UUID subject would fail PostgreSQL's uuid cast (a 500), so it is refused here as a bad token.
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || !isUUID(claims.sub)) throw new UnauthorizedException();
    const user = await this.users.findById(claims.sub);
    if (!user) throw new UnauthorizedException();
    assertNotSuspended(user);
    return { id: user.id, role: user.role, verified: user.verifiedAt !== null, mutedUntil: user.mutedUntil };
  }
}
