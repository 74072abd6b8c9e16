import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import type { NotificationEntity } from '@asclepia/database';

export class NotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'moderation.decision' }) type!: string;
  @ApiProperty({ description: 'Ids, outcomes and reasons; never content text' }) data!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) readAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], description: 'Omit to mark every notification read' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids?: string[];
}

export const NotificationMapper = {
  toDto(row: NotificationEntity): NotificationDto {
    return {
      id: row.id,
      type: row.type,
      data: row.data,
      readAt: row.readAt ? row.readAt.toISOString() : null,
      createdAt: row.createdAt.toISOString(),
    };
  },
};
