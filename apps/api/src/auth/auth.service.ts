import { Injectable, Optional } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { UserEntity } from '@asclepia/database';
import type { Actor } from '../access/access-policy';
import { UsersService } from '../users/users.service';
import type { RegisterDto, SessionDto, TokenPairDto } from './dto/auth.dto';
import { PasswordHasher } from './password-hasher';
import { USER_ACCESS_CHANGED, type UserAccessChangedEvent } from './session-events';
import { TokensService } from './tokens.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokensService,
    @Optional() private readonly events?: EventEmitter2,
  ) {}

  async register(dto: RegisterDto): Promise<SessionDto> {
    const passwordHash = await this.hasher.hash(dto.password);
    const user = await this.users.create({ email: dto.email, handle: dto.handle, passwordHash, role: dto.role });
    return this.session(user);
  }

  /** Null on any mismatch; an unknown e-mail still costs one argon2 verification. */
  async checkCredentials(email: string, password: string): Promise<UserEntity | null> {
    const user = await this.users.findByEmail(email);
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    return ok && user ? user : null;
  }

  async session(user: UserEntity): Promise<SessionDto> {
    const [pair, self] = await Promise.all([this.tokens.issue(user), this.users.toSelf(user)]);
    return { user: self, ...pair };
  }

  async refresh(refreshToken: string): Promise<TokenPairDto> {
    const { pair } = await this.tokens.rotate(refreshToken);
    return pair;
  }

  async logout(actor: Actor, refreshToken: string): Promise<void> {
    await this.tokens.revokeFamily(actor.id, refreshToken);
    const event: UserAccessChangedEvent = { userId: actor.id, reason: 'logout' };
    this.events?.emit(USER_ACCESS_CHANGED, event);
  }
}
