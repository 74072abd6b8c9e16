import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { VERIFICATION_STATUSES, type PhysicianVerificationEntity, type UserEntity, type VerificationStatus } from '@asclepia/database';
import { PageQueryDto } from '../../common/http/page-query.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A name in any script ("Obstetrics & Gynaecology", "Médecine générale"): letters first, no markup or digits. */
const NAME = /^\p{L}[\p{L}\p{M} .,'&()/-]*$/u;

export class ApplyForVerificationDto {
  @ApiProperty({ example: 'MCI-123456' })
  @Transform(trim)
  @IsString()
  @Length(3, 64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 /.-]*$/, { message: 'registrationNumber may use letters, digits, space, "/", "." and "-"' })
  registrationNumber!: string;

  @ApiProperty({ example: 'National Medical Commission' })
  @Transform(trim)
  @IsString()
  @Length(2, 120)
  @Matches(NAME, { message: 'council may use letters, spaces and . , \' & ( ) / -' })
  council!: string;

  /** Shown publicly next to the badge ("Verified physician · Cardiology"), so it is a name, not markup. */
  @ApiProperty({ example: 'Cardiology' })
  @Transform(trim)
  @IsString()
  @Length(2, 80)
  @Matches(NAME, { message: 'specialty may use letters, spaces and . , \' & ( ) / -' })
  specialty!: string;

  @ApiProperty({ example: 'IN', description: 'ISO 3166-1 alpha-2' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as IN or US' })
  country!: string;
}

export class VerificationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: VERIFICATION_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(VERIFICATION_STATUSES)
  status: VerificationStatus = 'pending';
}

export class DecisionDto {
  @ApiPropertyOptional({ description: 'Required when rejecting; shown to the applicant' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class RejectDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(3, 1000, { message: 'reason must say why, in 3 to 1000 characters' })
  reason!: string;
}

export class ApplicationStatusDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: VERIFICATION_STATUSES }) status!: VerificationStatus;
  @ApiProperty() specialty!: string;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty() createdAt!: string;
}

export class VerificationDto {
  @ApiProperty() id!: string;
  @ApiProperty() user!: { id: string; handle: string };
  @ApiProperty() registrationNumber!: string;
  @ApiProperty() council!: string;
  @ApiProperty() specialty!: string;
  @ApiProperty() country!: string;
  @ApiProperty({ enum: VERIFICATION_STATUSES }) status!: VerificationStatus;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
}

export class VerificationPageDto {
  @ApiProperty({ type: [VerificationDto] }) items!: VerificationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export const VerificationMapper = {
  /** What the applicant sees of their own application. */
  toApplicant(row: PhysicianVerificationEntity): ApplicationStatusDto {
    return { id: row.id, status: row.status, specialty: row.specialty, reason: row.reason, createdAt: row.createdAt.toISOString() };
  },

  /** Moderators only: the professional identity the public never sees. */
  toModerator(row: PhysicianVerificationEntity & { user: UserEntity }): VerificationDto {
    return {
      id: row.id,
      user: { id: row.user.id, handle: row.user.handle },
      registrationNumber: row.registrationNumber,
      council: row.council,
      specialty: row.specialty,
      country: row.country,
      status: row.status,
      reason: row.reason,
      createdAt: row.createdAt.toISOString(),
      decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    };
  },
};
