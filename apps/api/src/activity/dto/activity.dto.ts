import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ContentEntity, UserEntity } from '@asclepia/database';
import type { Actor } from '../../access/access-policy';
import { ContentDto, ContentMapper } from '../../content/dto/content.dto';

/** The kinds a user's activity lists; chat messages stay in their rooms (some rooms are private). */
export const ACTIVITY_KINDS = ['question', 'answer', 'thread', 'post'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export class ActivityItemDto extends ContentDto {
  @ApiProperty({ enum: ACTIVITY_KINDS }) type!: ActivityKind;
  @ApiPropertyOptional({ description: 'Questions and threads' }) title?: string;
  @ApiPropertyOptional({ description: 'Answers: the question they answer' }) questionId?: string;
  @ApiPropertyOptional({ description: 'Posts: the thread they belong to' }) threadId?: string;
}

export class ActivityPageDto {
  @ApiProperty({ type: [ActivityItemDto] }) items!: ActivityItemDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export const ActivityMapper = {
  /**
   * Through the shared content mapper, so the author and the moderation outcome show exactly as
   * elsewhere. A child links to its parent by id only: the parent's title could belong to content
   * the viewer may not see.
   */
  toItem(row: ContentEntity & { kind: ActivityKind }, author: UserEntity, viewer: Actor | null): ActivityItemDto {
    const item: ActivityItemDto = Object.assign({ type: row.kind }, ContentMapper.base(row, author, viewer));
    if (row.title !== null && (row.kind === 'question' || row.kind === 'thread')) item.title = row.title;
    if (row.kind === 'answer' && row.parentId) item.questionId = row.parentId;
    if (row.kind === 'post' && row.parentId) item.threadId = row.parentId;
    return item;
  },
};
