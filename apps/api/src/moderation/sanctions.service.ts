import { ConflictException, ForbiddenException, Injectable, NotFoundException, Optional } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { SanctionEntity, UserEntity, type SanctionKind } from '@asclepia/database';
import { DataSource, EntityManager } from 'typeorm';
import { assertCan, type Actor } from '../access/access-policy';
import { AuditService } from '../audit/audit.service';
import { USER_ACCESS_CHANGED, type UserAccessChangedEvent } from '../auth/session-events';
import { CURSOR_TIMESTAMP_SQL, TimeCursor } from '../common/http/time-cursor';
import { SanctionMapper, type CreateSanctionDto, type SanctionDto, type SanctionPageDto } from './dto/sanction.dto';
import { maySanction, sanctionEnd } from './sanction-rules';

const latestActive = (kind: SanctionKind) =>
  `(SELECT max(s.ends_at) FROM sanctions s WHERE s.user_id = $1 AND s.kind = '${kind}' AND s.revoked_at IS NULL AND s.ends_at > now())`;

/** Both effects at once: cheaper than asking which kind changed, and it repairs any drift. */
const RECOMPUTE_EFFECTS_SQL = `UPDATE users SET muted_until = ${latestActive('mute')}, suspended_until = ${latestActive('suspend')} WHERE id = $1`;

/**
 * Mutes and suspensions. The history lives in `sanctions`; `users.muted_until` and
 * `suspended_until` are kept equal to the latest end among a user's active sanctions of each kind,
 * in the same transaction, because that is what the request path (JwtStrategy, the access policy) reads.
 */
@Injectable()
export class SanctionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Optional() private readonly events?: EventEmitter2,
  ) {}

  /** A suspension also ends the user's live sessions (chat sockets) once it has committed. */
  async create(actor: Actor, userId: string, dto: CreateSanctionDto): Promise<SanctionDto> {
    const sanction = await this.store(actor, userId, dto);
    if (sanction.kind === 'suspend') {
      const event: UserAccessChangedEvent = { userId, reason: 'suspended' };
      this.events?.emit(USER_ACCESS_CHANGED, event);
    }
    return sanction;
  }

  private store(actor: Actor, userId: string, dto: CreateSanctionDto): Promise<SanctionDto> {
    assertCan(actor, 'sanction.manage');
    const endsAt = sanctionEnd(dto);
    return this.dataSource.transaction(async (m) => {
      await this.lockTarget(m, actor, userId);
      const repository = m.getRepository(SanctionEntity);
      const row = await repository.save(
        repository.create({ userId, kind: dto.kind, reason: dto.reason, endsAt, createdBy: actor.id, revokedAt: null, revokedBy: null }),
      );
      await this.recompute(m, userId);
      await this.audit.record(
        { actorId: actor.id, action: 'sanction.created', targetType: 'user', targetId: userId, details: { sanctionId: row.id, kind: row.kind, endsAt: row.endsAt.toISOString(), reason: row.reason } },
        m,
      );
      return SanctionMapper.toDto(row);
    });
  }

  /** Newest first, keyset on (created_at, id). */
  async list(actor: Actor, userId: string, limit: number, cursor?: string): Promise<SanctionPageDto> {
    assertCan(actor, 'sanction.manage');
    const before = cursor ? TimeCursor.decode(cursor) : undefined;
    if (!(await this.dataSource.getRepository(UserEntity).existsBy({ id: userId }))) throw new NotFoundException('User not found');
    const query = this.dataSource
      .getRepository(SanctionEntity)
      .createQueryBuilder('s')
      .addSelect(CURSOR_TIMESTAMP_SQL('s.created_at'), 'cursor_created_at')
      .where('s.user_id = :userId', { userId })
      .orderBy('s.createdAt', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(limit + 1);
    if (before) query.andWhere('(s.created_at, s.id) < (CAST(:createdAt AS timestamptz), CAST(:id AS uuid))', before);
    const { entities, raw } = await query.getRawAndEntities<{ s_id: string; cursor_created_at: string }>();
    const page = entities.slice(0, limit);
    const last = page[page.length - 1];
    const lastKey = last && raw.find((r) => r.s_id === last.id);
    return {
      items: page.map((row) => SanctionMapper.toDto(row)),
      nextCursor: entities.length > limit && lastKey ? TimeCursor.encode({ createdAt: lastKey.cursor_created_at, id: last.id }) : null,
    };
  }

  /** Ends a sanction early; the user's effective mute or suspension falls back to any other active one. */
  revoke(actor: Actor, sanctionId: string): Promise<SanctionDto> {
    assertCan(actor, 'sanction.manage');
    return this.dataSource.transaction(async (m) => {
      const peek = await m.findOne(SanctionEntity, { where: { id: sanctionId } });
      if (!peek) throw new NotFoundException('Sanction not found');
      // The user row first, as `create` locks it, so the two never wait on each other in opposite order.
      await this.lockTarget(m, actor, peek.userId);
      const row = await m.findOneOrFail(SanctionEntity, { where: { id: sanctionId }, lock: { mode: 'pessimistic_write' } });
      if (row.revokedAt) throw new ConflictException('This sanction has already been revoked');
      row.revokedAt = new Date();
      row.revokedBy = actor.id;
      await m.save(row);
      await this.recompute(m, row.userId);
      await this.audit.record(
        { actorId: actor.id, action: 'sanction.revoked', targetType: 'user', targetId: row.userId, details: { sanctionId: row.id, kind: row.kind } },
        m,
      );
      return SanctionMapper.toDto(row);
    });
  }

  private async lockTarget(m: EntityManager, actor: Actor, userId: string): Promise<UserEntity> {
    const target = await m.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    if (!target) throw new NotFoundException('User not found');
    if (!maySanction(actor, target)) throw new ForbiddenException('Only an admin may sanction staff, and nobody may sanction themselves');
    return target;
  }

  private async recompute(m: EntityManager, userId: string): Promise<void> {
    await m.query(RECOMPUTE_EFFECTS_SQL, [userId]);
  }
}
