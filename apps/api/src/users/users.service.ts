import { ConflictException, Injectable, NotFoundException, Optional } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { isUniqueViolation, PhysicianVerificationEntity, UserEntity, type UserRole } from '@asclepia/database';
import { DataSource, Repository } from 'typeorm';
import { assertCan, type Actor } from '../access/access-policy';
import { AuditService } from '../audit/audit.service';
import { USER_ACCESS_CHANGED, type UserAccessChangedEvent } from '../auth/session-events';
import { UserMapper, type PublicUserDto, type UserDto } from './dto/user.dto';

export interface NewUser {
  email: string;
  handle: string;
  passwordHash: string;
  role: UserRole;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(PhysicianVerificationEntity) private readonly verifications: Repository<PhysicianVerificationEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Optional() private readonly events?: EventEmitter2,
  ) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: email.toLowerCase() });
  }

  /** 409 when the e-mail or the handle (case-insensitively) is taken; the message does not say which. */
  async create(input: NewUser): Promise<UserEntity> {
    try {
      return await this.users.save(
        this.users.create({
          email: input.email.toLowerCase(),
          handle: input.handle,
          handleKey: input.handle.toLowerCase(),
          passwordHash: input.passwordHash,
          role: input.role,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException('That e-mail or handle is already taken');
      throw error;
    }
  }

  async me(actor: Actor): Promise<UserDto> {
    const user = await this.users.findOneBy({ id: actor.id });
    if (!user) throw new NotFoundException('User not found');
    return this.toSelf(user);
  }

  async toSelf(user: UserEntity): Promise<UserDto> {
    const latest =
      user.role === 'physician'
        ? await this.verifications.findOne({ where: { userId: user.id }, order: { createdAt: 'DESC' } })
        : null;
    return UserMapper.toSelf(user, latest);
  }

  async publicProfile(id: string): Promise<PublicUserDto> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundException('User not found');
    return UserMapper.toPublic(user);
  }

  /** A changed role also ends the user's live sessions (chat sockets), once committed: they reconnect with the new one. */
  async grantRole(actor: Actor, userId: string, role: UserRole): Promise<PublicUserDto> {
    assertCan(actor, 'role.grant');
    const { user, changed } = await this.storeRole(actor, userId, role);
    if (changed) {
      const event: UserAccessChangedEvent = { userId, reason: 'role_changed' };
      this.events?.emit(USER_ACCESS_CHANGED, event);
    }
    return user;
  }

  private storeRole(actor: Actor, userId: string, role: UserRole): Promise<{ user: PublicUserDto; changed: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundException('User not found');
      const previous = user.role;
      user.role = role;
      await manager.save(user);
      await this.audit.record(
        { actorId: actor.id, action: 'user.role_granted', targetType: 'user', targetId: user.id, details: { from: previous, to: role } },
        manager,
      );
      return { user: UserMapper.toPublic(user), changed: previous !== role };
    });
  }
}
