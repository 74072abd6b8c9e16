import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import type { ContentEntity, ForumEntity, UserEntity } from '@asclepia/database';
import type { Actor } from '../../access/access-policy';
import { ContentDto, ContentMapper } from '../../content/dto/content.dto';
import { PostDto } from './post.dto';
import { BODY_LENGTH, TITLE_LENGTH, trim } from './text-limits';

export class CreateThreadDto {
  @ApiProperty({ minLength: TITLE_LENGTH[0], maxLength: TITLE_LENGTH[1] })
  @Transform(trim)
  @IsString()
  @Length(...TITLE_LENGTH)
  title!: string;

  @ApiProperty({ minLength: BODY_LENGTH[0], maxLength: BODY_LENGTH[1] })
  @Transform(trim)
  @IsString()
  @Length(...BODY_LENGTH)
  body!: string;

  @ApiPropertyOptional({ default: false, description: 'Shown as "Anonymous" to everyone but moderators' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;
}

export class EditThreadDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(...TITLE_LENGTH)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(...BODY_LENGTH)
  body?: string;
}

export class ThreadForumDto {
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
}

export class ThreadDto extends ContentDto {
  @ApiProperty() title!: string;
  @ApiProperty({ type: ThreadForumDto }) forum!: ThreadForumDto;
  @ApiProperty({ description: 'Published posts only' }) postCount!: number;
  @ApiProperty() pinned!: boolean;
}

export class ThreadDetailDto extends ThreadDto {
  @ApiProperty({ type: [PostDto], description: 'Published posts, oldest first: the first page' }) posts!: PostDto[];
  @ApiProperty({ nullable: true, type: String, description: 'For GET /threads/:id/posts?cursor= when the thread has more posts' })
  postsNextCursor!: string | null;
}

export class ThreadPageDto {
  @ApiProperty({ type: [ThreadDto] }) items!: ThreadDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

/** A thread row as the reader loads it: with its author, its forum and its published post count. */
export type LoadedThread = ContentEntity & { author: UserEntity; forum: ForumEntity; postCount: number };

export const ThreadMapper = {
  toDto(row: LoadedThread, viewer: Actor | null): ThreadDto {
    return {
      ...ContentMapper.base(row, row.author, viewer),
      title: row.title ?? '',
      forum: { slug: row.forum.slug, name: row.forum.name },
      postCount: row.postCount,
      pinned: row.pinned,
    };
  },
};
