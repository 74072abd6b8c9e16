import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { SANCTION_KINDS, type SanctionEntity, type SanctionKind } from '@asclepia/database';
import { MAX_SANCTION_HOURS } from '../sanction-rules';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateSanctionDto {
  @ApiProperty({ enum: SANCTION_KINDS, description: 'mute: may read but not write; suspend: may not sign in or use the API' })
  @IsIn(SANCTION_KINDS)
  kind!: SanctionKind;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SANCTION_HOURS, description: 'Give this or `until`' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SANCTION_HOURS)
  durationHours?: number;

  @ApiPropertyOptional({ description: 'ISO-8601 end time; give this or `durationHours`' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  until?: string;

  @ApiProperty({ minLength: 1, maxLength: 500 })
  @Transform(trim)
  @IsString()
  @Length(1, 500, { message: 'reason must say why, in 1 to 500 characters' })
  reason!: string;
}

export class SanctionDto {
  @ApiProperty() id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: SANCTION_KINDS }) kind!: SanctionKind;
  @ApiProperty() reason!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedBy!: string | null;
  @ApiProperty({ description: 'Not revoked and not yet ended' }) active!: boolean;
}

export class SanctionPageDto {
  @ApiProperty({ type: [SanctionDto] }) items!: SanctionDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export const SanctionMapper = {
  toDto(row: SanctionEntity, now = new Date()): SanctionDto {
    return {
      id: row.id,
      userId: row.userId,
      kind: row.kind,
      reason: row.reason,
      endsAt: row.endsAt.toISOString(),
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
      revokedAt: row.revokedAt ? row.revokedAt.toISOString() : null,
      revokedBy: row.revokedBy,
      active: row.revokedAt === null && row.endsAt > now,
    };
  },
};
