import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Locale } from '@asclepia/moderation';
import type { FastifyRequest } from 'fastify';

/**
 * The locale the pipeline words notices and disclaimers in (emergency numbers differ: 112/14416 in
 * India, 911/988 in the US). Read from Accept-Language; India is the default audience.
 */
export function localeOf(acceptLanguage: string | undefined): Locale {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en-us') ? 'en-US' : 'en-IN';
}

export const RequestLocale = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Locale => localeOf(context.switchToHttp().getRequest<FastifyRequest>().headers['accept-language']),
);
