import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { Actor } from '../access/access-policy';

/** The authenticated caller, as the JWT strategy resolved it. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
  if (!actor) throw new UnauthorizedException();
  return actor;
});

/** The caller on a public route: the actor when a valid token came with the request, else null (a visitor). */
export const OptionalActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor | null => context.switchToHttp().getRequest<{ user?: Actor }>().user ?? null,
);
