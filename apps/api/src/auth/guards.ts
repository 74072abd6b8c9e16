import { BadRequestException, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { LoginDto } from './dto/auth.dto';
import { IS_OPTIONAL_AUTH, IS_PUBLIC } from './public.decorator';

/**
 * Global: every route needs a bearer token unless marked @Public() (token ignored) or
 * @OptionalAuth() (visitors welcome, but a token that is sent is checked: an author sees their own
 * held content, a moderator an anonymous author; a bad token is a 401, not a silent downgrade).
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const optional = this.reflector.getAllAndOverride<boolean>(IS_OPTIONAL_AUTH, targets);
    if (optional && !context.switchToHttp().getRequest<FastifyRequest>().headers.authorization) return true;
    return super.canActivate(context);
  }
}

/**
 * Guards run before pipes, so the login body is validated here first: a malformed or
 * over-posted login is a 400, not a failed login.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const dto = plainToInstance(LoginDto, request.body ?? {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      throw new BadRequestException(errors.flatMap((e) => Object.values(e.constraints ?? {})));
    }
    request.body = dto;
    return (await super.canActivate(context)) as boolean;
  }
}
