import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import type { ReportEntity } from '@asclepia/database';

/** What can be reported; chat messages are reported through the chat, not here. */
export const REPORTABLE = ['question', 'answer', 'thread', 'post'] as const;
export type ReportableKind = (typeof REPORTABLE)[number];

export class CreateReportDto {
  @ApiProperty({ enum: REPORTABLE })
  @IsIn(REPORTABLE)
  targetType!: ReportableKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  targetId!: string;

  @ApiProperty({ minLength: 1, maxLength: 500, description: 'Read by moderators only' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class ReportDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: REPORTABLE }) targetType!: ReportableKind;
  @ApiProperty() targetId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() createdAt!: string;
}

export const ReportMapper = {
  toDto(row: ReportEntity, targetType: ReportableKind): ReportDto {
    return { id: row.id, targetType, targetId: row.contentId, reason: row.reason, createdAt: row.createdAt.toISOString() };
  },
};
