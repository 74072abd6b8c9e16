import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { UserEntity } from '@asclepia/database';
import { Strategy } from 'passport-local';
import { AuthService } from './auth.service';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  async validate(email: string, password: string): Promise<UserEntity> {
    const user = await this.auth.checkCredentials(email, password);
    // One message whether the e-mail exists or not (OWASP Authentication Cheat Sheet).
    if (!user) throw new UnauthorizedException('E-mail or password is wrong');
    return user;
  }
}
