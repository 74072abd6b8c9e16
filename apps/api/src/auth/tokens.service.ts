import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { RefreshTokenEntity, UserEntity } from '@asclepia/database';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, IsNull, Repository } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { AuditService } from '../audit/audit.service';
import type { TokenPairDto } from './dto/auth.dto';
import { assertNotSuspended, isSuspended, type AccessTokenClaims } from './jwt.strategy';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * `<row id>.<secret>`: the id finds the row, the secret proves possession; only its hash is stored.
 * The id must be a well-formed UUID: anything looser reaches PostgreSQL's uuid cast and becomes a 500.
 */
const REFRESH_TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

class RefreshRejected extends UnauthorizedException {
  constructor() {
    super('Refresh token is not valid');
  }
}

@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Signs in: a new family of refresh tokens. */
  issue(user: UserEntity): Promise<TokenPairDto> {
    assertNotSuspended(user);
    return this.dataSource.transaction(async (manager) => {
      const refreshToken = await this.storeRefreshToken(manager.getRepository(RefreshTokenEntity), user.id, randomUUID());
      return this.pair(user.id, refreshToken);
    });
  }

  /**
   * Single-use rotation. A token presented twice means someone else holds a copy,
   * so the whole family dies and the event is audited.
   */
  async rotate(presented: string): Promise<{ userId: string; pair: TokenPairDto }> {
    const parsed = REFRESH_TOKEN.exec(presented);
    if (!parsed) throw new RefreshRejected();
    const [, id, secret] = parsed;

    const outcome = await this.dataSource.transaction(async (manager) => {
      const tokens = manager.getRepository(RefreshTokenEntity);
      const row = await tokens.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row || !timingSafeEqual(Buffer.from(row.tokenHash), Buffer.from(sha256(secret)))) return { kind: 'invalid' as const };
      // Revoked but never rotated: a logged-out session. Dead, but nobody replayed anything.
      if (row.revokedAt && !row.usedAt) return { kind: 'invalid' as const };
      if (row.usedAt) {
        const { affected } = await tokens.update({ familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        await this.audit.record(
          {
            actorId: row.userId,
            action: 'auth.refresh_token_reused',
            targetType: 'user',
            targetId: row.userId,
            details: { familyId: row.familyId, tokensRevoked: affected ?? 0 },
          },
          manager,
        );
        return { kind: 'reused' as const };
      }
      if (row.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' as const };
      // Suspended: refused, but the token is left unused so the session resumes when the suspension ends.
      const owner = await manager.findOneBy(UserEntity, { id: row.userId });
      if (owner && isSuspended(owner)) return { kind: 'suspended' as const, owner };
      await tokens.update({ id: row.id }, { usedAt: new Date() });
      const next = await this.storeRefreshToken(tokens, row.userId, row.familyId);
      return { kind: 'rotated' as const, userId: row.userId, pair: await this.pair(row.userId, next) };
    });

    // The revocation above must commit, so the 401 is thrown only after the transaction.
    if (outcome.kind === 'suspended') assertNotSuspended(outcome.owner);
    if (outcome.kind !== 'rotated') throw new RefreshRejected();
    return { userId: outcome.userId, pair: outcome.pair };
  }

  /** Ends the session the token belongs to (its whole family), if it is the caller's. */
  async revokeFamily(userId: string, presented: string): Promise<void> {
    const parsed = REFRESH_TOKEN.exec(presented);
    if (!parsed) return;
    const repository = this.dataSource.getRepository(RefreshTokenEntity);
    const row = await repository.findOneBy({ id: parsed[1], userId });
    if (!row || !timingSafeEqual(Buffer.from(row.tokenHash), Buffer.from(sha256(parsed[2])))) return;
    await repository.update({ familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async storeRefreshToken(
    repository: Repository<RefreshTokenEntity>,
    userId: string,
    familyId: string,
  ): Promise<string> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const ttlMs = this.config.REFRESH_TOKEN_TTL_DAYS * 24 * 3600 * 1000;
    await repository.insert({ id, userId, familyId, tokenHash: sha256(secret), expiresAt: new Date(Date.now() + ttlMs) });
    return `${id}.${secret}`;
  }

  private async pair(userId: string, refreshToken: string): Promise<TokenPairDto> {
    const claims: AccessTokenClaims = { sub: userId, typ: 'access' };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, refreshToken, expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS };
  }
}
