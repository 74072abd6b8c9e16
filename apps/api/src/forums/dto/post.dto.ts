import { ApiProperty } from '@nestjs/swagger';
import type { ContentEntity, UserEntity } from '@asclepia/database';
import type { Actor } from '../../access/access-policy';
import { ContentDto, ContentMapper } from '../../content/dto/content.dto';
import { AnonymousField, BodyField } from '../../content/dto/content-fields';

export class CreatePostDto {
  @BodyField()
  body!: string;

  @AnonymousField()
  anonymous?: boolean;
}

export class EditPostDto {
  @BodyField()
  body!: string;
}

export class PostDto extends ContentDto {
  @ApiProperty() threadId!: string;
}

export class PostPageDto {
  @ApiProperty({ type: [PostDto] }) items!: PostDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export type LoadedPost = ContentEntity & { author: UserEntity };

export const PostMapper = {
  toDto(row: LoadedPost, viewer: Actor | null): PostDto {
    return Object.assign(ContentMapper.base(row, row.author, viewer), { threadId: row.parentId ?? '' });
  },
};
