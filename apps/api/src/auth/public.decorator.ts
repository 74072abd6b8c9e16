import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/** Opens a route to visitors; every other route needs a valid access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const IS_OPTIONAL_AUTH = 'isOptionalAuth';

/** Open to visitors; a bearer token, when sent, is verified and read with `@OptionalActor()`. */
export const OptionalAuth = () => SetMetadata(IS_OPTIONAL_AUTH, true);
