import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { isUUID } from 'class-validator';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Actor } from '../access/access-policy';
import { RUNTIME, type Runtime } from '../config/runtime';
import { UsersService } from '../users/users.service';

export interface AccessTokenClaims {
  sub: string;
  typ: 'access';
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
      secretOrKey: runtime.jwtSecret,
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
    return { id: user.id, role: user.role, verified: user.verifiedAt !== null, mutedUntil: user.mutedUntil };
  }
}
