import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { USER_ROLES, type PhysicianVerificationEntity, type UserEntity, type UserRole } from '@asclepia/database';

export class PhysicianStatusDto {
  @ApiProperty({ enum: ['unverified', 'pending', 'approved', 'rejected'] })
  status!: 'unverified' | 'pending' | 'approved' | 'rejected';
  @ApiProperty({ nullable: true, type: String }) specialty!: string | null;
  @ApiPropertyOptional({ description: "The moderator's reason, when the latest application was rejected" })
  reason?: string;
}

/** The signed-in user's own view of their account (never shown to others: it has the e-mail). */
export class UserDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() handle!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty({ type: PhysicianStatusDto, nullable: true }) physician!: PhysicianStatusDto | null;
}

/** How other users see an author: pseudonym, role and the public half of verification. */
export class PublicUserDto {
  @ApiProperty() id!: string;
  @ApiProperty() handle!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty() verified!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Only for verified physicians' }) specialty!: string | null;
}

export const GRANTABLE_ROLES = ['patient', 'physician', 'moderator', 'admin'] as const;

export class GrantRoleDto {
  @ApiProperty({ enum: GRANTABLE_ROLES })
  @IsIn(GRANTABLE_ROLES)
  role!: UserRole;
}

/** The one mapper from user entities to what leaves the API (STYLE.md rule 5). */
export const UserMapper = {
  toSelf(user: UserEntity, latest: PhysicianVerificationEntity | null): UserDto {
    return {
      id: user.id,
      email: user.email,
      handle: user.handle,
      role: user.role,
      physician: user.role === 'physician' ? UserMapper.physicianStatus(user, latest) : null,
    };
  },

  physicianStatus(user: UserEntity, latest: PhysicianVerificationEntity | null): PhysicianStatusDto {
    if (user.verifiedAt) return { status: 'approved', specialty: user.specialty };
    if (!latest) return { status: 'unverified', specialty: null };
    if (latest.status === 'rejected') return { status: 'rejected', specialty: latest.specialty, reason: latest.reason ?? '' };
    return { status: latest.status, specialty: latest.specialty };
  },

  toPublic(user: UserEntity): PublicUserDto {
    const verified = user.verifiedAt !== null;
    return { id: user.id, handle: user.handle, role: user.role, verified, specialty: verified ? user.specialty : null };
  },
};
