import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';

/**
 * The throttler names its header after the limit that tripped (`Retry-After-ip`); clients and
 * proxies only know the standard `Retry-After` (RFC 9110 §10.2.3), so that is set too.
 */
@Injectable()
export class AuthThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.isBlocked ? detail.timeToBlockExpire : detail.timeToExpire));
    context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(seconds));
    return super.throwThrottlingException(context, detail);
  }
}
