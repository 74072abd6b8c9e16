import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUniqueViolation, PhysicianVerificationEntity, UserEntity, type VerificationStatus } from '@asclepia/database';
import { DataSource } from 'typeorm';
import { assertCan, type Actor } from '../access/access-policy';
import { AuditService } from '../audit/audit.service';
import {
  VerificationMapper,
  type ApplicationStatusDto,
  type ApplyForVerificationDto,
  type VerificationDto,
  type VerificationPageDto,
} from './dto/verification.dto';
import { CURSOR_TIMESTAMP_SQL, TimeCursor } from '../common/http/time-cursor';

type Decision = { kind: 'approve'; reason?: string } | { kind: 'reject'; reason: string };

@Injectable()
export class PhysiciansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** One pending application at a time; a rejected physician may apply again. */
  async apply(actor: Actor, dto: ApplyForVerificationDto): Promise<ApplicationStatusDto> {
    assertCan(actor, 'verification.apply');
    const repository = this.dataSource.getRepository(PhysicianVerificationEntity);
    try {
      const row = await repository.save(repository.create({ ...dto, userId: actor.id, status: 'pending' }));
      return VerificationMapper.toApplicant(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException('You already have an application waiting for review');
      throw error;
    }
  }

  /** Oldest first — a queue — keyset-paginated on (createdAt, id), which the status index serves. */
  async list(actor: Actor, status: VerificationStatus, limit: number, cursor?: string): Promise<VerificationPageDto> {
    assertCan(actor, 'verification.review');
    const after = cursor ? TimeCursor.decode(cursor) : undefined;
    const query = this.dataSource
      .getRepository(PhysicianVerificationEntity)
      .createQueryBuilder('v')
      .innerJoinAndSelect('v.user', 'u')
      .addSelect(CURSOR_TIMESTAMP_SQL('v.created_at'), 'cursor_created_at')
      .where('v.status = :status', { status })
      .orderBy('v.createdAt', 'ASC')
      .addOrderBy('v.id', 'ASC')
      // Each application has exactly one user, so LIMIT counts applications (no DISTINCT sub-query needed).
      .limit(limit + 1);
    if (after) {
      query.andWhere('(v.created_at, v.id) > (CAST(:createdAt AS timestamptz), CAST(:id AS uuid))', { createdAt: after.createdAt, id: after.id });
    }
    const { entities, raw } = await query.getRawAndEntities<{ v_id: string; cursor_created_at: string }>();
    const rows = entities as Array<PhysicianVerificationEntity & { user: UserEntity }>;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const lastKey = last && raw.find((r) => r.v_id === last.id);
    return {
      items: page.map((row) => VerificationMapper.toModerator(row)),
      nextCursor: rows.length > limit && lastKey ? TimeCursor.encode({ createdAt: lastKey.cursor_created_at, id: last.id }) : null,
    };
  }

  /** Approving makes the public badge appear ("Verified physician · Cardiology"); both outcomes are audited. */
  decide(actor: Actor, id: string, decision: Decision): Promise<VerificationDto> {
    assertCan(actor, 'verification.review');
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(PhysicianVerificationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundException('Verification not found');
      if (row.status !== 'pending') throw new ConflictException(`This application was already ${row.status}`);
      const user = await manager.findOneOrFail(UserEntity, { where: { id: row.userId }, lock: { mode: 'pessimistic_write' } });

      row.status = decision.kind === 'approve' ? 'approved' : 'rejected';
      row.reason = decision.reason ?? null;
      row.decidedBy = actor.id;
      row.decidedAt = new Date();
      await manager.save(row);
      if (decision.kind === 'approve') {
        user.verifiedAt = row.decidedAt;
        user.specialty = row.specialty;
        await manager.save(user);
      }
      await this.audit.record(
        {
          actorId: actor.id,
          action: decision.kind === 'approve' ? 'verification.approved' : 'verification.rejected',
          targetType: 'physician_verification',
          targetId: row.id,
          details: { userId: user.id, reason: row.reason },
        },
        manager,
      );
      return VerificationMapper.toModerator(Object.assign(row, { user }));
    });
  }
}
