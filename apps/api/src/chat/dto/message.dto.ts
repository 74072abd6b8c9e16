import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Length, Matches } from 'class-validator';
import type { ContentEntity, UserEntity } from '@asclepia/database';
import type { Actor } from '../../access/access-policy';
import { ContentDto, ContentMapper } from '../../content/dto/content.dto';

export const MAX_MESSAGE_LENGTH = 2000;

export class RoomRefDto {
  @IsUUID() roomId!: string;
}

export class SendMessageDto {
  @IsUUID() roomId!: string;

  @IsString()
  @Length(1, MAX_MESSAGE_LENGTH)
  body!: string;

  /** The client's idempotency key: a retry with the same key returns the first result. */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'clientMsgId must be 1–64 letters, digits, "-" or "_"' })
  clientMsgId!: string;
}

export class EditMessageDto {
  @ApiProperty({ minLength: 1, maxLength: MAX_MESSAGE_LENGTH })
  @IsString()
  @Length(1, MAX_MESSAGE_LENGTH)
  body!: string;
}

export class ChatMessageDto extends ContentDto {
  @ApiProperty() roomId!: string;
  @ApiPropertyOptional({ description: "The sender's idempotency key; only the sender sees it" })
  clientMsgId?: string;
}

export class MessagePageDto {
  @ApiProperty({ type: [ChatMessageDto] }) items!: ChatMessageDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

/**
 * Chat messages are content objects (ContentMapper.base) plus their room. The client's key goes
 * only to its author: it is free text the pipeline never reviewed, so it is never broadcast.
 */
export const ChatMessageMapper = {
  toDto(row: ContentEntity, author: UserEntity, viewer: Actor | null): ChatMessageDto {
    const dto: ChatMessageDto = Object.assign(ContentMapper.base(row, author, viewer), { roomId: row.roomId as string });
    if (viewer?.id === row.authorId && row.clientMsgId) dto.clientMsgId = row.clientMsgId;
    return dto;
  },
};
