import { ApiProperty } from '@nestjs/swagger';
import type { ContentEntity, ForumEntity, UserEntity } from '@asclepia/database';
import type { Actor } from '../../access/access-policy';
import { ContentDto, ContentMapper } from '../../content/dto/content.dto';
import { PostDto } from './post.dto';
import { AnonymousField, BodyField, TitleField } from '../../content/dto/content-fields';

/** A title is read in a list of threads, so it stays a line long. */
const THREAD_TITLE = { min: 3, max: 150 };

export class CreateThreadDto {
  @TitleField(THREAD_TITLE)
  title!: string;

  @BodyField()
  body!: string;

  @AnonymousField()
  anonymous?: boolean;
}

export class EditThreadDto {
  @TitleField({ ...THREAD_TITLE, optional: true })
  title?: string;

  @BodyField({ optional: true })
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
    return Object.assign(ContentMapper.base(row, row.author, viewer), {
      title: row.title ?? '',
      forum: { slug: row.forum.slug, name: row.forum.name },
      postCount: row.postCount,
      pinned: row.pinned,
    });
  },
};
