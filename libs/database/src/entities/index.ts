import { AuditEntryEntity } from './audit-entry.entity';
import { PhysicianVerificationEntity } from './physician-verification.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';

export * from './audit-entry.entity';
export * from './physician-verification.entity';
export * from './refresh-token.entity';
export * from './user.entity';

export const ENTITIES = [UserEntity, RefreshTokenEntity, PhysicianVerificationEntity, AuditEntryEntity];
